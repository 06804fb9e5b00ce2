import { commandHandlers, events, settings, Uri, warnings, workspace, type DiagnosticCollection } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { renameSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { registerDiagnostics } from '../../../src/extension/diagnostics';
import { ruleCodeOf } from '../../../src/extension/features/codeActions';
import { IndexService } from '../../../src/extension/indexService';
import { provisionalNotesFolder, registerNotesFolder, shownFolderName, type NotesFolderChooser } from '../../../src/extension/notesFolder';
import { freshFolder, idleOf, settle, writeIn } from './liveService';

/**
 * The notes folder of a multi-root workspace, over the vscode stub with folders on disk: the choice at start, the
 * "Choose Notes Folder" command, the setting changed by hand, and folders leaving or joining the workspace.
 */

const SERIES = '# Basics\n\n## Chapters\n\n### Start\n\n- [One](01-one.md) - Must-read - 10 min\n';
const NOTES = { 'README.md': SERIES, '01-one.md': '# One\n\n[gone](missing.md)\n' };
const APP = { 'README.md': '# App\n', 'main.md': '# Main\n\n[nowhere](nowhere.md)\n' };

interface Folder { name: string; index: number; uri: Uri }

describe('notes folder of a multi-root workspace (vscode stub, folders on disk)', () => {
  let base = '';
  let service: IndexService | undefined;
  let collection: DiagnosticCollection;
  let chooser: NotesFolderChooser;
  let subscriptions: { dispose(): unknown }[] = [];
  let logged: string[] = [];
  const win = vscode.window as unknown as Record<string, unknown>;
  const originalPick = win.showQuickPick;

  beforeEach(() => {
    base = freshFolder('nn-multi-');
    logged = [];
  });
  afterEach(() => {
    service?.dispose();
    service = undefined;
    for (const s of subscriptions) s.dispose();
    subscriptions = [];
    workspace.workspaceFolders = undefined;
    workspace.workspaceFile = undefined;
    win.showQuickPick = originalPick;
    settings.clear();
    rmSync(base, { recursive: true, force: true });
  });

  const folder = (name: string, index: number): Folder => ({ name, index, uri: Uri.file(`${base}/${name}`) });

  /** Writes the folders' files and opens them as the workspace's folders, in this order. */
  function workspaceOf(spec: Record<string, Record<string, string>>): Folder[] {
    const list = Object.entries(spec).map(([name, files], i) => {
      for (const [file, text] of Object.entries(files)) writeIn(`${base}/${name}`, file, text);
      return folder(name, i);
    });
    workspace.workspaceFolders = list;
    return list;
  }

  /** Activates as extension.ts does (provisional folder, then the chooser's pick) and waits for the load. */
  async function activate(): Promise<IndexService> {
    const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m), show: () => undefined };
    const s = new IndexService(provisionalNotesFolder() as unknown as vscode.Uri, log as unknown as vscode.LogOutputChannel);
    service = s;
    const context = { subscriptions } as unknown as vscode.ExtensionContext;
    collection = registerDiagnostics(context, s) as unknown as DiagnosticCollection;
    chooser = registerNotesFolder(context, s);
    void s.start(chooser.initial);
    await s.ready;
    await idleOf(s);
    return s;
  }

  /** Waits until the service indexes `name`'s folder and its queue is idle. */
  async function indexing(s: IndexService, name: string): Promise<void> {
    for (let i = 0; i < 200 && s.root?.path !== `${base}/${name}`; i++) await settle(5);
    await idleOf(s);
    assert.equal(s.root?.path, `${base}/${name}`);
  }

  const files = (s: IndexService) => [...s.index.files()].sort();
  /** the folders (first path segment below the workspace base) the published diagnostics are in */
  const publishedIn = () => [...new Set([...collection.byPath.keys()].map(p => p.slice(base.length + 1).split('/')[0]))].sort();

  it('indexes the folder with a series README rather than the first folder, and logs why', async () => {
    workspaceOf({ app: APP, notes: NOTES });
    const s = await activate();
    assert.equal(s.root?.path, `${base}/notes`);
    assert.deepEqual(files(s), ['01-one.md', 'README.md']);
    assert.equal(s.index.series().length, 1);
    assert.deepEqual(publishedIn(), ['notes']);
    assert.ok(logged.some(l => /^notes folder: notes \(the first folder with a series README/.test(l)), logged.join('\n'));
  });

  it('prefers a folder with .notes-navigator.json, and the folder the setting names over both', async () => {
    workspaceOf({ app: APP, notes: NOTES, conf: { '.notes-navigator.json': '{}\n', 'c.md': '# C\n' } });
    assert.equal((await activate()).root?.path, `${base}/conf`);
    assert.ok(logged.some(l => l.startsWith('notes folder: conf (the first folder with .notes-navigator.json')));
    service!.dispose();
    for (const sub of subscriptions) sub.dispose();
    subscriptions = [];
    settings.set('notesNavigator.notesFolder', 'app');
    const s = await activate();
    assert.equal(s.root?.path, `${base}/app`);
    assert.deepEqual(files(s), ['README.md', 'main.md']);
    assert.ok(logged.some(l => l === 'notes folder: app (named by the notesNavigator.notesFolder setting)'));
  });

  it('"Choose Notes Folder" lists the folders with the indexed one marked, saves the pick and re-indexes without a reload', async () => {
    const [app] = workspaceOf({ app: APP, notes: NOTES });
    const s = await activate();
    assert.deepEqual(publishedIn(), ['notes']);
    let offered: { label: string; description?: string }[] = [];
    win.showQuickPick = async (items: { label: string; description?: string }[]) => {
      offered = items;
      return items.find(i => i.label === 'app');
    };
    const changed: string[][] = [];
    subscriptions.push(s.onDidChange(e => changed.push(e.files)));
    const picked = await commandHandlers.get('notesNavigator.chooseNotesFolder')!();
    await idleOf(s);
    assert.equal(picked, 'app');
    assert.deepEqual(offered.map(i => [i.label, i.description]), [['app', undefined], ['notes', 'indexed now']]);
    assert.equal(settings.get('notesNavigator.notesFolder'), 'app');
    assert.equal(s.root?.toString(), app.uri.toString());
    assert.deepEqual(files(s), ['README.md', 'main.md']);
    assert.equal(s.index.series().length, 0);
    assert.deepEqual(publishedIn(), ['app'], 'the old folder\'s findings are gone, the new one\'s are shown');
    assert.ok(changed.some(f => f.includes('01-one.md')), 'the views heard the old notes go');
    assert.ok(changed.some(f => f.includes('main.md')), 'the views heard the new notes come');
  });

  describe('two folders of the same name (a/docs and b/docs in a .code-workspace)', () => {
    /** The folders a/docs (with the series) and b/docs, both named docs, listed by `${base}/w.code-workspace` unless `noFile`. */
    function docsWorkspace(noFile = false): Folder[] {
      for (const [file, text] of Object.entries(NOTES)) writeIn(`${base}/a/docs`, file, text);
      for (const [file, text] of Object.entries(APP)) writeIn(`${base}/b/docs`, file, text);
      const list = ['a', 'b'].map((dir, index) => ({ name: 'docs', index, uri: Uri.file(`${base}/${dir}/docs`) }));
      workspace.workspaceFolders = list;
      if (!noFile) workspace.workspaceFile = Uri.file(`${base}/w.code-workspace`);
      return list;
    }
    const pick = (folder: Folder) => {
      win.showQuickPick = async (items: { folder: unknown }[]) => items.find(i => i.folder === folder);
      return commandHandlers.get('notesNavigator.chooseNotesFolder')!();
    };

    it('"Choose Notes Folder" indexes the folder picked, saves its path relative to the workspace file, and keeps it', async () => {
      const [a, b] = docsWorkspace();
      const s = await activate();
      assert.equal(s.root?.path, a.uri.path);
      await pick(b);
      await indexing(s, 'b/docs');
      assert.equal(settings.get('notesNavigator.notesFolder'), 'b/docs');
      assert.deepEqual(files(s), ['README.md', 'main.md']);
      assert.ok(logged.includes('notes folder: docs (named by the notesNavigator.notesFolder setting)'), logged.join('\n'));
      assert.equal(shownFolderName(s.root as unknown as vscode.Uri), 'docs (b/docs)', 'the Series view tells the two apart');
      await pick(a);
      await indexing(s, 'a/docs');
      assert.equal(settings.get('notesNavigator.notesFolder'), 'a/docs');
    });

    it('without a workspace file, saves the folder\'s path on disk', async () => {
      const [, b] = docsWorkspace(true);
      const s = await activate();
      await pick(b);
      await indexing(s, 'b/docs');
      assert.equal(settings.get('notesNavigator.notesFolder'), b.uri.fsPath);
      assert.equal(shownFolderName(s.root as unknown as vscode.Uri), `docs (${b.uri.fsPath})`);
    });

    it('a setting that gives only the shared name takes the first folder of that name, and the log says so', async () => {
      settings.set('notesNavigator.notesFolder', 'docs');
      docsWorkspace();
      const s = await activate();
      assert.equal(s.root?.path, `${base}/a/docs`);
      assert.ok(logged.some(l => l.includes('2 workspace folders are named "docs": the first is indexed')), logged.join('\n'));
    });

    it('the folder the setting gives by path is chosen at activation, and when it joins the workspace', async () => {
      settings.set('notesNavigator.notesFolder', 'b/docs');
      const [a, b] = docsWorkspace();
      workspace.workspaceFolders = [a];
      const s = await activate();
      assert.equal(s.root?.path, a.uri.path);
      workspace.workspaceFolders = [a, b];
      events.changeWorkspaceFolders.fire({ added: [b], removed: [] });
      await indexing(s, 'b/docs');
      assert.equal(provisionalNotesFolder()?.path, b.uri.path);
    });
  });

  it('looks for a series README in a virtual folder by walking it, never asking the file search, which would not answer', async () => {
    const [app] = workspaceOf({ app: APP });
    for (const [file, text] of Object.entries(NOTES)) writeIn(`${base}/mem`, file, text);
    const mem = { name: 'mem', index: 1, uri: Uri.from({ scheme: 'memfs', path: `${base}/mem` }) };
    workspace.workspaceFolders = [app, mem];
    const ws = workspace as unknown as { findFiles: (p: { baseUri: Uri }, ...rest: unknown[]) => Promise<unknown> };
    const original = ws.findFiles;
    // as VS Code's search service for a scheme no extension searches: it waits for a search provider forever
    let askedVirtual: () => void = () => undefined;
    const asked = new Promise<'asked'>(resolve => { askedVirtual = () => resolve('asked'); });
    ws.findFiles = (p, ...rest) => (p.baseUri.scheme === 'memfs' ? (askedVirtual(), new Promise(() => undefined)) : original(p, ...rest));
    try {
      const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m), show: () => undefined };
      const s = new IndexService(provisionalNotesFolder() as unknown as vscode.Uri, log as unknown as vscode.LogOutputChannel);
      service = s;
      chooser = registerNotesFolder({ subscriptions } as unknown as vscode.ExtensionContext, s);
      void s.start(chooser.initial);
      assert.equal(await Promise.race([s.ready.then(() => 'ready'), asked]), 'ready', 'the file search was asked to search the virtual folder');
      await idleOf(s);
      assert.equal(s.root?.toString(), mem.uri.toString());
      assert.ok(logged.some(l => l.startsWith('notes folder: mem (the first folder with a series README')), logged.join('\n'));
      assert.deepEqual(files(s), ['01-one.md', 'README.md']);
    } finally {
      ws.findFiles = original;
    }
  });

  it('re-indexes when the setting is changed by hand', async () => {
    workspaceOf({ app: APP, notes: NOTES });
    const s = await activate();
    await workspace.getConfiguration('notesNavigator').update('notesFolder', 'app');
    await indexing(s, 'app');
    assert.deepEqual(files(s), ['README.md', 'main.md']);
    await workspace.getConfiguration('notesNavigator').update('notesFolder', undefined);
    await indexing(s, 'notes');
    assert.deepEqual(files(s), ['01-one.md', 'README.md']);
    assert.deepEqual(publishedIn(), ['notes']);
  });

  it('chooses again when the indexed folder leaves the workspace, or when an empty window gets a folder', async () => {
    // app, left alone, has no series: its findings are published with `always` only
    settings.set('notesNavigator.diagnostics.enabled', 'always');
    const [app, notes] = workspaceOf({ app: APP, notes: NOTES });
    const s = await activate();
    workspace.workspaceFolders = [app];
    events.changeWorkspaceFolders.fire({ added: [], removed: [notes] });
    await indexing(s, 'app');
    assert.deepEqual(files(s), ['README.md', 'main.md']);
    assert.deepEqual(publishedIn(), ['app']);
    workspace.workspaceFolders = [];
    events.changeWorkspaceFolders.fire({ added: [], removed: [app] });
    for (let i = 0; i < 200 && s.root; i++) await settle(5);
    await idleOf(s);
    assert.equal(s.root, undefined);
    assert.deepEqual(files(s), []);
    assert.deepEqual(publishedIn(), []);
    workspace.workspaceFolders = [{ ...notes, index: 0 }];
    events.changeWorkspaceFolders.fire({ added: [notes], removed: [] });
    await indexing(s, 'notes');
    assert.deepEqual(files(s), ['01-one.md', 'README.md']);
  });

  it('becomes ready when the folders change before the first choice (a choice queued first must not wait for the load)', async () => {
    const [app, notes] = workspaceOf({ app: APP, notes: NOTES });
    const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m), show: () => undefined };
    const s = new IndexService(provisionalNotesFolder() as unknown as vscode.Uri, log as unknown as vscode.LogOutputChannel);
    service = s;
    const context = { subscriptions } as unknown as vscode.ExtensionContext;
    registerDiagnostics(context, s);
    chooser = registerNotesFolder(context, s);
    assert.equal(s.root?.path, `${base}/app`); // provisional: the first folder
    // between activation and start() asking which folder: the provisional folder leaves the workspace
    workspace.workspaceFolders = [{ ...notes, index: 0 }];
    events.changeWorkspaceFolders.fire({ added: [], removed: [app] });
    void s.start(chooser.initial);
    const ready = await Promise.race([s.ready.then(() => true), settle(2000).then(() => false)]);
    assert.ok(ready, 'the service never became ready');
    await indexing(s, 'notes');
    assert.deepEqual(files(s), ['01-one.md', 'README.md']);
  });

  it('keeps its folder when another folder is added or removed', async () => {
    const [app, notes] = workspaceOf({ app: APP, notes: NOTES, more: { 'README.md': SERIES } });
    const s = await activate();
    workspace.workspaceFolders = [app, notes];
    events.changeWorkspaceFolders.fire({ added: [], removed: [folder('more', 2)] });
    await settle(20);
    await idleOf(s);
    assert.equal(s.root?.path, `${base}/notes`);
    assert.deepEqual(files(s), ['01-one.md', 'README.md']);
  });

  it('drops a file event of the old folder that was queued before the switch (it would name a note of the new one)', async () => {
    workspaceOf({ app: APP, notes: NOTES });
    const s = await activate();
    const switched = s.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
    // really deleted: a deletion reported for a path still on disk is read again as stale, which would keep the new
    // folder's README.md whether or not the event is dropped
    rmSync(`${base}/notes/README.md`);
    events.fsDelete.fire(Uri.file(`${base}/notes/README.md`));
    await switched;
    await idleOf(s);
    assert.deepEqual(files(s), ['README.md', 'main.md'], 'the new folder\'s README.md is still indexed');
  });

  it('a file moved from another folder into the notes folder is a new note, one moved out a deleted one', async () => {
    workspaceOf({ app: APP, notes: NOTES });
    const s = await activate();
    renameSync(`${base}/app/main.md`, `${base}/notes/main.md`);
    events.renameFiles.fire({ files: [{ oldUri: Uri.file(`${base}/app/main.md`), newUri: Uri.file(`${base}/notes/main.md`) }] });
    await idleOf(s);
    assert.deepEqual(files(s), ['01-one.md', 'README.md', 'main.md']);
    assert.ok(collection.byPath.has(`${base}/notes/main.md`), 'its broken link is reported in the notes folder');
    renameSync(`${base}/notes/01-one.md`, `${base}/app/01-one.md`);
    events.renameFiles.fire({ files: [{ oldUri: Uri.file(`${base}/notes/01-one.md`), newUri: Uri.file(`${base}/app/01-one.md`) }] });
    await idleOf(s);
    assert.deepEqual(files(s), ['README.md', 'main.md']);
    assert.deepEqual(publishedIn(), ['notes'], 'nothing is reported for the file in the app folder');
    assert.equal(s.fileOf(Uri.file(`${base}/app/01-one.md`) as unknown as vscode.Uri), undefined);
  });

  it('falls back when the setting names no folder of the workspace, and indexes that folder once it is added', async () => {
    settings.set('notesNavigator.notesFolder', 'later');
    const [app, notes] = workspaceOf({ app: APP, notes: NOTES });
    writeIn(`${base}/later`, 'l.md', '# L\n');
    const s = await activate();
    assert.equal(s.root?.path, `${base}/notes`);
    assert.ok(logged.some(l => l.includes('names no folder of this workspace ("later")')), logged.join('\n'));
    const later = folder('later', 2);
    workspace.workspaceFolders = [app, notes, later];
    events.changeWorkspaceFolders.fire({ added: [later], removed: [] });
    await indexing(s, 'later');
    assert.deepEqual(files(s), ['l.md']);
    assert.ok(!publishedIn().includes('notes'), 'the notes folder\'s findings are gone');
  });

  it('indexes the folder the setting names once it is added, the name written with spaces around it', async () => {
    settings.set('notesNavigator.notesFolder', ' later ');
    const [app, notes] = workspaceOf({ app: APP, notes: NOTES });
    writeIn(`${base}/later`, 'l.md', '# L\n');
    const s = await activate();
    assert.equal(s.root?.path, `${base}/notes`);
    const later = folder('later', 2);
    workspace.workspaceFolders = [app, notes, later];
    events.changeWorkspaceFolders.fire({ added: [later], removed: [] });
    await indexing(s, 'later');
  });

  it('reads the new folder\'s .notes-navigator.json, reports its problems, and follows changes to it, not to the old one\'s', async () => {
    const OFF = '{ "rules": { "link-broken": "off" } }\n';
    workspaceOf({ app: { ...APP, '.notes-navigator.json': '{ "rules": 7 }\n' }, notes: { ...NOTES, '.notes-navigator.json': OFF } });
    settings.set('notesNavigator.notesFolder', 'notes');
    const s = await activate();
    const brokenIn = () => [...collection.byPath].filter(([, l]) => l.some(d => ruleCodeOf(d as unknown as vscode.Diagnostic) === 'link-broken')).map(([p]) => p.slice(base.length + 1).split('/')[0]);
    assert.equal(s.index.config.rules['link-broken'], 'off');
    assert.deepEqual(brokenIn(), []);
    const warned = warnings.length;
    await s.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
    await idleOf(s);
    assert.notEqual(s.index.config.rules['link-broken'], 'off', 'the notes folder\'s configuration is not kept');
    assert.equal(warnings.length, warned + 1, 'the app folder\'s configuration problem is reported');
    assert.deepEqual(brokenIn(), ['app']);
    // the app folder's configuration changes: followed; the notes folder's: ignored
    writeIn(`${base}/app`, '.notes-navigator.json', OFF);
    events.fsChange.fire(Uri.file(`${base}/app/.notes-navigator.json`));
    await idleOf(s);
    await idleOf(s);
    assert.equal(s.index.config.rules['link-broken'], 'off');
    assert.deepEqual(brokenIn(), []);
    writeIn(`${base}/notes`, '.notes-navigator.json', '{ "rules": { "link-broken": "error" } }\n');
    events.fsChange.fire(Uri.file(`${base}/notes/.notes-navigator.json`));
    await idleOf(s);
    assert.equal(s.index.config.rules['link-broken'], 'off');
  });

  it('sets notesNavigator.hasSeries for the folder indexed now (the view\'s welcome and menus follow a switch)', async () => {
    const cmds = vscode.commands as unknown as { executeCommand: (...a: unknown[]) => Promise<unknown> };
    const original = cmds.executeCommand;
    const contexts = new Map<unknown, unknown>();
    cmds.executeCommand = async (id: unknown, key?: unknown, value?: unknown) => { if (id === 'setContext') contexts.set(key, value); return undefined; };
    try {
      workspaceOf({ app: APP, notes: NOTES });
      const s = await activate();
      assert.equal(contexts.get('notesNavigator.hasSeries'), true);
      assert.equal(contexts.get('notesNavigator.ready'), true);
      await s.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
      await idleOf(s);
      assert.equal(contexts.get('notesNavigator.hasSeries'), false);
      await s.reroot(Uri.file(`${base}/notes`) as unknown as vscode.Uri);
      await idleOf(s);
      assert.equal(contexts.get('notesNavigator.hasSeries'), true);
    } finally {
      cmds.executeCommand = original;
    }
  });

  it('shows the loading welcome while a switch loads the new folder, and hasSeries as soon as its series are read', async () => {
    const cmds = vscode.commands as unknown as { executeCommand: (...a: unknown[]) => Promise<unknown> };
    const original = cmds.executeCommand;
    const sent: string[] = [];
    cmds.executeCommand = async (id: unknown, key?: unknown, value?: unknown) => {
      if (id === 'setContext') sent.push(`${String(key).replace('notesNavigator.', '')}=${String(value)}`);
      return undefined;
    };
    try {
      workspaceOf({ app: APP, notes: NOTES });
      const s = await activate();
      sent.length = 0;
      // to a folder without series: "Indexing notes…" (ready false) before the emptied index says it has none
      await s.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
      await idleOf(s);
      assert.deepEqual(sent, ['ready=false', 'hasSeries=false', 'ready=true']);
      // back: the series count from the moment the load has read them, before it ends
      sent.length = 0;
      const atRead: string[][] = [];
      const listening = s.onDidReadSeries(() => atRead.push([...sent]));
      await s.reroot(Uri.file(`${base}/notes`) as unknown as vscode.Uri);
      await idleOf(s);
      listening.dispose();
      assert.deepEqual(atRead, [['ready=false', 'hasSeries=true']]);
      assert.deepEqual(sent, ['ready=false', 'hasSeries=true', 'ready=true']);
    } finally {
      cmds.executeCommand = original;
    }
  });
});
