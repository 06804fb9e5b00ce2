import { strict as assert } from 'node:assert';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { FM, indexOf, observe } from './memoryWorkspace';

/**
 * Which series a change re-checks: the series rules read notes a README or matrix names wherever they lie (inside a
 * nested series, outside the series folder), and folders the matrix's cross-references name. After each edit the
 * index must say what a fresh load of the same files says.
 */

type Files = Record<string, string | Uint8Array>;
type Edit = ['write', string, string] | ['delete', string];

const LONG = 'Body text that is long enough to count as a written note. '.repeat(8) + '\n';
const TABLE = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n';
const series = (...chapters: string[]) => `# S\n\n## Chapters\n\n### Cat\n\n${chapters.map(c => `- [c](${c}) - 必讀 - 5 min`).join('\n')}\n`;
const matrix = (rows: string[], xrefs: string[] = []) =>
  `# M\n\n${TABLE}${rows.map(r => `| A | t | \`${r}\` | Done |\n`).join('')}\n## Cross-references\n\n${xrefs.map(x => `- ${x}\n`).join('')}`;

/**
 * Loads `start`, makes `edits` (the dependents built first, as the editor does) one at a time, and in one batch that
 * ends in slices (as the editor's load and its bulk changes do), and compares each index with a fresh load.
 */
async function assertFollows(start: Files, edits: Edit[]): Promise<WorkspaceIndex> {
  const files: Files = { ...start };
  for (const [kind, file, text] of edits) {
    if (kind === 'write') files[file] = text;
    else delete files[file];
  }
  const expected = observe(await indexOf(files), Object.keys(files));
  const indexes: WorkspaceIndex[] = [];
  for (const batch of [false, true]) {
    const index = await indexOf(start);
    index.buildDependents();
    if (batch) index.beginBatch();
    for (const [kind, file, text] of edits) {
      if (kind === 'write') index.updateNote(file, text);
      else index.removeFile(file);
    }
    if (batch) await index.endBatchAsync(async () => {}, 1);
    assert.deepEqual(observe(index, Object.keys(files)), expected, batch ? 'in a batch' : 'one edit at a time');
    indexes.push(index);
  }
  return indexes[0];
}

/** The seed matrix's layout: backend names chapters 17.3 to 17.6 of `rust/`, a series not written yet. */
const BACKEND: Files = {
  'backend/README.md': series('engineering/36_concurrency_patterns.md'),
  'backend/coverage_matrix.md': matrix(['engineering/36_concurrency_patterns.md'], ['`rust/17_3-17_6` <-> `engineering/36_concurrency_patterns.md`']),
  'backend/engineering/36_concurrency_patterns.md': FM('C') + LONG,
};

const codesIn = (index: WorkspaceIndex, file: string) => index.diagnostics(file).map(d => d.code);

/** Loads `start`, adds the file `file` that is no note, and compares with a fresh load. */
async function assertFollowsNewFile(start: Files, file: string): Promise<WorkspaceIndex> {
  const index = await indexOf(start);
  index.buildDependents();
  index.addFile(file);
  const files = { ...start, [file]: new Uint8Array([1]) };
  assert.deepEqual(observe(index, Object.keys(files)), observe(await indexOf(files), Object.keys(files)));
  return index;
}

