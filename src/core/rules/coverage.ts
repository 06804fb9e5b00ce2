import type { NotesConfig } from '../config';
import type { CoverageModel, CoverageStatus, DraftReason, FileState, MatrixProblem, RowCoverage, SeriesModel } from '../model';
import { matrixListsFiles } from '../series/matrix';
import { statusOutOfDate } from '../coverage/compute';
import { dominantStatusText, matrixStatusChange, statusWordForRow } from '../coverage/sync';
import { statusWordLike } from '../series/wording';
import { statusWordsIn } from '../coverage/statusCell';
import type { Finding } from './finding';

/**
 * Rules on a coverage matrix and its series README:
 * - `coverage-status-mismatch` on a Status cell whose declared status contradicts the files;
 * - `coverage-unlisted` for a README chapter absent from every matrix row (in the README) and for a
 *   matrix file that is neither a chapter nor a support document of the README (in the matrix).
 * A missing file in a Pending row is simply planned: nothing is reported for it. A table without a
 * Coverage Files column is one `coverage-unlisted` on its header: its rows' statuses are not compared,
 * and when no table of the matrix has one, no README chapter is called unlisted (nor when there is no
 * table at all). A table without a Status column is one `coverage-status-mismatch` on its header.
 */

export interface CoverageRuleContext {
  config: NotesConfig;
  /** why a file counts as a draft (its status, or a short body), for the message */
  draftReason?(file: string): DraftReason | undefined;
}

function english(config: NotesConfig, status: CoverageStatus): string {
  return statusWordLike(config, status, undefined);
}

/** Why a Status cell is wrong, and the file that shows it (`href` as the row writes it). */
interface StatusProblem {
  problem: 'empty' | 'not-status-word' | 'negated' | 'several-statuses' | 'all-written' | 'missing' | 'draft' | 'no-file' | 'none-exists' | 'started';
  href?: string;
  /** for a draft: the status that makes it one */
  draftStatus?: string;
  /** for a draft without a status: how many characters of body it has */
  bodyChars?: number;
}

function statusProblem(rc: RowCoverage, ctx: CoverageRuleContext): StatusProblem {
  const { row, fileStates, computed } = rc;
  const declared = row.declared;
  const fileWith = (pred: (s: FileState) => boolean): string | undefined => {
    const i = fileStates.findIndex(pred);
    return i === -1 ? undefined : row.files[i].href;
  };
  if (declared === undefined) return { problem: row.declaredText === '' ? 'empty' : undeclaredProblem(row.declaredText, ctx.config) };
  if (computed === 'done') return { problem: 'all-written' };
  if (declared === 'done') {
    const missing = fileWith(s => s === 'missing');
    if (missing !== undefined) return { problem: 'missing', href: missing };
    const i = fileStates.findIndex(s => s === 'draft');
    if (i !== -1) {
      const why = ctx.draftReason?.(row.files[i].file);
      const p: StatusProblem = { problem: 'draft', href: row.files[i].href };
      if (why && 'status' in why) p.draftStatus = why.status;
      else if (why) p.bodyChars = why.chars;
      return p;
    }
    return { problem: 'no-file' };
  }
  if (computed === 'pending') return { problem: row.files.length === 0 ? 'no-file' : 'none-exists' };
  // declared pending, computed in progress
  const started = fileWith(s => s !== 'missing');
  return started === undefined ? { problem: 'started' } : { problem: 'started', href: started };
}

/** Why a cell with text declares no status: it holds no status word, a negated one, or words of several statuses. */
function undeclaredProblem(declaredText: string, config: NotesConfig): StatusProblem['problem'] {
  const found = statusWordsIn(declaredText, config);
  if (found.some(f => f.negated)) return 'negated';
  return found.length > 1 ? 'several-statuses' : 'not-status-word';
}

function statusWords(config: NotesConfig): string[] {
  return Object.values(config.statusWords).flat();
}

