import { strict as assert } from 'node:assert';
import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { all, FM, indexOf } from './memoryWorkspace';

/**
 * Paths the editor hides (VS Code's `files.exclude`, `NotesConfig.unlistedGlobs`): the listing skips them, so the
 * index holds none of their files, and nothing is known about them. A README chapter there is not planned, and
 * everything that asks whether a chapter's file exists (the README check, coverage, the Series tree) answers alike.
 */

const BODY = `# Body\n\n${'Some text. '.repeat(30)}\n`;
const README = FM('S') + '# S\n\n## Chapters\n\n### A\n\n- [01_x](a/01_x.md) - 必讀 - 10 min\n- [02_y](hidden/02_y.md) - 必讀 - 10 min\n';
const HIDDEN: NotesConfig = { ...defaultConfig(), unlistedGlobs: ['s/hidden'] };

describe('paths the editor hides: what counts as existing', () => {
  it('a chapter in a hidden folder is taken to exist, and is not planned', async () => {
    // as the editor lists it: s/hidden/02_y.md is on disk but not listed
    const index = await indexOf({ 's/README.md': README, 's/a/01_x.md': FM('X') + BODY }, HIDDEN);
    assert.equal(index.hasFile('s/hidden/02_y.md'), false, 'not listed');
    assert.equal(index.takenToExist('s/hidden/02_y.md'), true);
    assert.equal(index.fileStateOf('s/hidden/02_y.md'), 'written');
    assert.equal(index.takenToExist('s/a/01_x.md'), true);
    assert.equal(index.takenToExist('s/a/03_z.md'), false, 'a listed folder: a file it lacks does not exist');
    assert.deepEqual(all(index).map(d => d.code), []);
  });

  it('the same chapter, listed folder, missing file: planned', async () => {
    const index = await indexOf({ 's/README.md': README, 's/a/01_x.md': FM('X') + BODY });
    assert.equal(index.takenToExist('s/hidden/02_y.md'), false);
    assert.equal(index.fileStateOf('s/hidden/02_y.md'), 'missing');
    assert.deepEqual(all(index).map(d => [d.code, d.range.start.line]), [['chapter-planned', 16]]);
  });

  it('follows the configuration: a folder hidden later is taken to exist, shown again it is not', async () => {
    const index = await indexOf({ 's/README.md': README, 's/a/01_x.md': FM('X') + BODY });
    index.setConfig(HIDDEN);
    assert.equal(index.takenToExist('s/hidden/02_y.md'), true);
    assert.deepEqual(all(index).map(d => d.code), []);
    index.setConfig(defaultConfig());
    assert.equal(index.takenToExist('s/hidden/02_y.md'), false);
    assert.deepEqual(all(index).map(d => d.code), ['chapter-planned']);
  });
});

describe('paths the editor hides: the coverage matrix', () => {
  const HEAD = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n';
  const readme = FM('S') + '# S\n\n## Chapters\n\n### A\n\n- [01_x](a/01_x.md) - 必讀 - 10 min\n- [02_y](hidden/02_y.md) - 必讀 - 10 min\n'
    + '- [03_z](hidden/03_z.md) - 必讀 - 10 min\n- [04_w](a/04_w.md) - 必讀 - 10 min\n';
  const matrix = HEAD + '| A | X | `a/01_x.md` | Done |\n| A | Y | `hidden/02_y.md` | Pending |\n| A | Z | `hidden/03_z.md` | Done |\n'
    + '| A | W | `a/04_w.md`, `hidden/02_y.md` | Done |\n';
  const files = { 's/README.md': readme, 's/coverage_matrix.md': matrix, 's/a/01_x.md': FM('X') + BODY };

  it('a row naming a hidden file keeps its declared status unless a known file contradicts it', async () => {
    const index = await indexOf(files, HIDDEN);
    // Pending and Done rows of hidden files both stand; the last row names a known missing file: not done
    assert.deepEqual(index.diagnostics('s/coverage_matrix.md').map(d => [d.code, d.range.start.line, d.message]), [
      ['coverage-status-mismatch', 5, 'status is "Done" but a/04_w.md does not exist: expected "In Progress"'],
    ]);
    assert.deepEqual(index.diagnostics('s/README.md').map(d => [d.code, d.range.start.line]), [['chapter-planned', 18]]);
    const s = index.series()[0];
    assert.deepEqual(index.computeCoverage(s).map(r => r.computed), ['done', 'pending', 'done', 'in-progress']);
  });

  it('listed again, the files decide', async () => {
    const index = await indexOf(files, HIDDEN);
    index.setConfig(defaultConfig());
    assert.deepEqual(index.diagnostics('s/coverage_matrix.md').map(d => [d.code, d.range.start.line]), [
      ['coverage-status-mismatch', 4], ['coverage-status-mismatch', 5],
    ]);
  });
});

