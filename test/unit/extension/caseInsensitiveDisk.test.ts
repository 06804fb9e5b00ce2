import { events, FileType, workspace, type Uri } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { buffer, LiveFolder } from './liveService';

/**
 * A disk that ignores the case of names (macOS, Windows): `stat` finds `Alpha.md` once it is renamed `alpha.md`.
 * Simulated by a `workspace.fs.stat` that looks names up whatever their case; the folder listings stay exact.
 */
describe('a case-only rename on a disk that ignores case', () => {
  const h = new LiveFolder('nn-case-');
  const realStat = workspace.fs.stat;

  beforeEach(() => {
    workspace.fs.stat = async (uri: Uri) => {
      const folder = path.dirname(uri.path), name = path.basename(uri.path).toLowerCase();
      let hit: string | undefined;
      try {
        hit = readdirSync(folder).find(n => n.toLowerCase() === name);
      } catch {
        hit = undefined;
      }
      if (hit === undefined) return realStat(uri);
      const st = statSync(path.join(folder, hit));
      return { type: st.isDirectory() ? FileType.Directory : FileType.File, size: st.size, mtime: st.mtimeMs };
    };
  });
  afterEach(() => { workspace.fs.stat = realStat; });

  const files = () => [...h.service.index.files()].sort();

  it('reported (deleted, then created): the old name leaves the index, and stays out after a reconcile', async () => {
    await h.start({ 'Alpha.md': '# Alpha\n', 'hub.md': '# Hub\n\n[a](Alpha.md)\n' });
    renameSync(path.join(h.dir, 'Alpha.md'), path.join(h.dir, 'alpha.md'));
    events.fsDelete.fire(h.uri('Alpha.md'));
    events.fsCreate.fire(h.uri('alpha.md'));
    await h.idle();
    assert.deepEqual(files(), ['alpha.md', 'hub.md']);
    assert.deepEqual(h.codes('hub.md'), ['link-broken'], 'the link to the old name is broken');
    await h.service.reconcile();
    await h.idle();
    assert.deepEqual(files(), ['alpha.md', 'hub.md']);
  });

  it('unreported: a reconcile trusts the listing, which names the file in its new case only', async () => {
    await h.start({ 'Alpha.md': '# Alpha\n', 'hub.md': '# Hub\n' });
    renameSync(path.join(h.dir, 'Alpha.md'), path.join(h.dir, 'alpha.md'));
    await h.service.reconcile();
    await h.idle();
    assert.deepEqual(files(), ['alpha.md', 'hub.md']);
  });
  it('a save lists no folder: only a report of the old name looks for it under exactly its name', async () => {
    await h.start({ 'a.md': '# A\n', 'hub.md': '# Hub\n\n[a](a.md)\n' });
    const doc = buffer(h.uri('a.md'), '# A\n\nedited\n', true, 2);
    await h.edited(doc);
    const realList = workspace.fs.readDirectory;
    let listed = 0;
    workspace.fs.readDirectory = async (uri: Uri) => { listed++; return realList(uri); };
    try {
      // VS Code marks the buffer clean, then writes the file and reports the save
      doc.isDirty = false;
      events.changeTextDocument.fire({ document: doc, contentChanges: [] });
      h.write('a.md', doc.getText());
      events.saveTextDocument.fire(doc);
      await h.idle();
    } finally {
      workspace.fs.readDirectory = realList;
    }
    assert.equal(listed, 0);
    assert.deepEqual(files(), ['a.md', 'hub.md']);
  });
});
