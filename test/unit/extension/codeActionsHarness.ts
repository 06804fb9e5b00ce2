import './vscodeStub';
import * as vscode from 'vscode';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import type { TextEdit } from '../../../src/core/model';
import { documentLength, workspaceEditOf } from '../../../src/extension/editorPaths';
import type { IndexService } from '../../../src/extension/indexService';
import { registerCodeActions } from '../../../src/extension/features/codeActions';
import { registerFixAllCommand } from '../../../src/extension/features/fixAll';
import { trackReadiness } from '../../../src/extension/features/readiness';
import { indexOf } from '../index/memoryWorkspace';
import { documentOf } from './navigationHarness';
import { registered } from './vscodeStub';
import type * as stub from './vscodeStub';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const V = vscode as unknown as typeof stub;

/** An open editor buffer whose text (and version) a test can change, as typing or another extension would. */
export interface Buffer {
  document: vscode.TextDocument;
  /** replaces the buffer's text (version + 1); the index is told at once unless `reindex` is false */
  set(text: string, reindex?: boolean): void;
}

/**
 * The code action provider and the fix-all command over an in-memory workspace, with a fake IndexService whose
 * `textOf` reads open buffers first (as the real one does). `beforeRead` runs before every read of another file's
 * text, so a test can change a buffer while a fix is being computed.
 */
export class Actions {
  readonly buffers = new Map<string, Buffer>();
  beforeRead: ((file: string) => void) | undefined;
  private listeners: ((e: { files: string[] }) => void)[] = [];

  private constructor(readonly index: WorkspaceIndex, readonly files: Record<string, string>, readonly service: IndexService,
    readonly provider: vscode.CodeActionProvider) {}

  static async of(files: Record<string, string>): Promise<Actions> {
    const index = await indexOf(files);
    let self: Actions | undefined;
    const uriOf = (file: string) => V.Uri.file('/ws/' + file);
    const service = {
      index,
      // (a test sets `auto`: the folder is then a knowledge base when the index holds a series)
      settings: { diagnostics: 'always' },
      configFile: { hasFile: false },
      ready: Promise.resolve(),
      onDidChange: (l: (e: { files: string[] }) => void) => { self!.listeners.push(l); return { dispose: () => { self!.listeners = self!.listeners.filter(x => x !== l); } }; },
      log: { error: (m: string) => { throw new Error(m); }, warn: () => undefined, info: () => undefined },
      // the fake index is updated at once: the buffer is indexed as shown when the lengths agree
      isIndexedAsShown: (doc: vscode.TextDocument, length: number) => length === documentLength(doc),
      feedNow: () => undefined,
      fileOf: (uri: stub.Uri) => (uri.scheme === 'file' && uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
      uriOf,
      documentOf: (file: string) => self!.buffers.get(file)?.document,
      textOf: async (file: string) => {
        self!.beforeRead?.(file);
        const open = self!.buffers.get(file);
        if (open) return open.document.getText();
        await new Promise(r => setImmediate(r));
        return self!.files[file];
      },
      toRange: (r: { start: stub.Position; end: stub.Position }) => new V.Range(r.start.line, r.start.character, r.end.line, r.end.character),
      fromPosition: (p: stub.Position) => ({ line: p.line, character: p.character }),
      toWorkspaceEdit: (edits: never) => workspaceEditOf(edits, uriOf as never, f => index.hasFile(f), { warn: () => undefined } as never),
    } as unknown as IndexService;
    trackReadiness(service);
    await service.ready;
    await new Promise(r => setImmediate(r));
    const before = registered.codeActions?.length ?? 0;
    registerCodeActions(service);
    registerFixAllCommand(service);
    self = new Actions(index, { ...files }, service, registered.codeActions[before] as vscode.CodeActionProvider);
    return self;
  }

  /** Opens `file` in a buffer (its text on disk unless given). */
  open(file: string, text = this.files[file]): Buffer {
    let version = 1;
    let current = documentOf(file, text);
    // one live object, as VS Code's TextDocument: its text and version change in place
    const document = {
      uri: current.uri, languageId: 'markdown', isDirty: true, isClosed: false,
      get version() { return version; },
      get lineCount() { return current.lineCount; },
      lineAt: (line: number) => current.lineAt(line),
      offsetAt: (p: vscode.Position) => current.offsetAt(p),
      getText: () => current.getText(),
    } as unknown as vscode.TextDocument;
    const buffer: Buffer = {
      document,
      set: (next: string, reindex = true) => {
        current = documentOf(file, next);
        version++;
        if (reindex) this.reindex(file, next);
      },
    };
    this.buffers.set(file, buffer);
    if (text !== this.files[file]) this.reindex(file, text);
    return buffer;
  }

  reindex(file: string, text: string): void {
    const changed = this.index.updateNote(file, text);
    for (const l of [...this.listeners]) l({ files: [...changed, file] });
  }

  /** The code actions for `kind` over the whole document. */
  async provide(document: vscode.TextDocument, kind: stub.CodeActionKind, automatic = false, diagnostics: vscode.Diagnostic[] = []): Promise<stub.CodeAction[]> {
    const context = { diagnostics, only: kind, triggerKind: automatic ? V.CodeActionTriggerKind.Automatic : V.CodeActionTriggerKind.Invoke };
    const token = { isCancellationRequested: false };
    const range = new V.Range(0, 0, document.lineCount, 0);
    return ((await this.provider.provideCodeActions(document, range as never, context as never, token as never)) ?? []) as unknown as stub.CodeAction[];
  }

  /** Applies an action the way the editor does: resolves it first when it has no edit yet. */
  async resolve(action: stub.CodeAction): Promise<stub.CodeAction> {
    if (action.edit || !this.provider.resolveCodeAction) return action;
    return ((await this.provider.resolveCodeAction(action as never, { isCancellationRequested: false } as never)) ?? action) as unknown as stub.CodeAction;
  }
}

/** The text of every file a WorkspaceEdit changes, after applying it to `textOf(file)`. */
export function applied(edit: stub.WorkspaceEdit | undefined, textOf: (file: string) => string): Record<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const op of edit?.ops ?? []) {
    if (op.kind !== 'replace') continue;
    const file = op.uri.path.slice(4);
    const list = byFile.get(file) ?? [];
    list.push({ range: { start: { ...op.range.start }, end: { ...op.range.end } }, newText: op.newText });
    byFile.set(file, list);
  }
  const out: Record<string, string> = {};
  for (const [file, edits] of byFile) out[file] = applyTextEdits(textOf(file), edits);
  return out;
}
