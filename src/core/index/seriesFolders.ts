import type { NotesConfig } from '../config';
import type { CoverageModel, SeriesModel } from '../model';
import { nearestFolderIn } from './resolve';

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
    if (s) s.coverage = coverage;
    else this.waitingMatrices.set(folder, coverage);
  }

  /**
   * The coverage matrix `file` in `folder` is deleted, or no longer the matrix (the config names another file). The
   * folder's matrix is forgotten only when it is this file's: the newly named matrix may have been parsed first.
   */
  matrixRemoved(folder: string, file: string): void {
    const s = this.get(folder);
    if (s?.coverage?.file === file) s.coverage = undefined;
    if (this.waitingMatrices.get(folder)?.file === file) this.waitingMatrices.delete(folder);
  }

  /**
   * The series folder whose matrix names `file` in a cross-reference (its links then feed the xref rule). Asked for
   * every note a check reads: the matrix's named files and span folders are gathered once per matrix (see xrefNames).
   */
  folderCrossReferencing(file: string): string | undefined {
    const folder = nearestFolderIn(this, file);
    const cov = folder === undefined ? undefined : this.get(folder)?.coverage;
    if (!cov || cov.xrefs.length === 0) return undefined;
    const { files, spanFolders } = xrefNames(cov);
    // (a span names the files inside its folder, at any depth)
    return files.has(file) || nearestFolderIn(spanFolders, file) !== undefined ? folder : undefined;
  }

  /** The matrix parsed in `folder`: its series', or one waiting for a README. */
  matrixIn(folder: string): CoverageModel | undefined {
    return this.get(folder)?.coverage ?? this.waitingMatrices.get(folder);
  }
}

/** The files a matrix's cross-references name, and the folders of their spans; gathered once per parsed matrix. */
const xrefNamesOf = new WeakMap<CoverageModel, { files: Set<string>; spanFolders: Set<string> }>();

function xrefNames(cov: CoverageModel): { files: Set<string>; spanFolders: Set<string> } {
  let names = xrefNamesOf.get(cov);
  if (!names) {
    names = { files: new Set(), spanFolders: new Set() };
    for (const x of cov.xrefs) {
      for (const side of [x.a, x.b]) {
        if (side.file !== undefined) names.files.add(side.file);
        if (side.span !== undefined) names.spanFolders.add(side.span.folder);
      }
    }
    xrefNamesOf.set(cov, names);
  }
  return names;
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
