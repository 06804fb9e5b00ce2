import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_CONFIG_BYTES } from '../../../src/node/configFile';
import { cli, tempWorkspace } from './cliHarness';

const FM = '---\ntitle: T\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: 2026-01-01\nupdated: 2026-01-02\nstatus: active\n---\n';
const CONFIG = '.notes-navigator.json';

describe('CLI config file (untrusted when found in the checked folder)', function () {
  this.timeout(20000);
  const posix = process.platform !== 'win32';

  it('refuses a symbolic link out of the folder without printing what it points to', async function () {
    if (!posix) this.skip();
    const dir = tempWorkspace({ 'a.md': FM });
    symlinkSync('/etc/passwd', path.join(dir, CONFIG));
    const r = await cli('check', dir);
    assert.equal(r.code, 2);
    assert.equal(r.err, `notes-navigator: ${path.join(dir, CONFIG)} is not a regular file inside the folder\n`);
    assert.equal(r.out, '');
  });

  it('refuses a FIFO, a device and a broken link (never hangs), and a file larger than 1 MB', async function () {
    if (!posix) this.skip();
    const dir = tempWorkspace({ 'a.md': FM });
    execFileSync('mkfifo', [path.join(dir, CONFIG)]);
    const fifo = await cli('check', dir);
    assert.equal(fifo.code, 2);
    assert.match(fifo.err, /is not a regular file inside the folder\n$/);
    for (const target of ['/dev/zero', 'missing.json']) {
      const d = tempWorkspace({ 'a.md': FM });
      symlinkSync(target, path.join(d, CONFIG));
      const r = await cli('check', d);
      assert.equal(r.code, 2, target);
      assert.match(r.err, /is not a regular file inside the folder\n$/, target);
    }
    const big = tempWorkspace({ 'a.md': FM, [CONFIG]: '{"exclude":[' + '"x",'.repeat(MAX_CONFIG_BYTES / 4) + '"y"]}' });
    const b = await cli('check', big);
    assert.equal(b.code, 2);
    assert.equal(b.err, `notes-navigator: ${path.join(big, CONFIG)} is larger than 1 MB\n`);
  });

  it('follows a symbolic link to a regular file inside the folder', async function () {
    if (!posix) this.skip();
    const dir = tempWorkspace({ 'a.md': FM + '[x](nope.md)\n', 'conf/real.json': '{ "rules": { "link-broken": "warning" } }' });
    symlinkSync('conf/real.json', path.join(dir, CONFIG));
    const r = await cli('check', dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
  });

  it('--config reads a file anywhere, but never a device or FIFO, nor more than 1 MB', async function () {
    if (!posix) this.skip();
    const dir = tempWorkspace({ 'a.md': FM + '[x](nope.md)\n' });
    const outside = tempWorkspace({ 'c.json': '{ "rules": { "link-broken": "warning" } }' });
    symlinkSync(path.join(outside, 'c.json'), path.join(dir, 'link.json'));
    assert.equal((await cli('check', dir, '--config', path.join(outside, 'c.json'))).code, 0);
    assert.equal((await cli('check', dir, '--config', path.join(dir, 'link.json'))).code, 0);
    const fifo = path.join(outside, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    for (const file of ['/dev/zero', fifo]) {
      const r = await cli('check', dir, '--config', file);
      assert.equal(r.code, 2, file);
      assert.equal(r.err, `notes-navigator: ${file} is not a regular file\n`);
    }
    writeFileSync(path.join(outside, 'big.json'), ' '.repeat(MAX_CONFIG_BYTES + 1));
    const b = await cli('check', dir, '--config', path.join(outside, 'big.json'));
    assert.equal(b.err, `notes-navigator: ${path.join(outside, 'big.json')} is larger than 1 MB\n`);
  });

  it('an empty include is reported, not quietly taken as every Markdown file; every note is still checked', async () => {
    const dir = tempWorkspace({ 'a.md': FM, 'sub/b.md': FM, [CONFIG]: '{ "include": [] }' });
    const r = await cli('check', dir, '--format', 'json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).notes, 2);
    assert.match(r.err, /^notes-navigator: .*\.notes-navigator\.json: include: "include" is empty, which would check no note; leave it out to check every Markdown file \(ignored\)$/m);
  });
});
