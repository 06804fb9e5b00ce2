import { events } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LiveFolder } from './liveService';

/** A file replaced by a folder of the same name (`rm diagram && mkdir diagram`, a branch switch). */
describe('a file replaced by a folder of the same name', () => {
  const h = new LiveFolder('nn-file-folder-');
  const files = () => [...h.service.index.files()].sort();

  /** `diagram` (a plain file) and `notes.md` (a note) become folders holding a note. */
  async function replaced(): Promise<void> {
    await h.start({ 'hub.md': '# Hub\n\n[d](diagram)\n', 'diagram': 'x', 'notes.md': '# Notes\n' });
    for (const f of ['diagram', 'notes.md']) rmSync(path.join(h.dir, f));
    h.write('diagram/README.md', '# D\n');
    h.write('notes.md/n.md', '# N\n');
  }
  const after = ['diagram/README.md', 'hub.md', 'notes.md/n.md'];

  it('reported deleted and created: the file leaves the index, the folder\'s notes come', async () => {
    await replaced();
    for (const f of ['diagram', 'notes.md']) {
      events.fsDelete.fire(h.uri(f));
      events.fsCreate.fire(h.uri(f));
    }
    await h.idle();
    assert.deepEqual(files(), after);
    await h.service.reconcile();
    await h.idle();
    assert.deepEqual(files(), after);
  });

  // one change of the path (VS Code's watcher coalesces a deletion and a creation), or a creation alone
  for (const kind of ['fsChange', 'fsCreate'] as const) {
    it(`reported by ${kind} only: the file leaves the index, the folder's notes come`, async () => {
      await replaced();
      events[kind].fire(h.uri('diagram'));
      events[kind].fire(h.uri('notes.md'));
      await h.idle();
      assert.deepEqual(files(), after);
    });
  }

  it('unreported: a reconcile drops the file the listing leaves out, though its path is there (a folder)', async () => {
    await replaced();
    await h.service.reconcile();
    await h.idle();
    assert.deepEqual(files(), after);
  });
});
