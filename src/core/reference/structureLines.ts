import type { Point, Position } from 'unist';
import { lastAtOrBefore, LineIndex } from '../text/lineIndex';
import { unsupported } from './structureChars';

/** Control characters other than tab and line endings (remark rewrites NUL; none belongs in a structural file). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * The lines of a structural file (where each starts and where its content ends, before the line ending) and the
 * mdast points of its offsets. A text holding a control character is outside the structure parser's subset.
 */
export class SourceLines {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** the line of the last point computed: the next one is usually on it */
  private lastLine = 0;

  constructor(readonly text: string) {
    if (CONTROL.test(text)) unsupported();
    const index = new LineIndex(text);
    this.starts = index.lineStarts;
    const ends: number[] = [];
    for (let li = 0; li < this.starts.length; li++) ends.push(index.lineEnd(li));
    this.ends = ends;
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
    const line = lastAtOrBefore(starts, offset);
    this.lastLine = line;
    return { line: line + 1, column: offset - starts[line] + 1, offset };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
