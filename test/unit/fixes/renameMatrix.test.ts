import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { body, fileMovesOf, rename, type Files } from './renameHarness';

const README = '# S\n\n## Chapters\n\n### A\n\n- [01](basics/01.md) - 必讀 - 1 min\n- [17_3](rust/17_3_a.md) - 必讀 - 1 min\n- [17_4](rust/17_4_b.md) - 必讀 - 1 min\n';
const MATRIX = (xref: string) => '# C\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
  + '| R | A | `rust/17_3_a.md` | Done |\n\n## Cross-references\n\n' + xref + '\n';

function series(xref = '- `basics/01.md` <-> `rust/17_3-17_6`'): Files {
  return {
    's/README.md': README,
    's/coverage_matrix.md': MATRIX(xref),
    's/basics/01.md': FM('One') + '[a](../rust/17_3_a.md)\n',
    's/rust/17_3_a.md': FM('A') + '[o](../basics/01.md)\n',
    's/rust/17_4_b.md': FM('B') + '[o](../basics/01.md)\n',
  };
}

/** The folder move as the extension hands it over: one move per file. */
function asFileMoves(files: Files, from: string, to: string) {
  return [...fileMovesOf(files, [{ from, to }])].map(([f, t]) => ({ from: f, to: t }));
}

describe('rename and the coverage matrix', () => {
  it('rewrites a cross-reference range when its folder is renamed', async () => {
    const files = series();
    const r = await rename(files, [{ from: 's/rust', to: 's/rustlang' }]);
    assert.match(r.after['s/coverage_matrix.md'], /- `basics\/01\.md` <-> `rustlang\/17_3-17_6`\n/);
    assert.match(r.after['s/coverage_matrix.md'], /`rustlang\/17_3_a\.md`/);
    const cov = r.index.coverage(r.index.series()[0])!;
    assert.equal(cov.xrefs[0].b.span?.folder, 's/rustlang');
    assert.deepEqual(r.index.diagnostics('s/coverage_matrix.md').map(d => d.code), r.before.diagnostics('s/coverage_matrix.md').map(d => d.code));
  });

  it('does so for the per-file moves the editor reports, and for a range on the left or with dots', async () => {
    const files = series('- `rust/17.3-17.6` <-> `basics/01.md`');
    const r = await rename(files, asFileMoves(files, 's/rust', 's/lang/rust'));
    assert.match(r.after['s/coverage_matrix.md'], /- `lang\/rust\/17\.3-17\.6` <-> `basics\/01\.md`\n/);
  });

  it('leaves the range alone when the whole series moves, or when only some of the folder moves', async () => {
    const files = series();
    const whole = await rename(files, [{ from: 's', to: 'backend' }]);
    assert.equal(whole.after['backend/coverage_matrix.md'], files['s/coverage_matrix.md']);
    const part = await rename(files, [{ from: 's/rust/17_4_b.md', to: 's/other/17_4_b.md' }]);
    assert.match(part.after['s/coverage_matrix.md'], /`rust\/17_3-17_6`/);
  });
});

describe('rename: matrix paths stay relative to the series folder', () => {
  const files = (): Files => ({
    's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](basics/01.md) - 必讀 - 1 min\n- [02](basics/02.md) - 必讀 - 1 min\n',
    's/coverage_matrix.md': '# C\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
      + '| A | One | `basics/01.md` | Pending |\n| A | Two | `basics/02.md` | Pending |\n\n## Cross-references\n\n- `basics/01.md` <-> `basics/02.md`\n',
    's/basics/01.md': FM('One') + 'x\n',
    's/basics/02.md': FM('Two') + '[o](01.md)\n',
  });

  it('a chapter moved out of its series is written ../ from the series folder in cells and cross-references', async () => {
    const r = await rename(files(), [{ from: 's/basics/01.md', to: 'shared/01.md' }]);
    const matrix = r.after['s/coverage_matrix.md'];
    assert.match(matrix, /\| A \| One \| `\.\.\/shared\/01\.md` \| Pending \|/);
    assert.match(matrix, /- `\.\.\/shared\/01\.md` <-> `basics\/02\.md`/);
    const cov = r.index.coverage(r.index.series()[0])!;
    assert.deepEqual(cov.rows.map(row => row.files.map(f => f.file)), [['shared/01.md'], ['s/basics/02.md']]);
    assert.deepEqual(cov.xrefs.map(x => [x.a.file, x.b.file]), [['shared/01.md', 's/basics/02.md']]);
  });
});

describe('rename: planned chapters follow their folder', () => {
  const files = (): Files => ({
    's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](sys/01.md) - 必讀 - 1 min\n- [02](sys/02.md) - 必讀 - 1 min\n',
    's/coverage_matrix.md': '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n'
      + '| a | b | `sys/01.md`, `sys/02.md` | Pending |\n\n## Cross-references\n\n- `sys/01.md` <-> `sys/02.md`\n',
    's/sys/01.md': FM('One') + '[two](02.md) [out](../other/09.md)\n',
    's/intro.md': FM('Intro') + 'next: `sys/03.md`\n',
    'x.md': FM('X') + '[three](s/sys/03.md#top)\n',
  });

  it('a folder rename carries links to its missing files along; links inside it stay as written', async () => {
    const f = files();
    // as a folder move, and as the editor hands it over (each file, then the folder)
    for (const moves of [[{ from: 's/sys', to: 's/system' }], [...asFileMoves(f, 's/sys', 's/system'), { from: 's/sys', to: 's/system' }]]) {
      const r = await rename(f, moves);
      assert.equal(body(r.after['s/system/01.md']), '[two](02.md) [out](../other/09.md)\n');
      assert.match(r.after['s/README.md'], /- \[01\]\(system\/01\.md\) .*\n- \[02\]\(system\/02\.md\) /);
      assert.match(r.after['s/coverage_matrix.md'], /\| `system\/01\.md`, `system\/02\.md` \|/);
      assert.match(r.after['s/coverage_matrix.md'], /- `system\/01\.md` <-> `system\/02\.md`/);
      assert.equal(body(r.after['s/intro.md']), 'next: `system/03.md`\n');
      assert.equal(body(r.after['x.md']), '[three](s/system/03.md#top)\n');
      assert.deepEqual(r.skipped, []);
    }
  });
});
