import { strict as assert } from 'node:assert';
import { generateCorpus } from '../../bench/corpus';
import { BROKEN_KINDS, scoreFiles } from '../../bench/groundTruth';
import { all, indexOf } from './memoryWorkspace';

/**
 * The benchmark corpus knows which of its links are broken (`BROKEN_LINKS`): every diagnostic on a link must cover
 * one of them (no false positive), and each of them must get one with its code (no false negative). Headings named
 * by their text in wikilinks, CJK slugs, images, code fences, HTML comments and frontmatter `tags: [a, b]` are all
 * in it.
 */
describe('the generated corpus against its ground truth', () => {
  it('reports exactly the links the generator broke, each with the right code', async () => {
    const files = generateCorpus({ notes: 400, seed: 11 });
    const index = await indexOf(Object.fromEntries(files.map(f => [f.path, f.text])));
    // the series files' own rules (coverage, priorities) are not about links
    const linkDiagnostics = all(index).filter(d => !/^(coverage|chapter|xref)-/.test(d.code));
    const score = scoreFiles(files.map(f => [f.path, f.text]), linkDiagnostics, kind => kind);
    assert.deepEqual(score.samples, [], 'diagnostics on links that are not broken');
    assert.deepEqual(score.falsePositives, { frontmatter: 0, wikilink: 0, other: 0 });
    assert.deepEqual(score.foundWithCode, score.broken, 'every broken link reported with its code');
    // the corpus holds every kind, in the share the generator was asked for (a tenth of ~7,600 links)
    for (const kind of BROKEN_KINDS) assert.ok(score.broken[kind] > 40, `${kind}: ${score.broken[kind]}`);
  });
});
