import type { TextEdit } from '../model';
import { LineIndex } from '../text/lineIndex';

/**
 * Applies text edits (ranges relative to the original text, as VS Code does) and returns the new
 * text. Edits are ordered by position; inserts at the same position keep their given order.
 * Overlapping edits are rejected with an error, as VS Code rejects them.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const lines = new LineIndex(text);
  const spans = edits.map((e, order) => {
    const start = lines.offsetAt(e.range.start);
    const end = lines.offsetAt(e.range.end);
    if (end < start) throw new Error(`edit ${order} has its end before its start`);
    return { start, end, newText: e.newText, order };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) throw new Error('overlapping edits');
  }
  // applied from last to first, so earlier offsets stay valid
  let result = text;
  for (let i = spans.length - 1; i >= 0; i--) {
    const s = spans[i];
    result = result.slice(0, s.start) + s.newText + result.slice(s.end);
  }
  return result;
}
