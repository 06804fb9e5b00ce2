import type { NotesConfig } from '../config';
import type { CoverageModel, CoverageStatus, MatrixRow, Range, RowCoverage, TextEdit } from '../model';
import { hasCjk, statusWordLike } from '../series/wording';
import { statusWordsIn } from './statusCell';
import { LineIndex } from '../text/lineIndex';

/**
 * Writing computed statuses back into the matrix: only the status word of each row's Status cell changes
 * (the rest of the cell, alignment padding, other columns, other tables, prose and line endings stay byte-for-byte).
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

/** An edit to a Status cell and the status word it writes. */
export interface StatusCellChange {
  edit: TextEdit;
  word: string;
}

/**
 * How to make a row's Status cell say `status` without deleting any of the author's text: an empty cell gets the
 * word; the one status word of a cell that holds more (`Done (reviewed by Bob)`) is replaced in place, in its own
 * language; a cell without a status word gets the word in front of its text. Undefined when the cell names
 * several statuses (which one to replace is the author's call), has no Status cell, or already says it.
 */
export function statusCellChange(row: MatrixRow, status: CoverageStatus, config: NotesConfig, fallbackLike?: string): StatusCellChange | undefined {
  const range = row.statusRange;
  if (!range) return undefined;
  if (row.declaredText === '') return change(range, statusWordForRow(row, status, config, fallbackLike));
  const found = statusWordsIn(row.declaredText, config);
  if (found.length > 1) return undefined;
  if (found.length === 0) {
    const word = statusWordForRow(row, status, config, fallbackLike);
    return { edit: { range: { start: range.start, end: range.start }, newText: word + ' ' }, word };
  }
  const word = statusWordLike(config, status, found[0].word);
  if (word === found[0].word) return undefined;
  const at = (offset: number) => ({ line: range.start.line, character: range.start.character + offset });
  return change({ start: at(found[0].start), end: at(found[0].end) }, word);
}

function change(range: Range, word: string): StatusCellChange {
  return { edit: { range, newText: word }, word };
}

/**
 * `statusCellChange` for a row of the matrix `cov`, in the language sync writes: the cell's own, else the one most
 * of the matrix's status cells use (`language`: `dominantStatusText(cov)`, which callers going over many rows work
 * out once — it reads every row). The status quick fix and sync both go through here.
 */
export function matrixStatusChange(cov: CoverageModel, row: MatrixRow, status: CoverageStatus, config: NotesConfig,
  language: { like: string | undefined } = { like: dominantStatusText(cov) }): StatusCellChange | undefined {
  return statusCellChange(row, status, config, language.like);
}

export function setRowStatusEdit(row: MatrixRow, status: CoverageStatus, config: NotesConfig, fallbackLike?: string): TextEdit | undefined {
  return statusCellChange(row, status, config, fallbackLike)?.edit;
}

/**
 * Edits to the Status cell of every row whose declared status differs from the computed one (see `statusCellChange`).
 * A row whose cell no longer holds the text the model read (a stale model) is left alone.
 */
export function syncStatusEdits(text: string, cov: CoverageModel, rows: RowCoverage[], config: NotesConfig): TextEdit[] {
  const lines = new LineIndex(text);
  const language = { like: dominantStatusText(cov) };
  const edits: TextEdit[] = [];
  for (const { row, computed } of rows) {
    if (!row.statusRange || row.declared === computed) continue;
    const current = text.slice(lines.offsetAt(row.statusRange.start), lines.offsetAt(row.statusRange.end));
    if (current !== row.declaredText) continue;
    const change = matrixStatusChange(cov, row, computed, config, language);
    if (change) edits.push(change.edit);
  }
  return edits;
}
