import * as vscode from 'vscode';
import { feedBytes, MAX_NOTE_BYTES } from '../core/index/load';
import { decodeNote } from '../core/text/decode';
import { forgetHidden, hiddenNoteGone, isHidden } from './hiddenNotes';
import { listWorkspaceFiles } from './workspaceFiles';
import { diskBytes, errorText, type IndexHost } from './workspaceLoad';

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
    /** document version last fed to the index per file */
    private readonly fedVersion: ReadonlyMap<string, number>,
    private readonly fire: (files: string[]) => void,
  ) {}

  /** A file or folder was deleted. */
  deleted(file: string): void {
    this.fire([...this.host.index.removeFile(file), ...hiddenNoteGone(this.host.index, file)]);
    this.fromBuffer.delete(file);
  }

  /** A path changed on disk. */
  async changed(uri: vscode.Uri, file: string): Promise<void> {
    // a change of a path the index does not know may be a folder's (some watchers report those): a folder
    // taken for a file would resolve links to it and keep its notes when it is deleted
    if (this.host.index.hasFile(file) || !(await isFolder(uri))) await this.refreshFile(file);
  }

  /** A file or folder appeared (create event or rename target). */
  async created(uri: vscode.Uri, file: string): Promise<void> {
    const { index, log } = this.host;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone again
    }
    if (stat.type & vscode.FileType.Directory) {
      const below = await listWorkspaceFiles(uri, log, file);
      index.beginBatch();
      const changed: string[] = [];
      try {
        for (const f of below) changed.push(...await this.feedFromDisk(f));
      } finally {
        changed.push(...index.endBatch());
      }
      this.fire(changed);
      return;
    }
    this.fire(await this.feedFromDisk(file));
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
      // a clean buffer may not have reloaded the new disk content yet: the disk is the truth. Skip only the
      // watcher's echo of saving a buffer the index already has.
      let bytes: Uint8Array;
      try {
        bytes = await diskBytes(this.host, file);
      } catch {
        return;
      }
      // decoded as the loader does: disk bytes that are not UTF-8 text (or too large) make the note unreadable
      const decoded = bytes.length <= MAX_NOTE_BYTES ? decodeNote(bytes) : undefined;
      const note = index.note(file);
      if (decoded?.ok && decoded.text === doc.getText() && this.fedVersion.get(file) === doc.version && note && note.unreadable === undefined) return;
      this.fromBuffer.delete(file);
      this.fire([...feedBytes(index, file, bytes, (f, reason) => log.warn(`skipped ${f}: ${reason}`)), file]);
      return;
    }
    this.fire(await this.feedFromDisk(file));
  }

  private async feedFromDisk(file: string): Promise<string[]> {
    const { index, log } = this.host;
    if (isHidden(index, file)) return this.forgetHidden(file);
    if (!index.isIncluded(file)) {
      // left out by the config: not checked, but links to it resolve
      return index.isNote(file) ? index.removeFile(file).concat(index.addFile(file)) : index.addFile(file);
    }
    const doc = this.host.documentOf(file);
    if (doc?.isDirty) {
      // remembered so that closing the buffer unsaved brings the disk text back (a dirty buffer renamed with its file)
      this.fromBuffer.set(file, doc.version);
      return [...index.updateNote(file, doc.getText()), file];
    }
    this.fromBuffer.delete(file);
    let bytes: Uint8Array;
    try {
      bytes = await diskBytes(this.host, file);
    } catch (e) {
      log.warn(`skipped ${file}: could not be read: ${errorText(e)}`);
      return [];
    }
    return [...feedBytes(index, file, bytes, (f, reason) => log.warn(`skipped ${f}: ${reason}`)), file];
  }

  private forgetHidden(file: string): string[] {
    this.fromBuffer.delete(file);
    return forgetHidden(this.host.index, file);
  }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
