/**
 * A small stand-in for the `vscode` module, enough to unit-test the navigation providers in Node: import this
 * module before any extension module (it makes `require('vscode')` answer with the stub). Providers registered
 * through `languages.register…` are kept in `registered` for the test to call.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import picomatch from 'picomatch';

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: number | Position, b: number | Position, c?: number, d?: number) {
    if (typeof a === 'number') {
      this.start = new Position(a, b as number);
      this.end = new Position(c!, d!);
    } else {
      this.start = a;
      this.end = b as Position;
    }
  }
  isEqual(other: Range): boolean {
    return this.start.line === other.start.line && this.start.character === other.start.character
      && this.end.line === other.end.line && this.end.character === other.end.character;
  }
}

/** An editor selection: a range from where it started to where the cursor is. */
export class Selection extends Range {
  constructor(readonly anchor: Position, readonly active: Position) {
    super(anchor, active);
  }
}

export class Uri {
  constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly fragment = '') {}
  static file(p: string): Uri {
    return new Uri('file', '', p);
  }
  static from(c: { scheme: string; authority?: string; path?: string; fragment?: string }): Uri {
    return new Uri(c.scheme, c.authority ?? '', c.path ?? '', c.fragment ?? '');
  }
  /** `scheme://authority/path#fragment` (a query stays in the path) */
  static parse(value: string): Uri {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/#]*))?([^#]*)(?:#(.*))?$/.exec(value);
    if (!m) throw new Error(`not a URI: ${value}`);
    return new Uri(m[1], m[2] ?? '', m[3], m[4] ?? '');
  }
  get fsPath(): string {
    return this.path;
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, base.authority, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  with(change: { fragment?: string; path?: string }): Uri {
    return new Uri(this.scheme, this.authority, change.path ?? this.path, change.fragment ?? this.fragment);
  }
  toString(): string {
    return `${this.scheme}://${this.path}${this.fragment ? '#' + this.fragment : ''}`;
  }
}

