import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { DiskFeed } from './diskFeed';
import { documentLength } from './editorPaths';
import { isHidden } from './hiddenNotes';
import { isUnsavedPlainFile } from './workspaceLoad';

/** What the buffer feed needs from the IndexService that owns it. */
export interface BufferFeedHost {
  readonly index: WorkspaceIndex;
  readonly disk: DiskFeed;
  fileOf(uri: vscode.Uri): string | undefined;
  /** the editor's debounce of re-checks while typing, in ms (read at each edit: the setting can change) */
  debounceMs(): number;
  /** queues index work about the folder indexed now (see IndexService.enqueueHere) */
  enqueueHere(task: () => Promise<void>): Promise<void>;
  /** announces the files whose diagnostics were re-checked */
  fire(files: string[]): void;
}

/**
 * Feeds the index what the editor's buffers hold: an edit is indexed once typing pauses (debounced per document),
 * a buffer that opens with unsaved text is indexed, and a buffer that is closed unsaved, reverted or saved sends the
 * index back to the disk where that differs. Remembers, per file, which text the index holds, so that a report of the
 * disk (see DiskFeed) knows whether it changes anything.
 */
export class BufferFeed implements vscode.Disposable {
  /** files whose indexed text came from an unsaved buffer, with that buffer's version */
  readonly fromBuffer = new Map<string, number>();
  /**
   * The text the index holds per file with an open buffer, when known (fed from the buffer, or read from disk while
   * it was open). A version says less: VS Code can give a buffer other text with no event and no new version (a
   * dirty buffer moved with its folder keeps version 1 and may come back with the disk's text).
   */
  readonly fedText = new Map<string, string>();
  /** document version last fed to the index per file */
  private readonly fedVersion = new Map<string, number>();
  /** document version queued by isIndexedAsShown per file (a buffer showing other text than the index holds) */
  private readonly refedVersion = new Map<string, number>();
  /** pending re-checks, by document URI */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: BufferFeedHost) {}

  /** Follows the editor's buffers (returns the subscriptions). */
  listen(): vscode.Disposable[] {
    const ws = vscode.workspace;
    return [
      ws.onDidChangeTextDocument(e => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
        else if (!e.document.isDirty) this.settled(e.document);
        // dirty again with no edit (a rename that failed puts the buffer back after reverting it): its text counts
        else if (this.bufferNotIndexed(e.document)) this.schedule(e.document);
      }),
      // a buffer can open with unsaved text and no change event (a hot-exit backup restored once its editor shows,
      // after the load): the editor shows that text, so it is what is checked
      ws.onDidOpenTextDocument(doc => {
        if (doc.isDirty) this.schedule(doc);
      }),
      ws.onDidSaveTextDocument(doc => {
        const file = this.host.fileOf(doc.uri);
        if (!file) return;
        this.fromBuffer.delete(file);
        // what was saved is what counts, read as the CLI reads it (a NUL makes the file binary, a lone surrogate is
        // written as U+FFFD), whether or not the watcher reports the write: the index may hold the buffer's text, or
        // other text if the buffer changed with no event (nothing is fed when the disk says what the index holds)
        if (this.host.index.hasFile(file)) void this.host.enqueueHere(() => this.host.disk.refreshFile(file));
      }),
      ws.onDidCloseTextDocument(doc => {
        const file = this.host.fileOf(doc.uri);
        if (!file) return;
        this.cancel(doc.uri);
        this.fedVersion.delete(file);
        this.refedVersion.delete(file);
        this.fedText.delete(file);
        // the buffer's unsaved text was indexed and then discarded, or its clean text with other line endings than
        // the disk's: go back to the disk
        const unsaved = this.fromBuffer.delete(file);
        if (this.host.disk.otherLineEnds.delete(file) || unsaved) void this.host.enqueueHere(() => this.host.disk.refreshFile(file));
      }),
    ];
  }

  /**
   * Whether the index holds `doc`'s text as it is now (`indexedLength`: the length of the indexed text): no re-index
   * of it is pending, and the text fed from this buffer is its current version. An edit that keeps the length
   * (typing over a selection) is caught too, which the length alone does not show.
   * A buffer that shows other text than the index holds with no edit waiting is queued to be indexed at once: VS Code
   * makes the line endings of a file that mixes them (or ends its lines with a lone CR) one style when it opens it,
   * without marking the buffer dirty, while the index holds the disk's text; nothing else would index what is shown.
   */
  isIndexedAsShown(doc: vscode.TextDocument, indexedLength: number): boolean {
    if (this.timers.has(doc.uri.toString())) return false;
    const file = this.host.fileOf(doc.uri);
    const fed = file === undefined ? undefined : this.fedVersion.get(file);
    if (fed !== undefined && fed !== doc.version) return false;
    if (indexedLength === documentLength(doc)) return true;
    // once per version, and only a note the index can read: an unreadable one (not UTF-8, too large) is read from
    // the disk again after the buffer is fed, and would be fed again at every request
    if (!doc.isClosed && file !== undefined && this.host.index.note(file)?.unreadable === undefined
      && this.refedVersion.get(file) !== doc.version) {
      this.refedVersion.set(file, doc.version);
      this.schedule(doc, 0);
    }
    return false;
  }

  /** Forgets every buffer's state and pending re-check (another folder is indexed). */
  clear(): void {
    this.cancelAll();
    this.fromBuffer.clear();
    this.fedVersion.clear();
    this.refedVersion.clear();
    this.fedText.clear();
    this.host.disk.otherLineEnds.clear();
  }

  dispose(): void {
    this.cancelAll();
  }

  /** Indexes `doc`'s text once its edits pause for the debounce (or after `delayMs`). */
  private schedule(doc: vscode.TextDocument, delayMs = this.host.debounceMs()): void {
    const { index } = this.host;
    const file = this.host.fileOf(doc.uri);
    if (!file || isHidden(index, file)) return;
    if (!index.isIncluded(file)) {
      // no note, but its unsaved text is a file the index may lack: typed into after the file was deleted on disk
      if (doc.isDirty && isUnsavedPlainFile(index, file)) void this.host.enqueueHere(async () => this.addUnsavedFile(doc, file));
      return;
    }
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const version = doc.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.feed(doc, file, version);
    }, delayMs));
  }

  /**
   * Indexes `doc`'s waiting edit now rather than when typing pauses: a feature (hover, a quick fix …) asked for the
   * note as it is on screen. Nothing happens when no edit waits.
   */
  feedNow(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending === undefined) return;
    clearTimeout(pending);
    this.timers.delete(key);
    const file = this.host.fileOf(doc.uri);
    if (file) this.feed(doc, file, doc.version);
  }

  /** Queues the indexing of `doc`'s text at `version` (dropped if the buffer has moved on or closed by then). */
  private feed(doc: vscode.TextDocument, file: string, version: number): void {
    const { index } = this.host;
    void this.host.enqueueHere(async () => {
      // superseded by a newer edit (its own timer is pending) or closed meanwhile
      if (doc.isClosed || doc.version !== version) return;
      // left out meanwhile: a config change that ran first read the buffer as the file it now is (see loadAll)
      if (!index.isIncluded(file) || isHidden(index, file)) return;
      const text = doc.getText();
      const changed = index.updateNote(file, text);
      this.fedVersion.set(file, version);
      this.fedText.set(file, text);
      if (doc.isDirty) this.fromBuffer.set(file, version);
      else this.fromBuffer.delete(file);
      this.host.fire([...changed, file]);
      // a clean buffer (undone to its saved text) says what the disk said when it was read: should the file have
      // been deleted or changed on disk since, the disk wins, as it does for the CLI
      if (!doc.isDirty) await this.host.disk.refreshFile(file);
    });
  }

  /** Makes `file`, no note, exist while `doc` holds unsaved text for it (closed unsaved or reverted, it goes again). */
  private addUnsavedFile(doc: vscode.TextDocument, file: string): void {
    const { index } = this.host;
    if (doc.isClosed || !doc.isDirty || !isUnsavedPlainFile(index, file)) return;
    this.fromBuffer.set(file, doc.version);
    this.host.fire(index.addFile(file));
  }

  /**
   * A buffer whose unsaved text was indexed is no longer dirty with no edit (reverted, or saved): if its file was
   * deleted meanwhile, the note goes.
   */
  private settled(doc: vscode.TextDocument): void {
    const file = this.host.fileOf(doc.uri);
    if (!file || !this.fromBuffer.has(file)) return;
    void this.host.enqueueHere(() => this.host.disk.bufferSettled(file));
  }

  /** Whether the dirty `doc`'s current text is neither indexed nor waiting to be. */
  private bufferNotIndexed(doc: vscode.TextDocument): boolean {
    if (this.timers.has(doc.uri.toString())) return false;
    const file = this.host.fileOf(doc.uri);
    return file !== undefined && this.fromBuffer.get(file) !== doc.version;
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
    }
  }

  private cancelAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
