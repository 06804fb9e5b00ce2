import type { NotesConfig } from '../config';
import type { Chapter, NumberRef, PriorityKey, Range, ReadingList, SeriesModel } from '../model';
import { ChapterNumberIndex, numberKey } from '../series/chapterNumbers';
import { priorityLabelLike } from '../series/wording';
import type { Finding } from './finding';

/**
 * Rules on a series README: `chapter-planned` (a chapter file that does not exist yet),
 * `chapter-number-unknown` (a batch-route or reading-list number that names no chapter, or stays
 * ambiguous) and `priority-mismatch` (a chapter label that disagrees with the reading lists, a
 * number listed in two reading lists, or a chapter or reading-list label that is no priority label).
 * A chapter line without a reading time or a priority is not reported. Findings are in the README.
 */

export interface SeriesRuleContext {
  exists(file: string): boolean;
  config: NotesConfig;
}

/** A workspace path shown relative to the series folder (as the README writes it). */
export function seriesRelative(series: SeriesModel, file: string): string {
  return series.folder !== '' && file.startsWith(series.folder + '/') ? file.slice(series.folder.length + 1) : file;
}

function describe(series: SeriesModel, ch: Chapter): string {
  return ch.file !== '' ? seriesRelative(series, ch.file) : ch.href;
}

/** candidates named in an ambiguity message (a README naming one number many times stays linear) */
const MAX_NAMED = 5;

function numberFindings(series: SeriesModel, index: ChapterNumberIndex, ref: NumberRef, where: string): Finding | undefined {
  const r = index.resolve(ref.num);
  if (r.kind === 'found') return undefined;
  if (r.kind === 'unknown') {
    return {
      code: 'chapter-number-unknown', range: ref.range,
      message: `${where} names chapter ${ref.num}, but no chapter file of this series starts with that number`,
      data: { num: ref.num, candidates: [] },
    };
  }
  const shown = r.candidates.slice(0, MAX_NAMED).map(c => describe(series, c));
  const more = r.candidates.length > MAX_NAMED ? ` and ${r.candidates.length - MAX_NAMED} more` : '';
  return {
    code: 'chapter-number-unknown', range: ref.range,
    message: `${where} names chapter ${ref.num}, which is ambiguous: ${shown.join(', ')}${more}`,
    data: { num: ref.num, candidates: r.candidates.slice(0, MAX_NAMED).map(c => c.file) },
  };
}

export function checkSeries(series: SeriesModel, ctx: SeriesRuleContext): Finding[] {
  const out: Finding[] = [];

  for (const cat of series.categories) {
    for (const ch of cat.chapters) {
      if (ch.file === '' || ctx.exists(ch.file)) continue;
      out.push({
        code: 'chapter-planned', range: ch.hrefRange,
        message: `chapter "${ch.label}" is planned: ${seriesRelative(series, ch.file)} does not exist yet`,
        data: { file: ch.file },
      });
    }
  }

  const index = new ChapterNumberIndex(series);
  for (const step of series.batches) {
    for (const ref of step.numbers) {
      const f = numberFindings(series, index, ref, `batch ${step.index}`);
      if (f) out.push(f);
    }
  }

  /** number key → the reading list that first names it */
  const firstList = new Map<string, ReadingList>();
  /** chapters already compared with a reading list (a chapter is judged by the first list naming it) */
  const judged = new Set<Chapter>();
  for (const list of series.readingLists) {
    for (const ref of list.numbers) {
      const f = numberFindings(series, index, ref, `reading list "${list.label}"`);
      if (f) out.push(f);

      const key = numberKey(ref.num);
      const earlier = firstList.get(key);
      if (earlier && earlier !== list) {
        if (earlier.priority !== list.priority) {
          out.push({
            code: 'priority-mismatch', range: ref.range,
            message: `chapter ${ref.num} is listed both as "${earlier.label}" and as "${list.label}"`,
            data: { num: ref.num, expected: earlier.label, priority: earlier.priority, list: list.label },
          });
        }
        continue;
      }
      firstList.set(key, list);

      const r = index.resolve(ref.num);
      if (r.kind !== 'found' || judged.has(r.chapter)) continue;
      judged.add(r.chapter);
      const mismatch = chapterMismatch(series, r.chapter, list.priority, list.label, ctx.config);
      if (mismatch) out.push(mismatch);
    }
  }

  // a reading list under a label that is no priority label: said on the label; its numbers still must name chapters
  for (const list of series.unknownReadingLists ?? []) {
    out.push(notALabel(list.label, list.labelRange, ctx.config));
    for (const ref of list.numbers) {
      const f = numberFindings(series, index, ref, `reading list "${list.label}"`);
      if (f) out.push(f);
    }
  }

  // a chapter label that is no priority label (one a reading list judged is reported there, with the label it expects)
  for (const cat of series.categories) {
    for (const ch of cat.chapters) {
      if (ch.priorityLabel === undefined || ch.priorityRange === undefined || ch.priority !== undefined || judged.has(ch)) continue;
      out.push(notALabel(ch.priorityLabel, ch.priorityRange, ctx.config, ch.file));
    }
  }
  return out;
}

/**
 * Every priority label of the configuration, the first of each priority first (必讀, 重要, 可跳讀, Must-read, …), each
 * once (a label the configuration gives two priorities, in any letter case, is named where it first comes).
 */
export function allPriorityLabels(config: NotesConfig): string[] {
  const lists = Object.values(config.priorityLabels);
  const out: string[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...lists.map(l => l.length));
  for (let i = 0; i < longest; i++) {
    for (const l of lists) {
      if (i >= l.length || seen.has(l[i].toLowerCase())) continue;
      seen.add(l[i].toLowerCase());
      out.push(l[i]);
    }
  }
  return out;
}

function notALabel(label: string, range: Range, config: NotesConfig, file?: string): Finding {
  const labels = allPriorityLabels(config);
  return {
    code: 'priority-mismatch', range,
    message: `"${label}" is not a priority label; expected one of ${labels.join(', ')}`,
    data: { problem: 'not-a-label', label, labels, ...(file !== undefined && { file }) },
  };
}

function chapterMismatch(series: SeriesModel, ch: Chapter, priority: PriorityKey, listLabel: string, config: NotesConfig): Finding | undefined {
  if (ch.priorityRange === undefined || ch.priorityLabel === undefined || ch.priority === priority) return undefined;
  const expected = priorityLabelLike(config, priority, ch.priorityLabel);
  const known = ch.priority === undefined ? ' (not a priority label)' : '';
  return {
    code: 'priority-mismatch', range: ch.priorityRange,
    message: `chapter "${ch.label}" is labelled "${ch.priorityLabel}"${known}, but the reading list "${listLabel}" names ${describe(series, ch)}: expected "${expected}"`,
    data: { expected, file: ch.file, priority },
  };
}
