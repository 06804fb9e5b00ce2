import { readFileSync } from 'node:fs';
import type { Range, TextEdit } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/lineIndex';

export const SEEDS = 'test/fixtures/seeds';

export function seed(name: string): string {
  return readFileSync(`${SEEDS}/${name}`, 'utf8');
}

/** The source text a range covers. */
export function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const abs = edits
    .map(e => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
