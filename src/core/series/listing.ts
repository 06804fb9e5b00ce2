import type { IndexView } from '../index/api';
import type { SeriesModel } from '../model';

/** Whether `series`' README lists `file` as a chapter. */
export function listsChapter(series: SeriesModel, file: string): boolean {
  return series.categories.some(c => c.chapters.some(ch => ch.file === file));
}

/**
 * The series a file is a chapter of: the series of its folder when its README lists the file, else the first series
 * that does (a chapter may live outside its series' folder, `../shared/glossary.md`, or in the folder of a nested
 * series), else the series of its folder (its README, a support document, a note no README lists).
 */
export function seriesListing(index: Pick<IndexView, 'series' | 'seriesOf'>, file: string): SeriesModel | undefined {
  const own = index.seriesOf(file);
  if (own && listsChapter(own, file)) return own;
  return index.series().find(s => listsChapter(s, file)) ?? own;
}