describe('which series a change re-checks', () => {
  describe('the links of a note a matrix cross-references, in any series', () => {
    it('an outer matrix\'s side inside a nested series drops its link', async () => {
      const index = await assertFollows({
        'README.md': series('x/a.md', 'x/b.md'), 'coverage_matrix.md': matrix(['x/a.md', 'x/b.md'], ['`x/a.md` <-> `x/b.md`']),
        'x/README.md': series('a.md'), 'x/a.md': FM('A') + '[b](b.md)\n' + LONG, 'x/b.md': FM('B') + '[a](a.md)\n' + LONG,
      }, [['write', 'x/a.md', FM('A') + LONG]]);
      assert.deepEqual(codesIn(index, 'coverage_matrix.md'), ['xref-missing-link']);
    });

    it('the seed layout: chapter 17.4 of backend/rust, a series of its own, is written without a link back', async () => {
      const index = await assertFollows({ ...BACKEND, 'backend/rust/README.md': series('17_4_async.md') }, [['write', 'backend/rust/17_4_async.md', FM('Async') + LONG]]);
      assert.deepEqual(codesIn(index, 'backend/coverage_matrix.md'), ['xref-missing-link', 'xref-missing-link']);
    });

    it('a side outside the series folder (`../y/a.md`) drops its link', async () => {
      const index = await assertFollows({
        'x/README.md': series('01_b.md'), 'x/coverage_matrix.md': matrix(['01_b.md'], ['`../y/a.md` <-> `01_b.md`']),
        'y/a.md': FM('A') + '[b](../x/01_b.md)\n' + LONG, 'x/01_b.md': FM('B') + '[a](../y/a.md)\n' + LONG,
      }, [['write', 'y/a.md', FM('A') + LONG]]);
      assert.deepEqual(codesIn(index, 'x/coverage_matrix.md'), ['xref-missing-link']);
    });

    it('a note of a span outside the series folder (`../r/01-02`) drops its link', async () => {
      const index = await assertFollows({
        'x/README.md': series('01_b.md'), 'x/coverage_matrix.md': matrix(['01_b.md'], ['`../r/01-02` <-> `01_b.md`']),
        'x/01_b.md': FM('B') + '[a](../r/01_a.md)\n' + LONG, 'r/01_a.md': FM('A') + '[b](../x/01_b.md)\n' + LONG,
      }, [['write', 'r/01_a.md', FM('A') + LONG]]);
      assert.deepEqual(codesIn(index, 'x/coverage_matrix.md'), ['xref-missing-link']);
    });
  });

  describe('an outer series reading into a nested one', () => {
    it('a coverage file that is no note, inside a nested series, comes into being', async () => {
      const start = { 'README.md': series('x/a.md'), 'coverage_matrix.md': matrix(['x/diagram.png']), 'x/README.md': series('a.md') };
      const mismatches = (index: WorkspaceIndex) => codesIn(index, 'coverage_matrix.md').filter(c => c === 'coverage-status-mismatch');
      assert.equal(mismatches(await indexOf(start)).length, 1, 'Done with its file missing');
      assert.deepEqual(mismatches(await assertFollowsNewFile(start, 'x/diagram.png')), []);
    });

    it('a chapter inside a nested series turns draft', async () => {
      const index = await assertFollows({
        'README.md': series('x/a.md'), 'coverage_matrix.md': matrix(['x/a.md']), 'x/README.md': series('a.md'), 'x/a.md': FM('A') + LONG,
      }, [['write', 'x/a.md', FM('A').replace('status: active', 'status: draft') + LONG]]);
      assert.deepEqual(codesIn(index, 'coverage_matrix.md'), ['coverage-status-mismatch']);
    });

    it('the seed layout: backend/rust/README.md is written, so backend\'s `rust/17_3-17_6` names a folder that is there', async () => {
      const index = await assertFollows(BACKEND, [['write', 'backend/rust/README.md', series('17_1_ownership.md')]]);
      assert.deepEqual(codesIn(index, 'backend/coverage_matrix.md'), ['ref-broken']);
    });

    it('the root matrix\'s side `x/typo.md` lies in a folder that exists once x/README.md, a series, is written', async () => {
      await assertFollows({ 'README.md': series(), 'coverage_matrix.md': matrix([], ['`x/typo.md` <-> `README.md`']) }, [['write', 'x/README.md', series('b.md')]]);
    });
  });

  describe('a file a README or matrix names outside the series folder (`../y/a.md`)', () => {
    const draft = FM('A').replace('status: active', 'status: draft') + LONG;

    it('a matrix row\'s note turns draft, and written again', async () => {
      const start = { 'x/README.md': series('01_b.md'), 'x/coverage_matrix.md': matrix(['../y/a.md']), 'y/a.md': FM('A') + LONG };
      const index = await assertFollows(start, [['write', 'y/a.md', draft]]);
      assert.ok(codesIn(index, 'x/coverage_matrix.md').includes('coverage-status-mismatch'));
      await assertFollows({ ...start, 'y/a.md': draft }, [['write', 'y/a.md', FM('A') + LONG]]);
    });

    it('a README chapter\'s note turns draft', async () => {
      await assertFollows({ 'x/README.md': series('../y/a.md'), 'x/coverage_matrix.md': matrix(['../y/a.md']), 'y/a.md': FM('A') + LONG }, [['write', 'y/a.md', draft]]);
    });

    it('a coverage file that is no note (`../img/figure.png`, not a link of the matrix) comes into being, and goes again', async () => {
      const start = { 'x/README.md': series('01_b.md'), 'x/coverage_matrix.md': matrix(['../img/figure.png']) };
      const index = await assertFollowsNewFile(start, 'img/figure.png');
      assert.ok(!codesIn(index, 'x/coverage_matrix.md').includes('coverage-status-mismatch'));
      await assertFollows({ ...start, 'img/figure.png': new Uint8Array([1]) }, [['delete', 'img/figure.png']]);
    });
  });

  describe('a cross-reference side in a folder that does not exist (planned) until a file comes there', () => {
    const start = (side: string) => ({
      'x/README.md': series('01_b.md'), 'x/coverage_matrix.md': matrix(['01_b.md'], [`\`${side}\` <-> \`01_b.md\``]), 'x/01_b.md': FM('B') + LONG,
    });

    it('a file side (`../y/typo.md`): its folder comes into being, and goes again', async () => {
      const index = await assertFollows(start('../y/typo.md'), [['write', 'y/other.md', FM('O') + LONG]]);
      assert.deepEqual(codesIn(index, 'x/coverage_matrix.md'), ['ref-broken']);
      await assertFollows({ ...start('../y/typo.md'), 'y/other.md': FM('O') + LONG }, [['delete', 'y/other.md']]);
    });

    it('a span side (`../r/05-06`): its folder comes into being, and goes again', async () => {
      const index = await assertFollows(start('../r/05-06'), [['write', 'r/deep/other.md', FM('O') + LONG]]);
      assert.deepEqual(codesIn(index, 'x/coverage_matrix.md'), ['ref-broken']);
      await assertFollows({ ...start('../r/05-06'), 'r/deep/other.md': FM('O') + LONG }, [['delete', 'r/deep/other.md']]);
    });
  });
});
