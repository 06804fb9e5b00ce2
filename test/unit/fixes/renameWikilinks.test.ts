import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

describe('rename: wikilinks', () => {
  it('qualifies a new name that a note in the linking folder would take', async () => {
    const files: Files = { 'x/a.md': FM('A') + '[[b]] [[b|B]] [[b#h]]\n', 'x2/b.md': FM('Bee') + '# h\n', 'x/c.md': FM('Sea') };
    const moves = [{ from: 'x2/b.md', to: 'x2/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['x/a.md']), '[[x2/c]] [[x2/c|B]] [[x2/c#h]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('qualifies a name that two notes share even when resolution would pick the right one', async () => {
    const files: Files = { 'x/a.md': FM('A') + '[[b]]\n', 'x/b.md': FM('Bee'), 'y/c.md': FM('Sea') };
    const moves = [{ from: 'x/b.md', to: 'x/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['x/a.md']), '[[x/c]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('uses the shortest unique path suffix', async () => {
    const files: Files = { 'n/a.md': FM('A') + '[[b]]\n', 'p/q/b.md': FM('Bee'), 'r/q/c.md': FM('Sea'), 'n/c.md': FM('Sea2') };
    const moves = [{ from: 'p/q/b.md', to: 'p/q/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['n/a.md']), '[[p/q/c]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('rewrites a bare name whose note moves to where another same-named note wins', async () => {
    const files: Files = { 'x/a.md': FM('A') + '[[b]]\n', 'y/b.md': FM('B1'), 'zz/b.md': FM('B2') };
    const moves = [{ from: 'y/b.md', to: 'zzz/b.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['x/a.md']), '[[zzz/b]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('keeps a bare name that stays unique, and a path-like name as short as it was', async () => {
    const files: Files = { 'a.md': FM('A') + '[[b]] [[y/b]] [[b.md]]\n', 'x/y/b.md': FM('Bee') };
    const moves = [{ from: 'x/y/b.md', to: 'x/z/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[[c]] [[z/c]] [[c.md]]\n');
    assertLinksFollow(r, files, moves);
  });
});

describe('rename: wikilinks of a note that moves next to a same-named note', () => {
  it('anchors a bare name at the root when the note moves into a folder with another b.md', async () => {
    const files: Files = { 'n.md': FM('N') + '[[b]] [[b|Bee]] [[b#h]] [[b.md]]\n', 'b.md': FM('Bee root') + '# h\n', 'x/b.md': FM('Bee x') };
    const moves = [{ from: 'n.md', to: 'x/n.md' }];
    const r = await rename(files, moves);
    assert.deepEqual(r.skipped, []);
    assert.equal(body(r.after['x/n.md']), '[[/b]] [[/b|Bee]] [[/b#h]] [[/b.md]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('uses the shortest folder path that leads to the note alone', async () => {
    const files: Files = { 'n.md': FM('N') + '[[q/b|Q]] [[p/q/b]]\n', 'p/q/b.md': FM('Bee'), 'x/q/b.md': FM('Bee x'), 'y/p/q/b.md': FM('Bee y') };
    const moves = [{ from: 'n.md', to: 'x/q/n.md' }];
    const r = await rename(files, moves);
    assert.deepEqual(r.skipped, []);
    // the second one still leads there as written (the nearest of the two notes it names)
    assert.equal(body(r.after['x/q/n.md']), '[[/p/q/b|Q]] [[p/q/b]]\n');
    assertLinksFollow(r, files, moves);
  });

  it('a link to a note that moves next to a same-named note', async () => {
    const files: Files = { 'n.md': FM('N') + '[[b]]\n', 'b.md': FM('Bee root'), 'y/b.md': FM('Bee y'), 'y/b2.md': FM('B2') };
    const moves = [{ from: 'y/b.md', to: 'c.md' }, { from: 'y/b2.md', to: 'b2.md' }];
    const r = await rename(files, moves);
    assert.deepEqual(r.skipped, []);
    assertLinksFollow(r, files, moves);
  });
});
