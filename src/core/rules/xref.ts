import type { CoverageModel, XrefSide } from '../model';
import type { Finding } from './finding';

export interface XrefRuleContext {
  /** existing workspace files a cross-reference side names (a plain path, or every chapter of a span) */
  filesOf(side: XrefSide): string[];
  /** the existing files note `from` links to, by links of any kind */
  targetsOf(from: string): ReadonlySet<string>;
}

/**
 * `xref-missing-link`: the matrix declares `a <-> b`, so a must link to b and b to a. A side that names several
 * notes (a chapter span such as `rust/17_3-17_6`) is satisfied when any of them links to any note of the other
 * side. Sides whose notes do not exist yet are planned, not broken: nothing is reported for them.
 */
export function checkXrefs(cov: CoverageModel, ctx: XrefRuleContext): Finding[] {
  const out: Finding[] = [];
  for (const x of cov.xrefs) {
    const a = ctx.filesOf(x.a);
    const b = ctx.filesOf(x.b);
    if (a.length === 0 || b.length === 0) continue;
    if (a.length === b.length && a.every((f, i) => f === b[i])) continue; // `a <-> a` asks nothing of a note
    for (const [from, to, side] of [[a, b, x.a], [b, a, x.b]] as const) {
      // each note's targets are read once: two spans of thousands of chapters cost their links, not their product
      const wanted = new Set(to);
      if (from.some(f => { for (const t of ctx.targetsOf(f)) if (wanted.has(t)) return true; return false; })) continue;
      out.push({
        code: 'xref-missing-link', range: side.range,
        message: `cross-reference declared in the matrix, but ${from[0]} does not link to ${to[0]}`,
        data: { from: from[0], to: to[0] },
      });
    }
  }
  return out;
}