function statusMessage(p: StatusProblem, declaredText: string, config: NotesConfig, expected: string): string {
  const said = `status is "${declaredText}"`;
  switch (p.problem) {
    case 'empty': return `status is empty: expected "${expected}"`;
    case 'not-status-word': return `status "${declaredText}" is not a status word (${statusWords(config).join(', ')}): expected "${expected}"`;
    case 'negated': return `status "${declaredText}" negates a status word, so it declares no status: expected "${expected}"`;
    case 'several-statuses': return `status "${declaredText}" names more than one status: expected "${expected}"`;
    case 'all-written': return `${said} but all files are written: expected "${expected}"`;
    case 'missing': return `${said} but ${p.href} does not exist: expected "${expected}"`;
    case 'draft': {
      const why = p.draftStatus !== undefined ? ` (status "${p.draftStatus}")`
        : p.bodyChars !== undefined ? ` (only ${p.bodyChars} characters of body)` : '';
      return `${said} but ${p.href} is still a draft${why}: expected "${expected}"`;
    }
    case 'no-file': return `${said} but the row names no file: expected "${expected}"`;
    case 'none-exists': return `${said} but none of its files exists yet: expected "${expected}"`;
    case 'started': return `${said} but ${p.href ?? 'a file'} exists: expected "${expected}"`;
  }
}

/**
 * A problem of the matrix itself as a finding: no coverage table, or a table without a files column, lists no
 * chapter (`coverage-unlisted`); a table without a Status column declares no status (`coverage-status-mismatch`).
 */
export function matrixProblemFinding(p: MatrixProblem, cov: CoverageModel): Finding {
  const data = { problem: p.kind, matrix: cov.file, ...(p.everyTable && { everyTable: true }) };
  switch (p.kind) {
    case 'no-table':
      return {
        code: 'coverage-unlisted', range: p.range, data,
        message: 'no coverage table found (a table with the columns Capability Area, Required Topic, Coverage Files and Status): README chapters are not checked against the matrix',
      };
    case 'no-files-column':
      return {
        code: 'coverage-unlisted', range: p.range, data,
        message: p.everyTable
          ? 'the coverage table has no "Coverage Files" column (or "Files"), so its rows name no files: their status is not compared and README chapters are not checked against the matrix'
          : 'the coverage table has no "Coverage Files" column (or "Files"), so its rows name no files: their status is not compared',
      };
    case 'no-status-column':
      return {
        code: 'coverage-status-mismatch', range: p.range, data,
        message: 'the coverage table has no "Status" column (or "狀態"), so its rows declare no status to compare',
      };
  }
}

export function checkCoverage(
  cov: CoverageModel, series: SeriesModel, rows: RowCoverage[], ctx: CoverageRuleContext,
): { matrix: Finding[]; readme: Finding[] } {
  const matrix: Finding[] = [];
  const readme: Finding[] = [];
  const { config } = ctx;
  const language = dominantStatusText(cov);

  for (const rc of rows) {
    if (!statusOutOfDate(rc)) continue;
    const { row, computed } = rc;
    // the word the fix (and sync) would write
    const expected = matrixStatusChange(cov, row, computed, config, { like: language })?.word ?? statusWordForRow(row, computed, config, language);
    const p = statusProblem(rc, ctx);
    matrix.push({
      code: 'coverage-status-mismatch', range: row.statusCellRange!, // (an out-of-date row has one, never empty)
      message: statusMessage(p, row.declaredText, config, expected),
      data: {
        expected, status: computed, declared: row.declared ?? null, english: english(config, computed),
        ...p, declaredText: row.declaredText, ...(p.problem === 'not-status-word' && { statusWords: statusWords(config) }),
      },
    });
  }

  const listed = new Set<string>();
  for (const row of cov.rows) for (const f of row.files) if (f.file !== '') listed.add(f.file);

  const known = new Set<string>();
  for (const cat of series.categories) for (const ch of cat.chapters) if (ch.file !== '') known.add(ch.file);
  for (const doc of series.supportDocs) if (doc.file !== '') known.add(doc.file);

  // what keeps the matrix from being read as one, each said once where it shows
  for (const p of cov.problems) matrix.push(matrixProblemFinding(p, cov));
  if (matrixListsFiles(cov)) {
    for (const cat of series.categories) {
      for (const ch of cat.chapters) {
        if (ch.file === '' || listed.has(ch.file)) continue;
        readme.push({
          code: 'coverage-unlisted', range: ch.range,
          message: `chapter "${ch.label}" is not listed in the coverage matrix (${cov.file})`,
          data: { file: ch.file, matrix: cov.file, category: cat.name, label: ch.label },
        });
      }
    }
  }

  for (const row of cov.rows) {
    for (const f of row.files) {
      if (f.file === '' || known.has(f.file)) continue;
      matrix.push({
        code: 'coverage-unlisted', range: f.range,
        message: `${f.href} is not a chapter or support document of the series README (${series.readme})`,
        data: { file: f.file, readme: series.readme, href: f.href },
      });
    }
  }
  return { matrix, readme };
}
