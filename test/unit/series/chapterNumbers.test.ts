import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { ChapterNumberIndex, resolveChapterNumber } from '../../../src/core/series/chapterNumbers';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { seed } from './helpers';

describe('chapter number resolution', () => {
  const seedSeries = parseSeriesReadme(seed('README.md'), 'backend/README.md', defaultConfig());

  it('resolves 01 to the system_design chapter, not the nested design-pattern one', () => {
    const r = resolveChapterNumber(seedSeries, '01');
    assert.equal(r.kind, 'found');
    assert.equal(r.kind === 'found' && r.chapter.file, 'backend/system_design/01_scalability_fundamentals.md');
  });

  it('compares numerically: 1 == 01 == 001', () => {
    for (const n of ['1', '001']) {
      const r = resolveChapterNumber(seedSeries, n);
      assert.equal(r.kind === 'found' && r.chapter.number, '01');
    }
  });

  it('resolves every batch-route and reading-list number of the seed', () => {
    const index = new ChapterNumberIndex(seedSeries);
    const nums = [...seedSeries.batches.flatMap(b => b.numbers), ...seedSeries.readingLists.flatMap(l => l.numbers)];
    assert.equal(nums.length, 151);
    assert.deepEqual(nums.filter(n => index.resolve(n.num).kind !== 'found').map(n => n.num), []);
  });

  it('says unknown for a number no chapter has', () => {
    assert.deepEqual(resolveChapterNumber(seedSeries, '99'), { kind: 'unknown' });
    assert.deepEqual(new ChapterNumberIndex(seedSeries).resolve('77'), { kind: 'unknown' });
  });

  it('says ambiguous when several chapters are equally shallow, naming the shallowest only', () => {
    const s = parseSeriesReadme([
      '## Chapters', '### A',
      '- [x](a/05_x.md) - 必讀 - 1 min',
      '- [y](b/05_y.md) - 必讀 - 1 min',
      '- [z](c/d/05_z.md) - 必讀 - 1 min',
      '- [w](06_w.md) - 必讀 - 1 min',
      '- [v](e/06_v.md) - 必讀 - 1 min',
    ].join('\n'), 's/README.md', defaultConfig());
    const r = resolveChapterNumber(s, '5');
    assert.equal(r.kind, 'ambiguous');
    assert.deepEqual(r.kind === 'ambiguous' && r.candidates.map(c => c.file), ['s/a/05_x.md', 's/b/05_y.md']);
    const index = new ChapterNumberIndex(s);
    assert.deepEqual(index.resolve('05'), r);
    const six = index.resolve('06');
    assert.equal(six.kind === 'found' && six.chapter.file, 's/06_w.md');
  });
});
