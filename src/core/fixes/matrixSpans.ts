import type { IndexView } from '../index/api';
import type { Range, XrefSide } from '../model';
import { basename, dirname, isInside, relative } from '../paths';
import { LineIndex } from '../text/lineIndex';

/**
 * Cross-reference ranges of coverage matrices (`rust/17_3-17_6`: chapters 17.3 to 17.6 of the folder `rust`)
 * name a folder, not a file, so no link resolves to them: when that folder moves as a whole, the range's folder
 * part is rewritten, relative to the series folder as the matrix reads it.
 */

export interface SpanRewrite {
  /** the matrix file (path before the move) */
  file: string;
  range: Range;
  start: number;
  end: number;
  raw: string;
  newText: string;
  /** the folder the range names after the move */
  folder: string;
}

/**
 * The range sides of every matrix whose folder moves, with their new text. `folderMoves` are the moves of whole
 * folders asked for; a set of file moves that carries every file of a folder (two or more) to one new folder
 * counts as a move of that folder too. One file leaving a folder it was alone in is a file move: ranges stay.
 */
export function spanRewrites(
  index: IndexView, fileMoves: ReadonlyMap<string, string>, folderMoves: readonly { from: string; to: string }[], textOf: (file: string) => string | undefined,
): SpanRewrite[] {
  if (fileMoves.size === 0) return [];
  const newPath = (f: string) => fileMoves.get(f) ?? f;
  const out: SpanRewrite[] = [];
  for (const series of index.series()) {
    const cov = index.coverage(series);
    const sides = cov ? cov.xrefs.flatMap(x => [x.a, x.b]).filter(s => s.span) : [];
    if (!cov || sides.length === 0) continue;
    const text = textOf(cov.file);
    if (text === undefined) continue;
    const lines = new LineIndex(text);
    const seriesAfter = dirname(newPath(cov.file));
    for (const side of sides) {
      const folderAfter = movedFolder(index, side.span!.folder, fileMoves, folderMoves);
      if (folderAfter === undefined) continue;
      out.push({
        file: cov.file, range: side.range, start: lines.offsetAt(side.range.start), end: lines.offsetAt(side.range.end),
        raw: side.raw, newText: spanText(seriesAfter, folderAfter, side), folder: folderAfter,
      });
    }
  }
  return out;
}

/** Where `folder` moves (see spanRewrites); undefined when it stays. */
export function movedFolder(
  index: IndexView, folder: string, fileMoves: ReadonlyMap<string, string>, folderMoves: readonly { from: string; to: string }[] = [],
): string | undefined {
  for (const m of folderMoves) {
    if (!index.hasFile(m.from) && (folder === m.from || isInside(folder, m.from))) return m.to + folder.slice(m.from.length);
  }
  let after: string | undefined;
  let files = 0;
  for (const f of index.files()) {
    if (!isInside(f, folder)) continue;
    const to = fileMoves.get(f);
    const rest = f.slice(folder.length);
    if (to === undefined || !to.endsWith(rest)) return undefined;
    const base = to.slice(0, to.length - rest.length);
    if (after !== undefined && base !== after) return undefined;
    after = base;
    files++;
  }
  return files >= 2 ? after : undefined;
}

/** The range as written from the series folder `seriesFolder`: `<folder relative to it>/<bounds>`. */
function spanText(seriesFolder: string, folder: string, side: XrefSide): string {
  const bounds = basename(side.raw);
  return folder === seriesFolder ? bounds : relative(seriesFolder, folder + '/' + bounds);
}
