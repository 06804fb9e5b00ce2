import { strict as assert } from 'node:assert';
import { escapeMarkdown } from '../../../src/extension/tree/markdownEscape';

describe('escapeMarkdown (tree tooltips)', () => {
  it('escapes what Markdown would read as syntax, entity references included', () => {
    assert.equal(escapeMarkdown('a*b_c [x](y) `z` <img> #1'), 'a\\*b\\_c \\[x\\]\\(y\\) \\`z\\` \\<img\\> \\#1');
    assert.equal(escapeMarkdown('Q&amp;A &lt;tag&gt;'), 'Q\\&amp;A \\&lt;tag\\&gt;');
  });

  it('escapes a tilde, which GitHub Markdown reads as strikethrough even when single', () => {
    assert.equal(escapeMarkdown('P99 延遲 10~50ms 與 100~200ms'), 'P99 延遲 10\\~50ms 與 100\\~200ms');
    assert.equal(escapeMarkdown('~~gone~~'), '\\~\\~gone\\~\\~');
  });

  it('leaves plain and CJK text as it is', () => {
    assert.equal(escapeMarkdown('後端 系列 Backend Series'), '後端 系列 Backend Series');
  });
});
