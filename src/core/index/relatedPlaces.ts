import { lastSeeAlsoHeading } from '../fixes/seeAlso';
import type { Diagnostic, Range } from '../model';
import type { IndexView } from './api';

/**
 * A place in another file that a diagnostic is about (the editor lists it under the diagnostic, worded by `kind`):
 * - `lacks-link`: the note that should link to `to` (xref-missing-link), at its last "See also" / "Related" heading,
 *   where the quick fix adds the link; at its start when it has none (the link would go at its end).
 * - `matrix`: the coverage matrix a README chapter is missing from, at the last row of its coverage tables, after
 *   which "Add to matrix" writes the chapter; at its start when no table lists files.
 * - `readme`: the README a matrix file is missing from, at the chapter category named as the row's Capability Area,
 *   else at the first category; at its start when it has none.
 * - `candidate`: a chapter an ambiguous number may mean, at the start of its file: the number is in the file's name,
 *   no line of it is about the number (the README line of each is in the diagnostic's message, by its path).
 */
export type RelatedPlace =
  | { kind: 'lacks-link'; file: string; range: Range; to: string }
  | { kind: 'matrix' | 'readme'; file: string; range: Range }
  | { kind: 'candidate'; file: string; range: Range; num: string };

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function relatedPlaces(index: IndexView, d: Diagnostic): RelatedPlace[] {
  const data = d.data ?? {};
  const str = (k: string): string | undefined => (typeof data[k] === 'string' && data[k] !== '' ? data[k] as string : undefined);
  switch (d.code) {
    case 'xref-missing-link': {
      const from = str('from');
      const to = str('toSpan') ?? str('to');
      // a span of notes lacking the link has no one note to point at
      if (!from || !to || data.fromSpan !== undefined) return [];
      const headings = index.headingsOf(from) ?? [];
      const at = lastSeeAlsoHeading(headings);
      return [{ kind: 'lacks-link', file: from, range: at === -1 ? START : headings[at].range, to }];
    }
    case 'coverage-unlisted': {
      const matrix = str('matrix');
      // (a problem of the matrix itself names the matrix: it is the diagnostic's own file, nothing else to show)
      if (matrix) return matrix === d.file ? [] : [{ kind: 'matrix', file: matrix, range: lastListingRow(index, d.file) ?? START }];
      const readme = str('readme');
      return readme ? [{ kind: 'readme', file: readme, range: categoryOfRow(index, d) ?? START }] : [];
    }
    case 'chapter-number-unknown': {
      const candidates = Array.isArray(data.candidates) ? data.candidates.filter((c): c is string => typeof c === 'string') : [];
      return candidates.map(file => ({ kind: 'candidate', file, range: START, num: String(data.num) }));
    }
    default:
      return [];
  }
}

/** The last matrix row of `readme`'s series that lists files (the rows are in the matrix's order). */
function lastListingRow(index: IndexView, readme: string): Range | undefined {
  const series = index.seriesOf(readme);
  const rows = series ? index.coverage(series)?.rows ?? [] : [];
  for (let i = rows.length - 1; i >= 0; i--) if (!rows[i].filesUnknown) return rows[i].range;
  return undefined;
}

/** The README category named as the Capability Area of the matrix row `d` is on, else the first category. */
function categoryOfRow(index: IndexView, d: Diagnostic): Range | undefined {
  const series = index.seriesOf(d.file);
  if (!series || series.categories.length === 0) return undefined;
  const line = d.range.start.line;
  const row = series ? index.coverage(series)?.rows.find(r => r.range.start.line <= line && line <= r.range.end.line) : undefined;
  const area = row?.area.toLowerCase();
  return (series.categories.find(c => area !== undefined && area !== '' && c.name.trim().toLowerCase() === area) ?? series.categories[0]).range;
}
