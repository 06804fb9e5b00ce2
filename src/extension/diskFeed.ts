import * as vscode from 'vscode';
import { isAlwaysExcluded } from '../core/config';
import { feedBytes, feedReadError, MAX_NOTE_BYTES } from '../core/index/load';
import { decodeNote } from '../core/text/decode';
import { sameUpToLineEnds } from '../core/text/lineEnding';
import type { Reconciled } from './diskReconcile';
import { isFile, isFolder, statExact } from './fileStat';
import { forgetHidden, hiddenNoteGone, isHidden } from './hiddenNotes';
import { listWorkspaceFiles } from './workspaceFiles';
import { diskBytes, type IndexHost } from './workspaceLoad';

/** What DiskFeed tells of the folders it lists because they arrived (see BlindFolders). */
export interface FolderListener {
  /** `files` (workspace-relative) are on disk below `folder`, which arrived or was listed again */
  arrived(folder: string, files: readonly string[]): void;
  /** `target` (a file or folder) was deleted */
  gone(target: string): void;
}

/** Most creation stamps kept (see `DiskFeed.createdStamps`): the oldest goes first. */
const MAX_STAMPS = 256;

/**
 * Feeds the index what changed on disk (file-system watcher events, rename targets, a buffer closed unsaved):
 * a file or folder that appeared, changed or went. A file an unsaved buffer holds keeps the buffer's text.
 * Each method announces the files whose diagnostics were re-checked through `fire`; the IndexService runs
 * them one at a time on its queue.
 */
export class DiskFeed {
  constructor(
    private readonly host: IndexHost,
    /** files whose indexed text came from an unsaved buffer, with that buffer's version */
    private readonly fromBuffer: Map<string, number>,
    /** the text the index holds per file with an open buffer, when known (see BufferFeed.fedText) */
    private readonly fedText: Map<string, string>,
    private readonly fire: (files: string[]) => void,
    /** told of folders whose files arrived unreported, or may change unreported (see BlindFolders) */
    private readonly folders: FolderListener = { arrived: () => undefined, gone: () => undefined },
  ) {}

  /**
   * Files whose index holds their clean open buffer's text, which is the disk's with other line endings: VS Code makes
   * a file's line endings one style when it opens it, without marking the buffer dirty. The index checks the text as
   * shown (see BufferFeed.isIndexedAsShown); closing the buffer goes back to the disk's text.
   */
  readonly otherLineEnds = new Set<string>();

  /**
   * Modification time and size of files `created` read, by file: the editor and the watcher both report a creation
   * the editor made, and the second report of an unchanged file needs no reading (the oldest go first: see MAX_STAMPS).
   */
  private readonly createdStamps = new Map<string, string>();

  /**
   * A file or folder was deleted. Unsaved text counts: a note whose open buffer is dirty stays, with the buffer's
   * text, until that buffer is closed unsaved or reverted (see `bufferSettled`); a save brings its file back.
   */
  deleted(file: string): void {
    const { index } = this.host;
    this.folders.gone(file);
    const kept = this.dirtyBuffersAt(file);
    if (kept.size === 0) {
      this.fire([...index.removeFile(file), ...hiddenNoteGone(index, file)]);
      this.fromBuffer.delete(file);
      return;
    }
    const changed: string[] = [];
    if (!kept.has(file)) {
      // a folder: every file below it but the kept ones
      index.beginBatch();
      try {
        for (const f of [...index.files()]) if (f.startsWith(file + '/') && !kept.has(f)) changed.push(...index.removeFile(f));
      } finally {
        changed.push(...index.endBatch());
      }
    }
    changed.push(...hiddenNoteGone(index, file));
    // remembered so that closing the buffer unsaved goes back to the disk, where the file is gone
    for (const [f, version] of kept) this.fromBuffer.set(f, version);
    this.fire(changed);
  }

  /**
   * `file` was reported deleted (by the file watcher or the editor). A path that is still on disk is followed rather
   * than dropped: VS Code's watcher on Linux reports what happens in the folders inside a moved folder under their old
   * paths (its inotify backend keeps them), so a deletion in the moved folder can name a file that is still there.
   * Resolves with whether the path was still there (under exactly its name: see statExact).
   */
  async reportedDeleted(uri: vscode.Uri, file: string): Promise<boolean> {
    const stat = await statExact(uri);
    if (stat === undefined) {
      this.deleted(file);
      return false;
    }
    if (stat.type & vscode.FileType.Directory) await this.folderInPlace(uri, file);
    else await this.refreshFile(file);
    return true;
  }