describe('paths the editor hides: wikilinks by file name', () => {
  // s/hidden/Secret_Plan.md is on disk but hidden: the editor lists its name (setHiddenNotes), never its text
  const LINKS = FM('Links') + '# Links\n\n[[secret_plan]] [[hidden/SECRET_PLAN.md]] [[Secret_Plan#Anything]] [[The Plan]] [[nowhere]]\n';
  const files = { 's/links.md': LINKS };
  const broken = (index: Awaited<ReturnType<typeof indexOf>>) =>
    index.diagnostics('s/links.md').filter(d => d.code === 'wikilink-broken').map(d => String(d.data?.path));

  it('resolve to a hidden note by its file name, case-insensitively, without reading or indexing it', async () => {
    const index = await indexOf(files, HIDDEN);
    assert.deepEqual(broken(index), ['secret_plan', 'hidden/SECRET_PLAN.md', 'Secret_Plan', 'The Plan', 'nowhere'], 'nothing known of it yet');
    const changed = index.setHiddenNotes(['s/hidden/Secret_Plan.md']);
    assert.ok(changed.includes('s/links.md'), 'the note linking to it is checked again');
    // by title ("The Plan" is inside the hidden note, which is never read): still broken, as is a name no file has
    assert.deepEqual(broken(index), ['The Plan', 'nowhere']);
    // its headings are not known: the fragment is not checked (no link-anchor-broken)
    assert.deepEqual(index.diagnostics('s/links.md').map(d => d.code), ['wikilink-broken', 'wikilink-broken']);
    const link = index.note('s/links.md')!.scan.links.find(l => l.path === 'Secret_Plan')!;
    assert.deepEqual(index.resolve('s/links.md', link), { kind: 'file', file: 's/hidden/Secret_Plan.md', exists: true, fragment: 'Anything', isNote: false });
    assert.equal(index.note('s/hidden/Secret_Plan.md'), undefined);
    assert.equal(index.hasFile('s/hidden/Secret_Plan.md'), false);
    assert.deepEqual(index.diagnostics('s/hidden/Secret_Plan.md'), []);
  });

  it('a listed note of the same name in the linking note\'s folder is preferred, and a hidden note gone is broken again', async () => {
    const index = await indexOf({ ...files, 's/secret_plan.md': FM('Listed') + BODY }, HIDDEN);
    index.setHiddenNotes(['s/hidden/Secret_Plan.md']);
    const link = index.note('s/links.md')!.scan.links.find(l => l.path === 'secret_plan')!;
    assert.deepEqual(index.resolve('s/links.md', link), { kind: 'file', file: 's/secret_plan.md', exists: true, fragment: undefined, isNote: true });
    index.removeFile('s/secret_plan.md');
    assert.deepEqual(broken(index), ['The Plan', 'nowhere']);
    assert.ok(index.setHiddenNotes([]).includes('s/links.md'));
    assert.deepEqual(broken(index), ['secret_plan', 'hidden/SECRET_PLAN.md', 'Secret_Plan', 'The Plan', 'nowhere']);
  });
});
