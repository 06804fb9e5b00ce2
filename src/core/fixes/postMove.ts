import type { IndexView, Resolution } from '../index/api';
import { titleOf } from '../index/noteRecord';
import { foldersOf, resolveLink, wikilinkKeyOfFile, type ResolveContext } from '../index/resolve';
import type { LinkRef } from '../model';
import { basename, dirname } from '../paths';
import type { LinkWorld } from './linkText';

/**
 * The workspace as it will be once the files have moved: which files and notes exist where, the series folders
 * (a README moves with its folder) and the names wikilinks answer to. Rename edits ask it where a link text
 * would lead after the move, so they never write a text that some other file shadows.
 */
export class PostMoveWorkspace implements ResolveContext, LinkWorld {
  private readonly allFiles = new Set<string>();
  private readonly noteFiles = new Set<string>();
  private readonly byStem = new Map<string, string[]>();
  private readonly byTitle = new Map<string, string[]>();
  private readonly seriesFolders = new Set<string>();
  private readonly byFileName = new Map<string, string[]>();
  private folders: Set<string> | undefined;

  constructor(index: IndexView, newPath: (file: string) => string, private readonly matrixFileName = index.config.matrixFileName) {
    for (const f of index.files()) this.allFiles.add(newPath(f));
    for (const f of this.allFiles) if (!index.note(f)) addTo(this.byFileName, basename(f).toLowerCase(), f);
    for (const n of index.notes()) {
      const file = newPath(n.file);
      this.noteFiles.add(file);
      addTo(this.byStem, wikilinkKeyOfFile(file), file);
      addTo(this.byTitle, titleOf(file, n.frontmatter.data?.title, n.scan.headings).toLowerCase(), file);
    }
    for (const s of index.series()) this.seriesFolders.add(dirname(newPath(s.readme)));
  }

  resolve(from: string, link: LinkRef): Resolution {
    return resolveLink(this, from, link);
  }

  isMatrix(file: string): boolean {
    return basename(file) === this.matrixFileName && this.seriesFolders.has(dirname(file));
  }

  /** The notes a wikilink name answers to: by file name (a path-like name must match the path's end), else by title. */
  wikilinkCandidates(name: string): readonly string[] {
    const lowerName = name.trim().toLowerCase();
    const lower = lowerName.endsWith('.md') ? lowerName.slice(0, -3) : lowerName;
    const slash = lower.lastIndexOf('/');
    const byStem = this.notesByStem(slash === -1 ? lower : lower.slice(slash + 1));
    const matches = slash === -1 ? byStem : byStem.filter(f => ('/' + f.toLowerCase()).endsWith('/' + lower + '.md'));
    if (matches.length > 0) return matches;
    const byTitle = this.notesByTitle(lowerName);
    if (byTitle.length > 0) return byTitle;
    // no note: other files by file name (`[[diagram.png]]`)
    const files = this.filesByName(lowerName.slice(lowerName.lastIndexOf('/') + 1));
    return slash === -1 ? files : files.filter(f => ('/' + f.toLowerCase()).endsWith('/' + lowerName));
  }

  hasFile(file: string): boolean {
    return this.allFiles.has(file);
  }

  isNote(file: string): boolean {
    return this.noteFiles.has(file);
  }

  seriesFolderOf(file: string): string | undefined {
    let folder = dirname(file);
    for (;;) {
      if (this.seriesFolders.has(folder)) return folder;
      if (folder === '') return undefined;
      folder = dirname(folder);
    }
  }

  notesByStem(lowerStem: string): readonly string[] {
    return this.byStem.get(lowerStem) ?? [];
  }

  notesByTitle(lowerTitle: string): readonly string[] {
    return this.byTitle.get(lowerTitle) ?? [];
  }

  filesByName(lowerName: string): readonly string[] {
    return (this.byFileName.get(lowerName) ?? []).filter(f => !this.noteFiles.has(f));
  }

  hasFolder(folder: string): boolean {
    this.folders ??= foldersOf(this.allFiles);
    return folder === '' || this.folders.has(folder);
  }
}

function addTo(map: Map<string, string[]>, key: string, file: string): void {
  const list = map.get(key);
  if (list) list.push(file);
  else map.set(key, [file]);
}
