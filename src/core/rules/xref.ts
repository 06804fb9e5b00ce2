import type { CoverageModel, SeriesModel, XrefSide } from '../model';
import { spanExpander, type ChapterSpan } from '../series/matrix';
import { isReversedRange } from '../series/chapterNumbers';
import type { Finding } from './finding';
import { basename, dirname } from '../paths';

export interface XrefRuleContext {
  /** existing workspace files a cross-reference side names (a plain path, or every chapter of a span) */
  filesOf(side: XrefSide): string[];
  /** the existing files note `from` links to, by links of any kind */
  targetsOf(from: string): ReadonlySet<string>;
  /** files the series still expects though they may not exist yet: README chapters and support documents, matrix rows' files */
  planned: ReadonlySet<string>;
  /** whether a workspace folder holds files (at any depth) */
  hasFolder(folder: string): boolean;
  /** whether nothing is known about a path (it lies in a folder the listing could not read) */
  unknown?(path: string): boolean;
}

/** What a series plans: its README's chapters and support documents, and the files its matrix rows list. */
export function plannedFiles(series: SeriesModel, cov: CoverageModel): Set<string> {
  const out = new Set<string>();
  for (const cat of series.categories) for (const ch of cat.chapters) if (ch.file !== '') out.add(ch.file);
  for (const doc of series.supportDocs) if (doc.file !== '') out.add(doc.file);
  for (const row of cov.rows) for (const f of row.files) if (f.file !== '') out.add(f.file);
  return out;
}

/**
 * Rules on the matrix's `## Cross-references` bullets:
 * - `xref-missing-link`: the matrix declares `a <-> b`, so a must link to b and b to a. A side that names several
 *   notes (a chapter span such as `rust/17_3-17_6`) is satisfied when any of them links to any note of the other
 *   side. Sides whose notes do not exist yet are planned, not broken: nothing is reported for them.
 * - `ref-broken` on a side that names nothing: a path that is no file and that neither the README nor a matrix
 *   row plans (a typo), a span that ends before it starts, or one that covers no chapter, written or planned.
 *   A side in a folder that does not exist is another series not written yet (the seed matrix names `rust/…`
 *   beside the backend series): it is planned, not broken.
 */
export function checkXrefs(cov: CoverageModel, ctx: XrefRuleContext): Finding[] {
  const out: Finding[] = [];
  const expandPlanned = spanExpander(() => ctx.planned);
  for (const x of cov.xrefs) {
    const a = ctx.filesOf(x.a);
    const b = ctx.filesOf(x.b);
    for (const [side, files] of [[x.a, a], [x.b, b]] as const) {
      if (files.length === 0) {
        const broken = brokenSide(side, ctx, expandPlanned);
        if (broken) out.push(broken);
      }
    }
    if (a.length === 0 || b.length === 0) continue;
    if (a.length === b.length && a.every((f, i) => f === b[i])) continue; // `a <-> a` asks nothing of a note
    for (const [from, to, side, other] of [[a, b, x.a, x.b], [b, a, x.b, x.a]] as const) {
      // each note's targets are read once: two spans of thousands of chapters cost their links, not their product
      const wanted = new Set(to);
      if (from.some(f => { for (const t of ctx.targetsOf(f)) if (wanted.has(t)) return true; return false; })) continue;
      out.push({
        code: 'xref-missing-link', range: side.range,
        message: `cross-reference declared in the matrix, but ${missingLinkClause(from, side, to, other)}`,
        data: { from: from[0], to: to[0], ...(from.length > 1 && { fromSpan: sideName(side), fromCount: from.length }),
          ...(to.length > 1 && { toSpan: sideName(other), toCount: to.length }) },
      });
    }
  }
  return out;
}

/** `a.md does not link to b.md`, or with a span on either side, what none of its notes does. */
function missingLinkClause(from: readonly string[], side: XrefSide, to: readonly string[], other: XrefSide): string {
  const target = to.length === 1 ? to[0] : `any of ${sideName(other)} (${to.length} notes)`;
  return from.length === 1 ? `${from[0]} does not link to ${target}` : `none of ${sideName(side)} (${from.length} notes) links to ${target}`;
}

/** A side as the messages name files: from the workspace folder (`backend/rust/17_3-17_6`). */
function sideName(side: XrefSide): string {
  if (!side.span) return side.file ?? side.raw;
  return (side.span.folder === '' ? '' : side.span.folder + '/') + basename(side.raw);
}

/** The `ref-broken` finding of a side without existing files, unless what it names is planned. */
function brokenSide(side: XrefSide, ctx: XrefRuleContext, expandPlanned: (span: ChapterSpan) => string[]): Finding | undefined {
  const { planned } = ctx;
  if (ctx.unknown?.(side.span ? side.span.folder + '/' : side.file ?? '')) return undefined;
  if (side.span) {
    if (!ctx.hasFolder(side.span.folder)) return undefined;
    const { from, to } = side.span;
    if (isReversedRange(from, to)) {
      return {
        code: 'ref-broken', range: side.range, message: `the chapter range ${side.raw} ends before it starts`,
        data: { path: side.raw, problem: 'reversed-range' },
      };
    }
    if (expandPlanned(side.span).length > 0) return undefined;
    return {
      code: 'ref-broken', range: side.range, message: `the chapter range ${side.raw} covers no chapter, written or planned`,
      data: { path: side.raw, problem: 'empty-range' },
    };
  }
  if (side.file === undefined || planned.has(side.file) || !ctx.hasFolder(dirname(side.file))) return undefined;
  return {
    code: 'ref-broken', range: side.range,
    message: `${side.raw} does not exist, and neither the README nor a matrix row plans it`,
    data: { path: side.raw, target: side.file, problem: 'unplanned' },
  };
}
