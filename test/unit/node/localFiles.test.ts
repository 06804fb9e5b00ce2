import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, promises as fs, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_NOTE_BYTES } from '../../../src/core/index/load';
import { isInsideRoot, LocalFileReader, realPathInsideRoot, realpathWithFallback } from '../../../src/node/localFiles';
import { tempWorkspace } from '../cli/cliHarness';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('LocalFileReader (the extension reading a file: workspace from disk)', () => {
  let outside: string;
  before(() => {
    outside = mkdtempSync(path.join(os.tmpdir(), 'nn-outside-'));
    writeFileSync(path.join(outside, 'secret.md'), 'secret');
    mkdirSync(path.join(outside, 'dir'));
    writeFileSync(path.join(outside, 'dir', 'x.md'), 'outside x');
  });
  after(() => rmSync(outside, { recursive: true, force: true }));

  it('reads notes at any depth, each into the reused buffer', () => {
    const dir = tempWorkspace({ 'a.md': 'alpha', 'deep/er/b.md': 'beta 中文' });
    const reader = new LocalFileReader(dir);
    assert.equal(text(reader.readTransient('a.md')), 'alpha');
    assert.equal(text(reader.readTransient('deep/er/b.md')), 'beta 中文');
  });

  it('follows a symbolic link only to a target inside the workspace', () => {
    const dir = tempWorkspace({ 'notes/real.md': 'real' });
    symlinkSync(path.join(dir, 'notes', 'real.md'), path.join(dir, 'alias.md'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'leak.md'));
    const reader = new LocalFileReader(dir);
    assert.equal(text(reader.readTransient('alias.md')), 'real');
    assert.throws(() => reader.readTransient('leak.md'), /outside the workspace/);
  });

  it('never reads below a folder that is a symbolic link to outside', () => {
    const dir = tempWorkspace({ 'a.md': 'a' });
    symlinkSync(path.join(outside, 'dir'), path.join(dir, 'linked'));
    mkdirSync(path.join(dir, 'inner'));
    symlinkSync(path.join(dir, 'inner'), path.join(dir, 'inner-alias'));
    writeFileSync(path.join(dir, 'inner', 'y.md'), 'inner y');
    const reader = new LocalFileReader(dir);
    assert.throws(() => reader.readTransient('linked/x.md'), /outside the workspace/);
    assert.equal(text(reader.readTransient('inner-alias/y.md')), 'inner y');
  });

  it('says why a file vanished, and reads it again once it is back', () => {
    const dir = tempWorkspace({ 'a.md': 'a' });
    const reader = new LocalFileReader(dir);
    assert.throws(() => reader.readTransient('gone/b.md'), /ENOENT/);
    mkdirSync(path.join(dir, 'gone'));
    writeFileSync(path.join(dir, 'gone', 'b.md'), 'back');
    assert.equal(text(reader.readTransient('gone/b.md')), 'back');
  });

  it('stops reading one byte past the largest note checked', function () {
    this.timeout(20000);
    const dir = tempWorkspace({ 'huge.md': Buffer.alloc(MAX_NOTE_BYTES + 5 * 1024 * 1024, 0x61), 'limit.md': Buffer.alloc(MAX_NOTE_BYTES, 0x62) });
    const reader = new LocalFileReader(dir);
    assert.equal(reader.readTransient('huge.md').length, MAX_NOTE_BYTES + 1);
    assert.equal(reader.readTransient('limit.md').length, MAX_NOTE_BYTES);
  });

  it('isInsideRoot: the folder itself and below it, not a sibling sharing its prefix', () => {
    assert.ok(isInsideRoot('/w/notes', '/w/notes'));
    assert.ok(isInsideRoot('/w/notes', '/w/notes/a.md'));
    assert.ok(!isInsideRoot('/w/notes', '/w/notes-old/a.md'));
    assert.ok(isInsideRoot('/', '/etc/x'));
  });

  it('realpathWithFallback: the portable realpath answers where the native one fails, but not for a missing path', async () => {
    const failing = (code: string) => async (p: string): Promise<string> => { throw Object.assign(new Error(`${code}: ${p}`), { code }); };
    const portable = async (p: string) => `/portable${p}`;
    assert.equal(await realpathWithFallback(failing('EISDIR'), portable)('/r/a'), '/portable/r/a');
    assert.equal(await realpathWithFallback(failing('UNKNOWN'), portable)('/r/a'), '/portable/r/a');
    assert.equal(await realpathWithFallback(async p => `/native${p}`, portable)('/r/a'), '/native/r/a');
    for (const code of ['ENOENT', 'ENOTDIR']) {
      await assert.rejects(realpathWithFallback(failing(code), portable)('/r/a'), (e: NodeJS.ErrnoException) => e.code === code);
    }
  });

  it('realPathInsideRoot: a path, existing or to be created, stays inside unless a link on the way leads out or dangles', async () => {
    const dir = realpathSync(tempWorkspace({ 'a.md': 'a', 'notes/b.md': 'b' }));
    symlinkSync(path.join(outside, 'dir'), path.join(dir, 'etc'));
    symlinkSync(path.join(dir, 'notes'), path.join(dir, 'alias'));
    symlinkSync(path.join(outside, 'nothing.md'), path.join(dir, 'dangling.md'));
    const inside = (p: string) => realPathInsideRoot(dir, path.join(dir, p), fs);
    for (const p of ['a.md', 'notes/b.md', 'notes/new.md', 'new/deeper/c.md', 'alias/b.md', 'alias/new.md']) assert.ok(await inside(p), p);
    for (const p of ['etc/x.md', 'etc/new.md', 'etc/new/deeper.md', 'dangling.md', 'notes/../../x.md']) assert.ok(!(await inside(p)), p);
    // an ancestor that cannot be resolved for another reason (a loop, no permission) is refused
    const loop = Object.assign(new Error('loop'), { code: 'ELOOP' });
    assert.ok(!(await realPathInsideRoot(dir, path.join(dir, 'a.md'), { realpath: async () => { throw loop; }, lstat: fs.lstat })));
  });
});