export class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach(i => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class CompletionItem {
  insertText?: string;
  filterText?: string;
  sortText?: string;
  detail?: string;
  range?: Range;
  command?: unknown;
  constructor(readonly label: string | { label: string; description?: string }, readonly kind?: number) {}
}

export class CompletionList {
  constructor(readonly items: CompletionItem[], readonly isIncomplete = false) {}
}

export class MarkdownString {
  isTrusted = false;
  supportHtml = false;
  constructor(public value = '', readonly supportThemeIcons = false) {}
  /**
   * As VS Code's (src/vs/base/common/htmlContent.ts, escapeMarkdownSyntaxTokens and escapeIcons): a theme icon
   * `$(name)` is escaped when icons are on, then every Markdown syntax character, blanks become `&nbsp;`, `>` is escaped
   * and a line break starts a paragraph. A test that forgot this could not see text turn into a link.
   */
  appendText(s: string): this {
    const text = this.supportThemeIcons ? s.replace(/(\\)?\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g, (m, escaped) => (escaped ? m : `\\${m}`)) : s;
    this.value += text
      .replace(/[\\`*_{}[\]()#+\-!~]/g, '\\$&')
      .replace(/[ \t]+/g, blanks => '&nbsp;'.repeat(blanks.length))
      .replace(/>/g, '\\>')
      .replace(/\n/g, '\n\n');
    return this;
  }
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
}

/** What a reader sees of a MarkdownString's text: appendText's `&nbsp;` and backslash escapes undone. */
export function shownText(md: unknown): string {
  return (md as MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-!~>])/g, '$1');
}

/** Tree views: what TreeDataProviders build (the tests read the items back). */
export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(readonly id: string, readonly color?: ThemeColor) {}
}
export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
export const TreeItemCheckboxState = { Unchecked: 0, Checked: 1 };
export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  iconPath?: unknown;
  resourceUri?: Uri;
  command?: unknown;
  contextValue?: string;
  checkboxState?: unknown;
  accessibilityInformation?: { label: string; role?: string };
  constructor(readonly label: string, readonly collapsibleState = TreeItemCollapsibleState.None) {}
}

export class Hover {
  constructor(readonly contents: MarkdownString, readonly range?: Range) {}
}

export class Location {
  constructor(readonly uri: Uri, readonly range: Range) {}
}

export class DocumentLink {
  tooltip?: string;
  constructor(readonly range: Range, readonly target?: Uri) {}
}

export class SymbolInformation {
  constructor(readonly name: string, readonly kind: number, readonly containerName: string, readonly location: Location) {}
}

/** Hierarchical code action kinds (`source.fixAll.x` is contained in `source.fixAll`). */
export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === '' || this.value === other.value || other.value.startsWith(this.value + '.');
  }
  intersects(other: CodeActionKind): boolean {
    return this.contains(other) || other.contains(this);
  }
}

export const CodeActionTriggerKind = { Invoke: 1, Automatic: 2 };

export class CodeAction {
  edit?: WorkspaceEdit;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: unknown;
  constructor(readonly title: string, readonly kind?: CodeActionKind) {}
}

/** A WorkspaceEdit that records its operations in order. */
export class WorkspaceEdit {
  readonly ops: ({ kind: 'replace'; uri: Uri; range: Range; newText: string } | { kind: 'create'; uri: Uri; options?: unknown })[] = [];
  replace(uri: Uri, range: Range, newText: string): void {
    this.ops.push({ kind: 'replace', uri, range, newText });
  }
  insert(uri: Uri, position: Position, newText: string): void {
    this.replace(uri, new Range(position, position), newText);
  }
  createFile(uri: Uri, options?: unknown): void {
    this.ops.push({ kind: 'create', uri, options });
  }
  get size(): number {
    return new Set(this.ops.map(o => o.uri.toString())).size;
  }
}

const kinds = (names: string[]): Record<string, number> => Object.fromEntries(names.map((n, i) => [n, i]));
export const CompletionItemKind = kinds(['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module',
  'Property', 'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember']);
export const CompletionTriggerKind = { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 };
export const SymbolKind = kinds(['File', 'Module']);
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 };

/** What `vscode.l10n.t` takes first: a message, or the options form, whose bundle key is `message/comment`. */
export type L10nMessage = string | { message: string; args?: unknown[]; comment?: string | string[] };

function l10nFormat(message: L10nMessage, args: unknown[], bundle: Record<string, string> = {}): string {
  const [key, text, values] = typeof message === 'string' ? [message, message, args]
    : [message.comment ? `${message.message}/${([] as string[]).concat(message.comment).join('')}` : message.message, message.message, message.args ?? []];
  return (bundle[key] ?? text).replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)]));
}

export const l10n = {
  t: (message: L10nMessage, ...args: unknown[]): string => l10nFormat(message, args),
};

/** `l10n.t` in the language of `bundle` (l10n/bundle.l10n.*.json), looked up as VS Code does. */
export function l10nIn(bundle: Record<string, string>): (message: L10nMessage, ...args: unknown[]) => string {
  return (message, ...args) => l10nFormat(message, args, bundle);
}

/**
 * State the tests read or drive, one instance per process: each test file is bundled with its own copy of this
 * module, and only the first copy loaded answers `require('vscode')`.
 */
function shared<T>(key: string, make: () => T): T {
  const g = globalThis as unknown as Record<string, T>;
  return (g[`nnVscodeStub.${key}`] ??= make());
}

export const registered: Record<string, unknown[]> = shared('registered', () => ({}));
const keep = (kind: string) => (...args: unknown[]): Disposable => {
  (registered[kind] ??= []).push(args.length > 1 ? args[1] : args[0]);
  return new Disposable(() => undefined);
};
export const languages = {
  registerCompletionItemProvider: keep('completion'),
  registerHoverProvider: keep('hover'),
  registerDefinitionProvider: keep('definition'),
  registerReferenceProvider: keep('references'),
  registerDocumentLinkProvider: keep('documentLinks'),
  registerWorkspaceSymbolProvider: keep('workspaceSymbols'),
  registerCodeActionsProvider: keep('codeActions'),
  createDiagnosticCollection: (): DiagnosticCollection => new DiagnosticCollection(),
};

export class EventEmitter<T> {
  private listeners: ((e: T) => unknown)[] = [];
  readonly event = (listener: (e: T) => unknown): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => { this.listeners = this.listeners.filter(l => l !== listener); });
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class RelativePattern {
  readonly baseUri: Uri;
  constructor(base: Uri, readonly pattern: string) {
    this.baseUri = base;
  }
}

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };

export class FileSystemError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(readonly range: Range, readonly message: string, readonly severity: number) {}
}

export class DiagnosticRelatedInformation {
  constructor(readonly location: Location, readonly message: string) {}
}

/** Events a test fires by hand: the editor's document events and the file watchers' events. */
export const events = shared('events', () => ({
  changeTextDocument: new EventEmitter<unknown>(),
  openTextDocument: new EventEmitter<unknown>(),
  saveTextDocument: new EventEmitter<unknown>(),
  closeTextDocument: new EventEmitter<unknown>(),
  renameFiles: new EventEmitter<unknown>(),
  willRenameFiles: new EventEmitter<unknown>(),
  createFiles: new EventEmitter<unknown>(),
  deleteFiles: new EventEmitter<unknown>(),
  windowState: new EventEmitter<{ focused: boolean }>(),
  taskProcessEnd: new EventEmitter<unknown>(),
  shellExecutionEnd: new EventEmitter<unknown>(),
  changeConfiguration: new EventEmitter<unknown>(),
  changeWorkspaceFolders: new EventEmitter<unknown>(),
  grantWorkspaceTrust: new EventEmitter<void>(),
  fsCreate: new EventEmitter<Uri>(),
  fsChange: new EventEmitter<Uri>(),
  fsDelete: new EventEmitter<Uri>(),
}));

/** Settings answered by `workspace.getConfiguration`, by full key (`notesNavigator.diagnostics.enabled`). */
export const settings = shared('settings', () => new Map<string, unknown>());
/** settings (full keys) that `inspect` reports as set by the workspace rather than the user */
export const workspaceScoped = shared('workspaceScoped', () => new Set<string>());

/** Warning messages shown through `window.showWarningMessage`. */
export const warnings: string[] = shared('warnings', () => []);

function fsError(e: unknown): FileSystemError {
  const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'FileNotFound' : 'Unknown';
  return new FileSystemError((e as Error).message, code);
}

export const workspace = shared('workspace', () => ({
  textDocuments: [] as unknown[],
  workspaceFolders: undefined as unknown,
  /** the .code-workspace file of a multi-root workspace (undefined: none) */
  workspaceFile: undefined as Uri | undefined,
  isTrusted: true,
  onDidChangeTextDocument: events.changeTextDocument.event,
  onDidOpenTextDocument: events.openTextDocument.event,
  onDidSaveTextDocument: events.saveTextDocument.event,
  onDidCloseTextDocument: events.closeTextDocument.event,
  onDidRenameFiles: events.renameFiles.event,
  onWillRenameFiles: events.willRenameFiles.event,
  onDidCreateFiles: events.createFiles.event,
  onDidDeleteFiles: events.deleteFiles.event,
  onDidChangeConfiguration: events.changeConfiguration.event,
  onDidChangeWorkspaceFolders: events.changeWorkspaceFolders.event,
  onDidGrantWorkspaceTrust: events.grantWorkspaceTrust.event,
  createFileSystemWatcher: () => ({
    onDidCreate: events.fsCreate.event, onDidChange: events.fsChange.event, onDidDelete: events.fsDelete.event, dispose: () => undefined,
  }),
  getConfiguration: (section: string) => ({
    get: <T>(key: string, fallback?: T): T | undefined => (settings.has(`${section}.${key}`) ? settings.get(`${section}.${key}`) as T : fallback),
    inspect: (key: string) => {
      const full = `${section}.${key}`;
      if (!settings.has(full)) return undefined;
      return workspaceScoped.has(full) ? { workspaceValue: settings.get(full) } : { globalValue: settings.get(full) };
    },
    /** sets the value (any target) and announces the change as the editor does */
    update: async (key: string, value: unknown): Promise<void> => {
      const full = `${section}.${key}`;
      if (value === undefined) settings.delete(full);
      else settings.set(full, value);
      events.changeConfiguration.fire({ affectsConfiguration: (s: string) => full === s || full.startsWith(`${s}.`) });
    },
  }),
  /** every file below the pattern's folder (node_modules and .git skipped), minus what the exclude glob matches */
  findFiles: async (pattern: RelativePattern, exclude?: string): Promise<Uri[]> => {
    const skip = exclude ? picomatch(exclude, { dot: true }) : () => false;
    const base = pattern.baseUri.path;
    const out: Uri[] = [];
    const walk = (dir: string, rel: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (skip(r) || skip(r + '/x')) continue;
        if (e.isDirectory()) walk(`${dir}/${e.name}`, r);
        else if (e.isFile()) out.push(Uri.file(`${base}/${r}`));
      }
    };
    walk(base, '');
    return out;
  },
  fs: {
    stat: async (uri: Uri) => {
      try {
        const st = statSync(uri.path);
        return { type: st.isDirectory() ? FileType.Directory : FileType.File, size: st.size, mtime: st.mtimeMs };
      } catch (e) {
        throw fsError(e);
      }
    },
    readDirectory: async (uri: Uri): Promise<[string, number][]> => {
      try {
        return readdirSync(uri.path, { withFileTypes: true }).map(e => [e.name, e.isDirectory() ? FileType.Directory : e.isFile() ? FileType.File : FileType.Unknown]);
      } catch (e) {
        throw fsError(e);
      }
    },
    readFile: async (uri: Uri): Promise<Uint8Array> => {
      try {
        return readFileSync(uri.path);
      } catch (e) {
        throw fsError(e);
      }
    },
  },
}));

const quietLog = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, show: () => undefined, dispose: () => undefined };

export const window = {
  createOutputChannel: () => quietLog,
  onDidChangeWindowState: events.windowState.event,
  onDidEndTerminalShellExecution: events.shellExecutionEnd.event,
  withProgress: <T>(_options: unknown, task: () => Promise<T>): Promise<T> => task(),
  showWarningMessage: (message: string): Promise<undefined> => {
    warnings.push(message);
    return Promise.resolve(undefined);
  },
  /** picks nothing; a test answers by replacing it */
  showQuickPick: async (): Promise<undefined> => undefined,
};

export const tasks = { onDidEndTaskProcess: events.taskProcessEnd.event };

/** The editor's display language (the coverage page's `lang`). */
export const env = { language: 'en' };

/** Ids of the extensions `extensions.getExtension` finds (none unless a test adds them). */
export const installedExtensions = shared('installedExtensions', () => new Set<string>());

export const extensions = {
  getExtension: (id: string): { id: string } | undefined => (installedExtensions.has(id) ? { id } : undefined),
};

/** Command handlers registered through `commands.registerCommand`, by id. */
export const commandHandlers: Map<string, (...args: unknown[]) => unknown> = shared('commandHandlers', () => new Map());

export const commands = {
  executeCommand: async (): Promise<undefined> => undefined,
  registerCommand: (id: string, handler: (...args: unknown[]) => unknown): Disposable => {
    commandHandlers.set(id, handler);
    return new Disposable(() => commandHandlers.delete(id));
  },
};

/** Diagnostic collections created through `languages.createDiagnosticCollection`, by file path. */
export class DiagnosticCollection {
  readonly byPath = new Map<string, Diagnostic[]>();
  set(entries: [Uri, Diagnostic[]][]): void {
    for (const [uri, list] of entries) this.byPath.set(uri.path, list);
  }
  delete(uri: Uri): void {
    this.byPath.delete(uri.path);
  }
  clear(): void {
    this.byPath.clear();
  }
  dispose(): void {
    this.byPath.clear();
  }
}

const stub = {
  Position, Range, Selection, Uri, Disposable, CompletionItem, CompletionList, MarkdownString, Hover, Location, DocumentLink, SymbolInformation,
  CompletionItemKind, CompletionTriggerKind, SymbolKind, l10n, languages, workspace, EventEmitter, RelativePattern, FileType,
  FileSystemError, DiagnosticSeverity, Diagnostic, window, commands, ProgressLocation, StatusBarAlignment, ConfigurationTarget, ViewColumn,
  CodeActionKind, CodeActionTriggerKind, CodeAction, WorkspaceEdit, DiagnosticRelatedInformation, extensions, env,
  TreeItem, TreeItemCollapsibleState, TreeItemCheckboxState, ThemeIcon, ThemeColor, tasks,
};

type Resolver = (request: string, ...rest: unknown[]) => string;
const M = Module as unknown as { _resolveFilename: Resolver; _cache: Record<string, unknown> };
const original = M._resolveFilename;
if (!(original as { vscodeStub?: boolean }).vscodeStub) {
  const resolve: Resolver = (request, ...rest) => (request === 'vscode' ? 'vscode' : original(request, ...rest));
  (resolve as { vscodeStub?: boolean }).vscodeStub = true;
  M._resolveFilename = resolve;
  M._cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: stub };
}
