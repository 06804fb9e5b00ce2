import './vscodeStub';
import type * as vscode from 'vscode';
import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { documentLength } from '../../../src/extension/editorPaths';
import type { IndexService } from '../../../src/extension/indexService';
import { registerCompletion } from '../../../src/extension/features/completion';
import { registerDefinitions } from '../../../src/extension/features/definition';
import { registerDocumentLinks } from '../../../src/extension/features/documentLinks';
import { registerHover } from '../../../src/extension/features/hover';
import { trackReadiness } from '../../../src/extension/features/readiness';
import { registerReferences } from '../../../src/extension/features/references';
import { FM, indexOf } from '../index/memoryWorkspace';
import { Position, Range, Uri, registered } from './vscodeStub';

/** A text document over a string (LF or CRLF), with VS Code's UTF-16 columns. */
export function documentOf(file: string, text: string): vscode.TextDocument {
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let at = 0;
  for (const m of text.matchAll(/[^\n]*(\n|$)/g)) {
    if (starts.length === lines.length) break;
    starts.push(at);
    at += m[0].length;
  }
  // (a position past the last line is the end, as VS Code validates it)
  const offsetAt = (p: Position) => (p.line >= starts.length ? text.length : starts[p.line] + p.character);
  return {
    uri: Uri.file('/ws/' + file),
    lineCount: lines.length,
    isClosed: false,
    lineAt: (line: number) => ({ text: lines[line], range: new Range(line, 0, line, lines[line].length) }),
    offsetAt,
    getText: (range?: Range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
  } as unknown as vscode.TextDocument;
}

/** The providers of this module over an in-memory workspace. */
export class Navigation {
  private constructor(readonly index: WorkspaceIndex, readonly service: IndexService, private readonly providers: Record<string, unknown>) {}

  static async of(files: Record<string, string>, config: NotesConfig = defaultConfig()): Promise<Navigation> {
    const index = await indexOf(files, config);
    const listeners: ((e: { files: string[] }) => void)[] = [];
    const service = {
      index,
      ready: Promise.resolve(),
      onDidChange: (l: (e: { files: string[] }) => void) => { listeners.push(l); return { dispose: () => undefined }; },
      log: { error: (m: string) => { throw new Error(m); }, warn: () => undefined, info: () => undefined },
      // the fake index is updated at once: the buffer is indexed as shown when the lengths agree
      isIndexedAsShown: (doc: vscode.TextDocument, length: number) => length === documentLength(doc),
      feedNow: () => undefined,
      settings: { debounceMs: 40, diagnostics: 'always' },
      fileOf: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
      uriOf: (file: string) => Uri.file('/ws/' + file),
      toRange: (r: { start: Position; end: Position }) => new Range(r.start.line, r.start.character, r.end.line, r.end.character),
      fromPosition: (p: Position) => ({ line: p.line, character: p.character }),
    } as unknown as IndexService;
    trackReadiness(service);
    await service.ready;
    await new Promise(r => setImmediate(r));
    const providers: Record<string, unknown> = {};
    for (const [kind, register] of Object.entries({
      completion: registerCompletion, hover: registerHover, definition: registerDefinitions,
      references: registerReferences, documentLinks: registerDocumentLinks,
    })) {
      const before = registered[kind]?.length ?? 0;
      register(service);
      providers[kind] = registered[kind][before];
    }
    return new Navigation(index, service, providers);
  }

  /** The text of `file` as indexed (after `edit`, when given: an unsaved buffer). */
  document(file: string, text?: string): vscode.TextDocument {
    if (text !== undefined) this.index.updateNote(file, text);
    const record = this.index.note(file);
    if (!record) throw new Error(`no note ${file}`);
    return documentOf(file, text ?? this.texts.get(file)!);
  }

  texts = new Map<string, string>();

  async complete(doc: vscode.TextDocument, line: number, character: number, trigger?: string): Promise<vscode.CompletionItem[]> {
    const p = this.providers.completion as vscode.CompletionItemProvider;
    const context = { triggerKind: trigger === undefined ? 0 : 1, triggerCharacter: trigger };
    const r = await p.provideCompletionItems(doc, new Position(line, character) as vscode.Position, {} as vscode.CancellationToken, context as vscode.CompletionContext);
    if (!r) return [];
    return Array.isArray(r) ? r : r.items;
  }

  async hover(doc: vscode.TextDocument, line: number, character: number): Promise<vscode.Hover | undefined> {
    const p = this.providers.hover as vscode.HoverProvider;
    return (await p.provideHover(doc, new Position(line, character) as vscode.Position, {} as vscode.CancellationToken)) ?? undefined;
  }

  async definition(doc: vscode.TextDocument, line: number, character: number): Promise<vscode.LocationLink[]> {
    const p = this.providers.definition as vscode.DefinitionProvider;
    return ((await p.provideDefinition(doc, new Position(line, character) as vscode.Position, {} as vscode.CancellationToken)) ?? []) as vscode.LocationLink[];
  }

  async references(doc: vscode.TextDocument, line: number, character: number, includeDeclaration = false): Promise<vscode.Location[]> {
    const p = this.providers.references as vscode.ReferenceProvider;
    return (await p.provideReferences(doc, new Position(line, character) as vscode.Position, { includeDeclaration }, {} as vscode.CancellationToken)) ?? [];
  }

  async documentLinks(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    const p = this.providers.documentLinks as vscode.DocumentLinkProvider;
    return (await p.provideDocumentLinks(doc, { isCancellationRequested: false } as vscode.CancellationToken)) ?? [];
  }
}

/** Builds a workspace and remembers each file's text, for `document`. */
export async function navigationOf(files: Record<string, string>, config?: NotesConfig): Promise<Navigation> {
  const nav = await Navigation.of(files, config);
  for (const [f, t] of Object.entries(files)) nav.texts.set(f, t);
  // the text of a file as the service reads it (an open buffer or the disk)
  Object.assign(nav.service, { textOf: async (file: string) => nav.texts.get(file) });
  return nav;
}

/** `[line, character]` of the first occurrence of `needle` in `text` (+ `delta` characters). */
export function at(text: string, needle: string, delta = 0): [number, number] {
  const i = text.indexOf(needle);
  if (i === -1) throw new Error(`no ${needle}`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  const col = before.length - before.lastIndexOf('\n') - 1;
  return [line, col];
}

export const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** A note with CJK headings and a heading written twice, which the navigation tests link to. */
export const BETA_NOTE = FM('Beta Title') + '# Setup 步驟\n\n## 設定\n\n## Dup\n\n## Dup\n';
