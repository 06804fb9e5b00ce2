import { strict as assert } from 'node:assert';
import type { Root } from 'mdast';
import { defaultConfig } from '../../../src/core/config';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { parseStructureTree } from '../../../src/core/reference/structureTree';
import {
  matrixTableLayouts, matrixTableLayoutsFromTree, parseCoverageMatrix, parseCoverageMatrixFromTree,
} from '../../../src/core/series/matrix';
import { parseSeriesReadme, parseSeriesReadmeFromTree } from '../../../src/core/series/readme';
import { realDocuments, variantDocuments, type StructuralDocument } from './documents';

const config = defaultConfig();

function models(tree: Root, doc: StructuralDocument): unknown {
  return {
    readme: parseSeriesReadmeFromTree(tree, doc.text, doc.file, config),
    matrix: parseCoverageMatrixFromTree(tree, doc.text, doc.file, config),
    layouts: matrixTableLayoutsFromTree(tree),
  };
}

describe('series models from the fast tree equal those from remark', () => {
  const real = realDocuments();
  const docs = [...real, ...variantDocuments()];

  for (const doc of docs) {
    it(doc.name, () => {
      const reference = models(parseMarkdownTree(doc.text), doc);
      const fast = parseStructureTree(doc.text);
      assert.equal(fast === undefined, doc.fallback === true, doc.fallback ? 'expected a fallback' : 'expected the fast path');
      if (fast) assert.deepEqual(models(fast, doc), reference);
      // the public entry points (fast tree or fallback) give the reference models too
      assert.deepEqual({
        readme: parseSeriesReadme(doc.text, doc.file, config),
        matrix: parseCoverageMatrix(doc.text, doc.file, config),
        layouts: matrixTableLayouts(doc.text),
      }, reference);
    });
  }

  it('compares real content: the real READMEs have chapters and the real matrices rows', () => {
    for (const doc of real) {
      if (doc.kind === 'readme') {
        const m = parseSeriesReadme(doc.text, doc.file, config);
        assert.ok(m.categories.some(c => c.chapters.length > 0), doc.name);
      } else {
        const m = parseCoverageMatrix(doc.text, doc.file, config);
        assert.ok(m.rows.length > 0 && m.rows.some(r => r.files.length > 0 && r.declared), doc.name);
      }
    }
  });

  it('takes the fast path on every real document and on most variants', () => {
    const fallbacks = real.filter(d => parseStructureTree(d.text) === undefined).map(d => d.name);
    assert.deepEqual(fallbacks, []);
    const seeds = real.filter(d => d.name.startsWith('seed ') || d.name.startsWith('corpus '));
    assert.equal(seeds.length, 4);
    const variants = variantDocuments();
    const fast = variants.filter(d => parseStructureTree(d.text) !== undefined).length;
    assert.ok(variants.length >= 40 && fast >= variants.length - 10, `${fast} of ${variants.length} variants on the fast path`);
  });
});
