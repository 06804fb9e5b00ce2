import type { NotesConfig } from '../config';
import type { CoverageModel, CoverageStatus, MatrixRow, RowCoverage, TextEdit } from '../model';
import { hasCjk, ownStatusWords, statusWordLike } from '../series/wording';
import { commonStatus, statusWordsIn } from './statusCell';
import { LineIndex } from '../text/lineIndex';
import { statusOutOfDate } from './compute';

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
 * word; the status words of a cell that holds more (`Done (reviewed by Bob)`, `Done / 完成`) are replaced in place,
 * each in its own language; a negated word (`未完成`) is replaced with its negation; a cell without a status word
 * gets the word in front of its text. Undefined when the cell names different statuses (which one to replace is
 * the author's call), has no Status cell, or already says it.
 */
export function statusCellChange(row: MatrixRow, status: CoverageStatus, config: NotesConfig, fallbackLike?: string): StatusCellChange | undefined {
  // no word to write when the configuration gives all of the status's words to other statuses, or none
  if (ownStatusWords(config, status).length === 0) return undefined;
  const range = row.statusRange;
  if (!range) return undefined;
  if (row.declaredText === '') {
    // an empty cell, or none (the edit then adds it, and any empty cells before it)
    const word = statusWordForRow(row, status, config, fallbackLike);
    const pad = row.statusInsert;
    return { edit: { range, newText: pad ? pad.before + word + pad.after : word }, word };
  }
  const found = statusWordsIn(row.declaredText, config);
  if (found.length === 0) {
    const word = statusWordForRow(row, status, config, fallbackLike);
    return { edit: { range: { start: range.start, end: range.start }, newText: word + ' ' }, word };
  }
  if (found.length > 1 && commonStatus(found) === undefined) return undefined;
  const words = found.map(f => statusWordLike(config, status, f.word));
  if (words.every((w, i) => w === found[i].word)) return undefined;
  // one edit from the first word to the last, the text between them kept
  const first = found[0].start;
  const last = found[found.length - 1].end;
  let newText = '';
  let at = first;
  found.forEach((f, i) => {
    newText += row.declaredText.slice(at, f.start) + words[i];
    at = f.end;
  });
  const pos = (offset: number) => ({ line: range.start.line, character: range.start.character + offset });
  return { edit: { range: { start: pos(first), end: pos(last) }, newText }, word: words[0] };
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
  for (const rc of rows) {
    if (!statusOutOfDate(rc)) continue;
    const { row, computed } = rc;
    const range = row.statusRange!; // (an out-of-date row has one)
    const current = text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
    if (current !== row.declaredText) continue;
    const change = matrixStatusChange(cov, row, computed, config, language);
    if (change) edits.push(change.edit);
  }
  return edits;
}
