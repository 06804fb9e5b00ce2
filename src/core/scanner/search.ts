/**
 * Forward searches inside one text that remember their last answer, so that many searches for
 * the same terminator (`-->`, `?>`, a quote …) from increasing positions cost linear time in total,
 * even when the terminator never comes (the classic `<!--` storm).
 */
export class ForwardFinder {
  private readonly memo = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string, private readonly end: number) {}

  /** First index >= from of `term` that ends before the text's end, or -1. */
  find(term: string, from: number): number {
    const m = this.memo.get(term);
    if (m && m.from <= from && (m.at === -1 || m.at >= from)) return m.at;
    let at = this.text.indexOf(term, from);
    if (at !== -1 && at + term.length > this.end) at = -1;
    this.memo.set(term, { from, at });
    return at;
  }
}
