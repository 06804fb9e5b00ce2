import { strict as assert } from 'node:assert';
import { fixesFor } from '../../../src/core/fixes/index';
import { cannotName } from '../../../src/core/fixes/rename';
import { FM, indexOf } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

describe('rename to names with #, %, parentheses or |', () => {
  it('escapes # in Markdown destinations (it would start the fragment)', async () => {
    const files: Files = { 'a.md': FM('A') + '[x](b.md) [y](b.md#h) [z](<b.md#h>)\n', 'b.md': FM('B') + '# h\n' };
    const moves = [{ from: 'b.md', to: 'lang/C#_basics.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[x](lang/C%23_basics.md) [y](lang/C%23_basics.md#h) [z](<lang/C%23_basics.md#h>)\n');
    assertLinksFollow(r, files, moves);
  });

  it('rewrites the own links of notes in a folder whose name has #, and links into a folder with #', async () => {
    const files: Files = { 'C#/x.md': FM('X') + '[y](../y.md)\n', 'y.md': FM('Y') + '[x](C%23/x.md) [z](z.md)\n', 'z.md': FM('Z') + '[y](y.md)\n' };
    const moves = [{ from: 'C#', to: 'csharp' }, { from: 'z.md', to: 'F#/z.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['y.md']), '[x](csharp/x.md) [z](F%23/z.md)\n');
    assert.equal(body(r.after['F#/z.md']), '[y](../y.md)\n');
    assertLinksFollow(r, files, moves);
  });

  it('escapes | and unbalanced parentheses, which would break a table row or end the link', async () => {
    const files: Files = { 'a.md': FM('A') + '| a |\n|---|\n| [y](b.md) |\n\n[z](b.md)\n', 'b.md': FM('B') };
    const moves = [{ from: 'b.md', to: 'new|name (1.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '| a |\n|---|\n| [y](new%7Cname%20%281.md) |\n\n[z](new%7Cname%20%281.md)\n');
    assertLinksFollow(r, files, moves);
  });

  it('escapes ? in destinations (it would start a query, which resolution drops), keeping a query as written', async () => {
    const files: Files = { 'a.md': FM('A') + '[x](d/b.md) ![i](d/p.png) ![q](d/p.png?raw=true) <img src="d/p.png"> [c](c.md)\n', 'd/b.md': FM('Bt'), 'd/p.png': 'x', 'c.md': FM('Ct') };
    const moves = [{ from: 'd', to: 'why?' }, { from: 'c.md', to: 'what?.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[x](why%3F/b.md) ![i](why%3F/p.png) ![q](why%3F/p.png?raw=true) <img src="why%3F/p.png"> [c](what%3F.md)\n');
    assert.deepEqual(r.skipped, []);
    assertLinksFollow(r, files, moves);
  });

  it('gives a Markdown link or image left unchanged a reason of its own (not the wikilink one)', () => {
    for (const kind of ['link', 'image'] as const) assert.match(cannotName({ kind }), /^no relative path leads to the new path/);
    assert.match(cannotName({ kind: 'wikilink' }), /^no wikilink names the note/);
    assert.match(cannotName({ kind: 'ref' }), /^no backtick path leads/);
  });

  it('writes ./ before a new name whose first segment reads as a URL scheme (`Kafka:` would make the link external)', async () => {
    const files: Files = { 'a.md': FM('A') + '[x](b.md) [y](b) ![i](<b.md>) <a href="b.md">h</a> [f](d/c.md)\n', 'b.md': FM('Bt'), 'd/c.md': FM('Ct') };
    const moves = [{ from: 'b.md', to: 'Kafka: intro.md' }, { from: 'd', to: 'ab+c.d-e:f' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']),
      '[x](./Kafka:%20intro.md) [y](./Kafka:%20intro) ![i](<./Kafka: intro.md>) <a href="./Kafka:%20intro.md">h</a> [f](./ab+c.d-e:f/c.md)\n');
    assert.deepEqual(r.skipped, []);
    assertLinksFollow(r, files, moves);
  });

  it('reports a backtick path that would read as a URL after the move instead of writing it', async () => {
    const files: Files = { 'a.md': FM('A') + 'see `b.md`\n', 'b.md': FM('Bt') };
    const r = await rename(files, [{ from: 'b.md', to: 'Kafka:intro.md' }]);
    assert.equal(body(r.after['a.md']), 'see `b.md`\n');
    assert.deepEqual(r.skipped.map(s => [s.raw, s.target]), [['b.md', 'Kafka:intro.md']]);
  });

  it('leaves a backtick path or wikilink that cannot name the new file unchanged, and reports it', async () => {
    const files: Files = { 'a.md': FM('A') + '`b.md` `b.md#h` [[b]] [[b#h]]\n', 'b.md': FM('Bee') + '# h\n' };
    const r = await rename(files, [{ from: 'b.md', to: 'lang/C#_basics.md' }]);
    assert.equal(body(r.after['a.md']), '`b.md` `b.md#h` [[b]] [[b#h]]\n');
    assert.deepEqual(r.skipped.map(s => [s.file, s.raw, s.target, s.range.start.character]), [
      ['a.md', 'b.md', 'lang/C#_basics.md', 1],
      ['a.md', 'b.md#h', 'lang/C#_basics.md', 8],
      ['a.md', 'b', 'lang/C#_basics.md', 18],
      ['a.md', 'b#h', 'lang/C#_basics.md', 24],
    ]);
    assert.ok(r.skipped.every(s => s.reason.length > 0));
  });

  it('leaves a wikilink alone when it still names the note by its title', async () => {
    const files: Files = { 'a.md': FM('A') + '[[b]]\n', 'b.md': FM('B') };
    const moves = [{ from: 'b.md', to: 'lang/C#_basics.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[[b]]\n');
    assert.deepEqual(r.skipped, []);
    assertLinksFollow(r, files, moves);
  });

  it('never writes a backtick path with a space (it would stop being a reference)', async () => {
    const files: Files = { 'a.md': FM('A') + 'see `b.md`\n', 'b.md': FM('B') };
    const r = await rename(files, [{ from: 'b.md', to: 'new name.md' }]);
    assert.equal(body(r.after['a.md']), 'see `b.md`\n');
    assert.equal(r.skipped.length, 1);
  });

  it('the closest-file fix offers no backtick path that would not be a reference', async () => {
    const files: Files = { 'a.md': FM('A') + 'see `my_note.md`\n', 'my note.md': FM('B') };
    const index = await indexOf(files);
    const d = index.diagnostics('a.md').find(x => x.code === 'ref-broken');
    assert.ok(d);
    assert.deepEqual(fixesFor(index, d, files['a.md'], '2026-03-01', f => files[f]).filter(f => f.title.startsWith('Change')), []);
  });
});
