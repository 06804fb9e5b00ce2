import { events, Uri } from './vscodeStub';
import { strict as assert } from 'node:assert';
import fs, { appendFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as vscode from 'vscode';
import { BlindFolders, foldersToWatch } from '../../../src/extension/blindFolders';
import { LiveFolder } from './liveService';

describe('foldersToWatch (the folders VS Code\'s watcher may not report)', () => {
  const none = () => false;

  it('watches the folders holding the files, strictly below the folder that arrived', () => {
    assert.deepEqual(foldersToWatch('a', ['a/top.md', 'a/b/n.md', 'a/b/c/m.md', 'a/b/c/k.md'], none).sort(), ['a/b', 'a/b/c']);
    assert.deepEqual(foldersToWatch('a', ['a/top.md'], none), [], 'VS Code watches the top of a folder that arrives');
  });

  it('watches the folder that arrived too when it lies in a folder watched here', () => {
    assert.deepEqual(foldersToWatch('a/b/new', ['a/b/new/n.md'], f => f === 'a/b'), ['a/b/new']);
    assert.deepEqual(foldersToWatch('a/b/new', ['a/b/new/n.md'], f => f === 'a'), []);
  });

  it('a reconcile\'s files (the notes folder): every folder above them but the notes folder itself', () => {
    assert.deepEqual(foldersToWatch('', ['x/y/z.md', 'top.md'], none).sort(), ['x', 'x/y']);
  });

  it('ignores files outside the folder, and a folder sharing its name\'s prefix', () => {
    assert.deepEqual(foldersToWatch('a', ['ab/c/n.md', 'b/c.md'], none), []);
  });
});

describe('IndexService: folders VS Code\'s watcher does not report are watched with Node\'s (vscode stub, files on disk)', () => {
  const h = new LiveFolder('nn-blind-');
  const { start, write, uri, idle, codes } = h;
  const disk = (file: string) => path.join(h.dir, ...file.split('/'));
  const isNote = (file: string) => h.service.index.isNote(file);

  /** Waits until `done()` holds (at most 3 s), letting the service work in between. */
  async function until(done: () => boolean): Promise<void> {
    for (let t = 0; t < 100 && !done(); t++) await idle();
  }

  it('notes below a folder that arrived with folders inside are followed: edited, added in a new folder, deleted', async () => {
    await start({ 'hub.md': '# Hub\n' });
    write('a/top.md', '# Top\n');
    write('a/b/c/n.md', '# N\n');
    // VS Code's watcher reports the folder and nothing below it
    events.fsCreate.fire(uri('a'));
    await idle();
    assert.ok(isNote('a/b/c/n.md') && isNote('a/top.md'), 'the folder is listed when it arrives');
    assert.deepEqual(codes('a/b/c/n.md'), []);

    // no event from the stub from here on: only Node's watches see these
    appendFileSync(disk('a/b/c/n.md'), '\n[x](missing.md)\n');
    await until(() => codes('a/b/c/n.md').length > 0);
    assert.deepEqual(codes('a/b/c/n.md'), ['link-broken'], 'an edit on disk below the folder is checked');

    mkdirSync(disk('a/b/c/d'));
    write('a/b/c/d/m.md', '# M\n');
    await until(() => isNote('a/b/c/d/m.md'));
    assert.ok(isNote('a/b/c/d/m.md'), 'a folder made in a watched folder is listed');
    appendFileSync(disk('a/b/c/d/m.md'), '\n[y](gone.md)\n');
    await until(() => codes('a/b/c/d/m.md').length > 0);
    assert.deepEqual(codes('a/b/c/d/m.md'), ['link-broken'], '...and watched in turn');

    rmSync(disk('a/b/c/n.md'));
    await until(() => !isNote('a/b/c/n.md'));
    assert.ok(!isNote('a/b/c/n.md'), 'a note deleted there leaves the index');
  });

  it('an empty folder that arrived inside another is watched: a note written there later is indexed', async () => {
    await start({ 'hub.md': '# Hub\n' });
    mkdirSync(disk('a/empty'), { recursive: true });
    write('a/f/n.md', '# N\n');
    events.fsCreate.fire(uri('a'));
    await idle();
    assert.ok(isNote('a/f/n.md'));
    // no event from the stub: VS Code's watcher watches the top of `a` only
    write('a/empty/later.md', '# Later\n\n[x](missing.md)\n');
    await until(() => isNote('a/empty/later.md'));
    assert.ok(isNote('a/empty/later.md'), 'the file written into the empty folder is listed');
    assert.deepEqual(codes('a/empty/later.md'), ['link-broken']);
  });

  it('a watched folder deleted and made again at once (a checkout) is read again and watched again', async () => {
    await start({ 'hub.md': '# Hub\n' });
    write('a/b/c/n.md', '# N\n');
    events.fsCreate.fire(uri('a'));
    await idle();
    assert.ok(isNote('a/b/c/n.md'));
    rmSync(disk('a/b/c'), { recursive: true });
    write('a/b/c/n.md', '# N\n\n[x](one.md)\n');
    await until(() => codes('a/b/c/n.md').length > 0);
    assert.deepEqual(codes('a/b/c/n.md'), ['link-broken'], 'the new folder\'s note is read');
    appendFileSync(disk('a/b/c/n.md'), '\n[y](two.md)\n');
    await until(() => codes('a/b/c/n.md').length > 1);
    assert.deepEqual(codes('a/b/c/n.md'), ['link-broken', 'link-broken'], 'a later edit there is seen');
  });

  it('a file a reconcile found (unreported) has its folder watched from then on', async () => {
    await start({ 'hub.md': '# Hub\n' });
    write('x/y/z.md', '# Z\n');
    const found = await h.service.reconcile();
    assert.deepEqual(found.added, ['x/y/z.md']);
    appendFileSync(disk('x/y/z.md'), '\n[x](missing.md)\n');
    await until(() => codes('x/y/z.md').length > 0);
    assert.deepEqual(codes('x/y/z.md'), ['link-broken']);
  });
});

describe('BlindFolders: the disk is looked at for the folders a listing names, not for every folder watched', () => {
  let dir = '';
  let blind: BlindFolders;
  const log = { warn: () => undefined, debug: () => undefined, info: () => undefined } as unknown as vscode.LogOutputChannel;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nn-blindcost-')));
    blind = new BlindFolders(Uri.file(dir) as unknown as vscode.Uri, () => undefined, log);
  });
  afterEach(() => {
    blind.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** How many times `lstatSync` is called while `run` runs. */
  function lstatsDuring(run: () => void): number {
    const real = fs.lstatSync;
    let n = 0;
    (fs as { lstatSync: unknown }).lstatSync = (...a: Parameters<typeof real>) => { n++; return real(...a); };
    try {
      run();
    } finally {
      (fs as { lstatSync: unknown }).lstatSync = real;
    }
    return n;
  }

  it('a listing of another folder costs no look at the 60 folders watched already; one arriving again is looked at once', () => {
    const files: string[] = [];
    for (let i = 0; i < 60; i++) {
      mkdirSync(path.join(dir, 'a', `f${i}`), { recursive: true });
      files.push(`a/f${i}/n.md`);
    }
    blind.arrived('a', files);
    assert.equal(blind.size, 60);
    mkdirSync(path.join(dir, 'b'));
    assert.ok(lstatsDuring(() => blind.arrived('b', ['b/n.md'])) <= 2, 'the listing of b');
    assert.ok(lstatsDuring(() => blind.arrived('', ['top.md'])) <= 2, 'a reconcile that found a file at the top');
    assert.equal(lstatsDuring(() => blind.arrived('a', ['a/f7/n.md'])), 60, 'a again: each folder below it once');
    assert.equal(blind.size, 60);
  });

  it('a folder deleted and made again is watched again when it arrives again, and dead watches leave room at the most', () => {
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    blind.arrived('a', ['a/b/n.md']);
    assert.equal(blind.size, 1);
    rmSync(path.join(dir, 'a'), { recursive: true });
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    blind.arrived('a', ['a/b/n.md']);
    assert.equal(blind.size, 1);
    const watches = (blind as unknown as { watches: { has(f: string): boolean } }).watches;
    assert.ok(watches.has(path.join(dir, 'a', 'b')), 'the new folder is watched');
  });
});
