import { basename } from '../paths';
import { wikilinkKeyOfFile } from './resolve';

/**
 * The three ways a wikilink names a note: by file name without `.md` (its stem), by title and by frontmatter
 * alias, all lower-cased; and, for a wikilink that names no note, the workspace's other files by file name
 * (`[[diagram.png]]`, or a Markdown file the config leaves out). Each key maps to the files answering to it, kept sorted so that a choice
 * among same-named files is deterministic without re-sorting on every lookup.
 */
/** The answer for a name nothing has: one shared empty list (a miss is common and must not allocate). */
const NONE: readonly string[] = Object.freeze([]);

export class NameIndex {
  private readonly byStem = new Map<string, string[]>();
  private readonly byTitle = new Map<string, string[]>();
  private readonly byAlias = new Map<string, string[]>();
  private readonly byFileName = new Map<string, string[]>();
  /** Markdown files the editor's listing hides (`files.exclude`): known by stem only, never read */
  private readonly byHiddenStem = new Map<string, string[]>();

  /** Registers `file` under its stem and `title` (and forgets `oldTitle` when the title changed). */
  add(file: string, title: string, oldTitle: string | undefined): void {
    if (oldTitle !== undefined && oldTitle !== title) remove(this.byTitle, oldTitle.toLowerCase(), file);
    insert(this.byStem, wikilinkKeyOfFile(file), file);
    insert(this.byTitle, title.toLowerCase(), file);
  }

  /** Forgets `file`, which was registered with `title` and `aliases`. */
  remove(file: string, title: string, aliases?: readonly string[]): void {
    remove(this.byStem, wikilinkKeyOfFile(file), file);
    remove(this.byTitle, title.toLowerCase(), file);
    if (aliases) for (const a of aliases) remove(this.byAlias, a.toLowerCase(), file);
  }

  /** Registers `file` under `aliases` instead of `oldAliases` (see aliasesOf; undefined: none). */
  setAliases(file: string, aliases: readonly string[] | undefined, oldAliases: readonly string[] | undefined): void {
    if (oldAliases) for (const a of oldAliases) remove(this.byAlias, a.toLowerCase(), file);
    if (aliases) for (const a of aliases) insert(this.byAlias, a.toLowerCase(), file);
  }

  /** Registers a file that is not a note under its lower-cased file name. */
  addFile(file: string): void {
    insert(this.byFileName, basename(file).toLowerCase(), file);
  }

  /** Forgets a file registered with `addFile` (nothing when it was not). */
  removeFile(file: string): void {
    remove(this.byFileName, basename(file).toLowerCase(), file);
  }

  /** Registers a hidden Markdown file (see `WorkspaceFiles.setHiddenNotes`) under its stem. */
  addHidden(file: string): void {
    insert(this.byHiddenStem, wikilinkKeyOfFile(file), file);
  }

  removeHidden(file: string): void {
    remove(this.byHiddenStem, wikilinkKeyOfFile(file), file);
  }

  /** Hidden Markdown files whose file name without `.md` is `lowerStem` (case-insensitive), sorted. */
  byHiddenStemOf(lowerStem: string): readonly string[] {
    return this.byHiddenStem.get(lowerStem) ?? NONE;
  }

  /** Files that are not notes whose file name is `lowerName` (case-insensitive), sorted. */
  byFileNameOf(lowerName: string): readonly string[] {
    return this.byFileName.get(lowerName) ?? NONE;
  }

  /** Notes whose file name without `.md` is `lowerStem` (case-insensitive), sorted. */
  byStemOf(lowerStem: string): readonly string[] {
    return this.byStem.get(lowerStem) ?? NONE;
  }

  /** Notes whose title is `lowerTitle` (case-insensitive), sorted. */
  byTitleOf(lowerTitle: string): readonly string[] {
    return this.byTitle.get(lowerTitle) ?? NONE;
  }

  /** Notes with an alias `lowerAlias` (case-insensitive), sorted. */
  byAliasOf(lowerAlias: string): readonly string[] {
    return this.byAlias.get(lowerAlias) ?? NONE;
  }
}

function insert(map: Map<string, string[]>, key: string, file: string): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [file]);
    return;
  }
  // keep the list sorted without re-sorting it: insert at the first larger entry
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < file) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== file) list.splice(lo, 0, file);
}

function remove(map: Map<string, string[]>, key: string, file: string): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(file);
  if (i !== -1) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}
