import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

/** Rename keeps what a link holds besides its path, and follows links to files that are not notes. */
describe('rename: queries and file wikilinks', () => {
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
});
