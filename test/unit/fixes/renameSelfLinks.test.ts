import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

/** A note's links to itself keep the form the author wrote: a file name stays a file name, `#x` stays `#x`. */
describe('rename: links of a note to itself', () => {
  it('a self-link written with the file name gets the new name, not a bare fragment', async () => {
    const files: Files = { 'a.md': FM('Alpha') + '# x\n\n[self](a.md#x) [bare](a#x) [frag](#x) [[a#x]]\n' };
    const moves = [{ from: 'a.md', to: 'z.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['z.md']), '# x\n\n[self](z.md#x) [bare](z#x) [frag](#x) [[z#x]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('a self-link of a note moved into another folder', async () => {
    const files: Files = { 'a.md': FM('A') + '# x\n\n[self](a.md#x) [top](./a.md) [frag](#x)\n', 'b.md': FM('B') + '[a](a.md#x)\n' };
    const moves = [{ from: 'a.md', to: 'sub/z.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['sub/z.md']), '# x\n\n[self](z.md#x) [top](./z.md) [frag](#x)\n');
    assert.equal(body(r.after['b.md']), '[a](sub/z.md#x)\n');
    assertLinksFollow(r, files, moves);
  });

  it('a self-link whose fragment is all it needs stays as written when the note does not move', async () => {
    const files: Files = { 'a.md': FM('A') + '# x\n\n[frag](#x) [self](a.md#x)\n', 'c.md': FM('C') };
    const moves = [{ from: 'c.md', to: 'd.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '# x\n\n[frag](#x) [self](a.md#x)\n');
  });
});
