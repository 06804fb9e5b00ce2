import type { IndexView } from '../index/api';
import { statusOutOfDate } from './compute';
import type { Chapter, CoverageModel, CoverageStatus, Diagnostic, FileState, MatrixProblem, PriorityKey, RowCoverage, RuleCode, SeriesModel } from '../model';
import { matrixProblemFinding } from '../rules/coverage';
import { matrixListsFiles } from '../series/matrix';

/**
 * The coverage page's view model: plain JSON-serialisable data built from an IndexView, plus a
 * diff between two models (what the host posts after an edit) and the inverse merge (what the
 * page does with it). Pure: no `vscode`, no DOM.
 */

export type PriorityBucket = PriorityKey | 'none';

export const PRIORITY_BUCKETS: readonly PriorityBucket[] = ['must-read', 'important', 'skippable', 'none'];

export interface FileView {
  /** as written in the matrix (relative to the series folder) */
  href: string;
  /** workspace-relative */
  file: string;
  state: FileState;
  /** note title when the file is an indexed note */
  title?: string;
  /** errors + warnings in the file */
  problems: number;
}

export interface RowView {
  /** stable identity within its series: area, topic and files (with a `#n` suffix for duplicates) */
  key: string;
  area: string;
  topic: string;
  files: FileView[];
  declared?: CoverageStatus;
  declaredText: string;
  /**
   * what the files say; undefined for a row of a table without a Coverage Files column, which names no file to
   * judge by (nor is its declared status compared)
   */
  computed?: CoverageStatus;
  /** declared status disagrees with the computed one (or the Status cell is not a status word) */
  mismatch: boolean;
  /** highest README priority among the row's files */
  priority?: PriorityKey;
  /** README reading time of the row's files, summed; undefined when none is known */
  minutes?: number;
  /** errors + warnings in the row's files */
  problems: number;
  /** 0-based line of the row in the matrix */
  line: number;
}

export interface AreaProgress {
  area: string;
  total: number;
  done: number;
  inProgress: number;
  pending: number;
}

export interface UnlistedChapter {
  label: string;
  file: string;
  category: string;
  priority?: PriorityKey;
  minutes?: number;
  state: FileState;
  /** 0-based line of the chapter in the README */
  line: number;
}

export interface UnlistedMatrixFile {
  href: string;
  file: string;
  topic: string;
  state: FileState;
  line: number;
}

export interface SeriesHead {
  /** the README path: identifies the series */
  id: string;
  title: string;
  folder: string;
  readme: string;
  /** workspace-relative matrix path, undefined when the series has no matrix file */
  matrix?: string;
  /** rows whose computed status is `done` */
  covered: number;
  total: number;
  areas: AreaProgress[];
  /** reading time of README chapters whose file is not written yet, by priority */
  minutesLeft: Record<PriorityBucket, number>;
  /** README chapters whose file is in no matrix row */
  readmeOnly: UnlistedChapter[];
  /** matrix files that are no README chapter (nor support document) */
  matrixOnly: UnlistedMatrixFile[];
  gaps: string;
  /** problems reading the matrix itself */
  matrixProblems: MatrixProblemView[];
}

/**
 * A problem of the matrix itself, with the code and facts of the diagnostic it is reported as on the matrix
 * (rules/coverage.ts), so that the host can word it as the Problems panel does, in the display language.
 */
export interface MatrixProblemView {
  code: RuleCode;
  data: Record<string, unknown>;
  /** English (the core's); the host puts the display language's wording here before the page gets it */
  message: string;
}

export interface SeriesView extends SeriesHead {
  rows: RowView[];
}

export interface CoverageViewModel {
  series: SeriesView[];
}

const PRIORITY_RANK: Record<PriorityKey, number> = { 'must-read': 0, important: 1, skippable: 2 };

/** Errors and warnings count as problems; information and hints do not. */
export function problemCount(diags: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of diags) if (d.severity === 'error' || d.severity === 'warning') n++;
  return n;
}

