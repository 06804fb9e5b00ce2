import { isUnlisted } from '../config';
import { parseFrontmatter } from '../frontmatter/parse';
import type { IndexView } from '../index/api';
import type { FileState, TextEdit } from '../model';
import { parseCoverageMatrix } from '../series/matrix';
import { LineIndex } from '../text/lineIndex';
import { bodySize, computeRowCoverage, fileState, statusOutOfDate } from './compute';
import { dominantStatusText, matrixStatusChange } from './sync';

/**
 * Creating a planned note changes what the coverage matrix should say about it: the new note (a draft) turns its
 * row from Pending to In progress. These are the Status cell edits that go with the creation, in the same
 * WorkspaceEdit, so that creating a note never leaves a `coverage-status-mismatch` behind. Only a row that names
 * the new file and was in sync before is changed (a row the author already declared otherwise is theirs to fix),
 * and the word is written as Sync and the status quick fix write it (`matrixStatusChange`: the cell's language).
 */

/** The coverage state a note with this text will have (what the index will compute once it reads it). */
export function stateOfNewText(text: string, config: IndexView['config']): FileState {
  const lines = new LineIndex(text);
  const frontmatter = parseFrontmatter(text, lines);
  return fileState({ frontmatter, length: text.length, body: bodySize(text, frontmatter.block?.end ?? 0) }, config);
}

/**
 * Edits to the matrix `matrixText` (the file `matrixFile`, as it is now: an unsaved buffer counts) for creating
 * `file` with `noteText`; none when no row names the file or no row in sync would fall out of it.
 */
export function statusEditsForNewNote(index: Pick<IndexView, 'config' | 'hasFile' | 'fileStateOf'>, matrixText: string,
  matrixFile: string, file: string, noteText: string): TextEdit[] {
  const config = index.config;
  const cov = parseCoverageMatrix(matrixText, matrixFile, config);
  const rows = cov.rows.filter(r => r.files.some(f => f.file === file));
  if (rows.length === 0) return [];
  const created = stateOfNewText(noteText, config);
  const unknown = (f: string) => f !== file && !index.hasFile(f) && isUnlisted(config, f);
  const before = computeRowCoverage(rows, f => index.fileStateOf(f), unknown);
  const after = computeRowCoverage(rows, f => (f === file ? created : index.fileStateOf(f)), unknown);
  const language = { like: dominantStatusText(cov) };
  const edits: TextEdit[] = [];
  after.forEach((rc, i) => {
    if (statusOutOfDate(before[i]) || !statusOutOfDate(rc)) return;
    const change = matrixStatusChange(cov, rc.row, rc.computed, config, language);
    if (change) edits.push(change.edit);
  });
  return edits;
}
