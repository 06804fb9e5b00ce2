/**
 * A small stand-in for the `vscode` module, enough to unit-test the navigation providers in Node: import this
 * module before any extension module (it makes `require('vscode')` answer with the stub). Providers registered
 * through `languages.register…` are kept in `registered` for the test to call.
 */
import Module from 'node:module';

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
}

export class Uri {
  constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly fragment = '') {}
  static file(p: string): Uri {
    return new Uri('file', '', p);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, base.authority, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  with(change: { fragment?: string }): Uri {
    return new Uri(this.scheme, this.authority, this.path, change.fragment ?? this.fragment);
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
  appendText(s: string): this {
    this.value += s;
    return this;
  }
  appendMarkdown(s: string): this {
    this.value += s;
    return this;
  }
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

const kinds = (names: string[]): Record<string, number> => Object.fromEntries(names.map((n, i) => [n, i]));
export const CompletionItemKind = kinds(['Text', 'Method', 'Function', 'Constructor', 'Field', 'Variable', 'Class', 'Interface', 'Module',
  'Property', 'Unit', 'Value', 'Enum', 'Keyword', 'Snippet', 'Color', 'File', 'Reference', 'Folder', 'EnumMember']);
export const CompletionTriggerKind = { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 };
export const SymbolKind = kinds(['File', 'Module']);

export const l10n = {
  t: (message: string, ...args: unknown[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
};

export const registered: Record<string, unknown[]> = {};
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
};

export const workspace = { textDocuments: [] as unknown[] };

const stub = {
  Position, Range, Uri, Disposable, CompletionItem, CompletionList, MarkdownString, Hover, Location, DocumentLink, SymbolInformation,
  CompletionItemKind, CompletionTriggerKind, SymbolKind, l10n, languages, workspace,
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
