import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, targetsOf, type Files } from './renameHarness';

/**
 * A moved file can take over links to files that stay: a wikilink finds a note by file name before one by title
 * and picks the nearest of same-named notes, a backtick path tries the note folder before the series folder, and
 * `[x](x)` finds a file `x` before `x.md`. Those links are rewritten to keep their target.
 */
describe('rename: a moved file does not take over links to other files', () => {
  it('a wikilink to a same-named note elsewhere, by file name or by title', async () => {
    const files: Files = { 'a.md': FM('A') + '[[c]] [[c|see c]] [[Intro#h]]\n', 'other/c.md': FM('C other'), 'x/01.md': FM('Intro') + '# h\n', 'b.md': FM('B'), 'd.md': FM('D') };
    const moves = [{ from: 'b.md', to: 'c.md' }, { from: 'd.md', to: 'intro.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[[other/c]] [[other/c|see c]] [[01#h]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('a backtick path that the series folder answered, when the moved file lands in the note folder', async () => {
    const files: Files = {
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](sys/01.md) - 必讀 - 1 min\n',
      's/sys/01.md': FM('One') + 'see `x.md`\n', 's/x.md': FM('X series'), 'b.md': FM('B'),
    };
    const moves = [{ from: 'b.md', to: 's/sys/x.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['s/sys/01.md']), 'see `../x.md`\n');
    assertLinksFollow(r, files, moves);
  });

  it('a link without extension, when a file moves to the bare name', async () => {
    const files: Files = { 'a.md': FM('A') + '[x](x#top) [y](y)\n', 'x.md': FM('X') + '# top\n', 'y.md': FM('Y'), 'b.png': '' };
    const moves = [{ from: 'b.png', to: 'x' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[x](x.md#top) [y](y)\n');
    assertLinksFollow(r, files, moves);
  });

  it('a wikilink is not rewritten to a name a hidden (files.exclude) note answers too, nor taken from one', async () => {
    const files: Files = { 'a.md': FM('A') + '[[b]] [[c]]\n', 'xx/b.md': FM('Bt'), 'd.md': FM('Dt') };
    const hidden = ['h/c.md', 'h/deep/e.md'];
    // [[c]] names the hidden h/c.md; xx/b.md becomes a second c, and d.md (nearer: same folder) a second e
    const moves = [{ from: 'xx/b.md', to: 'xx/c.md' }];
    const r = await rename(files, moves, { hidden });
    assert.equal(body(r.after['a.md']), '[[xx/c]] [[c]]\n');
    assertLinksFollow(r, files, moves);
    const taken = await rename({ ...files, 'a.md': FM('A') + '[[e]]\n' }, [{ from: 'd.md', to: 'e.md' }], { hidden });
    assert.equal(body(taken.after['a.md']), '[[deep/e]]\n');
    assert.deepEqual(targetsOf(taken.index, 'a.md'), ['h/deep/e.md']);
  });
});

describe('rename: the workspace after the move reads links as the index does', () => {
  it('leaves a link through a folder alias (a symbolic link) as written', async () => {
    const config = { ...defaultConfig(), folderAliases: [{ alias: 'lnk', target: 'real' }] };
    const files: Files = { 'a.md': FM('A') + '[x](lnk/b.md) [y](c.md)\n', 'real/b.md': FM('Bt'), 'c.md': FM('Ct') };
    const moves = [{ from: 'c.md', to: 'd.md' }];
    const r = await rename(files, moves, { config });
    assert.equal(body(r.after['a.md']), '[x](lnk/b.md) [y](d.md)\n');
  });

  it('leaves a backtick path into a folder that is never listed as written', async () => {
    const config = { ...defaultConfig(), unlistedFolders: ['vendor'] };
    const files: Files = { 's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01](sys/01.md) - 必讀 - 1 min\n', 's/sys/01.md': FM('One') + '`vendor/x.md`\n' };
    const moves = [{ from: 's/sys/01.md', to: 's/sys2/01.md' }];
    const r = await rename(files, moves, { config });
    assert.equal(body(r.after['s/sys2/01.md']), '`vendor/x.md`\n');
    assert.deepEqual(targetsOf(r.index, 's/sys2/01.md'), ['vendor/x.md']);
  });
});
