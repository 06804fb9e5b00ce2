import { strict as assert } from 'node:assert';
import type { Fix } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/lineIndex';

/**
 * A fix applied to `file` (`before` → `after`) kept its text: every edit lies inside the document, every non-blank
 * line outside the lines the fix edits is still there, and (unless `replacesSpans`: a fix may replace a value written
 * over several lines, such as a YAML plain scalar continued on the next lines) no edit runs across lines without
 * keeping their structure, and no line was lost. Lines are counted as the core counts them (LF, CRLF or a lone CR).
 */
export function assertKeepsText(before: string, after: string, fix: Fix, file: string, what: string, replacesSpans = false): void {
  const was = new LineIndex(before);
  const now = new LineIndex(after);
  const lines = (li: LineIndex) => Array.from({ length: li.lineCount }, (_, n) => li.lineText(n));
  const left = new Set(lines(now).filter(l => l.trim() !== ''));
  const edited = new Set<number>();
  for (const fe of fix.edits) {
    if (fe.file !== file) continue;
    for (const e of fe.edits) {
      for (const p of [e.range.start, e.range.end]) {
        assert.ok(p.line >= 0 && p.line < was.lineCount && p.character >= 0 && p.character <= was.lineText(p.line).length,
          `${what}: an edit at ${JSON.stringify(p)}, outside ${file}: ${JSON.stringify(e)}`);
      }
      for (let l = e.range.start.line; l <= e.range.end.line; l++) edited.add(l);
      assert.ok(replacesSpans || e.range.start.line === e.range.end.line || e.newText.includes('\n') || e.range.end.character === 0,
        `${what}: an edit across lines that does not keep line structure: ${JSON.stringify(e)}`);
    }
  }
  lines(was).forEach((line, n) => {
    if (line.trim() !== '' && !edited.has(n)) assert.ok(left.has(line), `${what}: line ${n + 1} "${line}" of ${file} is gone`);
  });
  assert.ok(replacesSpans || now.lineCount >= was.lineCount, `${what}: ${file} lost lines`);
}
