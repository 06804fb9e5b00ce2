import { isUnlisted, type NotesConfig } from '../config';
import type { CoverageModel, DraftReason, LinkRef, RowCoverage, SeriesModel, XrefSide } from '../model';
import { checkCoverage } from '../rules/coverage';
import type { Finding } from '../rules/finding';
import { checkSeries } from '../rules/series';
import { checkXrefs, plannedFiles } from '../rules/xref';
import { spanExpander, type ChapterSpan } from '../series/matrix';
import type { SeriesEntry } from './seriesFolders';

/**
 * Checking a series folder: what the series rules say about its README and its coverage matrix, and which of the
 * two files' links those rules check instead of the link rules. The index re-checks both files together.
 */

/** What the series rules read of the workspace besides the series itself (the index answers). */
export interface SeriesRuleReader {
  readonly config: NotesConfig;
  hasFile(file: string): boolean;
  /** whether a file counts as existing: listed, or where nothing is known (see WorkspaceIndex.takenToExist) */
  takenToExist(file: string): boolean;
  hasFolder(folder: string): boolean;
  /** every workspace file */
  files(): Iterable<string>;
  computeCoverage(series: SeriesModel): RowCoverage[];
  draftReasonOf(file: string): DraftReason | undefined;
}

/**
 * The series rules' findings for series `s`: in its README, and in its matrix when the matrix is a note
 * (`withMatrix`): coverage, then cross-references. `targetsOf`: the existing files a note's links resolve to.
 */
export function seriesFindings(
  s: SeriesEntry, withMatrix: boolean, index: SeriesRuleReader, targetsOf: (file: string) => ReadonlySet<string>,
): { readme: Finding[]; matrix: Finding[] } {
  const config = index.config;
  // a chapter in a folder the listing could not read may well exist: it is not reported as planned
  let readme = checkSeries(s.model, { exists: f => index.takenToExist(f), config });
  let matrix: Finding[] = [];
  if (s.coverage && withMatrix) {
    const cov = checkCoverage(s.coverage, s.model, index.computeCoverage(s.model), { config, draftReason: f => index.draftReasonOf(f) });
    readme = readme.concat(cov.readme);
    const expand = spanExpander(() => index.files());
    matrix = cov.matrix.concat(checkXrefs(s.coverage, {
      filesOf: side => xrefSideFiles(side, index, expand),
      targetsOf,
      planned: plannedFiles(s.model, s.coverage),
      hasFolder: f => index.hasFolder(f),
      unknown: f => isUnlisted(config, f),
    }));
  }
  return { readme, matrix };
}

/**
 * The README's chapter links: the series rules report a missing chapter as planned, not as a broken link. Not a
 * chapter whose link climbs out of the workspace (`../../x.md`, no file of the series): the link rules report it as
 * leaving the workspace, as they do the same link in a note.
 */
export function chapterLinksOf(model: SeriesModel): (link: LinkRef) => boolean {
  const chapterTargets = new Set(model.categories.flatMap(c => c.chapters.filter(ch => ch.file !== '').map(ch => posKey(ch.hrefRange.start))));
  return l => chapterTargets.has(posKey(l.targetRange.start));
}

/**
 * The matrix's backtick references in its table rows (`cov`: its parsed matrix): the coverage rules check those. Not
 * a Coverage Files path that climbs out of the workspace (`../../x.md`, no workspace file): the coverage rules pass
 * it by, and the link rules report it as leaving the workspace, as they do the same path elsewhere in the matrix.
 */
export function tableRefsOf(cov: CoverageModel | undefined): (link: LinkRef) => boolean {
  const tableLines = new Set<number>();
  const outside = new Set<string>();
  cov?.rows.forEach(r => {
    tableLines.add(r.range.start.line);
    for (const f of r.files) if (f.file === '') outside.add(posKey(f.range.start));
  });
  cov?.xrefs.forEach(x => tableLines.add(x.range.start.line));
  return l => l.kind === 'ref' && tableLines.has(l.range.start.line) && !outside.has(posKey(l.targetRange.start));
}

/** Notes whose link targets the series rules read: the files the sides of the matrices' cross-references name. */
export function crossReferencedFiles(series: Iterable<SeriesEntry>, index: Pick<SeriesRuleReader, 'hasFile' | 'files'>): Set<string> {
  const out = new Set<string>();
  const expand = spanExpander(() => index.files());
  for (const s of series) {
    for (const x of s.coverage?.xrefs ?? []) {
      for (const f of xrefSideFiles(x.a, index, expand)) out.add(f);
      for (const f of xrefSideFiles(x.b, index, expand)) out.add(f);
    }
  }
  return out;
}

/** The files one side of a matrix cross-reference names (a span expands, through `expand`, to the files it covers). */
function xrefSideFiles(side: XrefSide, index: Pick<SeriesRuleReader, 'hasFile'>, expand: (span: ChapterSpan) => string[]): string[] {
  return side.span ? expand(side.span) : side.file && index.hasFile(side.file) ? [side.file] : [];
}

function posKey(p: { line: number; character: number }): string {
  return p.line + ':' + p.character;
}