/**
 * The state the index computes coverage with: missing, draft or written. The index's own answer, so that a chapter
 * whose file is hidden (files.exclude) or not read as a note counts as existing here too, as in the check, the CLI's
 * coverage report and the Series tree.
 */
export function fileStateOf(index: IndexView, file: string): FileState {
  return index.fileStateOf(file);
}

/** A title that only repeats the file's name (the index's fallback) is not worth showing. */
function isFileName(title: string, file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  return title === file || title === base || title === base.replace(/\.md$/i, '');
}

function emptyMinutes(): Record<PriorityBucket, number> {
  return { 'must-read': 0, important: 0, skippable: 0, none: 0 };
}

/** A matrix problem as the page shows it: the code, facts and message of the diagnostic the matrix gets for it. */
function matrixProblemView(p: MatrixProblem, cov: CoverageModel): MatrixProblemView {
  const { code, data, message } = matrixProblemFinding(p, cov);
  return { code, data: data ?? {}, message };
}

function rowKey(area: string, topic: string, files: readonly { href: string }[]): string {
  return `${area}\u241f${topic}\u241f${files.map(f => f.href).join('\u241e')}`;
}

export function buildSeriesView(index: IndexView, series: SeriesModel): SeriesView {
  const chapterByFile = new Map<string, Chapter>();
  for (const cat of series.categories) for (const ch of cat.chapters) if (!chapterByFile.has(ch.file)) chapterByFile.set(ch.file, ch);
  const supportFiles = new Set(series.supportDocs.map(d => d.file));

  const cov = index.coverage(series);
  const computed: RowCoverage[] = cov ? index.computeCoverage(series) : [];
  const problemsOf = new Map<string, number>();
  const problems = (file: string): number => {
    let n = problemsOf.get(file);
    if (n === undefined) { n = problemCount(index.diagnostics(file)); problemsOf.set(file, n); }
    return n;
  };
  const stateCache = new Map<string, FileState>();
  const stateOf = (file: string): FileState => {
    let s = stateCache.get(file);
    if (s === undefined) { s = fileStateOf(index, file); stateCache.set(file, s); }
    return s;
  };

  const rows: RowView[] = [];
  const keyCount = new Map<string, number>();
  const inMatrix = new Set<string>();
  const areaMap = new Map<string, AreaProgress>();
  const matrixOnly: UnlistedMatrixFile[] = [];
  let covered = 0;
  for (const rc of computed) {
    const r = rc.row;
    // a file the row names twice (`a.md`, `a.md#setup`) is shown, and its problems and minutes counted, once; paths
    // leaving the workspace (file '') each as written
    const files: FileView[] = [];
    const rowFiles = new Set<string>();
    r.files.forEach((f, i) => {
      const key = f.file !== '' ? f.file : `\0${f.href}`;
      if (rowFiles.has(key)) return;
      rowFiles.add(key);
      inMatrix.add(f.file);
      const fv: FileView = { href: f.href, file: f.file, state: rc.fileStates[i] ?? stateOf(f.file), problems: problems(f.file) };
      const title = index.note(f.file)?.title;
      if (title !== undefined && !isFileName(title, f.file)) fv.title = title;
      if (!chapterByFile.has(f.file) && !supportFiles.has(f.file)) {
        matrixOnly.push({ href: f.href, file: f.file, topic: r.topic, state: fv.state, line: f.range.start.line });
      }
      files.push(fv);
    });
    let priority: PriorityKey | undefined;
    let minutes: number | undefined;
    for (const f of files) {
      const ch = chapterByFile.get(f.file);
      if (!ch) continue;
      if (ch.priority && (priority === undefined || PRIORITY_RANK[ch.priority] < PRIORITY_RANK[priority])) priority = ch.priority;
      if (ch.minutes !== undefined) minutes = (minutes ?? 0) + ch.minutes;
    }
    const base = rowKey(r.area, r.topic, r.files);
    const seen = keyCount.get(base) ?? 0;
    keyCount.set(base, seen + 1);
    const row: RowView = {
      key: seen === 0 ? base : `${base}#${seen}`,
      area: r.area,
      topic: r.topic,
      files,
      declaredText: r.declaredText,
      mismatch: statusOutOfDate(rc),
      problems: files.reduce((n, f) => n + f.problems, 0),
      line: r.range.start.line,
    };
    if (r.declared !== undefined) row.declared = r.declared;
    if (!r.filesUnknown) row.computed = rc.computed;
    if (priority !== undefined) row.priority = priority;
    if (minutes !== undefined) row.minutes = minutes;
    rows.push(row);

    // a row with no computed status counts neither way, as in the CLI's report (an area of only such rows has no bar)
    if (r.filesUnknown) continue;
    let a = areaMap.get(r.area);
    if (!a) { a = { area: r.area, total: 0, done: 0, inProgress: 0, pending: 0 }; areaMap.set(r.area, a); }
    a.total++;
    if (rc.computed === 'done') { a.done++; covered++; }
    else if (rc.computed === 'in-progress') a.inProgress++;
    else a.pending++;
  }

  const minutesLeft = emptyMinutes();
  const readmeOnly: UnlistedChapter[] = [];
  // a table without a files column lists no chapter: no chapter can be said to be missing from the matrix
  const listsFiles = cov !== undefined && matrixListsFiles(cov);
  const counted = new Set<string>();
  for (const cat of series.categories) {
    for (const ch of cat.chapters) {
      const state = stateOf(ch.file);
      if (!counted.has(ch.file)) {
        counted.add(ch.file);
        if (state !== 'written' && ch.minutes !== undefined) minutesLeft[ch.priority ?? 'none'] += ch.minutes;
      }
      if (listsFiles && !inMatrix.has(ch.file)) {
        const u: UnlistedChapter = { label: ch.label, file: ch.file, category: cat.name, state, line: ch.range.start.line };
        if (ch.priority !== undefined) u.priority = ch.priority;
        if (ch.minutes !== undefined) u.minutes = ch.minutes;
        readmeOnly.push(u);
      }
    }
  }

  const view: SeriesView = {
    id: series.readme,
    title: series.title,
    folder: series.folder,
    readme: series.readme,
    covered,
    total: rows.filter(r => r.computed !== undefined).length,
    areas: [...areaMap.values()],
    minutesLeft,
    readmeOnly,
    matrixOnly,
    gaps: cov?.gaps ?? '',
    matrixProblems: cov ? cov.problems.map(p => matrixProblemView(p, cov)) : [],
    rows,
  };
  if (cov) view.matrix = cov.file;
  return view;
}

