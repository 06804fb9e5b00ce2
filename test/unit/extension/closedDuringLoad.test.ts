import { events, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { buffer, LiveFolder } from './liveService';

/** A dirty buffer the load reads, then closed unsaved while the load still runs (Refresh, Check Workspace). */
describe('a buffer closed unsaved while a load runs', () => {
  const h = new LiveFolder('nn-close-load-');
  const UNSAVED = '# N\n\n[x](unsaved-link.md)\n';

  /** A dirty buffer of n.md that the user closes (Don't Save) just after the load read its text. */
  function closedOnRead() {
    const doc = buffer(h.uri('n.md'), UNSAVED, true, 2);
    doc.getText = () => {
      queueMicrotask(() => {
        if (doc.isClosed) return;
        doc.isClosed = true;
        workspace.textDocuments = workspace.textDocuments.filter(d => d !== doc);
        events.closeTextDocument.fire(doc);
      });
      return UNSAVED;
    };
    return doc;
  }

  it('the index goes back to the disk\'s text, as when it is closed after the load', async () => {
    await h.start({ 'n.md': '# N\n', 'hub.md': '# Hub\n' });
    const doc = closedOnRead();
    workspace.textDocuments = [doc];
    await h.service.rescan();
    await h.idle();
    assert.ok(doc.isClosed, 'closed during the load');
    assert.deepEqual(h.codes('n.md'), [], 'the discarded unsaved link is not checked');
    assert.equal(h.service.index.note('n.md')?.length, '# N\n'.length);
  });

  it('left open, its unsaved text is what is checked', async () => {
    await h.start({ 'n.md': '# N\n', 'hub.md': '# Hub\n' });
    workspace.textDocuments = [buffer(h.uri('n.md'), UNSAVED, true, 2)];
    await h.service.rescan();
    await h.idle();
    assert.deepEqual(h.codes('n.md'), ['link-broken']);
  });
});
