import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { foldersBelow, FolderWatches, type FolderEvent } from '../../../src/node/folderWatches';

/** Waits until `done()` holds (at most 3 s). */
async function until(done: () => boolean): Promise<void> {
  for (let t = 0; t < 300 && !done(); t++) await new Promise(r => setTimeout(r, 10));
}

describe('FolderWatches (Node watching single folders for the extension)', () => {
  let dir = '';
  let watches: FolderWatches;
  let seen: string[] = [];
  const saw = (rel: string, event: FolderEvent) => seen.includes(`${event} ${rel}`);

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nn-watch-')));
    seen = [];
    watches = new FolderWatches((file, event) => seen.push(`${event} ${path.relative(dir, file).split(path.sep).join('/')}`), 3);
  });
  afterEach(() => {
    watches.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports entries of a watched folder that appear, change and go, and nothing deeper', async () => {
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    assert.equal(watches.add(path.join(dir, 'a')), true);
    writeFileSync(path.join(dir, 'a', 'n.md'), '# N\n');
    await until(() => saw('a/n.md', 'created'));
    assert.ok(saw('a/n.md', 'created'), seen.join(' | '));
    appendFileSync(path.join(dir, 'a', 'n.md'), 'more\n');
    await until(() => saw('a/n.md', 'changed'));
    assert.ok(saw('a/n.md', 'changed'), seen.join(' | '));
    rmSync(path.join(dir, 'a', 'n.md'));
    await until(() => saw('a/n.md', 'deleted'));
    assert.ok(saw('a/n.md', 'deleted'), seen.join(' | '));
    writeFileSync(path.join(dir, 'a', 'b', 'deep.md'), '# D\n');
    await new Promise(r => setTimeout(r, 100));
    assert.ok(!seen.some(s => s.includes('deep.md')), 'a folder below needs a watch of its own');
  });

  it('stops reporting a folder once it is removed from the watch, with the folders below it', async () => {
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    mkdirSync(path.join(dir, 'ab'));
    for (const f of ['a', 'a/b', 'ab']) assert.ok(watches.add(path.join(dir, f)));
    watches.removeBelow(path.join(dir, 'a'));
    assert.equal(watches.size, 1, 'a folder sharing the prefix (ab) keeps its watch');
    assert.ok(watches.has(path.join(dir, 'ab')));
    writeFileSync(path.join(dir, 'a', 'b', 'x.md'), 'x');
    writeFileSync(path.join(dir, 'ab', 'y.md'), 'y');
    await until(() => saw('ab/y.md', 'created'));
    assert.deepEqual(seen.filter(s => s.includes('x.md')), []);
  });

  it('refuses what is no folder, a symbolic link and more than the most it keeps, without throwing', () => {
    writeFileSync(path.join(dir, 'file.md'), 'x');
    mkdirSync(path.join(dir, 'real'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    assert.equal(watches.add(path.join(dir, 'file.md')), false);
    assert.equal(watches.add(path.join(dir, 'missing')), false);
    assert.equal(watches.add(path.join(dir, 'link')), false, 'a link is never followed');
    for (const f of ['d1', 'd2', 'd3', 'd4']) mkdirSync(path.join(dir, f));
    assert.deepEqual(['d1', 'd2', 'd3', 'd4'].map(f => watches.add(path.join(dir, f))), [true, true, true, false]);
    assert.equal(watches.add(path.join(dir, 'd1')), true, 'a folder watched already is still watched');
  });

  it('forgets a watched folder that is deleted', async () => {
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    assert.ok(watches.add(path.join(dir, 'a', 'b')));
    rmSync(path.join(dir, 'a'), { recursive: true });
    // (`has` says no at once: the folder is gone)
    await until(() => watches.size === 0);
    assert.equal(watches.size, 0);
  });

  it('a folder deleted and made again at once (a checkout) is watched again, and reported changed', async () => {
    const c = path.join(dir, 'a', 'b', 'c');
    mkdirSync(c, { recursive: true });
    writeFileSync(path.join(c, 'n.md'), '# N\n');
    assert.ok(watches.add(c));
    rmSync(c, { recursive: true });
    mkdirSync(c);
    writeFileSync(path.join(c, 'n.md'), '# N again\n');
    await until(() => saw('a/b/c', 'changed'));
    assert.ok(saw('a/b/c', 'changed'), seen.join(' | '));
    assert.ok(!saw('a/b/c/c', 'deleted'), 'the folder\'s own name is not taken for an entry of it');
    assert.ok(watches.has(c) && watches.size === 1);
    seen = [];
    appendFileSync(path.join(c, 'n.md'), 'more\n');
    await until(() => saw('a/b/c/n.md', 'changed'));
    assert.ok(saw('a/b/c/n.md', 'changed'), `an edit in the new folder is seen: ${seen.join(' | ')}`);
  });

  it('a watch whose folder is gone does not count toward the most it keeps', () => {
    for (const f of ['d1', 'd2', 'd3', 'd4']) mkdirSync(path.join(dir, f));
    for (const f of ['d1', 'd2', 'd3']) assert.ok(watches.add(path.join(dir, f)));
    // (before its watch reports it)
    rmSync(path.join(dir, 'd1'), { recursive: true });
    assert.equal(watches.has(path.join(dir, 'd1')), false);
    assert.equal(watches.add(path.join(dir, 'd4')), true);
    assert.equal(watches.size, 3);
  });
});

describe('foldersBelow (the folders to watch below one that arrived)', () => {
  let dir = '';
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nn-below-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const rel = (list: string[]) => list.map(f => path.relative(dir, f).split(path.sep).join('/'));

  it('lists every folder below, empty ones too, shallower ones first; no file, no folder through a link, none skipped', () => {
    for (const f of ['a/b/c', 'a/empty', 'z/skipped/below']) mkdirSync(path.join(dir, f), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'n.md'), '# N\n');
    symlinkSync(path.join(dir, 'z'), path.join(dir, 'a', 'link'));
    const found = rel(foldersBelow(dir, 100, f => path.basename(f) === 'skipped'));
    assert.deepEqual(found.slice(0, 2).sort(), ['a', 'z']);
    assert.deepEqual(found.slice(2).sort(), ['a/b', 'a/b/c', 'a/empty']);
    assert.deepEqual(found.indexOf('a/b') < found.indexOf('a/b/c'), true);
  });

  it('stops at the most it is asked for, and passes over a folder it cannot read', () => {
    for (const f of ['a/b', 'c/d', 'e']) mkdirSync(path.join(dir, f), { recursive: true });
    assert.equal(foldersBelow(dir, 2, () => false).length, 2);
    assert.deepEqual(foldersBelow(path.join(dir, 'missing'), 10, () => false), []);
  });
});
