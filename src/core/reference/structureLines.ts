import type { Point, Position } from 'unist';
import { CR, LF, unsupported } from './structureChars';

/** Control characters other than tab and line endings (remark rewrites NUL; none belongs in a structural file). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * The lines of a structural file (where each starts and where its content ends, before the line ending) and the
 * mdast points of its offsets. A text holding a control character is outside the structure parser's subset.
 */
export class SourceLines {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** the line of the last point computed: the next one is usually on it */
  private lastLine = 0;

  constructor(readonly text: string) {
    if (CONTROL.test(text)) unsupported();
    const n = text.length;
    let start = 0;
    if (text.indexOf('\r') === -1) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
        this.starts.push(start);
        this.ends.push(i);
        start = i + 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === LF || c === CR) {
          this.starts.push(start);
          this.ends.push(i);
          if (c === CR && text.charCodeAt(i + 1) === LF) i++;
          start = i + 1;
        }
      }
    }
    this.starts.push(start);
    this.ends.push(n);
  }

  get count(): number {
    return this.starts.length;
  }

  /** 1-based line and column, 0-based offset, as mdast positions are. */
  point(offset: number): Point {
    const { starts } = this;
    const hint = this.lastLine;
    if (offset >= starts[hint] && (hint + 1 === starts.length || offset < starts[hint + 1])) {
      return { line: hint + 1, column: offset - starts[hint] + 1, offset };
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo + 1, column: offset - starts[lo] + 1, offset };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
