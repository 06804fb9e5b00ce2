import { lstatSync, readdirSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** What happened to a path in a watched folder, as far as one look at the disk tells. */
export type FolderEvent = 'created' | 'changed' | 'deleted';

/**
 * Non-recursive watches of single folders on the local disk, with Node's own watcher (inotify on Linux): for the
 * folders VS Code's file watcher does not report (see extension/blindFolders.ts). Each watch reports the entries of
 * its folder that appeared, changed or went; what lies deeper needs a watch of its own. At most `max` folders are
 * watched at a time (inotify watches are a per-user resource: another `add` is refused). A watch whose folder is
 * deleted or that fails is closed and forgotten.
 */
export class FolderWatches {
  /** absolute folder path → its watch */
  private readonly watches = new Map<string, FSWatcher>();

  constructor(
    /** an entry of a watched folder (absolute path) appeared, changed or went */
    private readonly report: (file: string, event: FolderEvent) => void,
    private readonly max = 256,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  get size(): number {
    return this.watches.size;
  }

  has(folder: string): boolean {
    return this.watches.has(folder);
  }

  /**
   * Watches `folder` (an absolute path). Returns whether it is watched now: false when it is not a folder (gone,
   * a file, a symbolic link, which is never followed) or when `max` folders are watched already.
   */
  add(folder: string): boolean {
    if (this.watches.has(folder)) return true;
    if (this.watches.size >= this.max) return false;
    try {
      if (!lstatSync(folder).isDirectory()) return false;
      const w = watch(folder, { persistent: false }, (kind, name) => this.reported(folder, kind, name));
      w.on('error', e => {
        this.warn(`stopped watching ${folder}: ${e.message}`);
        this.close(folder);
      });
      this.watches.set(folder, w);
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

  private reported(folder: string, kind: string, name: string | Buffer | null): void {
    if (!this.watches.has(folder)) return;
    if (!this.exists(folder)) {
      // the folder itself went (its watch names it, or nothing)
      this.close(folder);
      this.report(folder, 'deleted');
      return;
    }
    if (name === null) {
      // the platform did not say which entry: the folder is looked at again
      this.report(folder, 'changed');
      return;
    }
    const file = path.join(folder, name.toString());
    // a rename event says an entry came or went (or was moved); the disk says which
    this.report(file, !this.exists(file) ? 'deleted' : kind === 'rename' ? 'created' : 'changed');
  }

  private exists(p: string): boolean {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false;
    }
  }

  private close(folder: string): void {
    const w = this.watches.get(folder);
    this.watches.delete(folder);
    try {
      w?.close();
    } catch {
      // closed already
    }
  }
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
