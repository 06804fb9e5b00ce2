import { strict as assert } from 'node:assert';
import { previewOf } from '../../../src/core/index/noteRecord';
import { cutText } from '../../../src/core/text/cut';
import { indexOf, FM } from '../index/memoryWorkspace';

/** A high surrogate not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('cutting text without splitting a character', () => {
  it('cuts before a surrogate pair that the length would split, and anywhere else at the length', () => {
    assert.equal(cutText('ab🚀', 3), 'ab');
    assert.equal(cutText('ab🚀', 4), 'ab🚀');
    assert.equal(cutText('abc🚀', 3), 'abc');
    assert.equal(cutText('設定', 1), '設');
    assert.equal(cutText('', 0), '');
  });

  it('leaves no half character at the end of a hover preview (a line or the preview cut at 400)', () => {
    for (const text of ['a'.repeat(399) + '🚀 tail\n', ('x'.repeat(49) + '\n').repeat(7) + 'y'.repeat(49) + '🚀 more\n']) {
      const preview = previewOf(text, 0);
      assert.ok(!LONE_SURROGATE.test(preview), JSON.stringify(preview.slice(-4)));
      assert.ok(preview.endsWith(text.includes('tail') ? 'a' : 'y…'), JSON.stringify(preview.slice(-4)));
    }
  });

  it('leaves no half character in a path a link finding quotes', async () => {
    const index = await indexOf({ 'a.md': FM('A') + `[x](${'d'.repeat(199)}🚀.md)\n` });
    const [message] = index.diagnostics('a.md').map(d => d.message);
    assert.ok(message.includes('…') && !LONE_SURROGATE.test(message), message);
  });
});
