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

  it('keeps the paths of notes that stay right when the series README is renamed (the series ends) or renamed back', async () => {
    const files: Files = {
      's/README.md': SERIES, 's/coverage_matrix.md': '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n| a | b | `sys/01.md` | Done |\n',
      's/sys/01.md': FM('One') + '`net/02.md` `net/03.md` [[02]]\n', 's/net/02.md': FM('Two'), 'top.md': FM('Top') + '`s/net/02.md`\n',
    };
    const moves = [{ from: 's/README.md', to: 's/INDEX.md' }];
    const r = await rename(files, moves);
    assert.equal(body(r.after['s/sys/01.md']), '`../net/02.md` `../net/03.md` [[02]]\n');
    assert.equal(r.after['top.md'], files['top.md']);
    assert.deepEqual(r.skipped, []);
    assert.equal(r.index.series().length, 0);
    assertLinksFollow(r, files, moves);
    // and back: the series comes again, and its paths still lead where they did
    const back = await rename(r.after, [{ from: 's/INDEX.md', to: 's/README.md' }]);
    assert.equal(back.index.series().length, 1);
    assertLinksFollow(back, r.after, [{ from: 's/INDEX.md', to: 's/README.md' }]);
  });

  it('keeps the paths of notes that stay right when a README moved in makes a nested series', async () => {
    const inner = '# Inner\n\n## Chapters\n\n### A\n\n- [x](x.md) - 必讀 - 1 min\n';
    const files: Files = { 's/README.md': SERIES, 'drafts/README.md': inner, 's/sys/01.md': FM('One') + '`net/02.md`\n', 's/net/02.md': FM('Two'), 's/sys/x.md': FM('X') };
    const moves = [{ from: 'drafts/README.md', to: 's/sys/README.md' }];
    const r = await rename(files, moves);
    assert.deepEqual(r.index.series().map(x => x.folder), ['s', 's/sys']);
    assert.equal(body(r.after['s/sys/01.md']), '`s/net/02.md`\n');
    assertLinksFollow(r, files, moves);
  });

  it('sees a note renamed README.md with a Chapters section as a new series', async () => {
    const files: Files = { 's/README.md': SERIES, 's/sys/list.md': '# L\n\n## Chapters\n\n### A\n\n- [x](x.md) - 必讀 - 1 min\n', 's/sys/01.md': FM('One') + '`net/02.md`\n', 's/net/02.md': FM('Two'), 's/sys/x.md': FM('X') };
    const moves = [{ from: 's/sys/list.md', to: 's/sys/README.md' }];
    const r = await rename(files, moves);
    assert.deepEqual(r.index.series().map(x => x.folder), ['s', 's/sys']);
    assert.equal(body(r.after['s/sys/01.md']), '`s/net/02.md`\n');
    assertLinksFollow(r, files, moves);
  });
});
