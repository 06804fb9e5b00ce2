import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { ChapterNumberIndex, numberKey, resolveChapterNumber } from '../../../src/core/series/chapterNumbers';
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

  it('a file listed twice (under two categories) is one chapter, not an ambiguous pair; two files still are', () => {
    const s = parseSeriesReadme([
      '## Chapters', '### Basics',
      '- [two](a/02_two.md) - 重要 - 1 min',
      '- [three](a/03_x.md) - 重要 - 1 min',
      '- [three](b/03_y.md) - 重要 - 1 min',
      '### Interview prep',
      '- [two again](./a/02_two.md) - 重要 - 1 min',
      '- [three again](b/03_y.md) - 重要 - 1 min',
      '- [17.3](rust/17_3_async.md) - 重要 - 1 min',
      '- [17.3 again](rust/17_3_async.md) - 重要 - 1 min',
    ].join('\n'), 's/README.md', defaultConfig());
    const index = new ChapterNumberIndex(s);
    const two = index.resolve('02');
    assert.equal(two.kind, 'found');
    assert.equal(two.kind === 'found' && two.chapter, s.categories[0].chapters[0], 'the first listing names it');
    const seventeen = index.resolve('17');
    assert.equal(seventeen.kind === 'found' && seventeen.chapter.file, 's/rust/17_3_async.md', 'its only sub-chapter');
    const three = index.resolve('3');
    assert.deepEqual(three.kind === 'ambiguous' && three.candidates.map(c => c.file), ['s/a/03_x.md', 's/b/03_y.md']);
  });

  // Mutation testing: with depthOf not taking the series folder off the file's path, every test passed (the series
  // folder then adds the same depth to each chapter), yet a chapter outside the folder became the shallowest.
  it('counts depth from the series folder: a chapter in it wins over one linked from the parent folder', () => {
    const s = parseSeriesReadme([
      '## Chapters', '### A',
      '- [a](01_a.md) - 必讀 - 1 min',
      '- [b](../01_b.md) - 必讀 - 1 min',
    ].join('\n'), 'notes/rust/README.md', defaultConfig());
    const r = resolveChapterNumber(s, '01');
    assert.equal(r.kind === 'found' && r.chapter.file, 'notes/rust/01_a.md');
  });

  describe('sub-chapters (17_3 in the file name)', () => {
    const sub = parseSeriesReadme([
      '## Chapters', '### Rust',
      '- [16](rust/16_traits.md) - 必讀 - 1 min',
      '- [17.3](rust/17_3_async.md) - 必讀 - 1 min',
      '- [17.4](rust/17_4_tokio.md) - 必讀 - 1 min',
      '- [18.1](rust/18_1_macros.md) - 必讀 - 1 min',
      '- [20](rust/20_intro.md) - 必讀 - 1 min',
      '- [20.1](rust/20_1_more.md) - 必讀 - 1 min',
    ].join('\n'), 's/README.md', defaultConfig());
    const index = new ChapterNumberIndex(sub);
    const fileOf = (num: string): string | undefined => {
      const r = index.resolve(num);
      return r.kind === 'found' ? r.chapter.file : r.kind;
    };

    it('resolves 17.3, 17_3 and 17.03 to the 17_3 file, in the index and directly', () => {
      for (const n of ['17.3', '17_3', '17.03', '017_3']) {
        assert.equal(fileOf(n), 's/rust/17_3_async.md', n);
        const r = resolveChapterNumber(sub, n);
        assert.equal(r.kind === 'found' && r.chapter.file, 's/rust/17_3_async.md', n);
      }
      assert.equal(fileOf('17_4'), 's/rust/17_4_tokio.md');
      assert.equal(fileOf('17.5'), 'unknown');
    });

    it('a bare number with only sub-chapters: the one sub-chapter, or ambiguous among several', () => {
      assert.equal(fileOf('18'), 's/rust/18_1_macros.md');
      const r = index.resolve('17');
      assert.equal(r.kind, 'ambiguous');
      assert.deepEqual(r.kind === 'ambiguous' && r.candidates.map(c => c.file), ['s/rust/17_3_async.md', 's/rust/17_4_tokio.md']);
      assert.deepEqual(resolveChapterNumber(sub, '17'), r);
    });

    it('a chapter whose number is exactly the bare number wins over its sub-chapters', () => {
      assert.equal(fileOf('20'), 's/rust/20_intro.md');
      assert.equal(fileOf('20.1'), 's/rust/20_1_more.md');
    });

    it('numberKey reads both separators and drops leading zeros per part', () => {
      assert.equal(numberKey('17_3'), '17.3');
      assert.equal(numberKey('017.03'), '17.3');
      assert.equal(numberKey(' 01 '), '1');
    });
  });
});
