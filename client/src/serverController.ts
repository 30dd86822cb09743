/**
 * Owns the language client: starts the bundled server, restarts it when asked
 * or after a crash, and feeds the status item. A client whose start failed
 * cannot be started again, so every start makes a new one.
 */
import { existsSync } from 'node:fs';
import { t } from '@vscode/l10n';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DOCUMENT_SELECTOR } from './language';
import { SERVER_NODE_ARGS, StatusNotification, readStatusParams } from './protocol';
import { RestartPolicy, type RestartNotifier } from './restartPolicy';
import { configurationMiddleware } from './settingsMiddleware';
import type { StatusItem } from './statusItem';

/** Button labels, looked up when shown. */
const SHOW_OUTPUT = () => t('Show Output');
const RESTART = () => t('Restart Server');

/**
 * A client that leaves telling the user to the extension. Its own forced
 * error toasts would come again on every automatic restart; the restart
 * policy and the status item say it once instead, and the output keeps the detail.
 */
class NewsprintClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientListeners: vscode.Disposable[] = [];
  private readonly policy: RestartPolicy;
  private readonly clientHooks: Array<(client: LanguageClient) => vscode.Disposable[]> = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly trace: vscode.LogOutputChannel,
    private readonly status: StatusItem,
  ) {
    this.policy = new RestartPolicy(this.notifier());
  }

  /**
   * Runs for every client the controller makes, before it starts, so views
   * can listen to its notifications; what the hook returns is disposed when
   * that client stops.
   */
  onClient(hook: (client: LanguageClient) => vscode.Disposable[]): void {
    this.clientHooks.push(hook);
  }

  async start(): Promise<void> {
    if (this.client) return;
    const serverModule = this.context.asAbsolutePath('server/out/server.js');
    if (!existsSync(serverModule)) {
      const reason = t`The Newsprint language server is missing: ${serverModule} was not found. Build it with “npm run build”.`;
      this.output.error(reason);
      this.status.stopped(reason);
      void vscode.window.showErrorMessage(reason);
      return;
    }
    const client = new NewsprintClient('newsprint', 'Newsprint', serverOptions(serverModule), this.clientOptions());
    this.client = client;
    this.clientListeners = [
      client.onDidChangeState((e) => this.stateChanged(e.newState)),
      client.onNotification(StatusNotification, (params: unknown) => {
        const status = readStatusParams(params);
        if (status) this.status.segmentation(status);
        else this.output.warn(`Ignored a newsprint/status notification with unexpected params: ${JSON.stringify(params)}`);
      }),
      ...this.clientHooks.flatMap((hook) => hook(client)),
    ];
    try {
      await client.start();
    } catch (err) {
      // The client has logged the cause. When its process died, the restart policy is already on it.
      if (client.state === State.Starting || client.state === State.Running) return;
      const reason = t`The Newsprint language server failed to start: ${err instanceof Error ? err.message : String(err)}`;
      this.status.stopped(reason);
      this.offerRestart(reason);
    }
  }

  /** Stops the server if it runs and starts a fresh one; the crash count starts over. */
  async restart(): Promise<void> {
    this.policy.reset();
    await this.stop();
    this.status.starting();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientListeners) d.dispose();
    this.clientListeners = [];
    if (!client) return;
    try {
      await client.dispose();
    } catch (err) {
      // A client that never finished starting cannot shut down politely; its process is killed all the same.
      this.output.debug(`Stopping the server: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  dispose(): void {
    void this.stop();
  }

  private clientOptions(): LanguageClientOptions {
    return {
      documentSelector: DOCUMENT_SELECTOR,
      // An untrusted workspace's .newsprint.json may not choose which files are pages; trust granted later restarts the server.
      initializationOptions: { trusted: vscode.workspace.isTrusted },
      // Tells the server when any newsprint.* setting changes; it reads them with workspace/configuration.
      // Files it watches itself: it registers its watchers for page and config files.
      synchronize: { configurationSection: 'newsprint' },
      outputChannel: this.output,
      traceOutputChannel: this.trace,
      // Failures are logged; the user hears from the restart policy instead of one toast per failed request.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: this.policy,
      initializationFailedHandler: (error: unknown) => {
        this.output.error(`The server failed to initialize: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
      middleware: { workspace: { configuration: configurationMiddleware } },
    };
  }

  private stateChanged(state: State): void {
    if (state === State.Starting) this.status.starting();
    else if (state === State.Running) this.status.running();
    else if (state === State.Stopped || state === State.StartFailed) {
      this.status.stopped(t('The Newsprint language server is not running. Run “Newsprint: Restart Language Server” to start it again.'));
    }
  }

  private notifier(): RestartNotifier {
    return {
      restarting: (attempt, max) => {
        void vscode.window.showWarningMessage(t`Newsprint server stopped unexpectedly; restarting (${attempt}/${max}).`, SHOW_OUTPUT()).then((choice) => {
          if (choice === SHOW_OUTPUT()) this.output.show(true);
        });
      },
      gaveUp: (message) => this.offerRestart(message),
    };
  }

  private offerRestart(message: string): void {
    void vscode.window.showErrorMessage(t`${message} See the output for details.`, SHOW_OUTPUT(), RESTART()).then((choice) => {
      if (choice === SHOW_OUTPUT()) this.output.show(true);
      else if (choice === RESTART()) void this.restart();
    });
  }
}

function serverOptions(module: string): ServerOptions {
  return {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
  };
}
