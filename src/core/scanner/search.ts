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

/**
 * The next occurrence of one character from rising positions (native searches), remembered so that a series of
 * searches (a table's rows look for pipes and backslashes) costs linear time however far the next occurrence is.
 * NONE when there is none.
 */
export class NextChar {
  private from = NONE;
  private at = NONE;

  constructor(private readonly text: string, private readonly ch: string) {}

  next(from: number): number {
    if (from < this.from || from > this.at) {
      const k = this.text.indexOf(this.ch, from);
      this.at = k === -1 ? NONE : k;
      this.from = from;
    }
    return this.at;
  }
}

const NONE = 0x7fffffff;

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
