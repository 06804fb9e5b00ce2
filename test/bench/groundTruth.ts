import type { Range } from '../../src/core/model';
import { LineIndex } from '../../src/core/text/lineIndex';
import { BROKEN_LINKS } from './corpus';

/** A kind of deliberately broken link in the generated corpus, named by the code our checker gives it. */
export type BrokenKind = keyof typeof BROKEN_LINKS;
export const BROKEN_KINDS = Object.keys(BROKEN_LINKS) as BrokenKind[];

/** One diagnostic of a checker, as UTF-16 offsets into its note's text. */
export interface Finding {
  code: string;
  from: number;
  to: number;
}

/** Where a diagnostic that covers no broken link sits, for telling what a checker misreads. */
export type FalsePositiveSite = 'frontmatter' | 'wikilink' | 'other';

/** How a checker's diagnostics compare with the corpus's ground truth, summed over notes. */
export interface Score {
  /** the broken links the generator wrote */
  broken: Record<BrokenKind, number>;
  /** of them, covered by a diagnostic of the checker */
  found: Record<BrokenKind, number>;
  /** of them, covered by a diagnostic with the code `expectedCode` gives the kind */
  foundWithCode: Record<BrokenKind, number>;
  /** diagnostics that cover no broken link, by site */
  falsePositives: Record<FalsePositiveSite, number>;
  /** a few of them, for the reader */
  samples: { file: string; code: string; text: string; site: FalsePositiveSite }[];
}

export function emptyScore(): Score {
  const zero = () => Object.fromEntries(BROKEN_KINDS.map(k => [k, 0])) as Record<BrokenKind, number>;
  return { broken: zero(), found: zero(), foundWithCode: zero(), falsePositives: { frontmatter: 0, wikilink: 0, other: 0 }, samples: [] };
}

/**
 * Scores one note: each broken link is matched with a diagnostic that overlaps it (one of the expected code
 * first); diagnostics left over are false positives. `expectedCode` says which code a checker gives a kind,
 * undefined when it does not check that kind at all.
 */
export function scoreNote(score: Score, file: string, text: string, findings: readonly Finding[],
  expectedCode: (kind: BrokenKind) => string | undefined): void {
  const left = [...findings];
  for (const kind of BROKEN_KINDS) {
    const code = expectedCode(kind);
    for (const m of text.matchAll(BROKEN_LINKS[kind])) {
      const from = m.index!;
      const to = from + m[0].length;
      score.broken[kind]++;
      const overlaps = (f: Finding) => f.from < to && from < f.to;
      let at = left.findIndex(f => f.code === code && overlaps(f));
      if (at !== -1) score.foundWithCode[kind]++;
      else at = left.findIndex(overlaps);
      if (at === -1) continue;
      score.found[kind]++;
      left.splice(at, 1);
    }
  }
  const fmEnd = frontmatterEnd(text);
  for (const f of left) {
    const site: FalsePositiveSite = f.from < fmEnd ? 'frontmatter' : insideWikilink(text, f.from) ? 'wikilink' : 'other';
    score.falsePositives[site]++;
    if (score.samples.length < 12 && !score.samples.some(s => s.site === site && s.code === f.code)) {
      score.samples.push({ file, code: f.code, text: text.slice(f.from, f.to), site });
    }
  }
}

/** A checker's diagnostic as the scoring needs it: its file, its code and its 0-based range. */
export interface ScoredDiagnostic {
  file: string;
  code: string;
  range: Range;
}

/** Scores every file of `texts` (path → text) with the diagnostics reported on it; see `scoreNote`. */
export function scoreFiles(texts: Iterable<[string, string]>, diagnostics: readonly ScoredDiagnostic[],
  expectedCode: (kind: BrokenKind) => string | undefined): Score {
  const byFile = new Map<string, ScoredDiagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const score = emptyScore();
  for (const [file, text] of texts) {
    const lines = new LineIndex(text);
    const findings = (byFile.get(file) ?? []).map(d => ({ code: d.code, from: lines.offsetAt(d.range.start), to: lines.offsetAt(d.range.end) }));
    scoreNote(score, file, text, findings, expectedCode);
  }
  return score;
}

/** The offset just past a leading `---` … `---` block, 0 without one. */
function frontmatterEnd(text: string): number {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) return 0;
  const close = text.indexOf('\n---', 3);
  return close === -1 ? 0 : close + 4;
}

/** Whether an offset lies between a `[[` and the `]]` after it on the same line. */
function insideWikilink(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const open = text.lastIndexOf('[[', at);
  if (open < lineStart) return false;
  const close = text.indexOf(']]', open);
  return close !== -1 && close + 2 > at && text.lastIndexOf('\n', close) < open;
}