/** The whole page model: every series, ordered by README path. */
export function buildViewModel(index: IndexView): CoverageViewModel {
  const series = [...index.series()].sort((a, b) => (a.readme < b.readme ? -1 : a.readme > b.readme ? 1 : 0));
  return { series: series.map(s => buildSeriesView(index, s)) };
}

/** Overall figure for the status bar: covered / total over the series that have a matrix. */
export function overallCoverage(model: CoverageViewModel): { covered: number; total: number; series: number } {
  let covered = 0, total = 0, series = 0;
  for (const s of model.series) {
    if (s.matrix === undefined) continue;
    series++;
    covered += s.covered;
    total += s.total;
  }
  return { covered, total, series };
}

// ---------------------------------------------------------------------------------------------
// Diff / patch

export interface SeriesPatch {
  id: string;
  /** the fields outside the rows that changed (summary, unlisted lists, gaps …); null removes an optional field */
  head?: { [K in keyof SeriesHead]?: SeriesHead[K] | null };
  /** the full row order, present only when keys were added, removed or reordered */
  order?: string[];
  /** rows that are new or changed */
  rows?: RowView[];
}

export interface ModelPatch {
  /** series ids in page order, present only when series were added, removed or reordered */
  order?: string[];
  /** series that are new (full view) */
  added?: SeriesView[];
  /** series that changed */
  changed?: SeriesPatch[];
}

export function headOf(s: SeriesView): SeriesHead {
  const { rows: _rows, ...head } = s;
  return head;
}

