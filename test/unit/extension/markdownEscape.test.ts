import { strict as assert } from 'node:assert';
import { escapeMarkdown } from '../../../src/extension/tree/markdownEscape';

describe('escapeMarkdown (tree tooltips)', () => {
  it('escapes what Markdown would read as syntax, entity references included', () => {
    assert.equal(escapeMarkdown('a*b_c [x](y) `z` <img> #1'), 'a\\*b\\_c \\[x\\]\\(y\\) \\`z\\` \\<img\\> \\#1');
    assert.equal(escapeMarkdown('Q&amp;A &lt;tag&gt;'), 'Q\\&amp;A \\&lt;tag\\&gt;');
  });

  it('leaves plain and CJK text as it is', () => {
    assert.equal(escapeMarkdown('後端 系列 Backend Series'), '後端 系列 Backend Series');
  });
});
