import { events, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer, LiveFolder } from './liveService';

/**
 * A note that is still there but can no longer be read (here: its path made a link to a file outside the workspace,
 * which is never read; a permission taken away reads the same): it is unreadable, as a load marks it, and its old
 * text's findings go.
 */
describe('a note that can no longer be read', () => {
  const h = new LiveFolder('nn-unreadable-');
  let outside = '';
  beforeEach(() => { outside = mkdtempSync(path.join(tmpdir(), 'nn-outside-')); });
  afterEach(() => rmSync(outside, { recursive: true, force: true }));

  async function relinked(): Promise<void> {
    await h.start({ 'a.md': '# A\n\n[x](missing.md)\n', 'hub.md': '# Hub\n\n[a](a.md)\n' });
    assert.deepEqual(h.codes('a.md'), ['link-broken']);
    writeFileSync(path.join(outside, 'a.md'), '# Outside\n');
    rmSync(path.join(h.dir, 'a.md'));
    symlinkSync(path.join(outside, 'a.md'), path.join(h.dir, 'a.md'));
  }

  function assertUnreadable(): void {
    assert.match(h.service.index.note('a.md')?.unreadable ?? '', /could not be read/);
    assert.deepEqual(h.codes('a.md').filter(c => c === 'link-broken'), [], 'the old text is not checked');
    assert.deepEqual(h.codes('hub.md'), [], 'the note is there: links to it resolve');
  }

  it('reported changed: the note is unreadable', async () => {
    await relinked();
    events.fsChange.fire(h.uri('a.md'));
    await h.idle();
    assertUnreadable();
  });

  it('open in a clean buffer, reported changed: the note is unreadable', async () => {
    await relinked();
    workspace.textDocuments = [buffer(h.uri('a.md'), '# A\n\n[x](missing.md)\n', false)];
    events.fsChange.fire(h.uri('a.md'));
    await h.idle();
    assertUnreadable();
  });
});
