import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { loadWorkspace } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { codes, FM, indexOf, MemoryReader, observe } from './memoryWorkspace';
import { readTree } from '../support/files';

describe('loadWorkspace', () => {
  it('checks a note named .MD like a .md one, and links to it resolve', async () => {
    const index = await indexOf({
      'UP.MD': '# Up\n',
      'a.md': FM('A') + '[[UP]] [u](UP.MD) [[missing]]\n',
    });
    assert.ok(index.note('UP.MD'), 'UP.MD is a note');
    assert.deepEqual(codes(index, 'UP.MD'), ['frontmatter-missing']);
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
  });

  it('marks a note it cannot read unreadable (links to it hold), and leaves out one that vanished', async () => {
    const failing = (code: string) => Object.assign(new Error(`${code}: cannot open`), { code });
    const errors: Record<string, Error> = {
      'locked.md': failing('EACCES'), 'busy.md': failing('EIO'), 'remote.md': failing('FileNotFound'),
      'gone.md': failing('ENOENT'), 'moved/x.md': failing('ENOTDIR'),
    };
    const files: Record<string, string> = { 'a.md': FM('A') + '[l](locked.md) [b](busy.md) [r](remote.md) [g](gone.md) [m](moved/x.md) [[locked]]\n' };
    for (const f of Object.keys(errors)) files[f] = FM(f);
    const reader = new MemoryReader(files);
    const read = reader.read.bind(reader);
    reader.read = async f => { if (errors[f]) throw errors[f]; return read(f); };
    const index = new WorkspaceIndex(defaultConfig());
    const skipped: string[] = [];
    await loadWorkspace(index, reader, { onSkip: (f, why) => skipped.push(`${f}: ${why}`) });
    assert.deepEqual(skipped.sort(), [
      'busy.md: could not be read: EIO: cannot open', 'gone.md: could not be read: ENOENT: cannot open',
      'locked.md: could not be read: EACCES: cannot open', 'moved/x.md: could not be read: ENOTDIR: cannot open',
      'remote.md: could not be read: FileNotFound: cannot open',
    ]);
    assert.equal(index.note('locked.md')?.unreadable, 'could not be read: EACCES: cannot open');
    assert.ok(index.note('busy.md')?.unreadable);
    assert.equal(index.note('gone.md'), undefined);
    assert.equal(index.hasFile('gone.md'), false);
    assert.deepEqual(index.diagnostics('a.md').map(d => d.message.match(/"([^"]*)"/)?.[1]), ['remote.md', 'gone.md', 'moved/x.md']);
  });
});

describe('loadWorkspace stopped early (a cancelled Check Workspace)', () => {
  it('stops reading when asked; the notes not re-read keep what the index held, and the batch still ends', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`n${i}.md`] = FM(`N${i}`) + '[[missing]]\n';
    const index = await indexOf(files);
    // on disk, every note now links to n0 instead
    const reader = new MemoryReader(Object.fromEntries(Object.keys(files).map(f => [f, FM(f) + '[[n0]]\n'])));
    let reads = 0;
    const read = reader.read.bind(reader);
    reader.read = async f => { reads++; return read(f); };
    const progress: [number, number][] = [];
    await loadWorkspace(index, reader, { concurrency: 1, shouldStop: () => reads >= 4, onProgress: (d, t) => progress.push([d, t]) });
    assert.equal(reads, 4);
    const broken = Object.keys(files).filter(f => codes(index, f).includes('wikilink-broken'));
    assert.deepEqual(broken, ['n4.md', 'n5.md', 'n6.md', 'n7.md', 'n8.md', 'n9.md'], 'the first four were re-read, the rest kept');
    assert.deepEqual(progress.at(-1), [4, 10], 'the last progress says how far it got');
    index.updateNote('n9.md', FM('N9') + '[[n0]]\n'); // the batch ended: the index takes edits again
    assert.deepEqual(codes(index, 'n9.md'), []);
  });
});

