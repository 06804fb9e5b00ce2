import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { BROKEN_LINKS, generateCorpus } from '../../bench/corpus';
import { all, indexOf } from './memoryWorkspace';

const LINK_CODES = new Set<string>([...Object.keys(BROKEN_LINKS), 'link-outside-workspace']);

/**
 * The benchmark corpus knows which of its links are broken (`BROKEN_LINKS`): every link diagnostic must cover
 * one of them (no false positive), and each of them must get one (no false negative). Headings named by their
 * text in wikilinks, CJK slugs, images, code fences, HTML comments and frontmatter `tags: [a, b]` are all in it.
 */
describe('the generated corpus against its ground truth', () => {
  it('reports exactly the links the generator broke, each with the right code', async () => {
    const files = generateCorpus({ notes: 400, seed: 11 });
    const index = await indexOf(Object.fromEntries(files.map(f => [f.path, f.text])));
    const texts = new Map(files.map(f => [f.path, f.text]));
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of all(index)) {
      if (!LINK_CODES.has(d.code)) continue;
      const list = byFile.get(d.file) ?? [];
      list.push(d);
      byFile.set(d.file, list);
    }
    let expected = 0;
    const found: Record<string, number> = {};
    for (const [file, text] of texts) {
      const lines = new LineIndex(text);
      // each diagnostic as [code, start offset, end offset]
      const left = (byFile.get(file) ?? []).map(d => ({ code: d.code, from: lines.offsetAt(d.range.start), to: lines.offsetAt(d.range.end) }));
      for (const [code, pattern] of Object.entries(BROKEN_LINKS)) {
        for (const m of text.matchAll(pattern)) {
          expected++;
          const at = left.findIndex(d => d.code === code && d.from <= m.index! && m.index! + m[0].length <= d.to);
          assert.notEqual(at, -1, `${file}: "${m[0]}" at offset ${m.index} is not reported as ${code}`);
          left.splice(at, 1);
          found[code] = (found[code] ?? 0) + 1;
        }
      }
      assert.deepEqual(left.map(d => `${d.code} "${text.slice(d.from, d.to)}"`), [], `${file}: diagnostics on links that are not broken`);
    }
    // the corpus holds every kind, in the share the generator was asked for (a tenth of ~7,600 links)
    assert.ok(expected > 400, `${expected} broken links`);
    for (const code of Object.keys(BROKEN_LINKS)) assert.ok((found[code] ?? 0) > 20, `${code}: ${found[code]}`);
  });
});
