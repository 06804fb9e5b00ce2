/**
 * Forward searches inside `text[0, end)` that remember their last answer, so that many searches
 * for the same terminator (`-->`, `?>`, a quote …) from increasing positions cost linear time in
 * total, even when the terminator never comes (the classic `<!--` storm). A search never reads
 * past `end`: many small runs of one big note each cost their own length only.
 */
export class ForwardFinder {
  private readonly memo = new Map<string, { from: number; at: number }>();

  constructor(private readonly text: string, private readonly end: number) {}

  /** First index >= from of `term` that ends before the text's end, or -1. */
  find(term: string, from: number): number {
    const m = this.memo.get(term);
    if (m && m.from <= from && (m.at === -1 || m.at >= from)) return m.at;
    const at = indexWithin(this.text, term, from, this.end);
    if (m) {
      m.from = from;
      m.at = at;
    } else this.memo.set(term, { from, at });
    return at;
  }
}

/** First index >= from where `term` occurs entirely inside `text[0, end)`, or -1. */
function indexWithin(text: string, term: string, from: number, end: number): number {
  const first = term.charCodeAt(0);
  const n = term.length;
  const last = end - n;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) !== first) continue;
    let k = 1;
    while (k < n && text.charCodeAt(i + k) === term.charCodeAt(k)) k++;
    if (k === n) return i;
  }
  return -1;
}
