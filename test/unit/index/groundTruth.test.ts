import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { generateCorpus } from '../../bench/corpus';
import { BROKEN_KINDS, emptyScore, scoreNote, type Finding } from '../../bench/groundTruth';
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
    const byFile = new Map<string, Finding[]>();
    const texts = new Map(files.map(f => [f.path, new LineIndex(f.text)]));
    for (const d of all(index)) {
      // the series files' own rules (coverage, priorities) are not about links
      if (d.code.startsWith('coverage-') || d.code.startsWith('chapter-') || d.code.startsWith('xref-')) continue;
      const lines = texts.get(d.file)!;
      const list = byFile.get(d.file) ?? [];
      list.push({ code: d.code, from: lines.offsetAt(d.range.start), to: lines.offsetAt(d.range.end) });
      byFile.set(d.file, list);
    }
    const score = emptyScore();
    for (const f of files) scoreNote(score, f.path, f.text, byFile.get(f.path) ?? [], kind => kind);
    assert.deepEqual(score.samples, [], 'diagnostics on links that are not broken');
    assert.deepEqual(score.falsePositives, { frontmatter: 0, wikilink: 0, other: 0 });
    assert.deepEqual(score.foundWithCode, score.broken, 'every broken link reported with its code');
    // the corpus holds every kind, in the share the generator was asked for (a tenth of ~7,600 links)
    for (const kind of BROKEN_KINDS) assert.ok(score.broken[kind] > 40, `${kind}: ${score.broken[kind]}`);
  });
});
