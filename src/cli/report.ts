import { dominantStatusText } from '../core/coverage/sync';
import { statusOutOfDate } from '../core/coverage/compute';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { CoverageStatus, Diagnostic, FileState, SeriesModel } from '../core/model';
import { compareCodeUnits } from '../core/paths';

/** The CLI's JSON contract (SPEC "CLI"): version 1, paths relative to the checked folder, 1-based positions. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

export interface JsonCoverageRow {
  area: string;
  topic: string;
  files: string[];
  /** the recognised status of the Status cell, null when it is empty or no status word */
  declared: CoverageStatus | null;
  /** the Status cell as written ('' when empty) */
  declaredText: string;
  /** the status the files give; null when the row's table has no Coverage Files column (nothing to compute it from) */
  computed: CoverageStatus | null;
  fileStates: FileState[];
  /** the declared status is out of date (false when the row has no Status cell to compare, or no files column) */
  outOfDate: boolean;
  /**
   * the Coverage Files paths that leave the checked folder (`../../x.md`), as the cell writes them, in their order:
   * each is `""` in `files` (it has no path inside) and `missing` in `fileStates` (it is never read). Only on a row
   * that names such a path.
   */
  outside?: string[];
}

export interface JsonCoverage {
  series: string;
  title: string;
  rows: JsonCoverageRow[];
}

export interface Report {
  version: 1;
  notes: number;
  diagnostics: JsonDiagnostic[];
  coverage: JsonCoverage[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

/** Every diagnostic, in a stable order: file, line, column, code. */
export function sortedDiagnostics(index: WorkspaceIndex): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const list of index.allDiagnostics().values()) for (const d of list) all.push(d);
  return all.sort((a, b) => compareCodeUnits(a.file, b.file)
    || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || compareCodeUnits(a.code, b.code) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The series in code-unit order of their README paths, whatever the machine's locale (as the index lists them). */
export function seriesInOrder(index: WorkspaceIndex): SeriesModel[] {
  return index.series();
}

/** A series as the reports name it: its folder, `.` for the workspace folder. */
function seriesName(s: SeriesModel): string {
  return s.folder === '' ? '.' : s.folder;
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file, line: d.range.start.line + 1, column: d.range.start.character + 1,
    endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
    severity: d.severity, code: d.code, message: d.message,
  };
}

export function coverageReport(index: WorkspaceIndex): JsonCoverage[] {
  return seriesInOrder(index).filter(s => index.coverage(s)).map(s => ({
    series: seriesName(s),
    title: s.title,
    rows: index.computeCoverage(s).map(rc => {
      const row: JsonCoverageRow = {
        area: rc.row.area, topic: rc.row.topic, files: rc.row.files.map(f => f.file),
        declared: rc.row.declared ?? null, declaredText: rc.row.declaredText, computed: rc.row.filesUnknown ? null : rc.computed, fileStates: rc.fileStates,
        outOfDate: statusOutOfDate(rc),
      };
      // a path that climbs out of the folder has no workspace path (`file` is ''): what the cell wrote says which
      const outside = rc.row.files.filter(f => f.file === '').map(f => f.href);
      if (outside.length > 0) row.outside = outside;
      return row;
    }),
  }));
}

/**
 * For each series with a matrix (by `JsonCoverage.series`), a status word in the language *Sync status* writes
 * into an empty Status cell: the one most of the matrix's status cells use; undefined for English.
 */
export function statusLanguages(index: WorkspaceIndex): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const s of index.series()) {
    const cov = index.coverage(s);
    if (cov) out.set(seriesName(s), dominantStatusText(cov));
  }
  return out;
}

/** Notes that could be read and checked. */
export function noteCount(index: WorkspaceIndex): number {
  let notes = 0;
  for (const n of index.notes()) if (!n.unreadable) notes++;
  return notes;
}

/** The JSON report; `sorted` when the caller already has `sortedDiagnostics(index)`. */
export function buildReport(index: WorkspaceIndex, sorted = sortedDiagnostics(index)): Report {
  return { version: 1, notes: noteCount(index), diagnostics: sorted.map(toJsonDiagnostic), coverage: coverageReport(index) };
}

export function counts(diags: readonly { severity: Diagnostic['severity'] }[]): Record<Diagnostic['severity'], number> {
  const c = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diags) c[d.severity]++;
  return c;
}