/** Structural equality for JSON data (objects compared key by key, arrays in order). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function diffSeries(prev: SeriesView, next: SeriesView): SeriesPatch | undefined {
  const patch: SeriesPatch = { id: next.id };
  const head: Partial<SeriesHead> = {};
  let headChanged = false;
  for (const key of Object.keys(next) as (keyof SeriesView)[]) {
    if (key === 'rows') continue;
    if (!jsonEqual(prev[key], next[key])) { (head as Record<string, unknown>)[key] = next[key]; headChanged = true; }
  }
  for (const key of Object.keys(prev) as (keyof SeriesView)[]) {
    // an optional field that went away (e.g. the matrix was deleted)
    if (key !== 'rows' && !(key in next)) { (head as Record<string, unknown>)[key] = null; headChanged = true; }
  }
  if (headChanged) patch.head = head;
  const prevRows = new Map(prev.rows.map(r => [r.key, r]));
  const nextKeys = next.rows.map(r => r.key);
  if (!sameOrder(prev.rows.map(r => r.key), nextKeys)) patch.order = nextKeys;
  const changed = next.rows.filter(r => { const p = prevRows.get(r.key); return !p || !jsonEqual(p, r); });
  if (changed.length) patch.rows = changed;
  return patch.head || patch.order || patch.rows ? patch : undefined;
}

/** What changed from `prev` to `next`; undefined when nothing did. */
export function diffViewModel(prev: CoverageViewModel, next: CoverageViewModel): ModelPatch | undefined {
  const patch: ModelPatch = {};
  const prevById = new Map(prev.series.map(s => [s.id, s]));
  const nextIds = next.series.map(s => s.id);
  if (!sameOrder(prev.series.map(s => s.id), nextIds)) patch.order = nextIds;
  const added: SeriesView[] = [];
  const changed: SeriesPatch[] = [];
  for (const s of next.series) {
    const p = prevById.get(s.id);
    if (!p) { added.push(s); continue; }
    const d = diffSeries(p, s);
    if (d) changed.push(d);
  }
  if (added.length) patch.added = added;
  if (changed.length) patch.changed = changed;
  return patch.order || patch.added || patch.changed ? patch : undefined;
}

/** What a patch touched in one series: its head, its whole table (rows added/removed/reordered) or some rows. */
export interface SeriesTouch {
  added: boolean;
  head: boolean;
  table: boolean;
  rows: Set<string>;
}

/**
 * Applies a patch to a model (the page's copy) and returns the new model; `prev` is not modified.
 * Also returns what changed per series so the page re-renders only that.
 */
export function applyPatch(prev: CoverageViewModel, patch: ModelPatch): { model: CoverageViewModel; touched: Map<string, SeriesTouch> } {
  const touched = new Map<string, SeriesTouch>();
  const byId = new Map(prev.series.map(s => [s.id, s]));
  for (const s of patch.added ?? []) {
    byId.set(s.id, s);
    touched.set(s.id, { added: true, head: true, table: true, rows: new Set() });
  }
  for (const c of patch.changed ?? []) {
    const old = byId.get(c.id);
    if (!old) continue;
    const rowsByKey = new Map(old.rows.map(r => [r.key, r]));
    const keys = new Set<string>();
    for (const r of c.rows ?? []) { rowsByKey.set(r.key, r); keys.add(r.key); }
    const order = c.order ?? old.rows.map(r => r.key);
    const rows: RowView[] = [];
    for (const k of order) { const r = rowsByKey.get(k); if (r) rows.push(r); }
    const merged: Record<string, unknown> = { ...headOf(old) };
    for (const [k, v] of Object.entries(c.head ?? {})) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    byId.set(c.id, { ...(merged as unknown as SeriesHead), rows });
    touched.set(c.id, { added: false, head: c.head !== undefined, table: c.order !== undefined, rows: keys });
  }
  const order = patch.order ?? prev.series.map(s => s.id);
  const series: SeriesView[] = [];
  for (const id of order) { const s = byId.get(id); if (s) series.push(s); }
  return { model: { series }, touched };
}
