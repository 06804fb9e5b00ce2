import type { PriorityBucket, RowView } from '../core/coverage/viewModel';

/** The page's filter state (kept across reloads with the webview's setState). Pure: no DOM. */
export type StatusFilter = '' | 'pending' | 'in-progress' | 'done' | 'mismatch' | 'missing';

export interface FilterState {
  area: string;
  status: StatusFilter;
  priority: '' | PriorityBucket;
  query: string;
}

export const EMPTY_FILTERS: FilterState = { area: '', status: '', priority: '', query: '' };

const STATUS_FILTERS: readonly StatusFilter[] = ['', 'pending', 'in-progress', 'done', 'mismatch', 'missing'];
const PRIORITY_FILTERS: readonly ('' | PriorityBucket)[] = ['', 'must-read', 'important', 'skippable', 'none'];

/** Reads a saved state back, dropping anything of the wrong shape. */
export function restoreFilters(raw: unknown): FilterState {
  const out: FilterState = { ...EMPTY_FILTERS };
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.area === 'string') out.area = r.area.slice(0, 1000);
  if (typeof r.query === 'string') out.query = r.query.slice(0, 1000);
  if (STATUS_FILTERS.includes(r.status as StatusFilter)) out.status = r.status as StatusFilter;
  if (PRIORITY_FILTERS.includes(r.priority as PriorityBucket)) out.priority = r.priority as PriorityBucket;
  return out;
}

/** A saved scroll offset: a finite, non-negative number of pixels; undefined otherwise. */
export function restoreScroll(raw: unknown): number | undefined {
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? Math.min(raw, 1e7) : undefined;
}

export function isFiltering(f: FilterState): boolean {
  return f.area !== '' || f.status !== '' || f.priority !== '' || f.query.trim() !== '';
}

/**
 * Text as the search compares it: NFKC (full-width `ｋａｆｋａ`, what a Taiwanese IME types in its full-width mode, reads
 * as `kafka`; a decomposed `Cafe\u0301` as `Café`), then lower case.
 */
export function searchFold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The folded texts the search looks in, per row (a row is replaced, never changed, when the model changes). */
const foldedRows = new WeakMap<RowView, readonly string[]>();

function searchTexts(row: RowView): readonly string[] {
  let texts = foldedRows.get(row);
  if (!texts) {
    texts = [row.topic, row.area, ...row.files.map(x => x.href), ...row.files.map(x => x.title ?? '')].map(searchFold);
    foldedRows.set(row, texts);
  }
  return texts;
}

/**
 * Does a row pass the filters? The search matches topic, area, file paths and note titles, whatever the case, the
 * width (full-width or half-width letters and digits) or the Unicode form (see `searchFold`).
 */
export function rowMatches(row: RowView, f: FilterState): boolean {
  if (f.area !== '' && row.area !== f.area) return false;
  switch (f.status) {
    case '': break;
    case 'mismatch': if (!row.mismatch) return false; break;
    case 'missing': if (!row.files.some(x => x.state === 'missing')) return false; break;
    default: if (row.computed !== f.status) return false;
  }
  if (f.priority !== '' && (row.priority ?? 'none') !== f.priority) return false;
  const q = searchFold(f.query).trim();
  if (q !== '' && !searchTexts(row).some(s => s.includes(q))) return false;
  return true;
}
