import { strict as assert } from 'node:assert';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';
import { scanNote } from '../../../src/core/scanner/scanner';
import { generateCorpus, makeBigNote } from '../../bench/corpus';

describe('benchmark corpus generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCorpus({ notes: 30, seed: 5 });
    const b = generateCorpus({ notes: 30, seed: 5 });
    const c = generateCorpus({ notes: 30, seed: 6 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it('produces notes of realistic size and link density, in nested folders, with a series', () => {
    const files = generateCorpus({ notes: 300 });
    const notes = files.filter(f => /^area_\d\d\/topic_\d\d\/\d{4}_note\.md$/.test(f.path));
    assert.equal(notes.length, 300);
    const paths = new Set(files.map(f => f.path));
    let bytes = 0;
    let links = 0;
    let brokenFiles = 0;
    const kinds = new Set<string>();
    for (const note of notes) {
      bytes += note.text.length;
      const block = findFrontmatterBlock(note.text);
      assert.ok(block?.closed, `${note.path} has frontmatter`);
      const result = scanNote(note.text, block.end);
      links += result.links.length;
      for (const l of result.links) {
        kinds.add(l.kind);
        if (l.kind === 'ref' && !paths.has(l.path)) brokenFiles++;
      }
    }
    const avg = bytes / notes.length;
    assert.ok(avg > 4500 && avg < 7000, `average note size ${avg}`);
    const perNote = links / notes.length;
    assert.ok(perNote > 17 && perNote < 21, `links per note ${perNote}`);
    assert.deepEqual([...kinds].sort(), ['image', 'link', 'ref', 'wikilink']);
    assert.ok(brokenFiles > 0, 'some backtick refs are broken');
    const readme = files.find(f => f.path === 'README.md')!;
    assert.match(readme.text, /## Chapters\n\n### System Design\n\n- \[\d{4}_note\]\(area_\d\d\/topic_\d\d\/\d{4}_note\.md\) - (必讀|重要|可跳讀) - \d+ min/);
    const matrix = files.find(f => f.path === 'coverage_matrix.md')!;
    assert.match(matrix.text, /\| Capability Area \| Required Topic \| Coverage Files \| Status \|/);
    assert.match(matrix.text, /- `area_\d\d\/topic_\d\d\/\d{4}_note\.md` <-> `area_\d\d\/topic_\d\d\/\d{4}_note\.md`/);
  });

  it('makes a big note of the requested size', () => {
    const text = makeBigNote(1_000_000);
    assert.ok(text.length >= 1_000_000 && text.length < 1_010_000);
    assert.ok(scanNote(text, findFrontmatterBlock(text)!.end).links.length > 1000);
  });
});
