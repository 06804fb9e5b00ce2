import type { NotesConfig } from '../config';
import type { CoverageModel, CoverageStatus, FileState, RowCoverage, SeriesModel } from '../model';
import { statusWordForRow } from '../coverage/sync';
import { statusWordLike } from '../series/wording';
import type { Finding } from './finding';

/**
 * Rules on a coverage matrix and its series README:
 * - `coverage-status-mismatch` on a Status cell whose declared status contradicts the files;
 * - `coverage-unlisted` for a README chapter absent from every matrix row (in the README) and for a
 *   matrix file that is neither a chapter nor a support document of the README (in the matrix).
 * A missing file in a Pending row is simply planned: nothing is reported for it.
 */

export interface CoverageRuleContext {
  config: NotesConfig;
}

function english(config: NotesConfig, status: CoverageStatus): string {
  return statusWordLike(config, status, undefined);
}

function statusMessage(rc: RowCoverage, config: NotesConfig, expected: string): string {
  const { row, fileStates, computed } = rc;
  const declared = row.declared;
  const fileWith = (pred: (s: FileState) => boolean): string | undefined => {
    const i = fileStates.findIndex(pred);
    return i === -1 ? undefined : row.files[i].href;
  };
  if (declared === undefined) {
    return row.declaredText === ''
      ? `status is empty: expected "${expected}"`
      : `status "${row.declaredText}" is not a status word (${Object.values(config.statusWords).flat().join(', ')}): expected "${expected}"`;
  }
  const said = `status is "${row.declaredText}"`;
  if (computed === 'done') return `${said} but all files are written: expected "${expected}"`;
  if (declared === 'done') {
    const missing = fileWith(s => s === 'missing');
    if (missing !== undefined) return `${said} but ${missing} does not exist: expected "${expected}"`;
    const draft = fileWith(s => s === 'draft');
    if (draft !== undefined) return `${said} but ${draft} is still a draft: expected "${expected}"`;
    return `${said} but the row names no file: expected "${expected}"`;
  }
  if (computed === 'pending') {
    return row.files.length === 0
      ? `${said} but the row names no file: expected "${expected}"`
      : `${said} but none of its files exists yet: expected "${expected}"`;
  }
  // declared pending, computed in progress
  const started = fileWith(s => s !== 'missing');
  return `${said} but ${started ?? 'a file'} exists: expected "${expected}"`;
}

export function checkCoverage(
  cov: CoverageModel, series: SeriesModel, rows: RowCoverage[], ctx: CoverageRuleContext,
): { matrix: Finding[]; readme: Finding[] } {
  const matrix: Finding[] = [];
  const readme: Finding[] = [];
  const { config } = ctx;

  for (const rc of rows) {
    const { row, computed } = rc;
    if (!row.statusRange || row.declared === computed) continue;
    const expected = statusWordForRow(row, computed, config);
    matrix.push({
      code: 'coverage-status-mismatch', range: row.statusRange,
      message: statusMessage(rc, config, expected),
      data: { expected, status: computed, declared: row.declared ?? null, english: english(config, computed) },
    });
  }

  const listed = new Set<string>();
  for (const row of cov.rows) for (const f of row.files) if (f.file !== '') listed.add(f.file);

  const known = new Set<string>();
  for (const cat of series.categories) for (const ch of cat.chapters) if (ch.file !== '') known.add(ch.file);
  for (const doc of series.supportDocs) if (doc.file !== '') known.add(doc.file);

  const noTable = cov.rows.length === 0 && cov.problems.length > 0;
  if (!noTable) {
    for (const cat of series.categories) {
      for (const ch of cat.chapters) {
        if (ch.file === '' || listed.has(ch.file)) continue;
        readme.push({
          code: 'coverage-unlisted', range: ch.range,
          message: `chapter "${ch.label}" is not listed in the coverage matrix (${cov.file})`,
          data: { file: ch.file, matrix: cov.file, category: cat.name },
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
        data: { file: f.file, readme: series.readme },
      });
    }
  }
  return { matrix, readme };
}
