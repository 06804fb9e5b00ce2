import type { NotesConfig } from '../config';
import type { IndexView, Resolution } from '../index/api';
import { titleOf } from '../index/noteRecord';
import { nearestFolderIn, resolveLink, wikilinkMatches } from '../index/resolve';
import { WorkspaceFiles } from '../index/workspaceFiles';
import type { LinkRef } from '../model';
import { basename, dirname } from '../paths';
import { isReadmeName, sectionKind } from '../series/readmeSections';
import type { LinkWorld } from './linkText';

/**
 * The workspace as it will be once the files have moved: which files and notes exist where (and which Markdown files
 * the editor hides), the series folders
 * (a README moves with its folder, and stops making one when renamed) and the names wikilinks answer to (file names, titles, aliases). Rename edits ask it where a link text
 * would lead after the move, so they never write a text that some other file shadows.
 */
export class PostMoveWorkspace extends WorkspaceFiles implements LinkWorld {
  private readonly noteFiles = new Set<string>();
  private readonly seriesFolders = new Set<string>();
  /** the index's: folders never listed and folder aliases resolve as they do there */
  readonly config: NotesConfig;

  constructor(index: IndexView, newPath: (file: string) => string, private readonly matrixFileName = index.config.matrixFileName) {
    super();
    this.config = index.config;
    this.replaceHiddenNotes([...index.hiddenNotes()].map(newPath));
    for (const f of index.files()) {
      const file = newPath(f);
      this.allFiles.add(file);
      if (!index.note(f)) this.names.addFile(file);
    }
    for (const n of index.notes()) {
      const file = newPath(n.file);
      this.noteFiles.add(file);
      this.names.add(file, titleOf(file, n.frontmatter.data?.title, n.scan.headings), undefined);
      this.names.setAliases(file, n.aliases, undefined);
    }
    // a series README keeps its series where it lands while it keeps its name; a note taking the name makes a series when it has chapters
    const readmes = new Set(index.series().map(s => s.readme));
    for (const n of index.notes()) {
      const file = newPath(n.file);
      if (!isReadmeName(file)) continue;
      if (readmes.has(n.file) || (file !== n.file && n.scan.headings.some(h => h.level === 2 && sectionKind(h.text) === 'chapters'))) {
        this.seriesFolders.add(dirname(file));
      }
    }
  }

  resolve(from: string, link: LinkRef): Resolution {
    return resolveLink(this, from, link);
  }

  isMatrix(file: string): boolean {
    return basename(file) === this.matrixFileName && this.seriesFolders.has(dirname(file));
  }

  /** The files a wikilink name answers to, as resolution finds them (the nearest of them is the one it picks). */
  wikilinkCandidates(from: string, name: string): readonly string[] {
    return wikilinkMatches(this, name, from).files;
  }

  isNote(file: string): boolean {
    return this.noteFiles.has(file);
  }

  seriesFolderOf(file: string): string | undefined {
    return nearestFolderIn(this.seriesFolders, file);
  }
}
