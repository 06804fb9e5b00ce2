import { strict as assert } from 'node:assert';
import { codes, FM, indexOf } from './memoryWorkspace';

/** `[[./note]]`, `[[../other/note]]`: Obsidian's "relative path" link format and Foam write them from the note's folder. */
describe('relative wikilinks', () => {
  it('resolve from the linking note\'s folder, `.md` appended, in any case, with alias and heading', async () => {
    const index = await indexOf({
      'x/a.md': FM('A') + '[[./b]] [[./B|bee]] [[../other/c#Setup]] [[../other/C.md|see]] [[./sub/d]] [[../e.png]]\n',
      'x/b.md': FM('B'), 'other/c.md': FM('C') + '## Setup\n', 'x/sub/d.md': FM('D'), 'e.png': '',
    });
    assert.deepEqual(codes(index, 'x/a.md'), []);
    assert.deepEqual(index.backlinks('other/c.md').map(b => b.from), ['x/a.md', 'x/a.md']);
    const r = index.resolve('x/a.md', index.note('x/a.md')!.scan.links[2]);
    assert.deepEqual(r.kind === 'file' && [r.file, r.fragment], ['other/c.md', 'Setup']);
  });

  it('read only the path written: no note of that name elsewhere, no title, and a broken heading is still one', async () => {
    const index = await indexOf({
      'x/a.md': FM('A') + '[[./c]]\n[[../b]]\n[[./Bee]]\n[[../other/c#nope]]\n',
      'x/b.md': FM('Bee'), 'other/c.md': FM('C') + '## Setup\n',
    });
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken', 'wikilink-broken', 'wikilink-broken', 'link-anchor-broken']);
  });

  it('a `..` that leaves the workspace is link-outside-workspace, never read', async () => {
    const index = await indexOf({ 'x/a.md': FM('A') + '[[../../b]] [[./../b]]\n', 'b.md': FM('B') });
    assert.deepEqual(codes(index, 'x/a.md'), ['link-outside-workspace']);
    assert.deepEqual(index.backlinks('b.md').map(b => b.from), ['x/a.md']);
  });

  it('ordinary and rooted wikilinks keep resolving as before', async () => {
    const index = await indexOf({ 'x/a.md': FM('A') + '[[b]] [[/b]] [[x/b]] [[.b]]\n', 'x/b.md': FM('B'), 'b.md': FM('B0'), 'x/.b.md': FM('Dot') });
    assert.deepEqual(codes(index, 'x/a.md'), []);
  });

  it('re-check the linking note when the target appears and disappears', async () => {
    const index = await indexOf({ 'x/a.md': FM('A') + '[[../b]] [[./sub/C|c]]\n', 'x/other.md': FM('O') });
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken', 'wikilink-broken']);
    let changed = index.updateNote('b.md', FM('B'));
    assert.ok(changed.includes('x/a.md'));
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken']);
    changed = index.updateNote('x/sub/c.md', FM('C'));
    assert.ok(changed.includes('x/a.md'));
    assert.deepEqual(codes(index, 'x/a.md'), []);
    changed = index.removeFile('b.md');
    assert.ok(changed.includes('x/a.md'));
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken']);
  });

  it('re-check the linking note when a plain file it names appears', async () => {
    const index = await indexOf({ 'x/a.md': FM('A') + '[[../img/e.png]]\n' });
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken']);
    const changed = index.addFile('img/e.png');
    assert.ok(changed.includes('x/a.md'));
    assert.deepEqual(codes(index, 'x/a.md'), []);
  });

  it('a relative wikilink ending in `/` names a folder, never the note of that name beside it', async () => {
    // `[[./guide/]]` names no note: with the trailing `/` ignored it matched guide.md and went unreported
    const index = await indexOf({
      'x/a.md': FM('A') + '[[./guide/]] [[./guide]]\n',
      'x/guide.md': FM('G'), 'x/guide/y.md': FM('Y'),
    });
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken']);
    assert.equal(index.diagnostics('x/a.md')[0].range.start.character, 2, 'the first wikilink');
  });
});
