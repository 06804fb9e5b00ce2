import type { NotesConfig } from '../config';
import type { CoverageModel, CoverageStatus, MatrixRow, RowCoverage, TextEdit } from '../model';
import { hasCjk, statusWordLike } from '../series/wording';
import { LineIndex } from '../text/lineIndex';

/**
 * Writing computed statuses back into the matrix: only the Status cell text of each row changes
 * (alignment padding, other columns, other tables, prose and line endings stay byte-for-byte).
 * The word is written in the language of the cell it replaces; an empty cell takes the language
 * most of the matrix's status cells use (English when there is none).
 */

/** The language the matrix's status cells mostly use: a sample word to match, or undefined for English. */
export function dominantStatusText(cov: CoverageModel): string | undefined {
  let cjk = 0;
  let latin = 0;
  let sample: string | undefined;
  for (const r of cov.rows) {
    if (r.declaredText === '') continue;
    if (hasCjk(r.declaredText)) {
      cjk++;
      sample ??= r.declaredText;
    } else latin++;
  }
  return cjk > latin ? sample : undefined;
}

/** The status word to write into a row's Status cell (same language as the cell, or as `fallbackLike` when empty). */
export function statusWordForRow(row: MatrixRow, status: CoverageStatus, config: NotesConfig, fallbackLike?: string): string {
  return statusWordLike(config, status, row.declaredText !== '' ? row.declaredText : fallbackLike);
}

export function setRowStatusEdit(row: MatrixRow, status: CoverageStatus, config: NotesConfig): TextEdit | undefined {
  if (!row.statusRange) return undefined;
  return { range: row.statusRange, newText: statusWordForRow(row, status, config) };
}

/**
 * Edits replacing the Status cell of every row whose declared status differs from the computed one.
 * A row whose cell no longer holds the text the model read (a stale model) is left alone.
 */
export function syncStatusEdits(text: string, cov: CoverageModel, rows: RowCoverage[], config: NotesConfig): TextEdit[] {
  const lines = new LineIndex(text);
  const fallback = dominantStatusText(cov);
  const edits: TextEdit[] = [];
  for (const { row, computed } of rows) {
    if (!row.statusRange || row.declared === computed) continue;
    const current = text.slice(lines.offsetAt(row.statusRange.start), lines.offsetAt(row.statusRange.end));
    if (current !== row.declaredText) continue;
    edits.push({ range: row.statusRange, newText: statusWordForRow(row, computed, config, fallback) });
  }
  return edits;
}
