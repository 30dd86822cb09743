/**
 * Document symbols that a client re-asks for when the issue index changes.
 * LSP has no refresh request for symbols, and the outline's jump notes
 * (→ 2版, not found) depend on other pages. A client that registers providers
 * dynamically (VS Code does) re-queries symbols when a provider is replaced,
 * so the server registers the provider itself and replaces it after the
 * index changed. Other clients get the provider statically and see new notes
 * on their next request.
 */
import { DocumentSymbolRequest, type ClientCapabilities, type Connection, type Disposable } from 'vscode-languageserver';

export class SymbolRegistration {
  private current: Disposable | undefined;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    readonly dynamic: boolean,
  ) {}

  static for(connection: Connection, capabilities: ClientCapabilities): SymbolRegistration {
    return new SymbolRegistration(connection, capabilities.textDocument?.documentSymbol?.dynamicRegistration === true);
  }

  /** The static capability, for clients that cannot register it themselves. */
  capability(): { documentSymbolProvider?: { label: string } } {
    return this.dynamic ? {} : { documentSymbolProvider: { label: 'Newsprint' } };
  }

  /** Registers the provider, or replaces it so the client asks for symbols again. */
  renew(): void {
    if (!this.dynamic) return;
    // Registrations run one after another: a burst of index changes never leaves two providers.
    this.busy = this.busy
      .then(async () => {
        const next = await this.connection.client.register(DocumentSymbolRequest.type, { documentSelector: null, label: 'Newsprint' });
        const old = this.current;
        this.current = next;
        old?.dispose();
      })
      .catch((err: unknown) => this.connection.console.warn(`Newsprint: cannot register document symbols: ${String(err)}`));
  }
}
