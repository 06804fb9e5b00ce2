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
