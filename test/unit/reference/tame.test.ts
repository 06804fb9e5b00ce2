import { strict as assert } from 'node:assert';
import { tamePathologies } from '../../../src/core/reference/tame';
import { structuralTree } from '../../../src/core/reference/tree';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { defaultConfig } from '../../../src/core/config';
import { generatedDocuments, realDocuments, variantDocuments } from './documents';

/** Structural files remark cannot parse in linear time, or at all: each must read quickly and without a throw. */
const PATHOLOGICAL: Record<string, string> = {
  '6,000 nested quotes': '> '.repeat(6000) + 'x\n',
  '3,000 nested list items': '- '.repeat(3000) + 'x\n',
  'emphasis storm': '_*'.repeat(50_000) + '\n',
  'strong storm over lines': ('**a '.repeat(20) + '\n').repeat(500),
  'unclosed brackets': '[a]('.repeat(10_000) + '\n',
  'image-wikilink storm': '![['.repeat(30_000) + '\n',
  // (remark copies all of the document's events for each setext heading: 12 KB took ~2 s a parse)
  'setext heading storm': 'a\n=\n'.repeat(3_000),
  'setext heading storm between blank lines': 'a\n---\n\n'.repeat(2_500),
  'setext heading storm, CRLF': 'a\r\n==\r\n'.repeat(2_500),
};

describe('taming pathological structural files for remark', () => {
  it('leaves every real and generated README and matrix as it is', () => {
    for (const doc of [...realDocuments(), ...variantDocuments()]) assert.equal(tamePathologies(doc.text), doc.text, doc.name);
    for (const text of generatedDocuments(200)) assert.equal(tamePathologies(text), text, text.slice(0, 200));
  });

  for (const [name, body] of Object.entries(PATHOLOGICAL)) {
    it(`${name}: same length, parsed in well under a second, README and matrix parsers answer`, () => {
      for (const text of [body, `# Series\n\n## Chapters\n\n${body}`]) {
        const tamed = tamePathologies(text);
        assert.equal(tamed.length, text.length);
        const t0 = performance.now();
        structuralTree(text);
        parseSeriesReadme(text, 'README.md', defaultConfig());
        parseCoverageMatrix(text, 'coverage_matrix.md', defaultConfig());
        const ms = performance.now() - t0;
        assert.ok(ms < 3000, `${name}: ${ms.toFixed(0)} ms`);
      }
    });
  }

  it('keeps what the series parsers read around a storm: chapters before and after it', () => {
    const text = '# S\n\n## Chapters\n\n### Basics\n\n- [01_a](b/01_a.md) - 必讀 - 10 min\n\n' + '_*'.repeat(5000)
      + '\n\n- [02_b](b/02_b.md) - 重要 - 20 min\n';
    const model = parseSeriesReadme(text, 'README.md', defaultConfig());
    assert.deepEqual(model.categories.flatMap(c => c.chapters.map(ch => ch.file)), ['b/01_a.md', 'b/02_b.md']);
  });
});
