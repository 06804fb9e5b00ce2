import { EventEmitter, events, settings, Uri, warnings, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type * as vscode from 'vscode';
import { IndexService } from '../../../src/extension/indexService';
import { buffer, LiveFolder, settle } from './liveService';
import { currentNote } from '../../../src/extension/features/currentNote';
import { trackReadiness } from '../../../src/extension/features/readiness';
import { defaultConfig } from '../../../src/core/config';

describe('IndexService lifecycle (vscode stub, files on disk)', () => {
  const h = new LiveFolder('nn-life-');
  const { start, write, uri, idle, edited, closeUnsaved, codes, published } = h;

  async function settingsChanged(): Promise<void> {
    events.changeConfiguration.fire({ affectsConfiguration: (section: string) => section === 'notesNavigator' });
    await idle();
  }

  it('indexes an unsaved buffer opened after the load (a restored hot-exit backup) and goes back to the disk when it is closed', async () => {
    settings.set('notesNavigator.diagnostics.enabled', 'always'); // (published in a folder without a series)
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
    const asShown = (doc: ReturnType<typeof buffer>) => h.service.isIndexedAsShown(
      { ...doc, lineCount: 1, lineAt: () => ({ range: { end: {} } }), offsetAt: () => doc.getText().length } as unknown as vscode.TextDocument,
      h.service.index.note('a.md')!.length);
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

  it('has an edit indexed at once when a feature asks for the note, however long the debounce', async () => {
    await start({ 'a.md': '[x](b.md)\n', 'b.md': '# B\n', 'c.md': '# C\n' });
    settings.set('notesNavigator.diagnostics.debounceMs', 5000);
    await settingsChanged();
    trackReadiness(h.service);
    await h.service.ready;
    const typed = buffer(uri('a.md'), '[x](c.md) and more\n', true, 2);
    workspace.textDocuments = [typed];
    events.changeTextDocument.fire({ document: typed, contentChanges: [{}] });
    const doc = { ...typed, lineCount: 1, lineAt: () => ({ range: { end: {} } }), offsetAt: () => typed.getText().length } as unknown as vscode.TextDocument;
    const t0 = Date.now();
    const note = await currentNote(h.service, doc);
    assert.ok(Date.now() - t0 < 900, `answered after ${Date.now() - t0} ms, not after the one-second wait`);
    assert.equal(note?.record.length, typed.getText().length, 'the record of the text on screen');
    assert.deepEqual(note?.record.scan.links.map(l => l.path), ['c.md']);
    // nothing waits any more: the debounce's own timer was dropped with it
    await settle(20);
    assert.equal(h.service.index.note('a.md')?.length, typed.getText().length);
  });

  it('leaves the debounce alone for a request the editor makes on its own, and waits it out', async () => {
    await start({ 'a.md': '[x](b.md)\n', 'b.md': '# B\n', 'c.md': '# C\n' });
    settings.set('notesNavigator.diagnostics.debounceMs', 300);
    await settingsChanged();
    trackReadiness(h.service);
    await h.service.ready;
    const typed = buffer(uri('a.md'), '[x](c.md) typed\n', true, 2);
    workspace.textDocuments = [typed];
    events.changeTextDocument.fire({ document: typed, contentChanges: [{}] });
    const doc = { ...typed, lineCount: 1, lineAt: () => ({ range: { end: {} } }), offsetAt: () => typed.getText().length } as unknown as vscode.TextDocument;
    const t0 = Date.now();
    const note = await currentNote(h.service, doc, { now: false, waitMs: 2000 });
    assert.ok(Date.now() - t0 >= 250, `indexed after ${Date.now() - t0} ms: the debounce was cut short`);
    assert.equal(note?.record.length, typed.getText().length, 'answered once the debounce indexed the text on screen');
  });

  it('keeps waiting when the note is re-checked for another note\'s edit before its own edit is indexed', async () => {
    const changes = new EventEmitter<{ files: string[] }>();
    let indexedAsShown = false;
    const record = { length: 1 };
    const service = {
      ready: Promise.resolve(), onDidChange: changes.event, fileOf: () => 'a.md', feedNow: () => undefined,
      index: { note: () => record, isIncluded: () => true, config: defaultConfig() }, isIndexedAsShown: () => indexedAsShown,
    } as unknown as IndexService;
    trackReadiness(service);
    await service.ready;
    const doc = { version: 7, isClosed: false } as unknown as vscode.TextDocument;
    const answer = currentNote(service, doc);
    setTimeout(() => changes.fire({ files: ['b.md', 'a.md'] }), 20); // a.md re-checked as b.md's dependent
    setTimeout(() => { indexedAsShown = true; changes.fire({ files: ['a.md'] }); }, 60); // then its own edit
    assert.equal((await answer)?.version, 7);
  });

  it('a clean buffer opened after the load changes nothing', async () => {
    await start({ 'a.md': '# A\n\n[b](b.md)\n', 'b.md': '# B\n' });
    const doc = buffer(uri('a.md'), '# A\n\n[b](b.md)\n', false);
    // the buffer holds the disk's text, so its findings alone cannot tell a re-index from none: count the changes
    const changes: string[][] = [];
    const sub = h.service.onDidChange(e => changes.push(e.files));
    workspace.textDocuments = [doc];
    events.openTextDocument.fire(doc);
    await idle();
    sub.dispose();
    assert.deepEqual(changes, [], 'nothing re-indexed');
    assert.deepEqual(codes('a.md'), []);
  });

  it('never indexes a document of another scheme (git diff view, untitled) nor a file outside the folder', async () => {
    settings.set('notesNavigator.diagnostics.enabled', 'always'); // (published in a folder without a series)
    await start({ 'a.md': '# A\n' });
    const git = buffer(new Uri('git', '', `${h.dir}/a.md`), '# A\n\n[x](missing.md)\n', true, 2);
    const untitled = buffer(new Uri('untitled', '', 'Untitled-1'), '[x](missing.md)\n', true, 2);
    const outside = buffer(Uri.file(`${h.dir}-other/c.md`), '[x](missing.md)\n', true, 2);
    workspace.textDocuments = [git, untitled, outside];
    for (const d of [git, untitled, outside]) {
      events.openTextDocument.fire(d);
      events.changeTextDocument.fire({ document: d, contentChanges: [{}] });
    }
    await idle();
    assert.deepEqual(codes('a.md'), []);
    assert.deepEqual([...h.service.index.files()].sort(), ['a.md']);
    assert.deepEqual([...h.collection.byPath.keys()], [`${h.dir}/a.md`], 'diagnostics only on the folder\'s own note');
  });

  it('a path that differs from the folder only in case is outside it on a case-sensitive file system', async function () {
    if (process.platform !== 'linux') this.skip();
    await start({ 'a.md': '# A\n' });
    assert.equal(h.service.fileOf(uri('a.md') as unknown as vscode.Uri), 'a.md');
    assert.equal(h.service.fileOf(Uri.file(`${h.dir.toUpperCase()}/a.md`) as unknown as vscode.Uri), undefined);
  });

  it('a folder deleted on disk (one event for the folder) drops its notes, their diagnostics, and breaks links to them', async () => {
    settings.set('notesNavigator.diagnostics.enabled', 'always'); // (published in a folder without a series)
    await start({ 'a.md': '# A\n\n[c](sub/c.md)\n', 'sub/c.md': '# C\n\n[x](missing.md)\n' });
    assert.deepEqual(published('sub/c.md'), ['link-broken']);
    rmSync(path.join(h.dir, 'sub'), { recursive: true });
    events.fsDelete.fire(uri('sub'));
    await idle();
    assert.deepEqual([...h.service.index.files()], ['a.md']);
    assert.equal(h.collection.byPath.has(`${h.dir}/sub/c.md`), false);
    assert.deepEqual(published('a.md'), ['link-broken']);
  });

  it('a change event for a folder does not index the folder as a file (its deletion then drops its notes)', async () => {
    await start({ 'a.md': '# A\n\n[s](sub)\n', 'sub/c.md': '# C\n' });
    write('sub/d.md', '# D\n');
    events.fsCreate.fire(uri('sub/d.md'));
    events.fsChange.fire(uri('sub'));
    await idle();
    assert.deepEqual([...h.service.index.files()].sort(), ['a.md', 'sub/c.md', 'sub/d.md']);
    rmSync(path.join(h.dir, 'sub'), { recursive: true });
    events.fsDelete.fire(uri('sub'));
    await idle();
    assert.deepEqual([...h.service.index.files()], ['a.md']);
  });

  it('a file renamed with its unsaved buffer, then closed without saving: the index goes back to the disk text', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const old = buffer(uri('a.md'), '# A\n\n[x](missing.md)\n', true, 2);
    await edited(old);
    assert.deepEqual(codes('a.md'), ['link-broken']);
    // the explorer renames a.md to c.md: the editor moves the unsaved buffer to the new name
    write('c.md', '# A\n');
    rmSync(path.join(h.dir, 'a.md'));
    old.isClosed = true;
    const moved = buffer(uri('c.md'), '# A\n\n[x](missing.md)\n', true, 1);
    workspace.textDocuments = [moved];
    events.renameFiles.fire({ files: [{ oldUri: uri('a.md'), newUri: uri('c.md') }] });
    await idle();
    assert.deepEqual([...h.service.index.files()].sort(), ['b.md', 'c.md']);
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

  it('a buffer whose text VS Code replaced with no change event and no new version (a dirty buffer moved with its folder, then saved): the disk wins on the next report', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    // what the index was fed at version 1: a link that breaks
    const doc = buffer(uri('a.md'), '# A\n\n[x](missing.md)\n', true, 1);
    await edited(doc);
    assert.deepEqual(codes('a.md'), ['link-broken']);
    // the same version now holds other text, saved (no event tells the index)
    const saved = '# A\n\n[b](b.md)\n';
    write('a.md', saved);
    Object.assign(doc, { isDirty: false, getText: () => saved });
    events.fsChange.fire(uri('a.md'));
    await idle();
    assert.deepEqual(codes('a.md'), [], 'the note is checked as it is on disk and in its buffer');
  });

  it('a dirty buffer that VS Code hands back clean with the disk text and no edit (moved with its folder): the index holds the disk text', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const doc = buffer(uri('a.md'), '# A\n\n[x](missing.md)\n', true, 1);
    await edited(doc);
    assert.deepEqual(codes('a.md'), ['link-broken']);
    // the same buffer, clean, now shows what the disk holds; the only event is a change with no content changes
    Object.assign(doc, { isDirty: false, getText: () => '# A\n' });
    events.changeTextDocument.fire({ document: doc, contentChanges: [] });
    await idle();
    assert.deepEqual(codes('a.md'), [], 'the note is checked as the clean buffer and the disk show it');
    assert.deepEqual(published('a.md'), []);
  });

  it('a buffer marked saved before its file is written keeps its text in the index (no flicker back to the old disk text), also when the load read it', async () => {
    // the buffer is open and unsaved when the service starts: the initial load reads it
    const text = '# A\n\n[x](missing.md)\n';
    workspace.textDocuments = [buffer(uri('a.md'), text, true, 2)];
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    const doc = workspace.textDocuments[0] as ReturnType<typeof buffer>;
    assert.deepEqual(codes('a.md'), ['link-broken']);
    // saving: VS Code marks the buffer clean (a change with no content changes), then writes the file, then reports it
    doc.isDirty = false;
    events.changeTextDocument.fire({ document: doc, contentChanges: [] });
    await idle();
    assert.deepEqual(codes('a.md'), ['link-broken'], 'the old text on disk is not what the buffer is about to write');
    write('a.md', text);
    events.saveTextDocument.fire(doc);
    await idle();
    assert.deepEqual(codes('a.md'), ['link-broken']);
  });

  it('a save is read back as the CLI reads it, with no report from the watcher: a NUL makes the note binary', async () => {
    await start({ 'a.md': '# A\n' });
    const text = '# A\n\u0000\n';
    const doc = buffer(uri('a.md'), text, true, 2);
    await edited(doc);
    assert.equal(h.service.index.note('a.md')?.unreadable, undefined, 'a buffer is checked as text');
    write('a.md', text);
    doc.isDirty = false;
    events.saveTextDocument.fire(doc);
    await idle();
    assert.match(h.service.index.note('a.md')?.unreadable ?? '', /binary/);
  });

  it('a file reported created while its buffer is unsaved is read from disk on the next report, though unchanged on disk since', async () => {
    await start({ 'b.md': '# B\n' });
    const text = '# N\n\u0000\n';
    // the save has written the file; the buffer is not marked saved yet when the first report comes
    write('n.md', text);
    const doc = buffer(uri('n.md'), text, true, 2);
    workspace.textDocuments = [doc];
    events.fsCreate.fire(uri('n.md'));
    await idle();
    assert.equal(h.service.index.note('n.md')?.unreadable, undefined, "the unsaved buffer's text is what is checked");
    doc.isDirty = false;
    events.fsCreate.fire(uri('n.md'));
    await idle();
    assert.match(h.service.index.note('n.md')?.unreadable ?? '', /binary/, 'the second report reads what was saved');
  });

  it('an edit waiting out its debounce while the config changes to leave its file out does not make the file a note again', async () => {
    settings.set('notesNavigator.diagnostics.debounceMs', 60);
    await start({ 'a.md': '# A\n', 'drafts/d.md': '# D\n' });
    assert.ok(h.service.index.isNote('drafts/d.md'));
    const doc = buffer(uri('drafts/d.md'), '# D\n\nunsaved\n', true, 2);
    workspace.textDocuments = [doc];
    events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    // the config leaving drafts/ out is reported before the edit's debounce ends: the reload runs first
    write('.notes-navigator.json', '{ "exclude": ["drafts/**"] }');
    events.fsChange.fire(uri('.notes-navigator.json'));
    await settle(150);
    await idle();
    assert.equal(h.service.index.isIncluded('drafts/d.md'), false);
    assert.equal(h.service.index.isNote('drafts/d.md'), false, 'the file the config leaves out is no note');
    assert.ok(h.service.index.hasFile('drafts/d.md'), 'its unsaved buffer keeps it as a file, for links to it');
  });

  it('a note open in a clean editor that becomes UTF-16 on disk is unreadable, as when it is closed', async () => {
    await start({ 'a.md': '# A\n' });
    const doc = buffer(uri('a.md'), '# A\n', false);
    workspace.textDocuments = [doc];
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('# A\n', 'utf16le')]);
    write('a.md', utf16);
    events.fsChange.fire(uri('a.md'));
    await idle();
    assert.match(h.service.index.note('a.md')?.unreadable ?? '', /UTF-16/);
  });

  it('very fast edits are coalesced and the last one is what is published', async () => {
    await start({ 'a.md': '# A\n', 'b.md': '# B\n' });
    settings.set('notesNavigator.diagnostics.debounceMs', 5);
    await settingsChanged();
    const texts = ['# A\n\n[x](m1.md)\n', '# A\n\n[x](m2.md)\n', '# A\n\n[b](b.md)\n'];
    const doc = buffer(uri('a.md'), '', true, 1);
    workspace.textDocuments = [doc];
    const reindexed: string[][] = [];
    const sub = h.service.onDidChange(e => { if (e.files.includes('a.md')) reindexed.push(e.files); });
    for (const [i, t] of texts.entries()) {
      doc.version = i + 2;
      doc.getText = () => t;
      events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    }
    await idle();
    sub.dispose();
    // three edits within one debounce: one re-index of the last text (the findings alone would not show the others)
    assert.equal(reindexed.length, 1, JSON.stringify(reindexed));
    assert.deepEqual(codes('a.md'), []);
    assert.deepEqual(published('a.md'), []);
  });

  it('diagnostics.enabled off clears the Problems, on restores them', async () => {
    // (the booleans of earlier versions: true is always, which publishes in a folder without a series too)
    settings.set('notesNavigator.diagnostics.enabled', true);
    await start({ 'a.md': '# A\n\n[x](missing.md)\n' });
    assert.deepEqual(published('a.md'), ['link-broken']);
    settings.set('notesNavigator.diagnostics.enabled', false);
    await settingsChanged();
    assert.equal(h.collection.byPath.size, 0);
    events.changeTextDocument.fire({ document: buffer(uri('a.md'), '# A\n\n[y](missing2.md)\n', true, 2), contentChanges: [{}] });
    await idle();
    assert.equal(h.collection.byPath.size, 0, 'edits while off publish nothing');
    settings.set('notesNavigator.diagnostics.enabled', true);
    await settingsChanged();
    assert.deepEqual(published('a.md'), ['link-broken']);
  });

  it('.notes-navigator.json written and deleted is a file of the folder, as a load lists it: a link to it resolves while it is there', async () => {
    const config = '.notes-navigator.json';
    await start({ 'a.md': `# A\n\n[settings](${config})\n` });
    assert.deepEqual(codes('a.md'), ['link-broken']);
    // (the defaults: nothing to load again)
    write(config, '{}\n');
    events.fsCreate.fire(uri(config));
    await idle();
    assert.ok(h.service.index.hasFile(config));
    assert.deepEqual(codes('a.md'), []);
    await h.service.rescan();
    assert.ok(h.service.index.hasFile(config), 'as a load of the folder lists it');
    rmSync(path.join(h.dir, config));
    events.fsDelete.fire(uri(config));
    await idle();
    assert.equal(h.service.index.hasFile(config), false);
    assert.deepEqual(codes('a.md'), ['link-broken']);
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

  it('diagnostics.enabled hand-edited to the string "false" turns them off, and an invalid value is auto', async () => {
    // a series: auto publishes here
    await start({ 'README.md': '# S\n\n## Chapters\n\n- [a](a.md)\n', 'a.md': '# A\n\n[x](missing.md)\n' });
    assert.deepEqual(published('a.md'), ['link-broken']);
    settings.set('notesNavigator.diagnostics.enabled', 'false');
    await settingsChanged();
    assert.equal(h.service.settings.diagnostics, 'never');
    assert.equal(h.collection.byPath.size, 0);
    settings.set('notesNavigator.diagnostics.enabled', 'yes');
    await settingsChanged();
    assert.equal(h.service.settings.diagnostics, 'auto');
    assert.deepEqual(published('a.md'), ['link-broken']);
  });

  it('with no workspace folder nothing is indexed and start() resolves', async () => {
    const service = new IndexService(undefined);
    try {
      void service.start();
      await service.ready;
      assert.deepEqual([...service.index.files()], []);
      assert.equal(service.fileOf(uri('a.md') as unknown as vscode.Uri), undefined);
    } finally {
      service.dispose();
    }
  });
});
