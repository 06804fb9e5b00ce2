import { events, settings, Uri, warnings, workspace, type DiagnosticCollection } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as vscode from 'vscode';
import { registerDiagnostics } from '../../../src/extension/diagnostics';
import { IndexService } from '../../../src/extension/indexService';

/** An editor buffer over `text` for a file of the workspace folder `root`. */
function buffer(uri: Uri, text: string, dirty: boolean, version = 1) {
  return { uri, version, isDirty: dirty, isClosed: false, getText: () => text };
}

const settle = (ms = 15) => new Promise(r => setTimeout(r, ms));

describe('IndexService lifecycle (vscode stub, files on disk)', () => {
  let dir: string;
  let service: IndexService;
  let collection: DiagnosticCollection;
  let subscriptions: { dispose(): unknown }[];

  /** Writes the files, starts a service over them and waits for the initial load. */
  async function start(files: Record<string, string | Uint8Array>): Promise<void> {
    for (const [file, text] of Object.entries(files)) write(file, text);
    service = new IndexService(Uri.file(dir) as unknown as vscode.Uri);
    subscriptions = [];
    collection = registerDiagnostics({ subscriptions } as unknown as vscode.ExtensionContext, service) as unknown as DiagnosticCollection;
    void service.start();
    await service.ready;
    await idle();
  }

  function write(file: string, text: string | Uint8Array): void {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }

  const uri = (file: string) => Uri.file(`${dir}/${file}`);

  /** Waits for the debounce timers and the service's queue to drain. */
  async function idle(): Promise<void> {
    await settle();
    await (service as unknown as { enqueue(t: () => Promise<void>): Promise<void> }).enqueue(async () => undefined);
    await settle(1);
  }

  /** `doc`, the only open buffer, was edited. */
  async function edited(doc: ReturnType<typeof buffer>): Promise<void> {
    workspace.textDocuments = [doc];
    events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    await idle();
  }

  /** The editor closes `doc` without saving it. */
  async function closeUnsaved(doc: { isClosed: boolean }): Promise<void> {
    doc.isClosed = true;
    workspace.textDocuments = [];
    events.closeTextDocument.fire(doc);
    await idle();
  }

  /** A `notesNavigator.*` setting changed. */
  async function settingsChanged(): Promise<void> {
    events.changeConfiguration.fire({ affectsConfiguration: (section: string) => section === 'notesNavigator' });
    await idle();
  }

  // the notes have no frontmatter: only the other findings are looked at
  const codes = (file: string) => service.index.diagnostics(file).map(d => d.code).filter(c => c !== 'frontmatter-missing');
  const published = (file: string) => (collection.byPath.get(`${dir}/${file}`) ?? []).map(d => d.code).filter(c => c !== 'frontmatter-missing');

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'nn-life-')));
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

  it('indexes an unsaved buffer opened after the load (a restored hot-exit backup) and goes back to the disk when it is closed', async () => {
    await start({ 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' });
    assert.deepEqual(codes('a.md'), []);
    const doc = buffer(uri('a.md'), '# A\n\n[gone](missing.md)\n', true, 3);
    workspace.textDocuments = [doc];
    events.openTextDocument.fire(doc);
    await idle();
    assert.deepEqual(codes('a.md'), ['link-broken'], 'the buffer shown in the editor is what is checked');
    assert.deepEqual(published('a.md'), ['link-broken']);
    await closeUnsaved(doc);
    assert.deepEqual(codes('a.md'), [], 'closed without saving: the disk text again');
    assert.deepEqual(published('a.md'), []);
  });

  it('knows a buffer edited without a change of length is not indexed yet (quick fixes must wait for it)', async () => {
    await start({ 'a.md': '[x](b.md)\n', 'b.md': '# B\n', 'c.md': '# C\n' });
    settings.set('notesNavigator.diagnostics.debounceMs', 60);
    await settingsChanged();
    const asShown = (doc: ReturnType<typeof buffer>) => service.isIndexedAsShown(
      { ...doc, lineCount: 1, lineAt: () => ({ range: { end: {} } }), offsetAt: () => doc.getText().length } as unknown as vscode.TextDocument,
      service.index.note('a.md')!.length);
    const clean = buffer(uri('a.md'), '[x](b.md)\n', false, 1);
    assert.equal(asShown(clean), true);
    // `b` typed over `c`: same length, other text; the re-index waits for the debounce
    const typed = buffer(uri('a.md'), '[x](c.md)\n', true, 2);
    workspace.textDocuments = [typed];
    events.changeTextDocument.fire({ document: typed, contentChanges: [{}] });
    assert.equal(asShown(typed), false, 'pending re-index');
    await settle(90);
    await idle();
    assert.equal(asShown(typed), true);
    // a later version the index has not seen (its change event not yet handled) is not the indexed text either
    assert.equal(asShown(buffer(uri('a.md'), '[x](b.md)\n', true, 3)), false);
  });

  it('a clean buffer opened after the load changes nothing', async () => {
    await start({ 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' });
    const doc = buffer(uri('a.md'), '# A\n\n[b](b.md)\n', false);
    workspace.textDocuments = [doc];
    events.openTextDocument.fire(doc);
    await idle();
    assert.deepEqual(codes('a.md'), []);
  });

  it('never indexes a document of another scheme (git diff view, untitled) nor a file outside the folder', async () => {
    await start({ 'a.md': '# A\n' });
    const git = buffer(new Uri('git', '', `${dir}/a.md`), '# A\n\n[x](missing.md)\n', true, 2);
    const untitled = buffer(new Uri('untitled', '', 'Untitled-1'), '[x](missing.md)\n', true, 2);
    const outside = buffer(Uri.file(`${dir}-other/c.md`), '[x](missing.md)\n', true, 2);
    workspace.textDocuments = [git, untitled, outside];
    for (const d of [git, untitled, outside]) {
      events.openTextDocument.fire(d);
      events.changeTextDocument.fire({ document: d, contentChanges: [{}] });
    }
    await idle();
    assert.deepEqual(codes('a.md'), []);
    assert.deepEqual([...service.index.files()].sort(), ['a.md']);
    assert.deepEqual([...collection.byPath.keys()], [`${dir}/a.md`], 'diagnostics only on the folder\'s own note');
  });

  it('a path that differs from the folder only in case is outside it on a case-sensitive file system', async function () {
    if (process.platform !== 'linux') this.skip();
    await start({ 'a.md': '# A\n' });
    assert.equal(service.fileOf(uri('a.md') as unknown as vscode.Uri), 'a.md');
    assert.equal(service.fileOf(Uri.file(`${dir.toUpperCase()}/a.md`) as unknown as vscode.Uri), undefined);
  });

  it('a folder deleted on disk (one event for the folder) drops its notes, their diagnostics, and breaks links to them', async () => {
    await start({ 'a.md': '# A\n\n[c](sub/c.md)\n', 'sub/c.md': '# C\n\n[x](missing.md)\n' });
    assert.deepEqual(published('sub/c.md'), ['link-broken']);
    rmSync(path.join(dir, 'sub'), { recursive: true });
    events.fsDelete.fire(uri('sub'));
    await idle();
    assert.deepEqual([...service.index.files()], ['a.md']);
    assert.equal(collection.byPath.has(`${dir}/sub/c.md`), false);
    assert.deepEqual(published('a.md'), ['link-broken']);
  });

  it('a change event for a folder does not index the folder as a file (its deletion then drops its notes)', async () => {
    await start({ 'a.md': '# A\n\n[s](sub)\n', 'sub/c.md': '# C\n' });
    write('sub/d.md', '# D\n');
    events.fsCreate.fire(uri('sub/d.md'));
    events.fsChange.fire(uri('sub'));
    await idle();
    assert.deepEqual([...service.index.files()].sort(), ['a.md', 'sub/c.md', 'sub/d.md']);
    rmSync(path.join(dir, 'sub'), { recursive: true });
    events.fsDelete.fire(uri('sub'));
    await idle();
    assert.deepEqual([...service.index.files()], ['a.md']);
  });

  it('a file renamed with its unsaved buffer, then closed without saving: the index goes back to the disk text', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const old = buffer(uri('a.md'), '# A\n\n[x](missing.md)\n', true, 2);
    await edited(old);
    assert.deepEqual(codes('a.md'), ['link-broken']);
    // the explorer renames a.md to c.md: the editor moves the unsaved buffer to the new name
    write('c.md', '# A\n');
    rmSync(path.join(dir, 'a.md'));
    old.isClosed = true;
    const moved = buffer(uri('c.md'), '# A\n\n[x](missing.md)\n', true, 1);
    workspace.textDocuments = [moved];
    events.renameFiles.fire({ files: [{ oldUri: uri('a.md'), newUri: uri('c.md') }] });
    await idle();
    assert.deepEqual([...service.index.files()].sort(), ['b.md', 'c.md']);
    assert.deepEqual(codes('c.md'), ['link-broken']);
    await closeUnsaved(moved);
    assert.deepEqual(codes('c.md'), [], 'closed unsaved: c.md as it is on disk');
  });

  it('a file changed on disk while its unsaved buffer is open: the buffer wins until it is closed', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const doc = buffer(uri('a.md'), '# A\n\n[b](b.md)\n', true, 2);
    await edited(doc);
    write('a.md', '# A\n\n[x](missing.md)\n');
    events.fsChange.fire(uri('a.md'));
    await idle();
    assert.deepEqual(codes('a.md'), []);
    await closeUnsaved(doc);
    assert.deepEqual(codes('a.md'), ['link-broken']);
  });

  it('a note open in a clean editor that becomes UTF-16 on disk is unreadable, as when it is closed', async () => {
    await start({ 'a.md': '# A\n' });
    const doc = buffer(uri('a.md'), '# A\n', false);
    workspace.textDocuments = [doc];
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('# A\n', 'utf16le')]);
    write('a.md', utf16);
    events.fsChange.fire(uri('a.md'));
    await idle();
    assert.match(service.index.note('a.md')?.unreadable ?? '', /UTF-16/);
  });

  it('very fast edits are coalesced and the last one is what is published', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    settings.set('notesNavigator.diagnostics.debounceMs', 5);
    await settingsChanged();
    const texts = ['# A\n\n[x](m1.md)\n', '# A\n\n[x](m2.md)\n', '# A\n\n[b](b.md)\n'];
    const doc = buffer(uri('a.md'), '', true, 1);
    workspace.textDocuments = [doc];
    for (const [i, t] of texts.entries()) {
      doc.version = i + 2;
      doc.getText = () => t;
      events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    }
    await idle();
    assert.deepEqual(codes('a.md'), []);
    assert.deepEqual(published('a.md'), []);
  });

  it('diagnostics.enabled off clears the Problems, on restores them', async () => {
    await start({ 'a.md': '# A\n\n[x](missing.md)\n' });
    assert.deepEqual(published('a.md'), ['link-broken']);
    settings.set('notesNavigator.diagnostics.enabled', false);
    await settingsChanged();
    assert.equal(collection.byPath.size, 0);
    events.changeTextDocument.fire({ document: buffer(uri('a.md'), '# A\n\n[y](missing2.md)\n', true, 2), contentChanges: [{}] });
    await idle();
    assert.equal(collection.byPath.size, 0, 'edits while off publish nothing');
    settings.set('notesNavigator.diagnostics.enabled', true);
    await settingsChanged();
    assert.deepEqual(published('a.md'), ['link-broken']);
  });

  it('.notes-navigator.json broken, fixed and broken again the same way: the problem is reported both times', async () => {
    await start({ 'a.md': '# A\n', '.notes-navigator.json': '{' });
    assert.equal(warnings.length, 1);
    write('.notes-navigator.json', '{}');
    events.fsChange.fire(uri('.notes-navigator.json'));
    await idle();
    assert.equal(warnings.length, 1);
    write('.notes-navigator.json', '{');
    events.fsChange.fire(uri('.notes-navigator.json'));
    await idle();
    assert.equal(warnings.length, 2, 'the problem came back: it is reported again');
    // saved again unchanged (still broken): not reported a third time
    events.fsChange.fire(uri('.notes-navigator.json'));
    await idle();
    assert.equal(warnings.length, 2);
  });

  it('diagnostics.enabled hand-edited to the string "false" turns them off, and is a boolean either way', async () => {
    await start({ 'a.md': '# A\n\n[x](missing.md)\n' });
    settings.set('notesNavigator.diagnostics.enabled', 'false');
    await settingsChanged();
    assert.equal(service.settings.diagnosticsEnabled, false);
    assert.equal(collection.byPath.size, 0);
    settings.set('notesNavigator.diagnostics.enabled', 'yes');
    await settingsChanged();
    assert.equal(service.settings.diagnosticsEnabled, true);
    assert.deepEqual(published('a.md'), ['link-broken']);
  });

  it('with no workspace folder nothing is indexed and start() resolves', async () => {
    service = new IndexService(undefined);
    void service.start();
    await service.ready;
    assert.deepEqual([...service.index.files()], []);
    assert.equal(service.fileOf(uri('a.md') as unknown as vscode.Uri), undefined);
  });
});
