import type { Position, Range } from '../model';

/** The index of the last number of `sorted` (ascending, `sorted[0] <= value`) that is at most `value`. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps character offsets of one text to line/character positions (0-based, UTF-16) and back.
 * Built once per text in a single pass; each lookup is a binary search.
 * A line break is `\n`, `\r\n` or a lone `\r` (as in CommonMark and VS Code).
 */
export class LineIndex {
  /** offset of the first character of each line */
  private readonly starts: number[];
  /** no `\r` in the text: every line but the last ends with a single `\n` */
  private readonly lfOnly: boolean;

  constructor(readonly text: string) {
    const starts = [0];
    const n = text.length;
    this.lfOnly = text.indexOf('\r') === -1;
    if (this.lfOnly) {
      // LF-only text (the usual case): let the native indexOf find the breaks
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of each line, for a walk over every line (not to be changed). */
  get lineStarts(): readonly number[] {
    return this.starts;
  }

  /** Whether every line break is a single `\n`: a line then ends just before the next one starts. */
  get lfBreaks(): boolean {
    return this.lfOnly;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** offset just after the line's content (before its line break) */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    if (this.lfOnly && line >= 0) return this.starts[line + 1] - 1;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Line of the offset (clamped to the text). */
  lineAt(offset: number): number {
    return lastAtOrBefore(this.starts, Math.max(0, Math.min(offset, this.text.length)));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(pos.line);
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

export function rangeContains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
