import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import fs, { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { FolderReader } from '../../../src/cli/walk';
import { checkWithLocked, checkWorker, cli, cliWith, errorPlaces, tempWorkspace } from './cliHarness';

const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n---\n';
const isRoot = process.getuid?.() === 0;

function listed(dir: string): { files: string[]; linked: string[]; log: string[] } {
  const log: string[] = [];
  const reader = new FolderReader(dir, line => log.push(line));
  const files = reader.listSync();
  return { files, linked: reader.linkedFiles().sort(), log };
}

describe('FolderReader', () => {
  it('lists a real folder under its own path even when a symbolic link to it sorts first', () => {
    const dir = tempWorkspace({ 'real/r.md': FM, 'real/sub/s.md': FM, 'a.md': FM + '[r](real/r.md) [s](real/sub/s.md)\n' });
    symlinkSync('real', path.join(dir, 'alias'));
    symlinkSync(path.join(dir, 'real', 'sub'), path.join(dir, 'Sub-alias'));
    symlinkSync('real', path.join(dir, 'zz-alias'));
    const { files, linked, log } = listed(dir);
    assert.deepEqual(files, ['a.md', 'real/r.md', 'real/sub/s.md']);
    assert.deepEqual(linked, []);
    assert.deepEqual(log.sort(), [
      'skipped Sub-alias: symbolic link to real/sub, listed already',
      'skipped alias: symbolic link to real, listed already',
      'skipped zz-alias: symbolic link to real, listed already',
    ]);
  });

  it('walks a symbolic link to a folder nothing else lists, once, and ends loops', () => {
    const dir = tempWorkspace({ 'node_modules/pkg/doc.md': FM, 'a.md': FM });
    symlinkSync('node_modules/pkg', path.join(dir, 'lib'));
    symlinkSync('node_modules/pkg', path.join(dir, 'lib2'));
    mkdirSync(path.join(dir, 'loop'));
    symlinkSync('..', path.join(dir, 'loop', 'up'));
    symlinkSync('/etc', path.join(dir, 'etc-link'));
    const { files, linked, log } = listed(dir);
    assert.deepEqual(files, ['a.md', 'lib/doc.md']);
    assert.deepEqual(linked, ['lib/doc.md']);
    assert.deepEqual(log.sort(), [
      'skipped etc-link: symbolic link points outside the workspace',
      'skipped lib2: symbolic link to node_modules/pkg, listed already',
      'skipped loop/up: symbolic link loop',
    ]);
  });

  it('names each symbolic link to a folder it had listed under another path, and that path', () => {
    const dir = tempWorkspace({ 'node_modules/pkg/sub/s.md': FM, 'real/r.md': FM });
    symlinkSync('real', path.join(dir, 'alias'));
    symlinkSync('.', path.join(dir, 'loop'));
    symlinkSync('node_modules/pkg/sub', path.join(dir, 'p1'));
    symlinkSync('node_modules/pkg', path.join(dir, 'p2')); // walked after p1: its sub-folder is p1 already
    const reader = new FolderReader(dir, () => {});
    assert.deepEqual(reader.listSync(), ['p1/s.md', 'real/r.md']);
    assert.deepEqual(reader.folderAliases(), [
      { alias: 'alias', target: 'real' },
      { alias: 'loop', target: '' },
      { alias: 'p2/sub', target: 'p1' },
    ]);
  });

  it('lists a 300-folder-deep tree without looking up each folder\'s real path (that is O(depth²))', () => {
    const deep = Array.from({ length: 300 }, (_, i) => `d${i}`).join('/');
    const dir = tempWorkspace({ [`${deep}/deep.md`]: FM, 'd0/top.md': FM });
    symlinkSync('..', path.join(dir, deep, 'up')); // a loop at the bottom still ends
    let calls = 0;
    const realpath = fs.realpathSync;
    fs.realpathSync = Object.assign((...a: Parameters<typeof realpath>) => { calls++; return realpath(...a); }, realpath);
    let result: ReturnType<typeof listed>;
    try {
      result = listed(dir);
    } finally {
      fs.realpathSync = realpath;
    }
    assert.deepEqual(result.files, [`${deep}/deep.md`, 'd0/top.md']);
    assert.deepEqual(result.log, [`skipped ${deep}/up: symbolic link loop`]);
    assert.ok(calls < 10, `${calls} realpath calls`); // the root, the link and its loop check: not one per folder
  });

  it('says which Markdown names it skips for not being regular files (a FIFO, or a link to one)', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempWorkspace({ 'a.md': FM });
    mkdirSync(path.join(dir, 'sub'));
    for (const name of ['x.md', 'sub/y.MD', 'pipe.txt']) execFileSync('mkfifo', [path.join(dir, name)]);
    symlinkSync('x.md', path.join(dir, 'z.md'));
    const { files, log } = listed(dir);
    assert.deepEqual(files, ['a.md']);
    assert.deepEqual(log.sort(), ['skipped sub/y.MD: not a regular file', 'skipped x.md: not a regular file', 'skipped z.md: not a regular file']);
  });

  it('skips a file or folder whose name is not valid UTF-8 with a line that says so, and lists the rest', () => {
    const dir = tempWorkspace({ 'a.md': FM, 'ok\uFFFDname.md': FM });
    const bad = (name: string) => Buffer.concat([Buffer.from(dir + '/'), Buffer.from(name, 'latin1')]);
    fs.writeFileSync(bad('bad\xffname.md'), FM);
    fs.mkdirSync(bad('dir\xfe'));
    const { files, log } = listed(dir);
    // a real U+FFFD in a name is UTF-8 like any other character
    assert.deepEqual(files, ['a.md', 'ok\uFFFDname.md']);
    assert.deepEqual(log.sort(), ['skipped bad\uFFFDname.md: its name is not valid UTF-8', 'skipped dir\uFFFD: its name is not valid UTF-8']);
  });

  it('throws when the folder itself cannot be listed', () => {
    const dir = tempWorkspace({ 'a.md': FM });
    const reader = new FolderReader(dir, () => {});
    rmSync(dir, { recursive: true });
    assert.throws(() => reader.listSync(), /ENOENT/);
  });

  it('says which sub-folders it could not list (not those that vanished)', function () {
    if (isRoot) this.skip(); // permissions do not stop root
    const dir = tempWorkspace({ 'locked/b.md': FM, 'open/c.md': FM });
    chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      const reader = new FolderReader(dir, () => {});
      assert.deepEqual(reader.listSync(), ['open/c.md']);
      assert.deepEqual(reader.unlistedPaths(), ['locked']);
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });
});