  /**
   * An open buffer of `file` whose unsaved text was indexed is no longer dirty, with no edit reported. Saving does
   * this before the file is written (the save's own report reads it), and so does a revert to the text it had: if
   * the file is gone from the disk, the note goes (a save writes the file first, so the note stays). A buffer
   * that now shows other text than the index holds was handed it silently (VS Code does so to a dirty buffer moved
   * with its folder by a WorkspaceEdit): clean, it holds what the disk holds, so the disk says what the note is.
   */
  async bufferSettled(file: string): Promise<void> {
    const doc = this.host.documentOf(file);
    if (doc?.isDirty || !this.host.index.hasFile(file)) return;
    if (doc && doc.getText() !== this.fedText.get(file)) await this.refreshFile(file);
    else this.fire(await this.goneFromDisk(file));
  }

  /**
   * A path changed on disk. (A file the index holds that a folder replaced is found when it cannot be read as one:
   * see `notAFile`.)
   */
  async changed(uri: vscode.Uri, file: string): Promise<void> {
    // a change of a path the index does not know may be a folder's: a folder taken for a file would resolve links
    // to it and keep its notes when it is deleted
    if (this.host.index.hasFile(file) || !(await isFolder(uri))) {
      await this.refreshFile(file);
      return;
    }
    // a folder: VS Code's watcher reports a folder deleted and made again within one of its reports (moved away and
    // recreated by a script, a branch switch) as one change of the folder, and nothing of the files below
    await this.followListing(uri, file);
  }

  /**
   * Brings the index in line with the listing of `folder`, a folder below the notes folder, at `uri` (its folders are
   * then watched: see FolderListener; the whole notes folder is reconciled with `applyListing`). Files that are
   * gone go as deleted ones do (an unsaved buffer keeps its note); files new to the index are read. Files both know
   * are left alone: neither read nor compared. Resolves with the files that left the index and those that came.
   * (Costs one listing, and a look at each indexed file the listing leaves out.)
   */
  async followListing(uri: vscode.Uri, folder: string): Promise<Reconciled> {
    const onDisk = await listWorkspaceFiles(uri, this.host.log, folder);
    // a folder listed because the watcher's reports of it cannot be trusted (moved, or made again)
    this.folders.arrived(folder, onDisk);
    return this.applyListing(folder, onDisk);
  }

  /** `followListing` with the listing of `folder` made already (`onDisk`, workspace-relative files). */
  async applyListing(folder: string, onDisk: readonly string[]): Promise<Reconciled> {
    const { index } = this.host;
    const present = new Set(onDisk);
    const missing: string[] = [];
    // (a file the listing leaves out may still be there: the search is a snapshot, and a file written after it ran
    // may already be indexed through its own report)
    for (const f of [...index.files()]) {
      if ((folder === '' || f.startsWith(folder + '/')) && !present.has(f) && !isFile(await statExact(this.host.uriOf(f)))) missing.push(f);
    }
    if (missing.length !== 0) {
      // in one batch, announced once (a checkout may take hundreds of notes away unreported); not as `deleted` does:
      // a folder that replaced a file keeps its watches and its files
      const changed: string[] = [];
      index.beginBatch();
      try {
        for (const f of missing) changed.push(...this.fileGone(f));
      } finally {
        changed.push(...index.endBatch());
      }
      this.fire(changed);
    }
    const gone = missing.filter(f => !index.hasFile(f));
    const added = onDisk.filter(f => !index.hasFile(f));
    if (added.length !== 0) await this.feedAllFromDisk(added);
    // (a file listed and deleted since is not read)
    return { gone, added: added.filter(f => index.hasFile(f)) };
  }

  /** Reads `files` from disk into the index in one batch. */
  private async feedAllFromDisk(files: Iterable<string>): Promise<void> {
    const { index } = this.host;
    index.beginBatch();
    const changed: string[] = [];
    try {
      for (const f of files) changed.push(...await this.feedFromDisk(f));
    } finally {
      changed.push(...index.endBatch());
    }
    this.fire(changed);
  }

