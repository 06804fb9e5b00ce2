import { constants, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ALWAYS_EXCLUDED } from '../core/config';
import type { WorkspaceReader } from '../core/index/load';
import { isInsideRoot, NO_FOLLOW, ReadBuffer } from '../node/localFiles';

/**
 * Lists and reads the files of a workspace folder for the core. Never leaves the folder: symbolic links are
 * followed only when they point inside it, each real directory is visited once (symlink loops end), and
 * unreadable directories or files are reported through `log` and skipped.
 */
export class FolderReader implements WorkspaceReader {
  readonly root: string;
  private readonly rootReal: string;
  private readonly skipDir = picomatch(ALWAYS_EXCLUDED.map(g => g.replace(/\/\*\*$/, '')), { dot: true });
  /** files reached through a symbolic link: re-checked at read time (the link may have changed since listing) */
  private readonly linked = new Set<string>();

  constructor(root: string, private readonly log: (line: string) => void) {
    this.root = path.resolve(root);
    this.rootReal = realpathSync(this.root);
  }

  /**
   * A reader for a folder another reader has listed (a worker thread of a parallel check): `linked` are the files
   * that listing reached through symbolic links, which `read` re-checks.
   */
  static withLinked(root: string, linked: readonly string[], log: (line: string) => void): FolderReader {
    const reader = new FolderReader(root, log);
    for (const f of linked) reader.linked.add(f);
    return reader;
  }

  /** Files the listing reached through a symbolic link (see `withLinked`). */
  linkedFiles(): string[] {
    return [...this.linked];
  }

  async list(): Promise<string[]> {
    return this.listSync();
  }

  listSync(): string[] {
    const out: string[] = [];
    const seen = new Set<string>([this.rootReal]);
    const stack: string[] = [''];
    while (stack.length) {
      const rel = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = readdirSync(path.join(this.root, rel), { withFileTypes: true });
      } catch (e) {
        this.log(`skipped folder ${rel || '.'}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        continue;
      }
      for (const d of entries) {
        const childRel = rel === '' ? d.name : rel + '/' + d.name;
        let isDir = d.isDirectory();
        let isFile = d.isFile();
        if (d.isSymbolicLink()) {
          const target = this.insideTarget(childRel);
          if (!target) continue;
          try {
            const st = statSync(target);
            isDir = st.isDirectory();
            isFile = st.isFile();
            if (isDir) {
              if (seen.has(target)) { this.log(`skipped ${childRel}: symbolic link loop`); continue; }
              seen.add(target);
              this.linkedDirs.push(childRel);
            }
          } catch (e) {
            this.log(`skipped ${childRel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
            continue;
          }
        } else if (isDir) {
          try {
            const real = realpathSync(path.join(this.root, childRel));
            if (seen.has(real)) continue;
            seen.add(real);
          } catch { /* vanished: readdir below reports it */ }
        }
        if (isDir) {
          if (!this.skipDir(childRel)) stack.push(childRel);
        } else if (isFile) {
          out.push(childRel);
          if (d.isSymbolicLink() || rel !== '' && this.underLink(rel)) this.linked.add(childRel);
        }
      }
    }
    return out.sort();
  }

  /** The real path of a symbolic link when it stays inside the workspace; logs and returns undefined otherwise. */
  private insideTarget(rel: string): string | undefined {
    let real: string;
    try {
      real = realpathSync(path.join(this.root, rel));
    } catch (e) {
      this.log(`skipped ${rel}: broken symbolic link (${(e as NodeJS.ErrnoException).code ?? 'unresolvable'})`);
      return undefined;
    }
    if (!isInsideRoot(this.rootReal, real)) {
      this.log(`skipped ${rel}: symbolic link points outside the workspace`);
      return undefined;
    }
    return real;
  }

  /** True when a folder on the way to `rel` was reached through a symbolic link. */
  private underLink(rel: string): boolean {
    for (const f of this.linkedDirs) if (rel === f || rel.startsWith(f + '/')) return true;
    return false;
  }

  private readonly linkedDirs: string[] = [];

  async read(file: string): Promise<Uint8Array> {
    return this.readSync(file);
  }

  readSync(file: string): Uint8Array {
    return Buffer.from(this.readTransient(file));
  }

  /** The file's bytes in a buffer this reader reuses: valid until its next read (see ReadBuffer). */
  readTransient(file: string): Uint8Array {
    const full = path.join(this.root, file);
    if (this.linked.has(file) && !this.insideTarget(file)) throw new Error('points outside the workspace');
    // a plain file at listing time: refuse it if it has become a symbolic link since (O_NOFOLLOW)
    return this.buffer.readFile(full, this.linked.has(file) ? constants.O_RDONLY : constants.O_RDONLY | NO_FOLLOW);
  }

  private readonly buffer = new ReadBuffer();
}
