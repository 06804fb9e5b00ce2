import path from 'node:path';
import * as vscode from 'vscode';
import { isAlwaysExcluded } from '../core/config';
import { dirname } from '../core/paths';
import { foldersBelow, FolderWatches, type FolderEvent } from '../node/folderWatches';
import { uriOfFile } from './editorPaths';

/** How a path changed, in the words of VS Code's file watcher. */
export type FsEventKind = 'create' | 'change' | 'delete';

/** Most folders watched here at a time (each costs an inotify watch). */
export const MAX_BLIND_FOLDERS = 256;

const KIND: Record<FolderEvent, FsEventKind> = { created: 'create', changed: 'change', deleted: 'delete' };

/**
 * The folders of a notes folder on this machine's disk whose contents VS Code's file watcher may not report, watched
 * here one by one with Node's own watcher, their reports going where the watcher's go.
 *
 * On Linux, VS Code's watcher (`@parcel/watcher`, parcel-bundler/watcher#97) watches a folder that arrives with folders
 * inside it (`mkdir -p`, a move, a checkout) at its top only: a note written or changed below it later is never
 * reported. Nor does a watcher of VS Code's own API help, since it is served by the same recursive watch. The files
 * that arrive with such a folder are read when it arrives (DiskFeed lists it); what changes there afterwards is seen
 * through the watches kept here: the folders below one that arrived (empty ones too), and the folders of files a
 * reconcile found (the watcher did not report them). Where VS Code's watcher does report them, the same change comes
 * twice, and the second report changes nothing.
 */
export class BlindFolders implements vscode.Disposable {
  private readonly watches: FolderWatches;
  private warnedFull = false;

  constructor(
    private readonly root: vscode.Uri,
    report: (uri: vscode.Uri, kind: FsEventKind) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.watches = new FolderWatches((abs, event) => {
      const file = this.fileOf(abs);
      if (file !== undefined) report(uriOfFile(root, file), KIND[event]);
    }, MAX_BLIND_FOLDERS, m => log.warn(m));
  }

  /** Number of folders watched. */
  get size(): number {
    return this.watches.size;
  }

  /**
   * `files` (workspace-relative) are on disk below `folder`, which arrived or was listed because the watcher's reports
   * could not be trusted (`''`: the notes folder, whose reconcile found `files`, unreported). Watches the folders that
   * hold them below `folder` (and, but for the notes folder, every folder below it), and `folder` itself when it lies
   * in a folder watched here (VS Code's watcher does not see it either).
   */
  arrived(folder: string, files: readonly string[]): void {
    // the disk is looked at for the folders wanted only (once each: a watch of a folder made again since is replaced),
    // not for every folder watched, which runs synchronously on each listing; dead watches are closed when the most
    // is reached (see FolderWatches.add), so they leave room for others
    const wanted = foldersToWatch(folder, files, f => this.watches.knows(this.absolute(f)));
    if (folder !== '') {
      // and the folders below it that hold no file yet (a listing names files only): a note written there later
      const listed = new Set(wanted);
      const below = (room: number) => foldersBelow(this.absolute(folder), room, abs => isAlwaysExcluded(`${this.fileOf(abs)}/x`));
      let found = below(MAX_BLIND_FOLDERS - this.watches.size);
      if (found.length >= MAX_BLIND_FOLDERS - this.watches.size && this.watches.size > 0) {
        // more than there is room for: the watches of folders deleted since leave room for others
        this.watches.closeDead();
        found = below(MAX_BLIND_FOLDERS - this.watches.size);
      }
      for (const abs of found) {
        const f = this.fileOf(abs);
        if (f !== undefined && !listed.has(f)) wanted.push(f);
      }
    }
    const added: string[] = [];
    for (const f of wanted) {
      const abs = this.absolute(f);
      const fresh = !this.watches.knows(abs);
      if (this.watches.add(abs)) {
        if (fresh) added.push(f);
      } else if (this.watches.size >= MAX_BLIND_FOLDERS) {
        // full of live watches (the dead ones were closed): the others would be refused too
        if (!this.warnedFull) this.log.warn(`watching ${this.watches.size} folders that VS Code's file watcher may not report, the most there may be: changes below others are seen on Refresh, or when the window regains focus`);
        this.warnedFull = true;
        break;
      }
    }
    if (added.length > 0) {
      this.log.debug(`watching ${added.length} folder(s) that VS Code's file watcher may not report: ${added.slice(0, 5).join(', ')}${added.length > 5 ? ', …' : ''}`);
    }
  }

  /** `target` (a file or folder) was deleted: the watches at and below it go. */
  gone(target: string): void {
    this.watches.removeBelow(this.absolute(target));
  }

  dispose(): void {
    this.watches.dispose();
  }

  private absolute(file: string): string {
    return file === '' ? this.root.fsPath : path.join(this.root.fsPath, ...file.split('/'));
  }

  private fileOf(abs: string): string | undefined {
    const rel = path.relative(this.root.fsPath, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }
}

/**
 * The folders to watch when `files` (workspace-relative) are on disk below `folder` (see `BlindFolders.arrived`): the
 * folders holding them, strictly below `folder`, and `folder` itself when its parent is `watched`.
 */
export function foldersToWatch(folder: string, files: readonly string[], watched: (folder: string) => boolean): string[] {
  const out = new Set<string>();
  const prefix = folder === '' ? '' : folder + '/';
  for (const file of files) {
    if (!file.startsWith(prefix)) continue;
    for (let d = dirname(file); d.length > folder.length && !out.has(d); d = dirname(d)) out.add(d);
  }
  if (folder !== '' && watched(dirname(folder))) out.add(folder);
  return [...out];
}