  /**
   * A file or folder appeared (create event, rename target, or a creation the editor made, which the watcher reports
   * too): a file is read, unless it was read on its creation and has not changed since (the second report of it).
   */
  async created(uri: vscode.Uri, file: string): Promise<void> {
    const { index, log } = this.host;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone again
    }
    if (stat.type & vscode.FileType.Directory) {
      // in place of a file the index holds (`rm diagram && mkdir diagram`: reported deleted and created at once)
      this.fire(this.fileGone(file));
      // and the unsaved buffers below it whose file is not on disk (deleted while dirty, then moved with the folder)
      const below = new Set(await listWorkspaceFiles(uri, log, file));
      for (const f of this.dirtyBufferFilesBelow(file)) below.add(f);
      this.folders.arrived(file, [...below]);
      await this.feedAllFromDisk(below);
      return;
    }
    const stamp = `${stat.mtime}/${stat.size}`;
    if (this.createdStamps.get(file) === stamp && index.hasFile(file)) {
      this.createdStamps.delete(file);
      return;
    }
    this.fire(await this.feedFromDisk(file));
    this.createdStamps.delete(file);
    // only what was read from the disk: an unsaved buffer's text, fed instead, is not what a save writes (the next
    // report of the file, the save's, must read it)
    if (this.fromBuffer.has(file) || !index.hasFile(file)) return;
    if (this.createdStamps.size >= MAX_STAMPS) this.createdStamps.delete(this.createdStamps.keys().next().value!);
    this.createdStamps.set(file, stamp);
  }

  /** Re-reads one file unless an unsaved buffer holds newer text. */
  async refreshFile(file: string): Promise<void> {
    const { index, log } = this.host;
    if (isHidden(index, file)) {
      this.fire(this.forgetHidden(file));
      return;
    }
    const doc = this.host.documentOf(file);
    if (doc?.isDirty) return;
    if (doc && index.isIncluded(file)) {
      // a clean buffer may not have reloaded the new disk content yet: the disk is the truth. Skip only what the
      // index holds already (the watcher's echo of a save), judged by the text itself: a buffer's version can stay
      // the same while VS Code gives it other text
      let bytes: Uint8Array;
      try {
        bytes = await diskBytes(this.host, file);
      } catch (e) {
        this.fire(await this.readFailed(file, e));
        return;
      }
      // decoded as the loader does: disk bytes that are not UTF-8 text (or too large) make the note unreadable
      const decoded = bytes.length <= MAX_NOTE_BYTES ? decodeNote(bytes) : undefined;
      const note = index.note(file);
      const held = this.fedText.get(file);
      if (decoded?.ok && held !== undefined && note && note.unreadable === undefined) {
        if (decoded.text === held) {
          this.otherLineEnds.delete(file);
          return;
        }
        // the clean buffer's text, fed to the index, is the disk's as the editor shows it: it stays
        if (sameUpToLineEnds(decoded.text, held) && doc.getText() === held) {
          this.otherLineEnds.add(file);
          return;
        }
      }
      this.otherLineEnds.delete(file);
      this.fromBuffer.delete(file);
      if (decoded?.ok) this.fedText.set(file, decoded.text);
      else this.fedText.delete(file);
      this.fire([...feedBytes(index, file, bytes, (f, reason) => log.warn(`skipped ${f}: ${reason}`)), file]);
      return;
    }
    this.fire(await this.feedFromDisk(file));
  }

  private async feedFromDisk(file: string): Promise<string[]> {
    const { index, log } = this.host;
    if (isHidden(index, file)) return this.forgetHidden(file);
    const doc = this.host.documentOf(file);
    if (!index.isIncluded(file)) {
      // left out by the config: not checked, but links to it resolve while it is on disk or an unsaved buffer holds it
      // (a buffer closed unsaved after its file was deleted leaves no file behind)
      if (!doc?.isDirty) {
        const out = await this.notAFile(file, false);
        if (out !== undefined) return out;
      }
      return index.isNote(file) ? index.removeFile(file).concat(index.addFile(file)) : index.addFile(file);
    }
    if (doc?.isDirty) {
      // remembered so that closing the buffer unsaved brings the disk text back (a dirty buffer renamed with its file)
      this.fromBuffer.set(file, doc.version);
      const text = doc.getText();
      this.fedText.set(file, text);
      return [...index.updateNote(file, text), file];
    }
    this.fromBuffer.delete(file);
    this.fedText.delete(file);
    this.otherLineEnds.delete(file);
    let bytes: Uint8Array;
    try {
      bytes = await diskBytes(this.host, file);
    } catch (e) {
      return this.readFailed(file, e);
    }
    return [...feedBytes(index, file, bytes, (f, reason) => log.warn(`skipped ${f}: ${reason}`)), file];
  }

  /** Files below the folder `path` that have a dirty open buffer (whether on disk or not). */
  private dirtyBufferFilesBelow(path: string): string[] {
    const out: string[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isClosed || !doc.isDirty) continue;
      const f = this.host.fileOf(doc.uri);
      if (f !== undefined && f.startsWith(path + '/') && !isAlwaysExcluded(f)) out.push(f);
    }
    return out;
  }

  /**
   * Files (`path` itself, or below it for a folder) that the index holds and that have a dirty open buffer, with its
   * version: notes, and other files (an asset, a Markdown file `include` leaves out) that a save would write back.
   */
  private dirtyBuffersAt(path: string): Map<string, number> {
    const { index } = this.host;
    const out = new Map<string, number>();
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isClosed || !doc.isDirty) continue;
      const f = this.host.fileOf(doc.uri);
      if (f === undefined || (f !== path && !f.startsWith(path + '/')) || isHidden(index, f)) continue;
      if (index.isNote(f) ? index.isIncluded(f) : index.hasFile(f)) out.set(f, doc.version);
    }
    return out;
  }

  /**
   * A file that is no longer on disk (deleted while a buffer held it) leaves the index; nothing when it is there.
   * A plain `stat`: this runs on every save, and statExact lists the parent folder (a folder of thousands of notes, a
   * remote disk). A case-only rename is reported as a deletion, or found by a reconcile, which both look exactly.
   */
  private async goneFromDisk(file: string): Promise<string[]> {
    return (await this.notAFile(file, false)) ?? [];
  }

  /**
   * The note `file` could not be read from the disk: gone, or a folder in its place (see `notAFile`); or there but
   * not readable (no permission, a link retargeted out of the workspace): then it is unreadable, as a load marks it,
   * and its old text and findings go.
   */
  private async readFailed(file: string, error: unknown): Promise<string[]> {
    const out = await this.notAFile(file);
    if (out !== undefined) return out;
    this.fromBuffer.delete(file);
    this.fedText.delete(file);
    this.otherLineEnds.delete(file);
    const { index, log } = this.host;
    return [...feedReadError(index, file, error, (f, reason) => log.warn(`skipped ${f}: ${reason}`)), file];
  }

  /**
   * What changes when no file is at `file`'s path (under exactly that name, when `exact`: see statExact): with nothing
   * there, the index forgets the file; with a folder there (`rm diagram && mkdir diagram`, reported as one change),
   * it forgets the file and follows the folder's listing. An unsaved buffer keeps its note, as `deleted` keeps it.
   * Undefined when a file is there.
   */
  private async notAFile(file: string, exact = true): Promise<string[] | undefined> {
    const uri = this.host.uriOf(file);
    let stat: vscode.FileStat | undefined;
    try {
      stat = exact ? await statExact(uri) : await vscode.workspace.fs.stat(uri);
    } catch {
      stat = undefined;
    }
    if (isFile(stat)) return undefined;
    if (stat === undefined || !(stat.type & vscode.FileType.Directory)) return this.fileGone(file);
    await this.folderInPlace(uri, file);
    return [];
  }

  /** A folder is at `file`'s path: the file the index may hold there goes (see `fileGone`), the folder is followed. */
  private async folderInPlace(uri: vscode.Uri, file: string): Promise<void> {
    this.fire(this.fileGone(file));
    await this.followListing(uri, file);
  }

  /**
   * The index forgets `file` as a file (gone from the disk, or a folder now), unless an unsaved buffer holds it: that
   * is remembered, so that closing the buffer unsaved goes back to the disk.
   */
  private fileGone(file: string): string[] {
    const { index } = this.host;
    if (!index.hasFile(file)) return [];
    const version = this.dirtyBuffersAt(file).get(file);
    if (version !== undefined) {
      this.fromBuffer.set(file, version);
      return [];
    }
    this.fromBuffer.delete(file);
    return index.removeFile(file);
  }

  private forgetHidden(file: string): string[] {
    this.fromBuffer.delete(file);
    return forgetHidden(this.host.index, file);
  }
}