describe('folders the listing could not read', () => {
  it('takes the files in them to exist, as in the folders never walked', async () => {
    const config = { ...defaultConfig(), unlistedFolders: ['locked', 'a/deep'] };
    const index = await indexOf({
      'a/n.md': FM('N') + '[x](../locked/b.md) [f](../locked) [d](deep/sub/c.md#h) [n](../node_modules/p/r.md) `locked/r.md` [m](../lockedx/b.md) [o](missing.md)\n',
    }, config);
    assert.deepEqual(index.diagnostics('a/n.md').map(d => d.message.match(/"([^"]*)"/)?.[1]), ['../lockedx/b.md', 'missing.md']);
    // without it, they are broken
    const plain = await indexOf({ 'a/n.md': FM('N') + '[x](../locked/b.md)\n' });
    assert.deepEqual(codes(plain, 'a/n.md'), ['link-broken']);
  });
});

describe('loadWorkspace with the series first (onSeriesRead)', () => {
  const README = '# Backend\n\n## Chapters\n\n### Basics\n\n- [01_a](basics/01_a.md) 必讀 · 30 min\n- [02_b](basics/02_b.md) 重要 · 20 min\n'
    + '- [03_planned](basics/03_planned.md) 可跳讀 · 10 min\n';
  const MATRIX = '# Coverage\n\n| Area | Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
    + '| Basics | A | `basics/01_a.md` | Done |\n| Deep | C | `deep/c.md` | Done |\n';
  const files: Record<string, string> = {
    'aaa.md': FM('Aaa') + '[[01_a]] [x](nowhere.md)\n',
    'backend/README.md': README,
    'backend/coverage_matrix.md': MATRIX,
    'backend/basics/01_a.md': FM('A') + '# A\n[c](../deep/c.md#missing)\n',
    'backend/basics/02_b.md': FM('B', '').replace('status: active', 'status: draft') + '# B\n',
    'backend/deep/c.md': FM('C') + '# C\n',
    'docs/README.md': '# Not a series\n',
    'zzz.md': FM('Zzz') + '[a](backend/basics/01_a.md)\n',
  };

  it('reads the series files, then the notes they name, then says so before reading any other note', async () => {
    const reader = new MemoryReader(files);
    const order: string[] = [];
    const read = reader.read.bind(reader);
    reader.read = async f => { order.push(f); return read(f); };
    const index = new WorkspaceIndex(defaultConfig());
    let seen: { order: string[]; series: string[]; states: (string | undefined)[]; other: boolean } | undefined;
    await loadWorkspace(index, reader, {
      concurrency: 1,
      onSeriesRead: () => {
        seen = {
          order: [...order],
          series: index.series().map(s => s.readme),
          states: ['backend/basics/01_a.md', 'backend/basics/02_b.md', 'backend/basics/03_planned.md', 'backend/deep/c.md'].map(f => index.fileStateOf(f)),
          other: index.note('aaa.md') !== undefined || index.note('zzz.md') !== undefined,
        };
      },
    });
    assert.ok(seen, 'onSeriesRead was called');
    assert.deepEqual(seen.order, [
      'backend/README.md', 'backend/coverage_matrix.md', 'docs/README.md',
      'backend/basics/01_a.md', 'backend/basics/02_b.md', 'backend/deep/c.md',
    ], 'series files first, then the chapters and the matrix rows\' files that exist (a planned chapter is not read)');
    assert.deepEqual(seen.series, ['backend/README.md']);
    assert.deepEqual(seen.states, ['written', 'draft', 'missing', 'written']);
    assert.equal(seen.other, false, 'no other note was read yet');
    assert.deepEqual(order.slice(6), ['aaa.md', 'zzz.md'], 'then the rest, in listing order');
  });

  it('ends with the index a load in listing order gives (the examples, and the workspace above)', async () => {
    for (const workspace of [readTree('examples/notes'), files]) {
      const plain = new WorkspaceIndex(defaultConfig());
      await loadWorkspace(plain, new MemoryReader(workspace));
      const first = new WorkspaceIndex(defaultConfig());
      let calls = 0;
      await loadWorkspace(first, new MemoryReader(workspace), { onSeriesRead: async () => { calls++; } });
      assert.equal(calls, 1);
      const names = Object.keys(workspace);
      assert.deepEqual(observe(first, names), observe(plain, names));
      assert.ok(first.allDiagnostics().size > 0, 'the comparison covers diagnostics');
    }
  });

  it('is not called when the load is stopped before the other notes', async () => {
    let calls = 0;
    await loadWorkspace(new WorkspaceIndex(defaultConfig()), new MemoryReader(files), { shouldStop: () => true, onSeriesRead: () => { calls++; } });
    assert.equal(calls, 0);
  });
});
