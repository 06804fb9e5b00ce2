import { events, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buffer, LiveFolder, type Buffer } from './liveService';

/**
 * A note's file deleted on disk while its buffer is open: unsaved text counts, so a dirty buffer keeps the note in
 * the index (its diagnostics stay, links to it resolve) until the buffer is closed unsaved or reverted.
 */
describe('IndexService: a note deleted on disk while its buffer is open (vscode stub)', () => {
  // what is published follows the buffer and the disk: in a folder without a series or .notes-navigator.json (which
  // would be files of the index too), only `always` publishes (see diagnosticsGate.test.ts for `auto`)
  const h = new LiveFolder('nn-deleted-', { 'notesNavigator.diagnostics.enabled': 'always' });
  const { start, write, uri, idle, edited, closeUnsaved, codes, published } = h;

  async function deleteOnDisk(file: string): Promise<void> {
    rmSync(path.join(h.dir, file), { recursive: true });
    events.fsDelete.fire(uri(file));
    await idle();
  }

  async function reverted(doc: Buffer): Promise<void> {
    doc.isDirty = false;
    doc.version++;
    events.changeTextDocument.fire({ document: doc, contentChanges: [] });
    await idle();
  }

  const files = () => [...h.service.index.files()].sort();

  it('a dirty buffer keeps its note (diagnostics, links to it) through the delete and further typing; closed unsaved, the note goes', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n\n[a](a.md)\n' });
    const doc = buffer(uri('a.md'), '# A\n\n[x](missing.md)\n', true, 2);
    await edited(doc);
    assert.deepEqual(published('a.md'), ['link-broken']);
    await deleteOnDisk('a.md');
    assert.deepEqual(files(), ['a.md', 'b.md'], 'the unsaved buffer is still part of the workspace');
    assert.deepEqual(published('a.md'), ['link-broken'], "the buffer's diagnostics stay");
    assert.deepEqual(published('b.md'), [], 'a link to it still resolves');
    const typed = buffer(uri('a.md'), '# A\n\n[x](missing.md)\nmore\n', true, 3);
    await edited(typed);
    assert.deepEqual(published('b.md'), []);
    await closeUnsaved(typed);
    assert.deepEqual(files(), ['b.md']);
    assert.equal(h.collection.byPath.has(`${h.dir}/a.md`), false, 'its diagnostics are cleared');
    assert.deepEqual(published('b.md'), ['link-broken'], 'the link to it is re-checked');
  });

  it('a dirty buffer of a deleted file reverted (still open): the note goes', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n\n[a](a.md)\n' });
    const doc = buffer(uri('a.md'), '# A\n\nedited\n', true, 2);
    await edited(doc);
    await deleteOnDisk('a.md');
    assert.deepEqual(published('b.md'), []);
    await reverted(doc);
    assert.deepEqual(files(), ['b.md']);
    assert.deepEqual(published('b.md'), ['link-broken']);
  });

  it('a dirty buffer of a deleted file saved: the file is back and nothing changes', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n\n[a](a.md)\n' });
    const doc = buffer(uri('a.md'), '# A\n\n[x](missing.md)\n', true, 2);
    await edited(doc);
    await deleteOnDisk('a.md');
    write('a.md', doc.getText());
    doc.isDirty = false;
    doc.version++;
    events.changeTextDocument.fire({ document: doc, contentChanges: [] });
    events.saveTextDocument.fire(doc);
    events.fsCreate.fire(uri('a.md'));
    await idle();
    assert.deepEqual(files(), ['a.md', 'b.md']);
    assert.deepEqual(published('a.md'), ['link-broken']);
    assert.deepEqual(published('b.md'), []);
    await closeUnsaved(doc);
    assert.deepEqual(files(), ['a.md', 'b.md'], 'closing a saved buffer changes nothing');
  });

  it('a deleted file whose open buffer is not dirty leaves the index at once', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n\n[a](a.md)\n' });
    workspace.textDocuments = [buffer(uri('a.md'), '# A\n', false)];
    await deleteOnDisk('a.md');
    assert.deepEqual(files(), ['b.md']);
    assert.deepEqual(published('b.md'), ['link-broken']);
  });

  it('a folder deleted with a dirty buffer inside: that note stays until its buffer is closed, the others go at once', async () => {
    await start({ 'a.md': '# A\n\n[c](sub/c.md) [d](sub/d.md)\n', 'sub/c.md': '# C\n', 'sub/d.md': '# D\n' });
    const doc = buffer(uri('sub/c.md'), '# C\n\nedited\n', true, 2);
    await edited(doc);
    await deleteOnDisk('sub');
    assert.deepEqual(files(), ['a.md', 'sub/c.md']);
    assert.equal(h.service.index.diagnostics('a.md').filter(d => d.code === 'link-broken').length, 1, 'only the link to d.md is broken');
    await closeUnsaved(doc);
    assert.deepEqual(files(), ['a.md']);
    assert.equal(codes('a.md').filter(c => c === 'link-broken').length, 2);
  });

  it('a dirty note renamed (old path deleted while its buffer is still listed): no ghost at the old path', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n\n[a](a.md)\n' });
    const old = buffer(uri('a.md'), '# A\n\nedited\n', true, 2);
    await edited(old);
    // the watcher reports the old path's delete before the editor has moved the buffer
    write('c.md', '# A\n');
    await deleteOnDisk('a.md');
    events.fsCreate.fire(uri('c.md'));
    await idle();
    const moved = buffer(uri('c.md'), '# A\n\nedited\n', true, 1);
    workspace.textDocuments = [old, moved];
    events.renameFiles.fire({ files: [{ oldUri: uri('a.md'), newUri: uri('c.md') }] });
    await idle();
    await closeUnsaved(old);
    assert.deepEqual(files(), ['b.md', 'c.md']);
    assert.deepEqual(published('b.md'), ['link-broken']);
  });

  it('the old buffer closed before the rename event arrives leaves no ghost either', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const old = buffer(uri('a.md'), '# A\n\nedited\n', true, 2);
    await edited(old);
    write('c.md', '# A\n');
    await deleteOnDisk('a.md');
    const moved = buffer(uri('c.md'), '# A\n\nedited\n', true, 1);
    workspace.textDocuments = [old, moved];
    events.openTextDocument.fire(moved);
    await closeUnsaved(old);
    events.fsCreate.fire(uri('c.md'));
    events.renameFiles.fire({ files: [{ oldUri: uri('a.md'), newUri: uri('c.md') }] });
    await idle();
    assert.deepEqual(files(), ['b.md', 'c.md']);
    assert.deepEqual(codes('c.md'), []);
  });

  it('a file the config leaves out, deleted on disk while its buffer is unsaved, is still there after a reload (config change, Refresh)', async () => {
    const readme = '# Series\n\n| Chapter | Note |\n|---|---|\n| 1 | [Outline](outline.md) |\n';
    await start({ '.notes-navigator.json': '{ "include": ["**/README.md"] }\n', 'README.md': readme, 'outline.md': '# Outline\n' });
    assert.ok(h.service.index.hasFile('outline.md') && !h.service.index.isNote('outline.md'));
    const doc = buffer(uri('outline.md'), '# Outline\n\nunsaved\n', true, 2);
    workspace.textDocuments = [doc];
    await deleteOnDisk('outline.md');
    assert.ok(h.service.index.hasFile('outline.md'), 'kept while its buffer is unsaved');
    await h.service.rescan();
    assert.ok(h.service.index.hasFile('outline.md'), 'a save would write it back: links to it still resolve');
    assert.deepEqual(published('README.md').filter(c => c === 'link-broken'), []);
    await reverted(doc);
    assert.ok(!h.service.index.hasFile('outline.md'), 'reverted, it is gone');
    assert.deepEqual(published('README.md').filter(c => c === 'link-broken'), ['link-broken']);
  });

  it('that file closed unsaved (no revert reported) leaves the index: no file is left behind', async () => {
    await start({ '.notes-navigator.json': '{ "include": ["**/README.md"] }\n', 'README.md': '# S\n\n[o](outline.md)\n', 'outline.md': '# Outline\n' });
    const doc = buffer(uri('outline.md'), '# Outline\n\nunsaved\n', true, 2);
    workspace.textDocuments = [doc];
    await deleteOnDisk('outline.md');
    assert.ok(h.service.index.hasFile('outline.md'), 'kept while its buffer is unsaved');
    assert.deepEqual(published('README.md'), []);
    await closeUnsaved(doc);
    assert.ok(!h.service.index.hasFile('outline.md'));
    assert.deepEqual(published('README.md'), ['link-broken']);
  });

  it('that file deleted while its buffer was clean, then typed into: the unsaved buffer brings it back; closed unsaved, it goes', async () => {
    await start({ '.notes-navigator.json': '{ "include": ["**/README.md"] }\n', 'README.md': '# S\n\n[o](outline.md)\n', 'outline.md': '# Outline\n' });
    const doc = buffer(uri('outline.md'), '# Outline\n', false);
    workspace.textDocuments = [doc];
    await deleteOnDisk('outline.md');
    assert.ok(!h.service.index.hasFile('outline.md'), 'a clean buffer keeps nothing');
    assert.deepEqual(published('README.md'), ['link-broken']);
    // the editor still shows the file: typing into it makes text that a save writes back (found by the consistency walk's seed 172)
    const typed = buffer(uri('outline.md'), '# Outline\n\nunsaved\n', true, 2);
    await edited(typed);
    assert.ok(h.service.index.hasFile('outline.md'), 'the unsaved buffer holds the file again');
    assert.ok(!h.service.index.isNote('outline.md'), 'as the file the config leaves out, not as a note');
    assert.deepEqual(published('README.md'), []);
    await closeUnsaved(typed);
    assert.ok(!h.service.index.hasFile('outline.md'));
    assert.deepEqual(published('README.md'), ['link-broken']);
  });
});
