import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

/** A wikilink written as a frontmatter alias names the note wherever it lives: a move leaves it as written. */
describe('rename: wikilinks by alias', () => {
  it('leaves [[alias]], [[alias|text]] and [[alias#heading]] alone when their note moves', async () => {
    const files: Files = {
      'a.md': FM('A') + '[[Other Name]] [[other name|see]] [[OTHER NAME#h]]\n',
      'x/b.md': FM('Bee', 'aliases: [Other Name]\n') + '# h\n',
    };
    const moves = [{ from: 'x/b.md', to: 'y/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['a.md']), '[[Other Name]] [[other name|see]] [[OTHER NAME#h]]\n');
    assert.deepEqual(r.skipped, []);
    assertLinksFollow(r, files, moves);
  });

  it('rewrites an alias link that a note sharing the alias would take over by moving next to it', async () => {
    const files: Files = {
      'x/a.md': FM('A') + '[[shared]]\n', 'p/one.md': FM('One', 'aliases: [shared]\n'), 'q/two.md': FM('Two', 'aliases: [Shared]\n'),
    };
    const moves = [{ from: 'q/two.md', to: 'x/two.md' }];
    const r = await rename(files, moves);
    assert.notEqual(body(r.after['x/a.md']), '[[shared]]\n');
    assertLinksFollow(r, files, moves);
  });
});
