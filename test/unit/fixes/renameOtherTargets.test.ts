import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

/** Rename keeps what a link holds besides its path, and follows links to files that are not notes and to folders. */
describe('rename: queries, file wikilinks and folders', () => {
  it('keeps a `?query` when it rewrites the path before it', async () => {
    const files: Files = { 'a.md': FM('A') + '[b](b.md?plain=1#L5) ![d](img/d.png?raw=true)\n', 'b.md': FM('B'), 'img/d.png': '' };
    const moves = [{ from: 'b.md', to: 'notes/c.md' }, { from: 'img/d.png', to: 'pics/e.png' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[b](notes/c.md?plain=1#L5) ![d](pics/e.png?raw=true)\n');
    assertLinksFollow(r, files, moves);
  });

  it('renames a wikilink that names a file that is not a note (`![[diagram.png]]`)', async () => {
    const files: Files = { 'a.md': FM('A') + '![[d.png]] [[img/d.png|the diagram]]\n', 'img/d.png': '' };
    const moves = [{ from: 'img/d.png', to: 'pics/e.png' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '![[e.png]] [[pics/e.png|the diagram]]\n');
    assert.deepEqual(r.skipped, []);
    assertLinksFollow(r, files, moves);
  });
  it('follows links to folders: the folder moving, and the note holding the link moving', async () => {
    const files: Files = {
      'a.md': FM('A') + '[Rust](rust/) [guide](rust?x=1#top) [here](.)\n',
      'rust/01_intro.md': FM('Intro'),
      'rust/02_more.md': FM('More') + '[up](../)\n',
    };
    let r = await rename(files, [{ from: 'rust', to: 'lang/rustlang' }]);
    assert.equal(body(r.after['a.md']), '[Rust](lang/rustlang/) [guide](lang/rustlang?x=1#top) [here](.)\n');
    assert.equal(body(r.after['lang/rustlang/02_more.md']), '[up](../../)\n');
    r = await rename(files, [{ from: 'a.md', to: 'notes/deep/a.md' }]);
    assert.equal(body(r.after['notes/deep/a.md']), '[Rust](../../rust/) [guide](../../rust?x=1#top) [here](../../)\n');
  });

  it('a folder move leaves a sibling folder whose name starts the same alone', async () => {
    // isInside(file, folder) must match whole folders: with `startsWith(folder)` instead of `folder + '/'`, moving
    // `rust` took `rustacean/x.md` along as `lang/rustlangacean/x.md` and rewrote the link to it into a broken one
    const files: Files = {
      'a.md': FM('A') + '[r](rust/01_intro.md) [x](rustacean/x.md)\n',
      'rust/01_intro.md': FM('Intro'),
      'rustacean/x.md': FM('X'),
    };
    const moves = [{ from: 'rust', to: 'lang/rustlang' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[r](lang/rustlang/01_intro.md) [x](rustacean/x.md)\n');
    assertLinksFollow(r, files, moves);
  });
});
