import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import path from 'node:path';

/** What happened to a path in a watched folder, as far as one look at the disk tells. */
export type FolderEvent = 'created' | 'changed' | 'deleted';

/** A watch, and which folder it watches: the one at its path when it was made (inotify watches that one, not a path). */
interface Watch {
  watcher: FSWatcher;
  dev: number;
  ino: number;
}

/**
 * Non-recursive watches of single folders on the local disk, with Node's own watcher (inotify on Linux): for the
 * folders VS Code's file watcher does not report (see extension/blindFolders.ts). Each watch reports the entries of
 * its folder that appeared, changed or went; what lies deeper needs a watch of its own. At most `max` folders are
 * watched at a time (inotify watches are a per-user resource: another `add` is refused). A watch whose folder is
 * deleted or that fails is closed and forgotten. A folder deleted and made again at once (a checkout) is not the one
 * its watch sees, which reports nothing more: that dead watch is found (its folder's own name reported, or another
 * folder at its path) and replaced by a watch of the new folder, which is reported changed (its files are listed).
 */
export class FolderWatches {
  /** absolute folder path → its watch */
  private readonly watches = new Map<string, Watch>();

  constructor(
    /** an entry of a watched folder (absolute path) appeared, changed or went */
    private readonly report: (file: string, event: FolderEvent) => void,
    private readonly max = 256,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  get size(): number {
    return this.watches.size;
  }

  /** Whether the folder at `folder` is watched (a watch of a folder deleted since does not count: looks at the disk). */
  has(folder: string): boolean {
    const w = this.watches.get(folder);
    return w !== undefined && sameFolder(w, this.stat(folder));
  }

  /** Whether a watch of `folder` is kept, without looking at the disk (it may be a dead one: see `has`). */
  knows(folder: string): boolean {
    return this.watches.has(folder);
  }

  /**
   * Watches `folder` (an absolute path). Returns whether it is watched now: false when it is not a folder (gone,
   * a file, a symbolic link, which is never followed) or when `max` folders are watched already (dead watches
   * not counted: they are closed first, which looks at each folder watched). One look at the disk otherwise: a watch
   * kept of another folder at that path (deleted and made again) is replaced.
   */
  add(folder: string): boolean {
    let st: Stats;
    try {
      st = lstatSync(folder);
    } catch (e) {
      this.close(folder);
      this.warn(`could not watch ${folder}: ${(e as Error).message}`);
      return false;
    }
    const kept = this.watches.get(folder);
    if (kept !== undefined && sameFolder(kept, st)) return true;
    this.close(folder);
    if (!st.isDirectory()) return false;
    if (this.watches.size >= this.max) this.closeDead();
    if (this.watches.size >= this.max) return false;
    try {
      const watcher = watch(folder, { persistent: false }, (kind, name) => this.reported(folder, watcher, kind, name));
      watcher.on('error', e => {
        if (this.watches.get(folder)?.watcher !== watcher) return;
        this.warn(`stopped watching ${folder}: ${e.message}`);
        this.close(folder);
      });
      this.watches.set(folder, { watcher, dev: st.dev, ino: st.ino });
      return true;
    } catch (e) {
      this.warn(`could not watch ${folder}: ${(e as Error).message}`);
      return false;
    }
  }

  /** Stops watching `target` and every watched folder below it. */
  removeBelow(target: string): void {
    const prefix = target.endsWith(path.sep) ? target : target + path.sep;
    for (const folder of [...this.watches.keys()]) if (folder === target || folder.startsWith(prefix)) this.close(folder);
  }

  dispose(): void {
    for (const folder of [...this.watches.keys()]) this.close(folder);
  }

  private reported(folder: string, watcher: FSWatcher, kind: string, name: string | Buffer | null): void {
    const w = this.watches.get(folder);
    if (w?.watcher !== watcher) return;
    const entry = name === null ? undefined : name.toString();
    // a report of another entry comes from a live watch (a dead one reports nothing more but its folder's own name):
    // the folder is looked at only when the report names the folder itself, or nothing
    if (entry !== undefined && entry !== path.basename(folder)) {
      this.reportEntry(path.join(folder, entry), kind);
      return;
    }
    const now = this.stat(folder);
    if (now === undefined) {
      // the folder itself went (its watch names it, or nothing)
      this.close(folder);
      this.report(folder, 'deleted');
      return;
    }
    // the folder went and another is at its path (made again at once): the watch names the folder it watched, as
    // an entry of its own, and sees nothing of the new one (which may have got the same inode back)
    const self = kind === 'rename' && entry !== undefined && !this.exists(path.join(folder, entry));
    if (self || !sameFolder(w, now)) {
      this.close(folder);
      this.add(folder);
      this.report(folder, 'changed');
      return;
    }
    // the platform did not say which entry: the folder is looked at again
    if (entry === undefined) this.report(folder, 'changed');
    // an entry named as the folder is (`c/c`)
    else this.reportEntry(path.join(folder, entry), kind);
  }

  /** An entry of a watched folder was reported: a rename event says it came or went (or was moved); the disk says which. */
  private reportEntry(file: string, kind: string): void {
    this.report(file, !this.exists(file) ? 'deleted' : kind === 'rename' ? 'created' : 'changed');
  }

  private exists(p: string): boolean {
    return this.stat(p) !== undefined;
  }

  private stat(p: string): Stats | undefined {
    try {
      return lstatSync(p);
    } catch {
      return undefined;
    }
  }

  /**
   * Closes the watches whose folder is gone, or is another folder now (see `has`): they count toward `max` no more.
   * Looks at each folder watched (run when `max` is reached).
   */
  closeDead(): void {
    for (const folder of [...this.watches.keys()]) if (!this.has(folder)) this.close(folder);
  }

  private close(folder: string): void {
    const w = this.watches.get(folder);
    this.watches.delete(folder);
    try {
      w?.watcher.close();
    } catch {
      // closed already
    }
  }
}

/** Whether `now` (the disk's word on a watch's path) is the folder the watch `w` watches. */
function sameFolder(w: Watch, now: Stats | undefined): boolean {
  return now !== undefined && now.isDirectory() && now.dev === w.dev && now.ino === w.ino;
}

/**
 * The folders strictly below `folder` (absolute paths, shallower ones first), at most `max`: read one folder at a time,
 * never through a symbolic link, and not into a folder `skip` names. A folder that cannot be read is passed over.
 */
export function foldersBelow(folder: string, max: number, skip: (folder: string) => boolean): string[] {
  const out: string[] = [];
  for (let next = 0, current = folder; out.length < max; current = out[next++]) {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const e of entries) {
      if (out.length >= max) break;
      const sub = path.join(current, e.name);
      if (e.isDirectory() && !skip(sub)) out.push(sub);
    }
    if (next >= out.length) break;
  }
  return out;
}
