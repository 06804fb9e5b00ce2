import './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { LiveFolder } from './liveService';
import { events } from './vscodeStub';

describe('files the editor creates and deletes (workspace.onDidCreateFiles / onDidDeleteFiles)', () => {
  const f = new LiveFolder('nn-fileops-');
  /** how often `file` was among the re-checked files since `count` started */
  const counter = (file: string) => {
    let n = 0;
    const sub = f.service.onDidChange(e => { if (e.files.includes(file)) n++; });
    return { get n() { return n; }, dispose: () => sub.dispose() };
  };

  it('a note the editor creates is indexed with no watcher report, and the watcher\'s report of it reads nothing again', async () => {
    await f.start({ 'hub.md': '# Hub\n\n[a](a.md)\n' });
    assert.deepEqual(f.codes('hub.md'), ['link-broken']);
    const checks = counter('a.md');
    f.write('a.md', '# A\n');
    events.createFiles.fire({ files: [f.uri('a.md')] });
    await f.idle();
    assert.ok(f.service.index.isNote('a.md'));
    assert.deepEqual(f.codes('hub.md'), []);
    assert.equal(checks.n, 1);
    events.fsCreate.fire(f.uri('a.md'));
    await f.idle();
    assert.equal(checks.n, 1, 'the second report of the same creation changes nothing');
    checks.dispose();
  });

  it('a file changed between the two reports of its creation is read again', async () => {
    await f.start({ 'hub.md': '# Hub\n\n[a](a.md#later)\n' });
    f.write('a.md', '# A\n');
    events.createFiles.fire({ files: [f.uri('a.md')] });
    await f.idle();
    assert.deepEqual(f.codes('hub.md'), ['link-anchor-broken']);
    // same size, another time: still a change
    const before = statSync(path.join(f.dir, 'a.md')).mtime;
    f.write('a.md', '# B\n');
    f.write('a.md', '# Later\n');
    utimesSync(path.join(f.dir, 'a.md'), before, new Date(before.getTime() + 5000));
    events.fsCreate.fire(f.uri('a.md'));
    await f.idle();
    assert.deepEqual(f.codes('hub.md'), []);
  });

  it('a note or a folder the editor deletes leaves the index with no watcher report; the watcher\'s report changes nothing', async () => {
    await f.start({ 'hub.md': '# Hub\n\n[a](a.md) [b](sub/b.md)\n', 'a.md': '# A\n', 'sub/b.md': '# B\n' });
    assert.deepEqual(f.codes('hub.md'), []);
    rmSync(path.join(f.dir, 'a.md'));
    rmSync(path.join(f.dir, 'sub'), { recursive: true });
    events.deleteFiles.fire({ files: [f.uri('a.md'), f.uri('sub')] });
    await f.idle();
    assert.ok(!f.service.index.hasFile('a.md') && !f.service.index.hasFile('sub/b.md'));
    assert.deepEqual(f.codes('hub.md'), ['link-broken', 'link-broken']);
    const checks = counter('hub.md');
    events.fsDelete.fire(f.uri('a.md'));
    events.fsDelete.fire(f.uri('sub'));
    await f.idle();
    assert.equal(checks.n, 0);
    checks.dispose();
  });
});

describe('a deletion reported for a path that is still on disk (a moved folder\'s subfolders report under old paths)', () => {
  const f = new LiveFolder('nn-stale-');

  it('a file still there stays indexed, and is read again', async () => {
    await f.start({ 'hub.md': '# Hub\n\n[a](sub/inner/a.md#now)\n', 'sub/inner/a.md': '# Before\n' });
    assert.deepEqual(f.codes('hub.md'), ['link-anchor-broken']);
    f.write('sub/inner/a.md', '# Now\n');
    events.fsDelete.fire(f.uri('sub/inner/a.md'));
    await f.idle();
    assert.ok(f.service.index.isNote('sub/inner/a.md'));
    assert.deepEqual(f.codes('hub.md'), []);
  });

  it('a folder still there keeps the files it holds, and drops only those gone', async () => {
    await f.start({ 'hub.md': '# Hub\n\n[a](sub/inner/a.md) [b](sub/inner/b.md)\n', 'sub/inner/a.md': '# A\n', 'sub/inner/b.md': '# B\n' });
    rmSync(path.join(f.dir, 'sub/inner/b.md'));
    events.fsDelete.fire(f.uri('sub/inner'));
    await f.idle();
    assert.ok(f.service.index.isNote('sub/inner/a.md') && !f.service.index.hasFile('sub/inner/b.md'));
    assert.deepEqual(f.codes('hub.md'), ['link-broken']);
  });
});
