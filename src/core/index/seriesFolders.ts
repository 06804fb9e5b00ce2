import type { NotesConfig } from '../config';
import type { CoverageModel, SeriesModel } from '../model';
import { dirname } from '../paths';

/** What the index keeps of a series: its README's model and, once parsed, its coverage matrix. */
export interface SeriesEntry {
  model: SeriesModel;
  coverage?: CoverageModel;
}

/**
 * The series the index knows, by folder (a folder is a series while its README has a `## Chapters` section), and
 * the matrices parsed before their README appeared, which wait by folder until it does. A map itself, so that
 * finding the series enclosing a file (for every backtick reference) is one map lookup per folder level.
 */
export class SeriesFolders extends Map<string, SeriesEntry> {
  private readonly waitingMatrices = new Map<string, CoverageModel>();
  /** what the series' matrices cross-reference (see foldersCrossReferencing): gathered when first asked after a change */
  private xrefs: CrossReferenced | undefined;

  /**
   * Every series README parsed, by folder and file. A folder holds two only on a case-sensitive file system
   * (README.md beside readme.md): the series is then the one whose path comes first in code-unit order, whichever
   * was read last, so that an index that followed edits and one loaded afresh agree.
   */
  private readonly readmes = new Map<string, Map<string, SeriesModel>>();

  /** A series README in `folder` was parsed: the series keeps its matrix, or takes one that waited. True when `folder` was no series until now. */
  readmeParsed(folder: string, model: SeriesModel): boolean {
    let all = this.readmes.get(folder);
    if (!all) this.readmes.set(folder, (all = new Map()));
    all.set(model.readme, model);
    const prev = this.get(folder);
    const coverage = prev?.coverage ?? this.waitingMatrices.get(folder);
    this.waitingMatrices.delete(folder);
    this.set(folder, { model: firstReadme(all), coverage });
    return prev === undefined;
  }

  /** The series README `file` in `folder` is deleted (or no series README now): another takes over, or its matrix waits for one. */
  readmeRemoved(folder: string, file: string): void {
    const all = this.readmes.get(folder);
    all?.delete(file);
    const s = this.get(folder);
    if (all && all.size > 0 && s) {
      s.model = firstReadme(all);
      return;
    }
    this.readmes.delete(folder);
    this.delete(folder);
    if (s?.coverage) this.waitingMatrices.set(folder, s.coverage);
  }

  /** A coverage matrix in `folder` was parsed: its series' matrix, or one that waits for a README. */
  matrixParsed(folder: string, coverage: CoverageModel): void {
    const s = this.get(folder);
    if (s) {
      s.coverage = coverage;
      this.xrefs = undefined;
    } else this.waitingMatrices.set(folder, coverage);
  }

  /**
   * The coverage matrix `file` in `folder` is deleted, or no longer the matrix (the config names another file). The
   * folder's matrix is forgotten only when it is this file's: the newly named matrix may have been parsed first.
   */
  matrixRemoved(folder: string, file: string): void {
    const s = this.get(folder);
    if (s?.coverage?.file === file) {
      s.coverage = undefined;
      this.xrefs = undefined;
    }
    if (this.waitingMatrices.get(folder)?.file === file) this.waitingMatrices.delete(folder);
  }

  /**
   * Adds to `into` every series folder whose matrix cross-references `file` (its links then feed the xref rule): a
   * side names it, or names a span of chapters in a folder that holds it (at any depth). Any series, not only the
   * one enclosing `file`: an outer series' matrix names notes inside a nested series (`rust/17_3-17_6` beside
   * `rust/README.md`), and a side may lie outside the series folder (`../r/01-02`). Asked for every note a check
   * reads: one lookup, and one per folder level of `file` while some matrix names a span.
   */
  foldersCrossReferencing(file: string, into: Set<string>): void {
    const { files, spanFolders } = (this.xrefs ??= crossReferenced(this));
    const named = files.get(file);
    if (named) for (const folder of named) into.add(folder);
    if (spanFolders.size === 0) return;
    for (let folder = dirname(file); ; folder = dirname(folder)) {
      const spans = spanFolders.get(folder);
      if (spans) for (const s of spans) into.add(s);
      if (folder === '') return;
    }
  }

  override set(folder: string, entry: SeriesEntry): this {
    this.xrefs = undefined;
    return super.set(folder, entry);
  }

  override delete(folder: string): boolean {
    this.xrefs = undefined;
    return super.delete(folder);
  }

  override clear(): void {
    this.xrefs = undefined;
    super.clear();
  }

  /** The matrix parsed in `folder`: its series', or one waiting for a README. */
  matrixIn(folder: string): CoverageModel | undefined {
    return this.get(folder)?.coverage ?? this.waitingMatrices.get(folder);
  }
}

/** The files the series' matrices' cross-references name and the folders of their spans, each with the series folders naming it. */
interface CrossReferenced {
  files: Map<string, Set<string>>;
  spanFolders: Map<string, Set<string>>;
}

function crossReferenced(series: ReadonlyMap<string, SeriesEntry>): CrossReferenced {
  const out: CrossReferenced = { files: new Map(), spanFolders: new Map() };
  const add = (map: Map<string, Set<string>>, key: string, folder: string) => {
    let folders = map.get(key);
    if (!folders) map.set(key, (folders = new Set()));
    folders.add(folder);
  };
  for (const [folder, s] of series) {
    for (const x of s.coverage?.xrefs ?? []) {
      for (const side of [x.a, x.b]) {
        if (side.file !== undefined) add(out.files, side.file, folder);
        if (side.span !== undefined) add(out.spanFolders, side.span.folder, folder);
      }
    }
  }
  return out;
}

/** The coverage matrix file of the series in `folder` (whether or not there is one). */
export function matrixFileIn(folder: string, config: NotesConfig): string {
  return (folder === '' ? '' : folder + '/') + config.matrixFileName;
}

/** The model of the series README whose path comes first in code-unit order. */
function firstReadme(all: ReadonlyMap<string, SeriesModel>): SeriesModel {
  let first: string | undefined;
  for (const f of all.keys()) if (first === undefined || f < first) first = f;
  return all.get(first!)!;
}
