import type { Chapter, ChapterNumberResolution, SeriesModel } from '../model';

/**
 * Chapter numbers (`01` … `76`) name the chapters whose file starts with that number. Numbers
 * repeat in nested folders (`design_pattern/creational/01_singleton.md`), so the resolution prefers
 * the chapters whose file is the fewest folders below the series folder; a tie is ambiguous.
 */

/** `01`, `1` and `001` are the same chapter number; `17.3` keys as `17.3`. */
export function numberKey(num: string): string {
  return num.trim().split(/[._]/).map(part => part.replace(/^0+(?=\d)/, '')).join('.');
}

/** How many folders below the series folder the chapter's file sits (0 = directly in it). */
function depthOf(series: SeriesModel, chapter: Chapter): number {
  let rel = chapter.file;
  if (rel === '') rel = chapter.href;
  else if (series.folder !== '' && rel.startsWith(series.folder + '/')) rel = rel.slice(series.folder.length + 1);
  let depth = 0;
  for (const seg of rel.split('/')) if (seg !== '' && seg !== '.') depth++;
  return depth - 1;
}

function resolveAmong(series: SeriesModel, candidates: Chapter[]): ChapterNumberResolution {
  if (candidates.length === 0) return { kind: 'unknown' };
  if (candidates.length === 1) return { kind: 'found', chapter: candidates[0] };
  let best = Infinity;
  for (const c of candidates) best = Math.min(best, depthOf(series, c));
  const shallowest = candidates.filter(c => depthOf(series, c) === best);
  return shallowest.length === 1 ? { kind: 'found', chapter: shallowest[0] } : { kind: 'ambiguous', candidates: shallowest };
}

function chaptersByNumber(series: SeriesModel): Map<string, Chapter[]> {
  const byNumber = new Map<string, Chapter[]>();
  for (const cat of series.categories) {
    for (const ch of cat.chapters) {
      if (ch.number === undefined) continue;
      const key = numberKey(ch.number);
      const list = byNumber.get(key);
      if (list) list.push(ch);
      else byNumber.set(key, [ch]);
    }
  }
  return byNumber;
}

export function resolveChapterNumber(series: SeriesModel, num: string): ChapterNumberResolution {
  return resolveAmong(series, chaptersByNumber(series).get(numberKey(num)) ?? []);
}

/** All resolutions of one series precomputed: O(1) per lookup. */
export class ChapterNumberIndex {
  private readonly resolutions = new Map<string, ChapterNumberResolution>();

  constructor(readonly series: SeriesModel) {
    for (const [key, candidates] of chaptersByNumber(series)) this.resolutions.set(key, resolveAmong(series, candidates));
  }

  resolve(num: string): ChapterNumberResolution {
    return this.resolutions.get(numberKey(num)) ?? { kind: 'unknown' };
  }
}
