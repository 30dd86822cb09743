/**
 * Settings on their way to the server. The server reads `newsprint.*` with
 * workspace/configuration; only the editor knows which workspace folder a
 * document belongs to, so relative paths are made absolute here.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { ResponseError, type ConfigurationRequest, type LSPAny } from 'vscode-languageclient/node';

const SECTION = 'newsprint';

/** `~/words.txt` from the home folder, `words.txt` from the folder; an absolute path as it is. */
export function resolveSettingPath(path: string, folder: string | undefined): string {
  if (path === '' || isAbsolute(path)) return path;
  if (path === '~' || path.startsWith('~/') || path.startsWith('~\\')) return join(homedir(), path.slice(1));
  return folder === undefined ? path : resolve(folder, path);
}

/** The folder on disk a setting of this document is relative to: its workspace folder, else the first one. */
function folderFor(scopeUri: string | undefined): string | undefined {
  const own = scopeUri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(scopeUri));
  const folder = own ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

function withResolvedPaths(value: unknown, scopeUri: string | undefined): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const dictionary = (value as { userDictionary?: unknown }).userDictionary;
  if (typeof dictionary !== 'string' || dictionary === '') return value;
  return { ...value, userDictionary: resolveSettingPath(dictionary, folderFor(scopeUri)) };
}

export const configurationMiddleware: ConfigurationRequest.MiddlewareSignature = async (params, token, next) => {
  const result = await next(params, token);
  if (result instanceof ResponseError) return result;
  const values: unknown[] = result;
  const resolved = values.map((value, i) => {
    const item = params.items[i];
    return item?.section === SECTION ? withResolvedPaths(value, item.scopeUri) : value;
  });
  // The protocol types settings as LSPAny, which is `any`: what goes back is what came, with one path resolved.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  return resolved as LSPAny[];
};
