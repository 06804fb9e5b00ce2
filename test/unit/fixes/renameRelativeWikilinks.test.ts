import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

describe('rename: relative wikilinks stay relative', () => {
  it('rewrites `[[./b]]` and `[[../y/b]]` as the path from the linking note, keeping alias, heading and `.md`', async () => {
    const files: Files = {
      'x/a.md': FM('A') + '[[./b]] [[./b|Bee]] [[./b#h]] [[./b.md]]\n', 'z/c.md': FM('C') + '[[../x/b]]\n', 'x/b.md': FM('B') + '# h\n',
    };
    const moves = [{ from: 'x/b.md', to: 'y/q/b2.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['x/a.md']), '[[../y/q/b2]] [[../y/q/b2|Bee]] [[../y/q/b2#h]] [[../y/q/b2.md]]\n');
    assert.equal(body(r.after['z/c.md']), '[[../y/q/b2]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('rewrites the relative wikilinks of a note that moves, and keeps those that still lead', async () => {
    const files: Files = { 'x/a.md': FM('A') + '[[../b]] [[./c]]\n', 'b.md': FM('B'), 'x/c.md': FM('C') };
    const moves = [{ from: 'x/a.md', to: 'b/d/a.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['b/d/a.md']), '[[../../b]] [[../../x/c]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('a folder move keeps links inside it as they are, and writes `./` for a target now beside the note', async () => {
    const files: Files = { 'x/a.md': FM('A') + '[[./b]] [[../y/c]]\n', 'x/b.md': FM('B'), 'y/c.md': FM('C') };
    const r1 = await rename(files, [{ from: 'x', to: 'w/x' }]);
    assert.equal(body(r1.after['w/x/a.md']), '[[./b]] [[../../y/c]]\n');
    assertLinksFollow(r1, files, [{ from: 'x', to: 'w/x' }]);
    const r2 = await rename(files, [{ from: 'y/c.md', to: 'x/c.md' }]);
    assert.equal(body(r2.after['x/a.md']), '[[./b]] [[./c]]\n');
    assertLinksFollow(r2, files, [{ from: 'y/c.md', to: 'x/c.md' }]);
  });
});
