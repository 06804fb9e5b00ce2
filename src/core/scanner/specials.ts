/** Where link syntax can start: `[`, `]`, backtick, `<`, `\` (and `!` right before `[`). */
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
  // per character: the position a search started from, and the occurrence it found (NONE: none),
  // in fields of their own (one call of `next` is then a few comparisons, no loop over arrays)
  private openFrom = NONE;
  private open = 0;
  private closeFrom = NONE;
  private close = 0;
  private tickFrom = NONE;
  private tick = 0;
  private angleFrom = NONE;
  private angle = 0;
  private escapeFrom = NONE;
  private escape = 0;

  constructor(readonly text: string) {}

  /** The first position >= `from` where link syntax can start, or NONE (2^31 - 1) when there is none. */
  next(from: number): number {
    // a remembered occurrence answers when its search started at or before `from` and it is not before `from`
    if (this.openFrom > from || this.open < from) { this.open = this.find('[', from); this.openFrom = from; }
    if (this.closeFrom > from || this.close < from) { this.close = this.find(']', from); this.closeFrom = from; }
    if (this.tickFrom > from || this.tick < from) { this.tick = this.find('`', from); this.tickFrom = from; }
    if (this.angleFrom > from || this.angle < from) { this.angle = this.find('<', from); this.angleFrom = from; }
    if (this.escapeFrom > from || this.escape < from) { this.escape = this.find('\\', from); this.escapeFrom = from; }
    let best = this.open;
    if (this.close < best) best = this.close;
    if (this.tick < best) best = this.tick;
    if (this.angle < best) best = this.angle;
    if (this.escape < best) best = this.escape;
    if (best === this.open && best !== NONE && best > from && this.text.charCodeAt(best - 1) === 33) best--;
    return best;
  }

  private find(ch: string, from: number): number {
    const k = this.text.indexOf(ch, from);
    return k === -1 ? NONE : k;
  }
}
