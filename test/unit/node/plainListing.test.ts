import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { listPlainFolder } from '../../../src/node/plainListing';
import { tempWorkspace } from '../cli/cliHarness';

/** The walk that confirms the file search's last listing of the notes folder (see listingIfUnchanged). */
describe('listPlainFolder', () => {
  const none = () => false;

  it('lists every file at any depth, sorted, empty folders giving nothing', async () => {
    const dir = tempWorkspace({ 'b.md': 'b', 'a/z.png': 'z', 'a/c/d.md': 'd', 'A.md': 'A', 'é.md': 'e' });
    mkdirSync(path.join(dir, 'empty', 'deeper'), { recursive: true });
    assert.deepEqual(await listPlainFolder(dir, none, 100), ['A.md', 'a/c/d.md', 'a/z.png', 'b.md', 'é.md']);
  });

  it('leaves out what the excludes name, and does not enter an excluded folder', async () => {
    const dir = tempWorkspace({ 'keep.md': 'k', 'node_modules/p/r.md': 'r', 'archive/old.md': 'o', 'x.draft.md': 'x', 'docs/archive/in.md': 'i' });
    const excluded = picomatch(['**/node_modules/**', 'archive', '**/*.draft.md'], { dot: true });
    const asked: string[] = [];
    const listed = await listPlainFolder(dir, rel => { asked.push(rel); return excluded(rel); }, 100);
    assert.deepEqual(listed, ['docs/archive/in.md', 'keep.md']);
    assert.ok(!asked.some(rel => rel.startsWith('node_modules/') || rel.startsWith('archive/')), `entered an excluded folder: ${asked.join(', ')}`);
  });

  it('gives up on what a search may list otherwise: a symbolic link to a file or a folder, a FIFO', async () => {
    const linkedFile = tempWorkspace({ 'a.md': 'a' });
    symlinkSync(path.join(linkedFile, 'a.md'), path.join(linkedFile, 'b.md'));
    assert.equal(await listPlainFolder(linkedFile, none, 100), undefined);
    const linkedFolder = tempWorkspace({ 'sub/a.md': 'a' });
    symlinkSync(path.join(linkedFolder, 'sub'), path.join(linkedFolder, 'deep-link'));
    assert.equal(await listPlainFolder(linkedFolder, none, 100), undefined);
    // ... but not on a link inside a folder the excludes leave out (nothing there is listed)
    assert.deepEqual(await listPlainFolder(linkedFolder, rel => rel === 'deep-link', 100), ['sub/a.md']);
    if (process.platform !== 'win32') {
      const fifo = tempWorkspace({ 'a.md': 'a' });
      execFileSync('mkfifo', [path.join(fifo, 'pipe.md')]);
      assert.equal(await listPlainFolder(fifo, none, 100), undefined);
    }
  });

  it('gives up past the most entries it may read, and on a folder it cannot read', async () => {
    const dir = tempWorkspace(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f/n${i}.md`, 'x'])));
    assert.equal((await listPlainFolder(dir, none, 31))?.length, 30);
    assert.equal(await listPlainFolder(dir, none, 30), undefined);
    assert.equal(await listPlainFolder(path.join(dir, 'nowhere'), none, 100), undefined);
  });
});
