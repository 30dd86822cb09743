/**
 * What to do when the server dies: restart it, as the default handler of
 * vscode-languageclient does, at most MAX_RESTARTS times in WINDOW_MS, but say
 * so each time instead of restarting silently, and say once when it gives up.
 */
import { t } from '@vscode/l10n';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;
/** Write errors in a row tolerated before the connection is given up, as the default handler does. */
const MAX_CONNECTION_ERRORS = 3;

/** How the user hears about it; the policy only decides. */
export interface RestartNotifier {
  restarting(attempt: number, max: number): void;
  /** The server crashed too often, or the connection kept failing, and stays down. */
  gaveUp(message: string): void;
}

export class RestartPolicy implements ErrorHandler {
  private restarts: number[] = [];

  constructor(
    private readonly notifier: RestartNotifier,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    if (count !== undefined && count <= MAX_CONNECTION_ERRORS) return { action: ErrorAction.Continue };
    const message = t('The connection to the Newsprint server keeps failing; the server has been shut down.');
    this.notifier.gaveUp(message);
    // handled: the notifier has told the user; the client only logs it.
    return { action: ErrorAction.Shutdown, message, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      const message = t`Newsprint server stopped unexpectedly ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted.`;
      this.notifier.gaveUp(message);
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    this.restarts.push(now);
    const attempt = this.restarts.length;
    this.notifier.restarting(attempt, MAX_RESTARTS);
    return { action: CloseAction.Restart, message: t`Newsprint server stopped unexpectedly; restarting (${attempt}/${MAX_RESTARTS}).`, handled: true };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.restarts = [];
  }
}
