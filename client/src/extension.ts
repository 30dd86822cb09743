/**
 * The VS Code side of Newsprint: starts the bundled language server and shows
 * what only an editor can (status item, commands, the issue map). It analyses nothing itself.
 */
import { config as configureL10n } from '@vscode/l10n';
import * as vscode from 'vscode';
import { ArticleStatus } from './articleStatus';
import { COMMANDS, registerCommands } from './commands';
import { registerNavigation } from './navigation';
import { ExportCommands } from './exportCommands';
import { IssueCheckCommand } from './issueCheck';
import { IssueMapView } from './issueMap';
import { PageFileLanguage } from './pageFiles';
import { ServerController } from './serverController';
import { StatusItem } from './statusItem';
import { TraceChannel } from './traceChannel';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The modules that import no vscode (the Issue Map's text, export choices) say things through @vscode/l10n: give it VS Code's bundle.
  configureL10n({ contents: vscode.l10n.bundle ?? {} });
  const output = vscode.window.createOutputChannel('Newsprint', { log: true });
  const trace = new TraceChannel(output);
  const status = new StatusItem(COMMANDS.showOutput);
  controller = new ServerController(context, output, trace, status);
  const issueMap = new IssueMapView(output);
  const exports = new ExportCommands(context.workspaceState, output);
  const pageFiles = new PageFileLanguage(output);
  const issueCheck = new IssueCheckCommand(output);
  controller.onClient((client) => [...issueMap.attach(client), ...exports.attach(client), ...pageFiles.attach(client), ...issueCheck.attach(client)]);
  const started = controller;
  context.subscriptions.push(
    output,
    trace,
    status,
    controller,
    issueMap,
    exports,
    pageFiles,
    issueCheck,
    new ArticleStatus(issueMap),
    ...registerCommands(controller, output),
    ...registerNavigation(),
    // The server was told the workspace is untrusted: started again, it reads the workspace's own settings too.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void started.restart()),
  );
  await controller.start();
}

export async function deactivate(): Promise<void> {
  const stopping = controller?.stop();
  controller = undefined;
  await stopping;
}
