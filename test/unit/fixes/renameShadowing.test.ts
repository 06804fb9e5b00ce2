import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

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
});
