import * as vscode from 'vscode';
import { defaultConfig, isAlwaysExcluded, isUnlisted, type NotesConfig } from '../core/config';
import { applyTextEdits } from '../core/fixes/applyEdits';
import type { WorkspaceReader } from '../core/index/load';
import { feedBytes, loadWorkspace, MAX_NOTE_BYTES } from '../core/index/load';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { FileEdit, Position, Range } from '../core/model';
import { isMarkdown } from '../core/paths';
import { decodeNote } from '../core/text/decode';
import { CONFIG_FILE, editorSettings, filesDiffer, loadNotesConfig, onlySeveritiesDiffer, type EditorSettings } from './config';
import { listHiddenNotes, listWorkspaceFiles } from './workspaceFiles';
import { decodeFast } from '../node/decodeFast';
import { LocalFileReader } from '../node/localFiles';

export interface LoadProgress {
  done: number;
  total: number;
}

/** View id of the Series tree (its progress bar shows indexing). */
const SERIES_VIEW = 'notesNavigator.series';

/**
 * The extension's single owner of the workspace index: loads it after activation (in chunks, yielding to the
 * event loop), then keeps it current from editor buffers (debounced per document), a file-system watcher,
 * renames and configuration changes. Every index update is serialised through one queue and announced with
 * the files whose diagnostics were re-checked.
 */
export class IndexService implements vscode.Disposable {
  readonly index: WorkspaceIndex;
  readonly root: vscode.Uri | undefined;
  readonly ready: Promise<void>;
  readonly onDidChange: vscode.Event<{ files: string[] }>;
  readonly log: vscode.LogOutputChannel;
  /** indexing progress; fired with undefined when a load finished */
  readonly onDidProgress: vscode.Event<LoadProgress | undefined>;
  /** editor-only settings changed (debounce, diagnostics on/off, default grouping) */
  readonly onDidChangeSettings: vscode.Event<EditorSettings>;

  private readonly changeEmitter = new vscode.EventEmitter<{ files: string[] }>();
  private readonly progressEmitter = new vscode.EventEmitter<LoadProgress | undefined>();
  private readonly settingsEmitter = new vscode.EventEmitter<EditorSettings>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** files whose indexed text came from an unsaved buffer, with that buffer's version */
  private readonly fromBuffer = new Map<string, number>();
  /** document version last fed to the index per file (a save of that version needs no re-check) */
  private readonly fedVersion = new Map<string, number>();
  private hasSeries: boolean | undefined;
  /** configuration problems the user was told about and that are still there (not told twice) */
  private readonly shownProblems = new Set<string>();
  private queue: Promise<void>;
  private resolveReady!: () => void;
  private settingsValue: EditorSettings;
  private progressValue: LoadProgress | undefined;
  private disposed = false;

  constructor(root: vscode.Uri | undefined, log?: vscode.LogOutputChannel) {
    this.root = root;
    this.log = log ?? vscode.window.createOutputChannel('Notes Navigator', { log: true });
    this.index = new WorkspaceIndex(defaultConfig()); // the real config is read in start(); the index is empty until then
    this.ready = new Promise<void>(resolve => { this.resolveReady = resolve; });
    this.queue = this.ready;
    this.onDidChange = this.changeEmitter.event;
    this.onDidProgress = this.progressEmitter.event;
    this.onDidChangeSettings = this.settingsEmitter.event;
    this.settingsValue = editorSettings(root);
    this.disposables.push(this.changeEmitter, this.progressEmitter, this.settingsEmitter);
    if (root) this.listen(root);
  }

  get settings(): EditorSettings {
    return this.settingsValue;
  }

  /** Current indexing progress, undefined when no load is running. */
  get progress(): LoadProgress | undefined {
    return this.progressValue;
  }

  /** Starts the initial load off the activation path. Resolves `ready` whatever happens. */
  async start(): Promise<void> {
    await yieldToEventLoop();
    try {
      if (!this.root) return;
      const t0 = Date.now();
      const config = await this.readConfig();
      this.index.setConfig(config);
      const notes = await this.withViewProgress(() => this.loadAll());
      this.log.info(`indexed ${notes} notes in ${Date.now() - t0} ms (${this.index.series().length} series)`);
    } catch (e) {
      this.log.error(`indexing failed: ${errorText(e)}`);
    } finally {
      await setContext('notesNavigator.ready', true);
      this.resolveReady();
    }
  }

