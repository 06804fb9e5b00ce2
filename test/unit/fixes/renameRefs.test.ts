import { strict as assert } from 'node:assert';
import { FM } from '../index/memoryWorkspace';
import { assertLinksFollow, body, rename, type Files } from './renameHarness';

const SERIES = '# S\n\n## Chapters\n\n### A\n\n- [01](sys/01.md) - 必讀 - 1 min\n';

describe('rename: backtick paths', () => {
  it('does not write a path that a file in the note folder shadows', async () => {
    // `c.md` from s/sys/01.md would find s/sys/c.md first
    const files: Files = { 's/README.md': SERIES, 's/sys/01.md': FM('One') + 'see `b.md`\n', 's/b.md': FM('B'), 's/sys/c.md': FM('C local') };
    const moves = [{ from: 's/b.md', to: 's/c.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['s/sys/01.md']), 'see `../c.md`\n');
    assertLinksFollow(r, files, moves);
  });

  it('does not write a root path that the series folder shadows', async () => {
    const files: Files = { 's/README.md': SERIES, 's/sys/01.md': FM('One') + 'see `docs/x.md`\n', 'docs/x.md': FM('X'), 's/docs/y.md': FM('Y local') };
    const moves = [{ from: 'docs/x.md', to: 'docs/y.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['s/sys/01.md']), 'see `../../docs/y.md`\n');
    assertLinksFollow(r, files, moves);
  });

  it('leaves paths of a nested series alone when the nested series folder is renamed', async () => {
    const files: Files = {
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [i](inner/a/x.md) - 必讀 - 1 min\n',
      's/inner/README.md': '# Inner\n\n## Chapters\n\n### A\n\n- [x](a/x.md) - 必讀 - 1 min\n- [z](y/z.md) - 必讀 - 1 min\n',
      's/inner/a/x.md': FM('X') + 'see `y/z.md`\n',
      's/inner/y/z.md': FM('Z'),
    };
    const moves = [{ from: 's/inner', to: 's/inner2' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['s/inner2/a/x.md']), 'see `y/z.md`\n');
    assertLinksFollow(r, files, moves);
  });

  it('keeps the base a path was written against when nothing shadows it', async () => {
    const files: Files = { 's/README.md': SERIES, 's/sys/01.md': FM('One') + '`net/02.md` `02.md` `../net/02.md`\n', 's/net/02.md': FM('T'), 's/sys/02.md': FM('local') };
    const moves = [{ from: 's/net/02.md', to: 's/net2/02.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['s/sys/01.md']), '`net2/02.md` `02.md` `../net2/02.md`\n');
    assertLinksFollow(r, files, moves);
  });
});
