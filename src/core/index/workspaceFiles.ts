import { NameIndex } from './nameIndex';
import { foldersOf, type ResolveContext } from './resolve';

/**
 * The files of a workspace as link resolution looks them up: which exist, which folders hold them, and the names a
 * wikilink answers to. The half of `ResolveContext` that the index (workspaceIndex.ts) and the workspace as it will
 * be after a move (fixes/postMove.ts) share; each says itself which files are notes and where the series are.
 */
export abstract class WorkspaceFiles implements ResolveContext {
  /** every file, notes and others */
  protected readonly allFiles = new Set<string>();
  protected readonly names = new NameIndex();
  /** Markdown files the editor's listing hides (see `replaceHiddenNotes`) */
  private readonly hidden = new Set<string>();
  /** every folder holding a file, built when first asked (see hasFolder); undefined after files come or go */
  private folders: Set<string> | undefined;

  abstract isNote(file: string): boolean;
  abstract seriesFolderOf(file: string): string | undefined;

  hasFile(file: string): boolean {
    return this.allFiles.has(file);
  }

  notesByStem(lowerStem: string): readonly string[] {
    return this.names.byStemOf(lowerStem);
  }

  notesByTitle(lowerTitle: string): readonly string[] {
    return this.names.byTitleOf(lowerTitle);
  }

  notesByAlias(lowerAlias: string): readonly string[] {
    return this.names.byAliasOf(lowerAlias);
  }

  filesByName(lowerName: string): readonly string[] {
    return this.names.byFileNameOf(lowerName);
  }

  hiddenNotesByStem(lowerStem: string): readonly string[] {
    return this.names.byHiddenStemOf(lowerStem);
  }

  /**
   * Makes `files` the Markdown files the editor's listing hides (VS Code's `files.exclude`): a `[[name]]` finds them
   * by file name, as the CLI, which lists them, does; they are never read (no title, headings or diagnostics).
   * Returns the files that came or went.
   */
  protected replaceHiddenNotes(files: Iterable<string>): string[] {
    const next = new Set(files);
    const changed: string[] = [];
    for (const f of this.hidden) {
      if (next.has(f)) continue;
      this.hidden.delete(f);
      this.names.removeHidden(f);
      changed.push(f);
    }
    for (const f of next) {
      if (this.hidden.has(f)) continue;
      this.hidden.add(f);
      this.names.addHidden(f);
      changed.push(f);
    }
    return changed;
  }

  /** The hidden Markdown files (see `replaceHiddenNotes`). */
  hiddenNotes(): ReadonlySet<string> {
    return this.hidden;
  }

  hasFolder(folder: string): boolean {
    if (folder === '') return true;
    // built on the first link that names no file (few do), again only after files come or go
    this.folders ??= foldersOf(this.allFiles);
    return this.folders.has(folder);
  }

  /** A file the workspace did not know exists now. */
  protected trackFile(file: string): void {
    this.allFiles.add(file);
    this.folders = undefined;
  }

  /** A file is gone. */
  protected untrackFile(file: string): void {
    this.allFiles.delete(file);
    this.folders = undefined;
  }
}
