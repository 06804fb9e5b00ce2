import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets and positions for LF, CRLF and lone CR text alike', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['alpha', '', 'gamma 中文', 'delta'].join(nl);
      const li = new LineIndex(text);
      assert.equal(li.lineCount, 4, JSON.stringify(nl));
      assert.equal(li.lineText(2), 'gamma 中文');
      const off = text.indexOf('中');
      assert.deepEqual(li.positionAt(off), { line: 2, character: 6 });
      assert.equal(li.offsetAt({ line: 2, character: 6 }), off);
      assert.equal(li.lineEnd(0), 5);
      assert.equal(li.lineEnd(1), 5 + nl.length);
      assert.equal(li.lineEnd(3), text.length);
      assert.equal(li.lineAt(off), 2);
      assert.deepEqual(li.positionAt(text.length), { line: 3, character: 5 });
    }
  });

  it('hands out its line starts, and tells when every break is a single LF (a line then ends before the next starts)', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['alpha', '', 'gamma', ''].join(nl);
      const li = new LineIndex(text);
      assert.deepEqual(li.lineStarts, [0, 5 + nl.length, 5 + 2 * nl.length, 10 + 3 * nl.length]);
      assert.equal(li.lfBreaks, nl === '\n');
      for (let l = 0; l + 1 < li.lineCount; l++) {
        assert.equal(li.lineEnd(l), li.lineStarts[l + 1] - nl.length);
      }
    }
    assert.equal(new LineIndex('a\nb\r').lfBreaks, false);
  });

  it('clamps out-of-range positions', () => {
    const li = new LineIndex('ab\ncd');
    assert.equal(li.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(li.offsetAt({ line: 9, character: 0 }), 5);
    assert.deepEqual(li.positionAt(-3), { line: 0, character: 0 });
  });
});
