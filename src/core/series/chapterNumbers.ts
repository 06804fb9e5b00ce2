import type { Chapter, ChapterNumberResolution, SeriesModel } from '../model';
import { chapterKey } from './chapterTarget';

/**
 * Chapter numbers (`01` … `76`, sub-chapters `17_3` / `17.3`) name the chapters whose file starts
 * with that number. A number is a tuple of whole numbers: `17_3`, `17.3` and `17.03` are the same
 * chapter, `1` and `01` too. Numbers repeat in nested folders
 * (`design_pattern/creational/01_singleton.md`), so the resolution prefers the chapters whose file
 * is the fewest folders below the series folder; a tie is ambiguous. A number that no chapter has
 * exactly names its sub-chapters: `17` is `17_3` when that is the only one, and ambiguous when
 * `17_3` and `17_4` both exist.
 */

/** A chapter number as written in a README (`01`, `17.3`, `17_3`). */
export const CHAPTER_NUMBER = /^\d+(?:[._]\d+)*$/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The leading chapter number of a file's base name, as written: `01_singleton.md` → `01`,
 * `17_3_async.md` → `17_3`, `17.4-tokio.md` → `17.4`; undefined when the name does not start with
 * a digit. A later digit run counts only when it is not glued to a Latin letter (`01_2pc.md` is
 * chapter `01`, about two-phase commit).
 */
export function leadingChapterNumber(name: string): string | undefined {
  let end = 0;
  while (end < name.length && isDigit(name.charCodeAt(end))) end++;
  if (end === 0) return undefined;
  for (;;) {
    const sep = name.charCodeAt(end);
    if (sep !== 95 /* _ */ && sep !== 46 /* . */) break;
    let j = end + 1;
    while (j < name.length && isDigit(name.charCodeAt(j))) j++;
    if (j === end + 1 || isAsciiLetter(name.charCodeAt(j))) break;
    end = j;
  }
  return name.slice(0, end);
}

/** The parts of a chapter number: `17_3` → [17, 3], `01` → [1]. */
export function chapterTuple(num: string): number[] {
  return num.trim().split(/[._]/).map(Number);
}

/** The chapter number of a file's base name as a tuple (`17_3_async.md` → [17, 3]), undefined without one. */
export function leadingChapterTuple(name: string): number[] | undefined {
  const num = leadingChapterNumber(name);
  return num === undefined ? undefined : chapterTuple(num);
}

/** `01`, `1` and `001` are the same chapter number; `17.3`, `17_3` and `17.03` key as `17.3`. */
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

function chaptersByNumber(series: SeriesModel): { exact: Map<string, Chapter[]>; under: Map<string, Chapter[]> } {
  const exact = new Map<string, Chapter[]>();
  /** `17` → the chapters numbered 17.x, 17.x.y … (used when no chapter is numbered 17 itself) */
  const under = new Map<string, Chapter[]>();
  const add = (map: Map<string, Chapter[]>, key: string, ch: Chapter): void => {
    const list = map.get(key);
    if (list) list.push(ch);
    else map.set(key, [ch]);
  };
  /** the files seen: a file listed twice (under two categories, say) is one chapter, named by its first line */
  const seen = new Set<string>();
  for (const cat of series.categories) {
    for (const ch of cat.chapters) {
      if (ch.number === undefined) continue;
      const target = chapterKey(ch);
      if (seen.has(target)) continue;
      seen.add(target);
      const key = numberKey(ch.number);
      add(exact, key, ch);
      for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1)) add(under, key.slice(0, dot), ch);
    }
  }
  return { exact, under };
}

export function resolveChapterNumber(series: SeriesModel, num: string): ChapterNumberResolution {
  return new ChapterNumberIndex(series).resolve(num);
}

/** All resolutions of one series precomputed: O(1) per lookup. */
export class ChapterNumberIndex {
  private readonly resolutions = new Map<string, ChapterNumberResolution>();

  constructor(readonly series: SeriesModel) {
    const { exact, under } = chaptersByNumber(series);
    for (const [key, candidates] of under) this.resolutions.set(key, resolveAmong(series, candidates));
    for (const [key, candidates] of exact) this.resolutions.set(key, resolveAmong(series, candidates));
  }

  resolve(num: string): ChapterNumberResolution {
    return this.resolutions.get(numberKey(num)) ?? { kind: 'unknown' };
  }
}

/**
 * Whether a chapter range `from-to` ends before it starts: `17_6-17_3`, `05-02`. Only the parts both bounds have
 * are compared, as a range reads them: `17_3-17` covers 17.3 up to the end of 17, and is not reversed.
 */
export function isReversedRange(from: readonly number[], to: readonly number[]): boolean {
  const n = Math.min(from.length, to.length);
  for (let i = 0; i < n; i++) if (from[i] !== to[i]) return from[i] > to[i];
  return false;
}
