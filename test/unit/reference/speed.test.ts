import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { parseStructureTree } from '../../../src/core/reference/structureTree';
import { generateCorpus } from '../../bench/corpus';

/**
 * CPU milliseconds per call (CPU time, not wall time: the machine may be loaded): after a warm-up,
 * the best mean of three batches of `reps` calls.
 */
function cpuPerCall(fn: () => unknown, reps: number): number {
  for (let i = 0; i < Math.min(reps, 10); i++) fn();
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = process.cpuUsage();
    for (let i = 0; i < reps; i++) fn();
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000 / reps);
  }
  return best;
}

describe('fast structural tree speed', () => {
  const corpus = generateCorpus({ notes: 2000, seed: 42 });
  const corpusFile = (p: string): string => (corpus.find(f => f.path === p) as { text: string }).text;
  const docs: [string, string][] = [
    ['seed README', readFileSync('test/fixtures/seeds/README.md', 'utf8')],
    ['seed matrix', readFileSync('test/fixtures/seeds/coverage_matrix.md', 'utf8')],
    ['corpus README', corpusFile('README.md')],
    ['corpus matrix', corpusFile('coverage_matrix.md')],
  ];

  it('the corpus matrix is a 24 KB table', () => {
    const matrix = corpusFile('coverage_matrix.md');
    assert.ok(matrix.length >= 23_000, String(matrix.length));
  });

  for (const [name, text] of docs) {
    it(`is at least 20x faster than remark on the ${name} (CPU time)`, () => {
      assert.ok(parseStructureTree(text), 'fast path taken');
      const remark = cpuPerCall(() => parseMarkdownTree(text), 2);
      const fast = cpuPerCall(() => parseStructureTree(text), 40);
      const ratio = remark / fast;
      console.log(`      ${name}: ${text.length} chars, remark ${remark.toFixed(1)} ms, fast ${fast.toFixed(2)} ms CPU, ${ratio.toFixed(0)}x`);
      assert.ok(ratio >= 20, `${name}: remark ${remark.toFixed(1)} ms vs fast ${fast.toFixed(2)} ms = ${ratio.toFixed(1)}x`);
    });
  }
});
