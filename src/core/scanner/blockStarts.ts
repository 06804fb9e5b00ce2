/**
 * Which leaf block a line starts, as the block pass asks it at the line's first non-blank character: an ATX
 * heading, a setext underline, a code fence or a thematic break (HTML blocks are html.ts's). Pure tests on the
 * note's text, shared by the driver (what a line is) and by the rules that decide whether a line interrupts a
 * paragraph, ends a table or starts a list item.
 */

/** `#`…`######` heading at `i`: level and trimmed content range. */
export function atxHeading(text: string, i: number, le: number): { level: number; cs: number; ce: number } | undefined {
  let j = i;
  while (j < le && text.charCodeAt(j) === 35 && j - i < 7) j++;
  const level = j - i;
  if (level < 1 || level > 6) return undefined;
  if (j < le) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) return undefined;
  }
  let cs = j;
  while (cs < le && (text.charCodeAt(cs) === 32 || text.charCodeAt(cs) === 9)) cs++;
  let ce = le;
  while (ce > cs && (text.charCodeAt(ce - 1) === 32 || text.charCodeAt(ce - 1) === 9)) ce--;
  let k = ce;
  while (k > cs && text.charCodeAt(k - 1) === 35) k--;
  if (k === cs) ce = cs;
  else if (k < ce && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) {
    ce = k;
    while (ce > cs && (text.charCodeAt(ce - 1) === 32 || text.charCodeAt(ce - 1) === 9)) ce--;
  }
  return { level, cs, ce };
}

/** 1 for `===`, 2 for `---` (trailing spaces allowed), 0 otherwise. */
export function setextLevel(text: string, i: number, le: number): number {
  const ch = text.charCodeAt(i);
  if (ch !== 61 && ch !== 45) return 0;
  let j = i;
  while (j < le && text.charCodeAt(j) === ch) j++;
  if (!isBlankFrom(text, j, le)) return 0;
  return ch === 61 ? 1 : 2;
}

/** Length of the opening code fence at `i` (its character is `text[i]`), 0 when there is none. */
export function fenceLength(text: string, i: number, le: number): number {
  const ch = text.charCodeAt(i);
  if (ch !== 96 && ch !== 126) return 0;
  let j = i;
  while (j < le && text.charCodeAt(j) === ch) j++;
  const len = j - i;
  if (len < 3) return 0;
  if (ch === 96 && hasChar(text, j, le, 96)) return 0;
  return len;
}

/**
 * Thematic-break tests along one line (`***`, `- - -`, `___`). A run of nested list markers (`- - - - … a`) asks
 * at every marker, and each answer reads to the end of the line: a line of n markers cost n². The first character
 * that is neither the marker nor a space or tab is remembered for the rest of the line, so a line costs its length.
 */
export class ThematicBreaks {
  /** the line asked about last (its end offset), the marker, where the reading started and where it stopped */
  private end = -1;
  private ch = 0;
  private from = -1;
  private stop = -1;

  constructor(private readonly text: string) {}

  at(i: number, le: number): boolean {
    const { text } = this;
    const ch = text.charCodeAt(i);
    if (ch !== 42 && ch !== 45 && ch !== 95) return false;
    let stop: number;
    if (le === this.end && ch === this.ch && i >= this.from && i <= this.stop) stop = this.stop;
    else {
      stop = i;
      while (stop < le) {
        const c = text.charCodeAt(stop);
        if (c !== ch && c !== 32 && c !== 9) break;
        stop++;
      }
      this.end = le;
      this.ch = ch;
      this.from = i;
      this.stop = stop;
    }
    if (stop < le) return false;
    let n = 0;
    for (let j = i; j < le && n < 3; j++) if (text.charCodeAt(j) === ch) n++;
    return n >= 3;
  }
}

/** Whether `[i, end)` holds only spaces and tabs. */
export function isBlankFrom(text: string, i: number, end: number): boolean {
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Whether `[from, to)` holds the character `ch`. */
export function hasChar(text: string, from: number, to: number, ch: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === ch) return true;
  return false;
}
