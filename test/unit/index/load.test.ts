import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { loadWorkspace } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { codes, FM, indexOf, MemoryReader } from './memoryWorkspace';

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