  /**
   * Re-reads the whole workspace from disk (unsaved buffers win). Used by "Check Workspace" and "Refresh";
   * resolves with the number of notes indexed.
   */
  rescan(onProgress?: (p: LoadProgress) => void): Promise<number> {
    return this.enqueue(async () => {
      const t0 = Date.now();
      const n = await this.withViewProgress(() => this.loadAll(onProgress));
      this.log.info(`re-indexed ${n} notes in ${Date.now() - t0} ms`);
      return n;
    });
  }

  // ------------------------------------------------------------------------------------ paths & text

  fileOf(uri: vscode.Uri): string | undefined {
    const root = this.root;
    if (!root || uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
    const base = root.path.endsWith('/') ? root.path : root.path + '/';
    let p = uri.path;
    if (!p.startsWith(base)) {
      // drive letters and case-insensitive file systems: compare the root prefix case-insensitively (on Linux
      // `/notes` and `/Notes` are two folders: a file of the other one is outside the workspace)
      if (!(uri.scheme === 'file' && CASE_INSENSITIVE_PATHS && p.toLowerCase().startsWith(base.toLowerCase()))) return undefined;
    }
    p = p.slice(base.length);
    return p === '' ? undefined : p;
  }

  uriOf(file: string): vscode.Uri {
    if (!this.root) return vscode.Uri.file('/' + file);
    return vscode.Uri.joinPath(this.root, ...file.split('/'));
  }

  documentOf(file: string): vscode.TextDocument | undefined {
    for (const d of vscode.workspace.textDocuments) {
      if (!d.isClosed && this.fileOf(d.uri) === file) return d;
    }
    return undefined;
  }

  async textOf(file: string): Promise<string | undefined> {
    const doc = this.documentOf(file);
    if (doc) return doc.getText();
    try {
      const decoded = decodeNote(await this.diskBytes(file));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  toRange(r: Range): vscode.Range {
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  }

  fromPosition(p: vscode.Position): Position {
    return { line: p.line, character: p.character };
  }

  /**
   * Turns core edits into one WorkspaceEdit. A file to create gets its whole text as the creation contents
   * with `ignoreIfExists`, so an existing file is never overwritten nor edited by accident.
   */
  toWorkspaceEdit(edits: FileEdit[]): vscode.WorkspaceEdit {
    const we = new vscode.WorkspaceEdit();
    for (const fe of edits) {
      const uri = this.uriOf(fe.file);
      if (fe.create) {
        if (this.index.hasFile(fe.file)) {
          this.log.warn(`not creating ${fe.file}: it already exists`);
          continue;
        }
        const text = applyTextEdits('', fe.edits);
        we.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
        continue;
      }
      for (const e of fe.edits) we.replace(uri, this.toRange(e.range), e.newText);
    }
    return we;
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
    this.resolveReady();
  }

  // ------------------------------------------------------------------------------------ loading

  private async loadAll(onProgress?: (p: LoadProgress) => void): Promise<number> {
    const root = this.root;
    if (!root) return 0;
    const [listed, hiddenNotes] = await Promise.all([listWorkspaceFiles(root, this.log), listHiddenNotes(root, this.log)]);
    const present = new Set(listed);
    // forget files that vanished or are no longer included
    this.index.beginBatch();
    // the notes files.exclude hides, known by file name only ([[name]] finds them)
    const gone: string[] = this.index.setHiddenNotes(hiddenNotes);
    for (const f of [...this.index.files()]) {
      // a note the config now leaves out stops being a note (loading adds it back as a plain file)
      if (!present.has(f) || (this.index.isNote(f) && !this.index.isIncluded(f))) gone.push(...this.index.removeFile(f));
    }
    gone.push(...this.index.endBatch());
    // a workspace on this machine's disk is read directly, one file at a time (see LocalFileReader)
    const local = root.scheme === 'file' ? this.localReader(root) : undefined;
    const reader: WorkspaceReader = {
      list: async () => listed,
      read: file => this.readForIndex(file, local),
    };
    const report = (p: LoadProgress | undefined) => {
      this.progressValue = p;
      this.progressEmitter.fire(p);
      if (p) onProgress?.(p);
    };
    report({ done: 0, total: listed.length });
    // the host answers at least every SLICE_MS however slow a note is (the first notes run before the JIT warms up)
    const pause = timeSlicer(SLICE_MS);
    let reportedAt = 0;
    try {
      await loadWorkspace(this.index, reader, {
        chunkSize: 10,
        // local reads are synchronous and share one buffer: one note at a time
        concurrency: local ? 1 : 64,
        decode: decodeFast,
        yieldEvery: pause,
        onProgress: (done, total) => {
          const now = Date.now();
          if (done < total && now - reportedAt < PROGRESS_MS) return;
          reportedAt = now;
          report({ done, total });
        },
        onSkip: (file, reason) => this.log.warn(`skipped ${file}: ${reason}`),
      });
    } finally {
      report(undefined);
    }
    // who-links-to-what, for incremental updates: built now, not on the first keystroke
    await this.index.buildDependentsAsync(pause, 20);
    // unsaved buffers win over the disk
    const fromEditors: string[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      const file = this.fileOf(doc.uri);
      if (file && doc.isDirty && this.index.isIncluded(file) && !this.isHidden(file)) {
        fromEditors.push(...this.index.updateNote(file, doc.getText()), file);
        this.fromBuffer.set(file, doc.version);
      }
    }
    let notes = 0;
    const changed = new Set<string>([...gone, ...fromEditors]);
    for (const n of this.index.notes()) { notes++; changed.add(n.file); }
    for (const f of this.index.allDiagnostics().keys()) changed.add(f);
    this.fire([...changed]);
    return notes;
  }

  /** Bytes of a note for the loader: the open buffer's text when the document is open (possibly unsaved). */
  private async readForIndex(file: string, local: LocalFileReader | undefined): Promise<Uint8Array> {
    const doc = this.documentOf(file);
    if (doc && doc.isDirty) return new TextEncoder().encode(doc.getText());
    return local ? local.readTransient(file) : vscode.workspace.fs.readFile(this.uriOf(file));
  }

  /**
   * A file's bytes as they are on disk: read directly in a `file:` workspace (never outside it, see
   * LocalFileReader), through `workspace.fs` otherwise.
   */
  private async diskBytes(file: string): Promise<Uint8Array> {
    const root = this.root;
    if (root?.scheme !== 'file') return vscode.workspace.fs.readFile(this.uriOf(file));
    // a fresh reader: folders may have been replaced by links since the last read
    return Buffer.from(new LocalFileReader(root.fsPath).readTransient(file));
  }

  /** A direct reader for a `file:` workspace; undefined (read through `workspace.fs`) when its folder cannot be resolved. */
  private localReader(root: vscode.Uri): LocalFileReader | undefined {
    try {
      return new LocalFileReader(root.fsPath);
    } catch (e) {
      this.log.warn(`reading through the editor's file system: ${errorText(e)}`);
      return undefined;
    }
  }

  private async withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return vscode.window.withProgress({ location: { viewId: SERIES_VIEW } }, task);
  }

  private async readConfig(): Promise<NotesConfig> {
    const { config, problems } = await loadNotesConfig(this.root);
    for (const p of problems) this.log.warn(`configuration: ${p}`);
    const fresh = problems.filter(p => !this.shownProblems.has(p));
    // a problem that was fixed is forgotten: should it come back, it is reported again
    for (const p of this.shownProblems) if (!problems.includes(p)) this.shownProblems.delete(p);
    if (fresh.length > 0) {
      fresh.forEach(p => this.shownProblems.add(p));
      const show = vscode.l10n.t('Show Log');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('Notes Navigator: the configuration has {0} problem(s); defaults are used for those values.', fresh.length), show)
        .then(choice => { if (choice === show) this.log.show(true); });
    }
    return config;
  }

  // ------------------------------------------------------------------------------------ live updates

  private listen(root: vscode.Uri): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ws.onDidChangeTextDocument(e => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      // a buffer can open with unsaved text and no change event (a hot-exit backup restored once its editor shows,
      // after the load): the editor shows that text, so it is what is checked
      ws.onDidOpenTextDocument(doc => {
        if (doc.isDirty) this.schedule(doc);
      }),
      ws.onDidSaveTextDocument(doc => {
        const file = this.fileOf(doc.uri);
        if (file) this.fromBuffer.delete(file);
      }),
      ws.onDidCloseTextDocument(doc => {
        const file = this.fileOf(doc.uri);
        if (!file) return;
        this.cancel(doc.uri);
        this.fedVersion.delete(file);
        // the buffer's unsaved text was indexed and then discarded: go back to the disk
        if (this.fromBuffer.delete(file)) void this.enqueue(() => this.refreshFile(file));
      }),
      ws.onDidRenameFiles(e => {
        void this.enqueue(async () => {
          for (const { oldUri, newUri } of e.files) {
            const from = this.fileOf(oldUri);
            const to = this.fileOf(newUri);
            if (from) {
              this.fire(this.index.removeFile(from));
              this.fromBuffer.delete(from);
            }
            if (to) await this.created(newUri, to);
          }
        });
      }),
      ws.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('notesNavigator', root)) {
          this.settingsValue = editorSettings(root);
          this.settingsEmitter.fire(this.settingsValue);
          void this.enqueue(() => this.reloadConfig());
        } else if (e.affectsConfiguration('files.exclude', root)) {
          // the listing (and what is known about hidden paths) changes
          void this.enqueue(() => this.reloadConfig());
        }
      }),
    );
    const watcher = ws.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*'));
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => this.onFsEvent(uri, 'create')),
      watcher.onDidChange(uri => this.onFsEvent(uri, 'change')),
      watcher.onDidDelete(uri => this.onFsEvent(uri, 'delete')),
    );
  }

  private onFsEvent(uri: vscode.Uri, kind: 'create' | 'change' | 'delete'): void {
    const file = this.fileOf(uri);
    if (!file || isAlwaysExcluded(file)) return;
    if (file === CONFIG_FILE) {
      void this.enqueue(() => this.reloadConfig());
      return;
    }
    void this.enqueue(async () => {
      if (kind === 'delete') {
        this.fire([...this.index.removeFile(file), ...this.hiddenNoteGone(file)]);
        this.fromBuffer.delete(file);
      } else if (kind === 'create') {
        await this.created(uri, file);
      } else if (this.index.hasFile(file) || !(await this.isFolder(uri))) {
        // a change of a path the index does not know may be a folder's (some watchers report those): a folder
        // taken for a file would resolve links to it and keep its notes when it is deleted
        await this.refreshFile(file);
      }
    });
  }

  private async isFolder(uri: vscode.Uri): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }

  /** A file or folder appeared (create event or rename target). */
  private async created(uri: vscode.Uri, file: string): Promise<void> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone again
    }
    if (stat.type & vscode.FileType.Directory) {
      const below = await listWorkspaceFiles(uri, this.log, file);
      this.index.beginBatch();
      const changed: string[] = [];
      try {
        for (const f of below) changed.push(...await this.feedFromDisk(f));
      } finally {
        changed.push(...this.index.endBatch());
      }
      this.fire(changed);
      return;
    }
    this.fire(await this.feedFromDisk(file));
  }

  /** Re-reads one file unless an unsaved buffer holds newer text. */
  private async refreshFile(file: string): Promise<void> {
    if (this.isHidden(file)) {
      this.fire(this.forgetHidden(file));
      return;
    }
    const doc = this.documentOf(file);
    if (doc?.isDirty) return;
    if (doc && this.index.isIncluded(file)) {
      // a clean buffer may not have reloaded the new disk content yet: the disk is the truth. Skip only the
      // watcher's echo of saving a buffer the index already has.
      let bytes: Uint8Array;
      try {
        bytes = await this.diskBytes(file);
      } catch {
        return;
      }
      // decoded as the loader does: disk bytes that are not UTF-8 text (or too large) make the note unreadable
      const decoded = bytes.length <= MAX_NOTE_BYTES ? decodeNote(bytes) : undefined;
      const note = this.index.note(file);
      if (decoded?.ok && decoded.text === doc.getText() && this.fedVersion.get(file) === doc.version && note && note.unreadable === undefined) return;
      this.fromBuffer.delete(file);
      this.fire([...feedBytes(this.index, file, bytes, (f, reason) => this.log.warn(`skipped ${f}: ${reason}`)), file]);
      return;
    }
    this.fire(await this.feedFromDisk(file));
  }

  private async feedFromDisk(file: string): Promise<string[]> {
    if (this.isHidden(file)) return this.forgetHidden(file);
    if (!this.index.isIncluded(file)) {
      // left out by the config: not checked, but links to it resolve
      return this.index.isNote(file) ? this.index.removeFile(file).concat(this.index.addFile(file)) : this.index.addFile(file);
    }
    const doc = this.documentOf(file);
    if (doc?.isDirty) {
      // remembered so that closing the buffer unsaved brings the disk text back (a dirty buffer renamed with its file)
      this.fromBuffer.set(file, doc.version);
      return [...this.index.updateNote(file, doc.getText()), file];
    }
    this.fromBuffer.delete(file);
    let bytes: Uint8Array;
    try {
      bytes = await this.diskBytes(file);
    } catch (e) {
      this.log.warn(`skipped ${file}: could not be read: ${errorText(e)}`);
      return [];
    }
    return [...feedBytes(this.index, file, bytes, (f, reason) => this.log.warn(`skipped ${f}: ${reason}`)), file];
  }

  /**
   * Whether `files.exclude` hides the file (see `NotesConfig.unlistedGlobs`): the listing skips it, so a file
   * created, changed or edited there stays out of the index as it would after a fresh load: nothing is known of it.
   */
  private isHidden(file: string): boolean {
    return isUnlisted(this.index.config, file);
  }

  /** A hidden file is not indexed: drops it should the index hold it; a Markdown one is known by name (see listHiddenNotes). */
  private forgetHidden(file: string): string[] {
    this.fromBuffer.delete(file);
    const out = this.index.hasFile(file) ? this.index.removeFile(file) : [];
    const hidden = this.index.hiddenNotes();
    if (isMarkdown(file) && !hidden.has(file) && !isAlwaysExcluded(file)) out.push(...this.index.setHiddenNotes([...hidden, file]));
    return out;
  }

  /** A deleted path that was (or held) hidden notes: forgets their names. */
  private hiddenNoteGone(path: string): string[] {
    const hidden = this.index.hiddenNotes();
    const left = [...hidden].filter(f => f !== path && !f.startsWith(path + '/'));
    return left.length === hidden.size ? [] : this.index.setHiddenNotes(left);
  }

  private schedule(doc: vscode.TextDocument): void {
    const file = this.fileOf(doc.uri);
    if (!file || !this.index.isIncluded(file) || this.isHidden(file)) return;
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    const version = doc.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.enqueue(async () => {
        // superseded by a newer edit (its own timer is pending) or closed meanwhile
        if (doc.isClosed || doc.version !== version) return;
        const changed = this.index.updateNote(file, doc.getText());
        this.fedVersion.set(file, version);
        if (doc.isDirty) this.fromBuffer.set(file, version);
        else this.fromBuffer.delete(file);
        this.fire([...changed, file]);
      });
    }, this.settingsValue.debounceMs));
  }

  private cancel(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) {
      clearTimeout(pending);
      this.timers.delete(key);
    }
  }

  private async reloadConfig(): Promise<void> {
    const before = this.index.config;
    const after = await this.readConfig();
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    const changed = this.index.setConfig(after);
    if (onlySeveritiesDiffer(before, after)) {
      this.fire(changed);
      return;
    }
    // rules that read a note's own text, or the set of notes, changed: feed every note again
    const relist = filesDiffer(before, after);
    this.log.info(relist ? 'include/exclude changed: re-indexing' : 'configuration changed: re-checking every note');
    // when the files change, what the new config says before the listing follows is wrong (a folder no longer
    // hidden is not listed yet: links into it broken, its chapters planned): published only once it is listed
    if (!relist) this.fire(changed);
    await this.withViewProgress(() => this.loadAll());
    if (relist) this.fire(changed);
  }

  /** Runs index work one task at a time, after the initial load; a failing task is logged, never thrown. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => (this.disposed ? Promise.reject(new Error('disposed')) : task()));
    this.queue = run.then(() => undefined, e => {
      if (!this.disposed) this.log.error(`index update failed: ${errorText(e)}`);
    });
    return run;
  }

  private fire(files: string[]): void {
    if (this.disposed || files.length === 0) return;
    const unique = [...new Set(files)];
    const hasSeries = this.index.series().length > 0;
    if (hasSeries !== this.hasSeries) {
      this.hasSeries = hasSeries;
      void setContext('notesNavigator.hasSeries', hasSeries);
    }
    this.changeEmitter.fire({ files: unique });
  }
}

/** Whether this machine's file paths are compared without case (Windows, macOS by default). */
const CASE_INSENSITIVE_PATHS = process.platform === 'win32' || process.platform === 'darwin';

/** Longest stretch of indexing between two turns of the event loop. */
const SLICE_MS = 20;
/** Shortest time between two progress reports of a load. */
const PROGRESS_MS = 100;

/**
 * A pause for long work done in small steps: it yields to the event loop once `sliceMs` have passed since it last
 * did, and otherwise lets the work go on at once.
 */
function timeSlicer(sliceMs: number): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < sliceMs) return;
    await yieldToEventLoop();
    last = Date.now();
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
