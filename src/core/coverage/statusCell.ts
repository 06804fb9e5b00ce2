import type { NotesConfig } from '../config';
import type { CoverageStatus } from '../model';
import { hasCjk } from '../series/wording';

/**
 * Status words inside a Status cell that holds more than the word (`Done (reviewed by Bob)`, `✅ 完成`,
 * `Pending <!-- blocked -->`): where each configured word occurs, so that a cell with exactly one declares that
 * status and an edit can replace that word alone, keeping the author's text around it.
 */

export interface StatusWordAt {
  status: CoverageStatus;
  /** the word as written in the cell */
  word: string;
  /** offsets in the cell text */
  start: number;
  end: number;
}

/** The configured status words in `cell` (case-insensitive, whole words; none inside an HTML comment), in order. */
export function statusWordsIn(cell: string, config: NotesConfig): StatusWordAt[] {
  const lower = cell.toLowerCase();
  const comments = commentSpans(cell);
  const found: StatusWordAt[] = [];
  for (const [status, words] of Object.entries(config.statusWords) as [CoverageStatus, string[]][]) {
    for (const w of words) {
      const needle = w.toLowerCase();
      if (needle === '') continue;
      for (let i = lower.indexOf(needle); i !== -1; i = lower.indexOf(needle, i + 1)) {
        const end = i + needle.length;
        if (!hasCjk(w) && (isWordChar(cell, i - 1) || isWordChar(cell, end))) continue;
        if (comments.some(([s, e]) => i >= s && i < e)) continue;
        found.push({ status, word: cell.slice(i, end), start: i, end });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // a word inside a longer one (a custom `Done` inside `Not Done`) is part of that one
  return found.filter((f, i) => !found.some((g, j) => j !== i && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
}

/** The status a cell declares by holding exactly one status word; undefined for none or several. */
export function singleStatusIn(cell: string, config: NotesConfig): CoverageStatus | undefined {
  const found = statusWordsIn(cell, config);
  return found.length === 1 ? found[0].status : undefined;
}

function isWordChar(s: string, i: number): boolean {
  return i >= 0 && i < s.length && /[\p{L}\p{N}_]/u.test(s[i]);
}

function commentSpans(s: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = s.indexOf('<!--'); i !== -1; i = s.indexOf('<!--', i + 4)) {
    const close = s.indexOf('-->', i + 4);
    out.push([i, close === -1 ? s.length : close + 3]);
    if (close === -1) break;
  }
  return out;
}
