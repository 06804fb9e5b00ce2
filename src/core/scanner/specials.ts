/** Where link syntax can start: `[`, `]`, backtick, `<`, `\` (and `!` right before `[`). */
const CHARS = ['[', ']', '`', '<', '\\'];
const NONE = 0x7fffffff;

/**
 * Finds, in one text, the next character where link syntax can start, with native searches (much
 * faster than reading every character in JavaScript), so that the inline pass jumps from one to
 * the next and skips plain prose without looking at it. A `!` elsewhere, `&`, `*`, `_` and `~`
 * never change the links of a run (they only matter for the plain text of headings).
 *
 * Each character's next occurrence is remembered, so that a series of searches from rising
 * positions costs linear time in total, whatever the size of the text.
 */
export class SpecialFinder {
  /** per character: the position a search started from, and the occurrence it found (NONE: none) */
  // (small plain arrays: a typed array costs more to create than a note's searches save)
  private readonly from = [NONE, NONE, NONE, NONE, NONE];
  private readonly at = [0, 0, 0, 0, 0];

  constructor(readonly text: string) {}

  /** The first position >= `from` where link syntax can start, or NONE (2^31 - 1) when there is none. */
  next(from: number): number {
    const { text } = this;
    let best = NONE;
    for (let q = 0; q < CHARS.length; q++) {
      let a = this.at[q];
      if (this.from[q] > from || a < from) {
        const k = text.indexOf(CHARS[q], from);
        a = k === -1 ? NONE : k;
        this.at[q] = a;
        this.from[q] = from;
      }
      if (a < best) best = a;
    }
    if (best !== NONE && best > from && text.charCodeAt(best) === 91 && text.charCodeAt(best - 1) === 33) best--;
    return best;
  }
}
