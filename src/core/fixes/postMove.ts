import type { IndexView, Resolution } from '../index/api';
import { titleOf } from '../index/noteRecord';
import { NameIndex } from '../index/nameIndex';
import { foldersOf, nearestFolderIn, resolveLink, wikilinkMatches, type ResolveContext } from '../index/resolve';
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
  private readonly names = new NameIndex();
  private readonly seriesFolders = new Set<string>();
  private folders: Set<string> | undefined;

  constructor(index: IndexView, newPath: (file: string) => string, private readonly matrixFileName = index.config.matrixFileName) {
    for (const f of index.files()) {
      const file = newPath(f);
      this.allFiles.add(file);
      if (!index.note(f)) this.names.addFile(file);
    }
    for (const n of index.notes()) {
      const file = newPath(n.file);
      this.noteFiles.add(file);
      this.names.add(file, titleOf(file, n.frontmatter.data?.title, n.scan.headings), undefined);
    }
    for (const s of index.series()) this.seriesFolders.add(dirname(newPath(s.readme)));
  }

  resolve(from: string, link: LinkRef): Resolution {
    return resolveLink(this, from, link);
  }

  isMatrix(file: string): boolean {
    return basename(file) === this.matrixFileName && this.seriesFolders.has(dirname(file));
  }

  /** The files a wikilink name answers to, as resolution finds them (the nearest of them is the one it picks). */
  wikilinkCandidates(name: string): readonly string[] {
    return wikilinkMatches(this, name).files;
  }

  hasFile(file: string): boolean {
    return this.allFiles.has(file);
  }

  isNote(file: string): boolean {
    return this.noteFiles.has(file);
  }

  seriesFolderOf(file: string): string | undefined {
    return nearestFolderIn(this.seriesFolders, file);
  }

  notesByStem(lowerStem: string): readonly string[] {
    return this.names.byStemOf(lowerStem);
  }

  notesByTitle(lowerTitle: string): readonly string[] {
    return this.names.byTitleOf(lowerTitle);
  }

  filesByName(lowerName: string): readonly string[] {
    return this.names.byFileNameOf(lowerName);
  }

  hasFolder(folder: string): boolean {
    this.folders ??= foldersOf(this.allFiles);
    return folder === '' || this.folders.has(folder);
  }
}
