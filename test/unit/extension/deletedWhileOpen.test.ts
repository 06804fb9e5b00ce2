import { events, settings, Uri, warnings, workspace, type DiagnosticCollection } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as vscode from 'vscode';
import { registerDiagnostics } from '../../../src/extension/diagnostics';
import { IndexService } from '../../../src/extension/indexService';

/** An editor buffer over `text` for a file of the workspace folder. */
function buffer(uri: Uri, text: string, dirty: boolean, version = 1) {
  return { uri, version, isDirty: dirty, isClosed: false, getText: () => text };
}
type Buffer = ReturnType<typeof buffer>;

const settle = (ms = 15) => new Promise(r => setTimeout(r, ms));

/**
 * A note's file deleted on disk while its buffer is open: unsaved text counts, so a dirty buffer keeps the note in
 * the index (its diagnostics stay, links to it resolve) until the buffer is closed unsaved or reverted.
 */
describe('IndexService: a note deleted on disk while its buffer is open (vscode stub)', () => {
  let dir: string;
  let service: IndexService;
  let collection: DiagnosticCollection;
  let subscriptions: { dispose(): unknown }[];

  async function start(files: Record<string, string>): Promise<void> {
    for (const [file, text] of Object.entries(files)) write(file, text);
    service = new IndexService(Uri.file(dir) as unknown as vscode.Uri);
    subscriptions = [];
    collection = registerDiagnostics({ subscriptions } as unknown as vscode.ExtensionContext, service) as unknown as DiagnosticCollection;
    void service.start();
    await service.ready;
    await idle();
  }

  function write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }

  const uri = (file: string) => Uri.file(`${dir}/${file}`);

  async function idle(): Promise<void> {
    await settle();
    await (service as unknown as { enqueue(t: () => Promise<void>): Promise<void> }).enqueue(async () => undefined);
    await settle(1);
  }

  /** `doc` was edited (it becomes what `workspace.textDocuments` lists with `others`). */
  async function edited(doc: Buffer, ...others: Buffer[]): Promise<void> {
    workspace.textDocuments = [doc, ...others];
    events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    await idle();
  }

  /** The file (or folder) goes from the disk and the watcher says so. */
  async function deleteOnDisk(file: string): Promise<void> {
    rmSync(path.join(dir, file), { recursive: true });
    events.fsDelete.fire(uri(file));
    await idle();
  }

  async function closeUnsaved(doc: Buffer): Promise<void> {
    doc.isClosed = true;
    workspace.textDocuments = workspace.textDocuments.filter(d => d !== doc);
    events.closeTextDocument.fire(doc);
    await idle();
  }

  /** "Revert File": the buffer is no longer dirty; its file being gone, its text stays (a change of dirty state only). */
  async function reverted(doc: Buffer): Promise<void> {
    doc.isDirty = false;
    doc.version++;
    events.changeTextDocument.fire({ document: doc, contentChanges: [] });
    await idle();
  }

  const codes = (file: string) => service.index.diagnostics(file).map(d => d.code).filter(c => c !== 'frontmatter-missing');
  const published = (file: string) => (collection.byPath.get(`${dir}/${file}`) ?? []).map(d => d.code).filter(c => c !== 'frontmatter-missing');
  const files = () => [...service.index.files()].sort();

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'nn-deleted-')));
    settings.clear();
    settings.set('notesNavigator.diagnostics.debounceMs', 0);
    warnings.length = 0;
    workspace.textDocuments = [];
  });

  afterEach(() => {
    service?.dispose();
    for (const s of subscriptions ?? []) s.dispose();
    workspace.textDocuments = [];
    rmSync(dir, { recursive: true, force: true });
  });

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
    assert.equal(collection.byPath.has(`${dir}/a.md`), false, 'its diagnostics are cleared');
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
    assert.equal(service.index.diagnostics('a.md').filter(d => d.code === 'link-broken').length, 1, 'only the link to d.md is broken');
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
});
