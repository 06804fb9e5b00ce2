import * as vscode from 'vscode';
import { defaultConfig, isAlwaysExcluded, type NotesConfig } from '../core/config';
import { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { FileEdit, Position, Range } from '../core/model';
import { decodeNote } from '../core/text/decode';
import type { FsEventKind } from './blindFolders';
import { BufferFeed } from './bufferFeed';
import { CONFIG_FILE, ConfigReader, editorSettings, filesDiffer, onlySeveritiesDiffer, type EditorSettings } from './config';
import { DiskFeed } from './diskFeed';
import { RECONCILE_DELAY_MS, ReconcileSoon, reconcileAfterCommands, reconcileOnFocus, reconciledText, virtualFolderPace, type Reconciled } from './diskReconcile';
import { fileOfUri, fromVscodePosition, toVscodeRange, uriOfFile, workspaceEditOf } from './editorPaths';
import { diskBytes, errorText, loadAll, yieldToEventLoop, type LoadProgress } from './workspaceLoad';
import { FolderListings } from './folderListings';
import { RootWatch } from './rootWatch';
import { ContextKey } from './contextKey';

export type { LoadProgress } from './workspaceLoad';

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
  readonly ready: Promise<void>;
  readonly onDidChange: vscode.Event<{ files: string[] }>;
  readonly log: vscode.LogOutputChannel;
  /** indexing progress; fired with undefined when a load finished */
  readonly onDidProgress: vscode.Event<LoadProgress | undefined>;
  /** editor-only settings changed (debounce, diagnostics on/off, default grouping) */
  readonly onDidChangeSettings: vscode.Event<EditorSettings>;
  /** the indexed folder changed (see `reroot`): the index was emptied and loads the new folder */
  readonly onDidChangeRoot: vscode.Event<vscode.Uri | undefined>;
  /**
   * a load has read the series files and the notes they name, and goes on with the other notes: the series can be
   * shown (their notes' diagnostics come with `onDidChange` when the load ends)
   */
  readonly onDidReadSeries: vscode.Event<void>;

  private readonly changeEmitter = new vscode.EventEmitter<{ files: string[] }>();
  private readonly progressEmitter = new vscode.EventEmitter<LoadProgress | undefined>();
  private readonly settingsEmitter = new vscode.EventEmitter<EditorSettings>();
  private readonly rootEmitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly seriesReadEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** what watches the indexed folder (replaced with it) */
  private watching: RootWatch | undefined;
  private rootValue: vscode.Uri | undefined;
  /** counts the folder switches (work queued for a folder indexed before is dropped) */
  private rootEpoch = 0;
  /** what the editor's buffers hold (their edits, debounced) */
  private readonly buffers: BufferFeed;
  /** what changed on disk */
  private readonly disk: DiskFeed;
  /** a reconcile with the disk, a moment after the window regains focus, a command ends or the watcher reports what is not so */
  private readonly reconcileSoon: ReconcileSoon;
  /** whether the index holds a series (the Series view's welcome, Filter and Group By follow it) */
  private readonly hasSeries = new ContextKey<boolean>('notesNavigator.hasSeries');
  /** how the indexed folder is listed: by the file search, or a walk that finds its last listing */
  private readonly listings: FolderListings;
  /** reads the configuration, tells of its problems once, and knows whether the folder has `.notes-navigator.json` */
  readonly configFile: ConfigReader;
  private queue: Promise<void>;
  private resolveReady!: () => void;
  private settingsValue: EditorSettings;
  private progressValue: LoadProgress | undefined;
  private disposed = false;

  /** `root`: the folder to index (`start` may choose another one before loading, `reroot` later). */
  constructor(root: vscode.Uri | undefined, log?: vscode.LogOutputChannel) {
    this.rootValue = root;
    this.log = log ?? vscode.window.createOutputChannel('Notes Navigator', { log: true });
    this.index = new WorkspaceIndex(defaultConfig()); // the real config is read in start(); the index is empty until then
    this.ready = new Promise<void>(resolve => { this.resolveReady = resolve; });
    this.queue = this.ready;
    this.onDidChange = this.changeEmitter.event;
    this.onDidProgress = this.progressEmitter.event;
    this.onDidChangeSettings = this.settingsEmitter.event;
    this.onDidChangeRoot = this.rootEmitter.event;
    this.listings = new FolderListings(this.log);
    this.configFile = new ConfigReader(this.log);
    this.reconcileSoon = new ReconcileSoon(() => void this.reconcile(), RECONCILE_DELAY_MS, virtualFolderPace(() => this.root, this.log));
    this.onDidReadSeries = this.seriesReadEmitter.event;
    this.settingsValue = editorSettings(root, m => this.log.warn(m));
    this.disposables.push(this.changeEmitter, this.progressEmitter, this.settingsEmitter, this.rootEmitter, this.seriesReadEmitter, this.configFile);
    // (each feed needs the other: the buffer feed reaches the disk feed when it runs, after both exist)
    const service = this;
    this.buffers = new BufferFeed({
      index: this.index,
      get disk() { return service.disk; },
      fileOf: uri => this.fileOf(uri),
      debounceMs: () => this.settingsValue.debounceMs,
      enqueueHere: task => this.enqueueHere(task),
      fire: files => this.fire(files),
    });
    this.disk = new DiskFeed(this, this.buffers.fromBuffer, this.buffers.fedText, files => this.fire(files), {
      arrived: (folder, files) => this.watching?.arrived(folder, files),
      gone: target => this.watching?.gone(target),
    });
    this.listen();
    this.watch(root);
  }

  /** The indexed workspace folder; undefined in a window without one. */
  get root(): vscode.Uri | undefined {
    return this.rootValue;
  }

  get settings(): EditorSettings {
    return this.settingsValue;
  }

  /** How the indexed folder was listed: by the file search, or by a walk that found the search's last listing. */
  get listingCounts(): { searched: number; walked: number } {
    return this.listings.counts;
  }

  /** Current indexing progress, undefined when no load is running. */
  get progress(): LoadProgress | undefined {
    return this.progressValue;
  }

  /**
   * Starts the initial load off the activation path. Resolves `ready` whatever happens. `chooseRoot` (when given)
   * tells, first, which folder to index (it may read the disk: it is not awaited by activation).
   */
  async start(chooseRoot?: () => Promise<vscode.Uri | undefined>): Promise<void> {
    await yieldToEventLoop();
    try {
      if (chooseRoot) {
        const root = await chooseRoot().catch(e => {
          this.log.error(`choosing the notes folder failed: ${errorText(e)}`);
          return this.root;
        });
        if (!sameUri(root, this.root)) this.switchRoot(root);
      }
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
   * Re-reads the whole workspace from disk, `.notes-navigator.json` included (unsaved buffers win). Used by "Check
   * Workspace" and "Refresh"; resolves with the number of notes indexed. A cancelled `token` stops the reading early:
   * the notes not re-read keep what the index held for them.
   */
  rescan(onProgress?: (p: LoadProgress) => void, token?: vscode.CancellationToken): Promise<number> {
    return this.enqueue(async () => {
      const t0 = Date.now();
      // everything is read again: the configuration too, which may have changed unreported
      const reconfigured = this.applyConfig(await this.readConfig()) ?? [];
      let last: LoadProgress | undefined;
      const n = await this.withViewProgress(() => this.loadAll(p => { last = p; onProgress?.(p); }, token));
      this.fire(reconfigured);
      const stopped = token?.isCancellationRequested && last && last.done < last.total ? ` (stopped after ${last.done} of ${last.total} files)` : '';
      this.log.info(`re-indexed ${n} notes in ${Date.now() - t0} ms${stopped}`);
      return n;
    });
  }

  /**
   * Indexes another folder (after the work queued before): the index is emptied (its diagnostics cleared through
   * `onDidChangeRoot`, the views refreshed through `onDidChange`), then the new folder's configuration and notes are
   * loaded. Nothing happens when `root` is already the indexed folder.
   */
  reroot(root: vscode.Uri | undefined): Promise<void> {
    return this.enqueue(async () => {
      if (sameUri(root, this.root)) return;
      const t0 = Date.now();
      // the view says "Indexing notes…" while the folder loads, as at start, not "No series found" for the emptied index
      void setContext('notesNavigator.ready', false);
      try {
        this.switchRoot(root);
        if (!root) return;
        this.index.setConfig(await this.readConfig());
        const notes = await this.withViewProgress(() => this.loadAll());
        this.log.info(`indexed ${notes} notes of ${root.toString(true)} in ${Date.now() - t0} ms (${this.index.series().length} series)`);
      } finally {
        void setContext('notesNavigator.ready', true);
      }
    });
  }

  /**
   * Brings the index in line with a listing of the notes folder (the listing the load uses), after the work queued
   * before: indexed files gone from the disk leave it (an unsaved buffer still keeps its note), files it did not
   * know are read; files both know are not read again; `.notes-navigator.json` is read again. Run when the window
   * regains focus, after a task or a terminal command, and after the watcher reports the deletion of what is still
   * there; logs what it corrected.
   * The listing itself runs outside the queue, so that edits typed meanwhile are not held up; what a change reported
   * meanwhile did is not undone (see `DiskFeed.applyListing`). When a walk of the folder finds what the file search
   * last listed, that is the listing (~0.13 s for 10,000 files); the search (0.5-1 s) runs when anything differs.
   */
  async reconcile(): Promise<Reconciled> {
    const root = this.root;
    if (!root) return { gone: [], added: [] };
    const t0 = Date.now();
    const epoch = this.rootEpoch;
    const { files: listing } = await this.listings.list(root, epoch, false);
    return this.enqueue(async () => {
      // another folder indexed since: its load read the disk
      if (epoch !== this.rootEpoch) return { gone: [], added: [] };
      const found = await this.disk.applyListing('', listing);
      // the watcher did not report these: their folders are watched from now on
      this.watching?.arrived('', found.added);
      const text = reconciledText(found, Date.now() - t0);
      if (text) this.log.info(text);
      // the configuration may have changed unreported too (it is read again, and applied only when it differs)
      await this.reloadConfig();
      return found;
    });
  }

  // ------------------------------------------------------------------------------------ paths & text

  fileOf(uri: vscode.Uri): string | undefined {
    return fileOfUri(this.root, uri);
  }

  uriOf(file: string): vscode.Uri {
    return uriOfFile(this.root, file);
  }

  /** Indexes `doc`'s edit that waits for typing to pause, now (see BufferFeed.feedNow). */
  feedNow(doc: vscode.TextDocument): void {
    this.buffers.feedNow(doc);
  }

  /** Whether the index holds `doc`'s text as it is now (see BufferFeed.isIndexedAsShown). */
  isIndexedAsShown(doc: vscode.TextDocument, indexedLength: number): boolean {
    return this.buffers.isIndexedAsShown(doc, indexedLength);
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
      const decoded = decodeNote(await diskBytes(this, file));
      return decoded.ok ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  toRange(r: Range): vscode.Range {
    return toVscodeRange(r);
  }

  fromPosition(p: vscode.Position): Position {
    return fromVscodePosition(p);
  }

  /**
   * Turns core edits into one WorkspaceEdit. A file to create gets its whole text as the creation contents
   * with `ignoreIfExists`, so an existing file is never overwritten nor edited by accident.
   */
  toWorkspaceEdit(edits: FileEdit[]): vscode.WorkspaceEdit {
    return workspaceEditOf(edits, file => this.uriOf(file), file => this.index.hasFile(file), this.log);
  }

  dispose(): void {
    this.disposed = true;
    this.buffers.dispose();
    for (const d of this.disposables) d.dispose();
    this.watching?.dispose();
    this.resolveReady();
  }

  // ------------------------------------------------------------------------------------ loading

  /** Re-reads the whole workspace (see workspaceLoad.ts), announcing its progress and the re-checked files. */
  private async loadAll(onProgress?: (p: LoadProgress) => void, token?: vscode.CancellationToken): Promise<number> {
    const epoch = this.rootEpoch;
    const { notes, changed, listing } = await loadAll(this, this.buffers, p => {
      this.progressValue = p;
      this.progressEmitter.fire(p);
      if (p) onProgress?.(p);
    }, token, () => this.seriesRead(), root => this.listings.list(root, epoch, true));
    this.fire(changed);
    if (!listing.confirmed && epoch === this.rootEpoch) void this.confirmListing(epoch, listing.files);
    return notes;
  }

  /**
   * The file search's word on a listing a load took from a walk (the first load of a folder, ~0.4 s sooner on 10,000
   * files): the same files, or the index follows the search. What it adds or drops is not taken for what the watcher
   * missed, as a reconcile takes it (whose folders Node's watcher then watches): the window is young, and a file
   * written meanwhile is the watcher's to report.
   */
  private async confirmListing(epoch: number, walked: readonly string[]): Promise<void> {
    const root = this.root;
    if (!root) return;
    const t0 = Date.now();
    const onDisk = await this.listings.confirm(root, epoch, walked);
    if (onDisk === undefined || epoch !== this.rootEpoch) return;
    await this.enqueue(async () => {
      if (epoch !== this.rootEpoch) return;
      const { gone, added } = await this.disk.applyListing('', onDisk);
      if (gone.length + added.length > 0) {
        this.log.info(`the file search listed ${added.length} file(s) more and ${gone.length} fewer than the walk the load started from; index corrected in ${Date.now() - t0} ms`);
      }
    });
  }

  private async withViewProgress<T>(task: () => Promise<T>): Promise<T> {
    return vscode.window.withProgress({ location: { viewId: SERIES_VIEW } }, task);
  }

  /**
   * Forgets the indexed folder and everything read from it (pending re-checks, buffers' versions, reported config
   * problems), then watches `root`. The index is left empty: the caller loads the new folder.
   */
  private switchRoot(root: vscode.Uri | undefined): void {
    this.buffers.clear();
    this.configFile.clear();
    this.index.beginBatch();
    const gone = this.index.setHiddenNotes([]);
    for (const f of [...this.index.files()]) gone.push(...this.index.removeFile(f));
    gone.push(...this.index.endBatch());
    this.rootValue = root;
    this.rootEpoch++;
    this.watch(root);
    this.rootEmitter.fire(root);
    this.fire(gone);
    const settings = editorSettings(root, m => this.log.warn(m));
    if (JSON.stringify(settings) !== JSON.stringify(this.settingsValue)) {
      this.settingsValue = settings;
      this.settingsEmitter.fire(settings);
    }
  }

  private readConfig(): Promise<NotesConfig> {
    return this.configFile.read(this.root);
  }

  // ------------------------------------------------------------------------------------ live updates

  /** Editor events (they name files through `fileOf`: nothing outside the indexed folder counts). */
  private listen(): void {
    const ws = vscode.workspace;
    this.disposables.push(
      ...this.buffers.listen(),
      // files and folders the editor created or deleted (explorer, WorkspaceEdit, other extensions) are followed
      // whether or not the file watcher reports them too (it may not: files.watcherExclude, or a folder it does not
      // watch); a second report of the same thing changes nothing (see DiskFeed.created and deleted)
      ws.onDidCreateFiles(e => {
        for (const uri of e.files) this.onFsEvent(uri, 'create');
      }),
      ws.onDidDeleteFiles(e => {
        for (const uri of e.files) this.onFsEvent(uri, 'delete');
      }),
      ws.onDidRenameFiles(e => {
        void this.enqueueHere(async () => {
          for (const { oldUri, newUri } of e.files) {
            const from = this.fileOf(oldUri);
            const to = this.fileOf(newUri);
            if (from) {
              this.fire(this.index.removeFile(from));
              this.buffers.fromBuffer.delete(from);
            }
            if (to) await this.disk.created(newUri, to);
          }
        });
      }),
      // other programs may have created or deleted files while the window had no focus, or a task or a terminal
      // command may have, unreported by the watcher
      this.reconcileSoon,
      reconcileOnFocus(this.reconcileSoon),
      reconcileAfterCommands(this.reconcileSoon),
      ws.onDidChangeConfiguration(e => {
        const root = this.root;
        if (!root) return;
        if (e.affectsConfiguration('notesNavigator', root)) {
          this.settingsValue = editorSettings(root, m => this.log.warn(m));
          this.settingsEmitter.fire(this.settingsValue);
          void this.enqueue(() => this.reloadConfig());
        } else if (e.affectsConfiguration('files.exclude', root)) {
          // the listing (and what is known about hidden paths) changes
          void this.enqueue(() => this.reloadConfig());
        }
      }),
    );
  }

  /** Watches the files of `root` (and stops watching the folder indexed before). */
  private watch(root: vscode.Uri | undefined): void {
    this.watching?.dispose();
    this.watching = root ? new RootWatch(root, (uri, kind) => this.onFsEvent(uri, kind), this.log) : undefined;
  }

  /** A path created, changed or deleted, as the file watcher or the editor (its own file operations) reports it. */
  private onFsEvent(uri: vscode.Uri, kind: FsEventKind): void {
    const file = this.fileOf(uri);
    if (!file || isAlwaysExcluded(file)) return;
    void this.enqueueHere(async () => {
      try {
        if (kind === 'delete') {
          // a deletion of what is still there: the watcher may be reporting a moved folder under its old path, and
          // then says nothing of the files gone from where the folder is now
          if (await this.disk.reportedDeleted(uri, file)) this.reconcileSoon.soon();
        }
        else if (kind === 'create') await this.disk.created(uri, file);
        else await this.disk.changed(uri, file);
      } finally {
        // the configuration is also a file of the folder, as a load lists it (a link to it resolves); read it again
        // even when following the file failed
        if (file === CONFIG_FILE) await this.reloadConfig();
      }
    });
  }

  /** Gives the index `config` when it differs from the one it has: the files whose findings changed (else undefined). */
  private applyConfig(config: NotesConfig): string[] | undefined {
    return JSON.stringify(config) === JSON.stringify(this.index.config) ? undefined : this.index.setConfig(config);
  }

  private async reloadConfig(): Promise<void> {
    const before = this.index.config;
    const after = await this.readConfig();
    const changed = this.applyConfig(after);
    if (!changed) return;
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

  /** `enqueue` for work on files of the folder indexed now: dropped when another folder is indexed before it runs. */
  private enqueueHere(task: () => Promise<void>): Promise<void> {
    const epoch = this.rootEpoch;
    return this.enqueue(async () => {
      if (epoch === this.rootEpoch) await task();
    });
  }

  /** Resolves once the index work queued before it is over (a configuration read is applied by then). */
  afterQueued(): Promise<void> { return this.enqueue(async () => undefined); }

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
    this.hasSeries.set(this.index.hasSeries());
    this.changeEmitter.fire({ files: unique });
  }

  /** A load has read the series: they are shown now, and with them the view's Filter and Group By (hasSeries). */
  private seriesRead(): void {
    if (this.disposed) return;
    this.hasSeries.set(this.index.hasSeries());
    this.seriesReadEmitter.fire();
  }
}

function sameUri(a: vscode.Uri | undefined, b: vscode.Uri | undefined): boolean {
  return a?.toString() === b?.toString();
}

function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
