import { constants, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ALWAYS_EXCLUDED, type FolderAlias } from '../core/config';
import { isMarkdown } from '../core/paths';
import type { WorkspaceReader } from '../core/index/load';
import { isInsideRoot, NO_FOLLOW, ReadBuffer } from '../node/localFiles';

/** A symbolic link to a folder inside the workspace: its path, and its target's real path. */
interface LinkedFolder {
  rel: string;
  real: string;
}

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

  /**
   * Every file of the folder, sorted. Real folders are listed first, each under its own path; then symbolic links
   * to folders, in name order, each only when its target has not been listed already (a link never hides the
   * folder it points to, and loops end). Throws when the folder itself cannot be listed.
   */
  listSync(): string[] {
    const out: string[] = [];
    // each real folder reached, and the path it is listed under
    const seen = new Map<string, string>([[this.rootReal, '']]);
    let links: LinkedFolder[] = [];
    // each folder comes with its real path: a real sub-folder's is its parent's plus its name (realpath for each
    // folder would take time growing with its depth, O(depth²) in all: 20 s for an 800-folder-deep tree)
    const walk = (start: string, startReal: string, viaLink: boolean) => {
      const stack: [rel: string, real: string][] = [[start, startReal]];
      while (stack.length) {
        const [rel, parentReal] = stack.pop()!;
        const entries = this.readFolder(rel);
        for (const d of entries ?? []) {
          const childRel = rel === '' ? d.name : rel + '/' + d.name;
          if (d.isSymbolicLink()) {
            const target = this.insideTarget(childRel, true);
            const kind = target && this.kindOf(childRel, target);
            if (kind === 'folder') links.push({ rel: childRel, real: target! });
            else if (kind === 'file') {
              out.push(childRel);
              this.linked.add(childRel);
            }
          } else if (d.isDirectory()) {
            const real = path.join(parentReal, d.name);
            const listedAs = seen.get(real);
            // a folder a symbolic link walked earlier already listed (`b/sub` when `a` → `b/sub` came first)
            if (listedAs !== undefined) { this.aliases.push({ alias: childRel, target: listedAs }); continue; }
            seen.set(real, childRel);
            if (!this.skipDir(childRel)) stack.push([childRel, real]);
          } else if (d.isFile()) {
            out.push(childRel);
            if (viaLink) this.linked.add(childRel);
          } else {
            // a FIFO, socket or device: reading it could hang or never end (other names are no notes: no line); it
            // is there, so a link to it is not broken
            if (isMarkdown(d.name)) this.log(`skipped ${childRel}: not a regular file`);
            this.unlisted.push(childRel);
          }
        }
      }
    };
    walk('', this.rootReal, false);
    // links found while walking links are walked in the next round
    while (links.length) {
      const round = links.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      links = [];
      for (const link of round) {
        const listedAs = seen.get(link.real);
        if (listedAs !== undefined) {
          // not listed twice, nor walked round a loop: links through it are looked up where the folder was listed
          this.log(`skipped ${link.rel}: ${this.isLoop(link) ? 'symbolic link loop' : `symbolic link to ${path.relative(this.rootReal, link.real).split(path.sep).join('/')}, listed already`}`);
          this.aliases.push({ alias: link.rel, target: listedAs });
          continue;
        }
        seen.set(link.real, link.rel);
        if (!this.skipDir(link.rel)) walk(link.rel, link.real, true);
      }
    }
    return out.sort();
  }

  /**
   * What is there but was not listed: folders that could not be listed (permission denied …; not those that
   * vanished), files that are no regular files (FIFOs, devices) and symbolic links that lead outside the folder or
   * to no regular file. Links to them (or into them) are not known to be broken.
   */
  unlistedPaths(): string[] {
    return [...this.unlisted];
  }

  /** Symbolic links to folders listed under another path, sorted (see `NotesConfig.folderAliases`). */
  folderAliases(): FolderAlias[] {
    return [...this.aliases].sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  }

  private readonly aliases: FolderAlias[] = [];

  private readonly unlisted: string[] = [];

  /** The entries of a folder; undefined (logged) when a sub-folder cannot be listed. The workspace folder's own failure is thrown. */
  private readFolder(rel: string): Dirent[] | undefined {
    try {
      const entries = readdirSync(path.join(this.root, rel), { withFileTypes: true });
      // a name that is no UTF-8 comes back with U+FFFD in it, and no file has that name: say so once, not "ENOENT"
      return entries.some(d => d.name.includes('\uFFFD')) ? this.withoutUndecodable(rel, entries) : entries;
    } catch (e) {
      if (rel === '') throw e;
      const code = (e as NodeJS.ErrnoException).code;
      this.log(`skipped folder ${rel}: ${code ?? (e as Error).message}`);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.unlisted.push(rel);
      return undefined;
    }
  }

  /** `entries` of folder `rel` without those whose name is not valid UTF-8 (logged: no link can name them either). */
  private withoutUndecodable(rel: string, entries: Dirent[]): Dirent[] {
    const undecodable = new Set<string>();
    for (const raw of readdirSync(path.join(this.root, rel), { encoding: 'buffer' })) {
      const name = raw.toString('utf8');
      if (!Buffer.from(name).equals(raw)) undecodable.add(name);
    }
    return entries.filter(d => {
      if (!undecodable.has(d.name)) return true;
      this.log(`skipped ${rel === '' ? d.name : rel + '/' + d.name}: its name is not valid UTF-8`);
      return false;
    });
  }

  /** Whether a symbolic link's target is a folder or a file; undefined when it is neither (logged for a Markdown name) or cannot be told (logged). */
  private kindOf(rel: string, target: string): 'folder' | 'file' | undefined {
    try {
      const st = statSync(target);
      if (st.isDirectory()) return 'folder';
      if (st.isFile()) return 'file';
      if (isMarkdown(rel)) this.log(`skipped ${rel}: not a regular file`);
      this.unlisted.push(rel);
      return undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.log(`skipped ${rel}: ${code ?? (e as Error).message}`);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.unlisted.push(rel);
      return undefined;
    }
  }

  /** Whether a link to a folder points to a folder holding it (walking it would come back to the link). */
  private isLoop(link: LinkedFolder): boolean {
    try {
      return isInsideRoot(link.real, realpathSync(path.join(this.root, path.dirname(link.rel))));
    } catch {
      return false;
    }
  }

  /**
   * The real path of a symbolic link when it stays inside the workspace; logs and returns undefined otherwise.
   * `listing`: a link that leads outside is noted as there but unlisted (a broken one is not: nothing is there).
   */
  private insideTarget(rel: string, listing = false): string | undefined {
    let real: string;
    try {
      real = realpathSync(path.join(this.root, rel));
    } catch (e) {
      this.log(`skipped ${rel}: broken symbolic link (${(e as NodeJS.ErrnoException).code ?? 'unresolvable'})`);
      return undefined;
    }
    if (!isInsideRoot(this.rootReal, real)) {
      this.log(`skipped ${rel}: symbolic link points outside the workspace`);
      if (listing) this.unlisted.push(rel);
      return undefined;
    }
    return real;
  }

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