describe('CLI folder walk', () => {
  it('a link to what is there but not read (a FIFO, a link leading outside) is not broken; a broken link is', async function () {
    if (process.platform === 'win32') this.skip();
    const outside = tempWorkspace({ 'o.md': FM + '# O\n' });
    const dir = tempWorkspace({
      'a.md': FM + '[z](fifo.md) [p](pipe.txt) [o](o.md) [d](out-dir/x.md) [b](dangling.md) [m](missing.md)\n',
    });
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    symlinkSync(path.join(outside, 'o.md'), path.join(dir, 'o.md'));
    symlinkSync(outside, path.join(dir, 'out-dir'));
    symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
    const r = await cli('check', dir, '--format', 'json');
    const broken = JSON.parse(r.out).diagnostics.filter((d: { code: string }) => d.code === 'link-broken');
    assert.deepEqual(broken.map((d: { message: string }) => d.message.match(/"([^"]*)"/)![1]), ['dangling.md', 'missing.md']);
    assert.match(r.err, /skipped fifo\.md: not a regular file/);
    assert.match(r.err, /skipped o\.md: symbolic link points outside the workspace/);
  });

  it('links into a real folder that a symbolic link also names are not broken, and diagnostics use the real path', async () => {
    const dir = tempWorkspace({ 'real/r.md': '# no frontmatter\n', 'a.md': FM + '[r](real/r.md)\n' });
    symlinkSync('real', path.join(dir, 'alias'));
    const r = await cli('check', dir);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^real\/r\.md:1:1 warning frontmatter-missing /m);
    assert.doesNotMatch(r.out, /alias|link-broken/);
  });

  it('links through a symbolic link to a folder listed under its own path, or round a loop, are checked where it was listed', async () => {
    const files: Record<string, string> = {
      'real/t.md': FM + '# Top\n',
      'real/pic.png': 'png',
      'sub/a.md': FM + [
        '[t](../alias/t.md) [h](../alias/t.md#top) [x](../alias/t) [f](../alias/) [p](../alias/pic.png)',
        '[l](../loop/loop/real/t.md) [r](/alias/t.md) `alias/t.md` [[../alias/t]] [[alias/t]] [[/alias/t]]',
        '[m](../alias/missing.md) [hm](../alias/t.md#nowhere) `alias/gone.md` [[alias/gone]] [ml](../loop/nope.md)',
      ].join('\n') + '\n',
    };
    // enough notes for a second thread to get some
    for (let i = 0; i < 8; i++) files[`n${i}.md`] = FM + '[t](alias/t.md) [l](loop/real/t.md#top)\n';
    const dir = tempWorkspace(files);
    symlinkSync('real', path.join(dir, 'alias'));
    symlinkSync('.', path.join(dir, 'loop'));
    const workerFile = await checkWorker();
    for (const threads of ['1', '2']) {
      const r = await cliWith({ parallel: { workerFile, deal: true, uncapped: true } }, 'check', dir, '--threads', threads, '--format', 'json');
      const found = JSON.parse(r.out).diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`);
      assert.deepEqual(found, [
        'sub/a.md:12:5 link-broken',
        'sub/a.md:12:31 link-anchor-broken',
        'sub/a.md:12:55 ref-broken',
        'sub/a.md:12:72 wikilink-broken',
        'sub/a.md:12:90 link-broken',
      ], `${threads} thread(s): ${r.err}`);
    }
  });

  it('a checked folder that cannot be listed is exit 2 with one line', async function () {
    if (isRoot) this.skip(); // permissions do not stop root
    const dir = tempWorkspace({ 'notes/a.md': FM });
    chmodSync(path.join(dir, 'notes'), 0o000);
    try {
      const r = await cli('check', path.join(dir, 'notes'));
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err, `notes-navigator: cannot read folder ${path.join(dir, 'notes')}: EACCES\n`);
    } finally {
      chmodSync(path.join(dir, 'notes'), 0o755);
    }
  });

  it('a checked folder it may not list or enter is "cannot read folder", also for a user permissions stop', function () {
    // root passes every permission check: the built CLI runs as nobody (uid 65534), where setpriv allows it
    const nobody = (...argv: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...argv], { encoding: 'utf8' });
    if (!isRoot || nobody('-e', '0').status !== 0) this.skip();
    const dir = tempWorkspace({ 'a/a.md': FM, 'b/b.md': FM, 'c/c.md': FM });
    chmodSync(dir, 0o755);
    const modes: Record<string, number> = { a: 0o000, b: 0o744, c: 0o711 };
    for (const [name, mode] of Object.entries(modes)) chmodSync(path.join(dir, name), mode);
    for (const name of Object.keys(modes)) {
      const r = nobody(path.resolve('dist/cli.js'), 'check', path.join(dir, name));
      assert.equal(r.status, 2, name);
      assert.equal(r.stdout, '', name);
      assert.equal(r.stderr, `notes-navigator: cannot read folder ${path.join(dir, name)}: EACCES\n`, name);
    }
  });

  it('links into a sub-folder it cannot list are not broken, on one thread or two', async function () {
    if (isRoot) this.skip(); // permissions do not stop root (load.test.ts covers the resolution)
    const files: Record<string, string> = { 'locked/b.md': FM, 'a.md': FM + '[b](locked/b.md) [f](locked/) [g](gone.md)\n' };
    for (let i = 0; i < 8; i++) files[`n${i}.md`] = FM + '[b](locked/b.md)\n';
    for (const r of await checkWithLocked(tempWorkspace(files), 'locked')) {
      assert.equal(r.code, 1);
      assert.match(r.err, /^notes-navigator: skipped folder locked: EACCES$/m);
      assert.doesNotMatch(r.err, /one thread/);
      assert.deepEqual(errorPlaces(r.out), ['a.md:10:35']);
    }
  });
});
