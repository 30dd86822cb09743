/**
 * vscode-languageclient 11 writes its message trace at the Trace level of a log
 * channel and traces only while that channel's level is Trace, so the
 * `newsprint.trace.server` setting alone would show nothing at the default
 * level. This channel reports level Trace while the setting is on and writes
 * the trace into the Newsprint output at a level that is shown.
 */
import * as vscode from 'vscode';

const SECTION = 'newsprint';
const SETTING = 'trace.server';

function settingOn(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<string>(SETTING, 'off') !== 'off';
}

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.levelChanged.event;
  private level: vscode.LogLevel;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly out: vscode.LogOutputChannel) {
    this.level = this.effectiveLevel();
    this.disposables = [
      this.levelChanged,
      out.onDidChangeLogLevel(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${SETTING}`)) this.update();
      }),
    ];
  }

  get name(): string {
    return this.out.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  trace(message: string, ...args: unknown[]): void {
    if (this.out.logLevel === vscode.LogLevel.Trace) this.out.trace(message, ...args);
    else if (settingOn()) this.out.info(message, ...args);
  }

  debug(message: string, ...args: unknown[]): void {
    this.out.debug(message, ...args);
  }

  info(message: string, ...args: unknown[]): void {
    this.out.info(message, ...args);
  }

  warn(message: string, ...args: unknown[]): void {
    this.out.warn(message, ...args);
  }

  error(error: string | Error, ...args: unknown[]): void {
    this.out.error(error, ...args);
  }

  append(value: string): void {
    this.out.append(value);
  }

  appendLine(value: string): void {
    this.out.appendLine(value);
  }

  replace(value: string): void {
    this.out.replace(value);
  }

  clear(): void {
    this.out.clear();
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'number') this.out.show(columnOrPreserveFocus, preserveFocus);
    else this.out.show(columnOrPreserveFocus);
  }

  hide(): void {
    this.out.hide();
  }

  /** Stops listening; the output it writes to belongs to the extension. */
  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private effectiveLevel(): vscode.LogLevel {
    return settingOn() ? vscode.LogLevel.Trace : this.out.logLevel;
  }

  private update(): void {
    const next = this.effectiveLevel();
    if (next !== this.level) {
      this.level = next;
      this.levelChanged.fire(next);
    }
  }
}
