import { closeSync, constants, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { MAX_NOTE_BYTES } from '../core/index/load';

/**
 * Reading workspace files from the local disk, for the two Node adapters: the CLI's folder reader and the
 * extension's reader for `file:` workspaces. Nothing outside the workspace folder is ever read: a file is opened
 * only once its real path is known to be inside it.
 */

/** True when the real path `real` is the real workspace folder `rootReal` or inside it. */
export function isInsideRoot(rootReal: string, real: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

/** The file-system calls realPathInsideRoot makes (`fs.promises`, or a fake in tests). */
export interface RealPaths {
  realpath(p: string): Promise<string>;
  lstat(p: string): Promise<unknown>;
}

/**
 * A realpath that falls back on `portable` (Node's JavaScript realpath, which walks the path a link at a time) when
 * `native` fails for another reason than a missing path: the native one is known to fail on some Windows volumes
 * (RAM disks, subst and network drives), and every request would then be refused.
 */
export function realpathWithFallback(native: (p: string) => Promise<string>, portable: (p: string) => Promise<string>): (p: string) => Promise<string> {
  return p => native(p).catch((e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? Promise.reject(e) : portable(p);
  });
}

/**
 * Whether the absolute path `target`, which may not exist yet (a note to create), stays inside the real workspace
 * folder `rootReal` once symbolic links are followed: the real path of its nearest existing ancestor, with the rest of
 * the path below it. A folder of the workspace that is a link to `/etc` leads outside, and so does a dangling link
 * (writing through it creates its target, wherever that is); an unreadable ancestor (a loop, no permission) is refused.
 */
export async function realPathInsideRoot(rootReal: string, target: string, fs: RealPaths): Promise<boolean> {
  const below: string[] = [];
  for (let p = path.resolve(target); ;) {
    try {
      const real = await fs.realpath(p);
      return isInsideRoot(rootReal, below.length === 0 ? real : path.join(real, ...below.reverse()));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return false;
      // nothing there may be created below; something there that does not resolve is a dangling link
      if (await fs.lstat(p).then(() => true, () => false)) return false;
    }
    const parent = path.dirname(p);
    if (parent === p) return false;
    below.push(path.basename(p));
    p = parent;
  }
}

/** `O_NOFOLLOW` where the platform has it (not on Windows): opening a symbolic link then fails with ELOOP. */
export const NO_FOLLOW: number = constants.O_NOFOLLOW ?? 0;

/**
 * One reused buffer that files are read into, valid until the next read: a check decodes each note at once, and
 * ten thousand buffers of their own would only wait for the garbage collector.
 */
export class ReadBuffer {
  private scratch: Buffer = Buffer.allocUnsafe(64 * 1024); // grows (by doubling) to the largest note read

  /** Opens `file` with `flags`, reads it (see readAll) and closes it again. */
  readFile(file: string, flags: number): Uint8Array {
    const fd = openSync(file, flags);
    try {
      return this.readAll(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Reads the open file `fd` to its end, or to one byte past the largest note checked (the rest is never looked at). */
  private readAll(fd: number): Uint8Array {
    const limit = MAX_NOTE_BYTES + 1;
    let size = 0;
    while (size < limit) {
      if (size === this.scratch.length) this.scratch = grownBuffer(this.scratch, limit);
      const n = readSync(fd, this.scratch, size, Math.min(this.scratch.length, limit) - size, null);
      if (n === 0) break;
      size += n;
    }
    return this.scratch.subarray(0, size);
  }
}

/** A buffer twice as large (at most `limit` bytes) holding the same bytes (reads past the old end fill the rest). */
function grownBuffer(b: Buffer, limit: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(b.length * 2, limit));
  b.copy(bigger);
  return bigger;
}

/**
 * Reads the files of a `file:` workspace for the extension host straight from disk, on its own thread: an open, a
 * read or two and a close per file. `workspace.fs.readFile` takes several thread-pool round trips per file, and the
 * first indexing of 10,000 notes spent most of its 12 s waiting on them.
 *
 * The file list comes from the search service, which may have followed symbolic links; each folder's real path is
 * looked up once and must be inside the workspace, and a file that is itself a symbolic link is read only when its
 * target is inside too.
 */
export class LocalFileReader {
  private readonly rootReal: string;
  /** workspace-relative folder → its real path, or null when that leaves the workspace (one reader serves one load) */
  private readonly realFolders = new Map<string, string | null>();
  private readonly buffer = new ReadBuffer();

  constructor(private readonly root: string) {
    this.rootReal = realpathSync(root);
  }

  /** The bytes of `file` (a workspace-relative POSIX path), in a buffer that the next read reuses. */
  readTransient(file: string): Uint8Array {
    const slash = file.lastIndexOf('/');
    const folder = slash === -1 ? '' : file.slice(0, slash);
    const realFolder = this.realFolder(folder);
    if (realFolder === null) throw new Error('its folder is outside the workspace');
    const full = path.join(realFolder, file.slice(slash + 1));
    try {
      if (NO_FOLLOW === 0) throw Object.assign(new Error('no O_NOFOLLOW here'), { code: 'ELOOP' });
      return this.buffer.readFile(full, constants.O_RDONLY | NO_FOLLOW);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOOP') throw e;
      // a symbolic link (or a platform without O_NOFOLLOW): follow it only into the workspace
      const real = realpathSync(full);
      if (!isInsideRoot(this.rootReal, real)) throw new Error('points outside the workspace');
      return this.buffer.readFile(real, constants.O_RDONLY);
    }
  }

  /** The folder's real path; null when it leaves the workspace (errors such as ENOENT are thrown). */
  private realFolder(folder: string): string | null {
    const known = this.realFolders.get(folder);
    if (known !== undefined) return known;
    const real = realpathSync(folder === '' ? this.root : path.join(this.root, ...folder.split('/')));
    const answer = isInsideRoot(this.rootReal, real) ? real : null;
    this.realFolders.set(folder, answer);
    return answer;
  }
}
