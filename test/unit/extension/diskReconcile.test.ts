import './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type * as vscode from 'vscode';
import { ReconcileSoon, reconcileAfterCommands, reconcileOnFocus, reconciledText, VIRTUAL_RECONCILE_GAP_MS, virtualFolderPace } from '../../../src/extension/diskReconcile';
import { IndexService } from '../../../src/extension/indexService';
import { buffer, freshFolder, idleOf, settle, stopLive, writeIn, type Live } from './liveService';
import { events, Uri, workspace } from './vscodeStub';

/** A log that keeps its info lines (and its warnings, in `warned`). */
function keptLog(lines: string[], warned: string[] = []): vscode.LogOutputChannel {
  const none = () => undefined;
  return { debug: none, info: (m: string) => lines.push(m), warn: (m: string) => warned.push(m), error: none, show: none, dispose: none } as unknown as vscode.LogOutputChannel;
}

describe('reconciling the index with the disk (no file-system events)', () => {
  let dir = '';
  let live: Live | undefined;
  let logged: string[] = [];
  let warned: string[] = [];
  beforeEach(() => { dir = freshFolder('nn-reconcile-'); logged = []; warned = []; });
  afterEach(() => { stopLive(live, dir); live = undefined; });

  async function start(files: Record<string, string>): Promise<IndexService> {
    for (const [f, text] of Object.entries(files)) writeIn(dir, f, text);
    const service = new IndexService(Uri.file(dir) as unknown as vscode.Uri, keptLog(logged, warned));
    live = { service, collection: undefined as never, subscriptions: [], logged };
    void service.start();
    await service.ready;
    await idleOf(service);
    return service;
  }

  it('after the load there is nothing to correct, and nothing is logged', async () => {
    const s = await start({ 'a.md': '# A\n', 'img/x.svg': '<svg/>', '.notes-navigator.json': '{}\n' });
    logged.length = 0;
    assert.deepEqual(await s.reconcile(), { gone: [], added: [] });
    assert.deepEqual(logged, []);
  });

  it('files deleted and created unreported leave and enter the index; links follow; the correction is logged once', async () => {
    const s = await start({ 'hub.md': '# Hub\n\n[a](a.md) [b](b.md)\n', 'a.md': '# A\n' });
    const broken = () => s.index.diagnostics('hub.md').filter(d => d.code === 'link-broken').map(d => d.message);
    assert.equal(broken().length, 1);
    rmSync(path.join(dir, 'a.md'));
    writeIn(dir, 'deep/er/b.md', '# B\n');
    writeIn(dir, 'b.md', '# B\n');
    logged.length = 0;
    assert.deepEqual(await s.reconcile(), { gone: ['a.md'], added: ['b.md', 'deep/er/b.md'] });
    assert.ok(!s.index.hasFile('a.md') && s.index.isNote('b.md') && s.index.isNote('deep/er/b.md'));
    assert.equal(broken().length, 1);
    assert.match(broken()[0], /a\.md/);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /1 gone from the disk \(a\.md\); 2 new on the disk \(b\.md, deep\/er\/b\.md\)/);
    assert.deepEqual(await s.reconcile(), { gone: [], added: [] });
    assert.equal(logged.length, 1, 'nothing more to log');
  });

  it('many notes gone unreported (a checkout) leave the index in one update, not one per note', async () => {
    const files: Record<string, string> = { 'hub.md': '# Hub\n\n[n0](old/n0.md)\n' };
    for (let i = 0; i < 40; i++) files[`old/n${i}.md`] = `# N${i}\n`;
    const s = await start(files);
    rmSync(path.join(dir, 'old'), { recursive: true });
    const updates: string[][] = [];
    const sub = s.onDidChange(e => updates.push(e.files));
    try {
      assert.equal((await s.reconcile()).gone.length, 40);
    } finally {
      sub.dispose();
    }
    assert.equal(updates.length, 1, `${updates.length} updates`);
    assert.ok(updates[0].includes('old/n39.md') && updates[0].includes('hub.md'), 'the notes gone, and the hub that links one');
    assert.deepEqual(s.index.diagnostics('hub.md').map(d => d.code).filter(c => c === 'link-broken'), ['link-broken']);
  });

  it('a configuration changed unreported is read again: the notes it leaves out stop being notes', async () => {
    const s = await start({ 'a.md': '# A\n', 'drafts/d.md': '# D\n', '.notes-navigator.json': '{}\n' });
    assert.ok(s.index.isNote('drafts/d.md'));
    writeIn(dir, '.notes-navigator.json', '{ "exclude": ["drafts/**"] }\n');
    assert.deepEqual(await s.reconcile(), { gone: [], added: [] });
    await idleOf(s);
    assert.ok(!s.index.isNote('drafts/d.md') && s.index.hasFile('drafts/d.md'), 'a file the config leaves out');
    assert.ok(logged.some(l => /include\/exclude changed/.test(l)), logged.join(' | '));
  });

  it('Refresh (a rescan) reads the configuration again too', async () => {
    const s = await start({ 'a.md': '# A\n', 'drafts/d.md': '# D\n' });
    assert.ok(s.index.isNote('drafts/d.md'));
    writeIn(dir, '.notes-navigator.json', '{ "exclude": ["drafts/**"] }\n');
    await s.rescan();
    assert.ok(!s.index.isNote('drafts/d.md') && s.index.hasFile('drafts/d.md'));
    rmSync(path.join(dir, '.notes-navigator.json'));
    await s.rescan();
    assert.ok(s.index.isNote('drafts/d.md'), 'the configuration gone, the defaults apply again');
  });

  it('a problem of the configuration is logged once, not again at every reconcile; fixed and made again, it is', async () => {
    const s = await start({ 'a.md': '# A\n', '.notes-navigator.json': '{ "exclude": 3 }\n' });
    const said = () => warned.filter(w => /configuration: .*exclude/.test(w)).length;
    assert.equal(said(), 1, warned.join(' | '));
    await s.reconcile();
    await s.reconcile();
    assert.equal(said(), 1, 'the unchanged problem is not said again');
    writeIn(dir, '.notes-navigator.json', '{}\n');
    await s.reconcile();
    writeIn(dir, '.notes-navigator.json', '{ "exclude": 3 }\n');
    await s.reconcile();
    assert.equal(said(), 2, 'fixed, then made again: said again');
  });

  it('a note whose file is gone while its unsaved buffer is open stays, with the buffer\'s text', async () => {
    const s = await start({ 'a.md': '# A\n' });
    const doc = buffer(Uri.file(`${dir}/a.md`), '# A\n\n[x](nowhere.md)\n', true, 2);
    workspace.textDocuments = [doc];
    events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
    await idleOf(s);
    rmSync(path.join(dir, 'a.md'));
    assert.deepEqual(await s.reconcile(), { gone: [], added: [] });
    assert.ok(s.index.isNote('a.md'));
    assert.deepEqual(s.index.diagnostics('a.md').map(d => d.code).filter(c => c === 'link-broken'), ['link-broken']);
  });

  it('an edit typed while the disk is being listed is checked without waiting for the listing', async () => {
    const s = await start({ 'a.md': '# A\n' });
    writeIn(dir, 'b.md', '# B\n');
    const search = workspace.findFiles;
    let release = () => {};
    const held = new Promise<void>(r => { release = r; });
    workspace.findFiles = async (...args: Parameters<typeof search>) => { await held; return search(...args); };
    try {
      const reconciling = s.reconcile();
      await settle(20);
      const doc = buffer(Uri.file(`${dir}/a.md`), '# A\n\n[x](nowhere.md)\n', true, 2);
      workspace.textDocuments = [doc];
      events.changeTextDocument.fire({ document: doc, contentChanges: [{}] });
      await idleOf(s);
      assert.deepEqual(s.index.diagnostics('a.md').map(d => d.code).filter(c => c === 'link-broken'), ['link-broken'],
        'checked while the search was still running');
      assert.ok(!s.index.hasFile('b.md'), 'the listing has not been applied yet');
      release();
      assert.deepEqual(await reconciling, { gone: [], added: ['b.md'] });
      assert.ok(s.index.isNote('b.md'));
    } finally {
      release();
      workspace.findFiles = search;
    }
  });

  it('runs when the window regains focus, once for a burst of focus changes, not while it has none', async () => {
    const s = await start({ 'a.md': '# A\n' });
    writeIn(dir, 'b.md', '# B\n');
    events.windowState.fire({ focused: false });
    await settle(50);
    assert.ok(!s.index.hasFile('b.md'));
    let runs = 0;
    const trigger = new ReconcileSoon(() => runs++, 20);
    const counting = reconcileOnFocus(trigger);
    try {
      events.windowState.fire({ focused: true });
      events.windowState.fire({ focused: false });
      await settle(40);
      assert.equal(runs, 0, 'focus lost again before the delay');
      events.windowState.fire({ focused: true });
      events.windowState.fire({ focused: true });
      await settle(40);
      assert.equal(runs, 1);
    } finally {
      counting.dispose();
      trigger.dispose();
    }
    // the service's own (longer) delay
    await settle(600);
    await idleOf(s);
    assert.ok(s.index.isNote('b.md'));
  });
});

describe('what starts a reconcile', () => {
  it('a task\'s process ending, and a terminal command ending (shell integration), once for a burst', async () => {
    let runs = 0;
    const trigger = new ReconcileSoon(() => runs++, 20);
    const listening = reconcileAfterCommands(trigger);
    try {
      events.taskProcessEnd.fire({ exitCode: 0 });
      await settle(40);
      assert.equal(runs, 1, 'after a task');
      events.shellExecutionEnd.fire({ exitCode: 0 });
      events.shellExecutionEnd.fire({ exitCode: 1 });
      events.taskProcessEnd.fire({ exitCode: 0 });
      await settle(40);
      assert.equal(runs, 2, 'once after commands ending together');
    } finally {
      listening.dispose();
      trigger.dispose();
    }
    events.taskProcessEnd.fire({ exitCode: 0 });
    await settle(40);
    assert.equal(runs, 2, 'nothing once disposed');
  });
});

describe('the pace of the reconciles of a virtual notes folder (each walks the whole tree)', () => {
  /** Waits (a few ms at a time) until `done` holds. */
  const until = async (done: () => boolean) => { for (let i = 0; i < 2000 && !done(); i++) await settle(5); assert.ok(done()); };

  it('runs a reconcile asked within the gap once the gap is over, and says once that it waits', async () => {
    let clock = 0;
    let runs = 0;
    const said: number[] = [];
    const trigger = new ReconcileSoon(() => runs++, 1, { gapMs: () => 60_000, deferred: ms => said.push(ms), now: () => clock });
    try {
      trigger.soon();
      await until(() => runs === 1);
      clock = 10_000;
      trigger.soon();
      await until(() => said.length === 1);
      trigger.soon(); // asked again while it waits: said once
      await settle(20);
      assert.deepEqual([runs, said], [1, [50_000]], 'put off until 60 s after the last run');
      clock = 70_000;
      trigger.soon();
      await until(() => runs === 2);
      clock = 80_000;
      trigger.soon();
      await until(() => said.length === 2);
      assert.deepEqual([runs, said], [2, [50_000, 50_000]], 'waiting again is said again');
    } finally {
      trigger.dispose();
    }
  });

  it('limits only a folder that is neither on disk nor remote, and the log says why it waits', () => {
    const lines: string[] = [];
    let root: Uri | undefined = Uri.from({ scheme: 'memfs', path: '/notes' });
    const pace = virtualFolderPace(() => root as unknown as vscode.Uri, keptLog(lines));
    assert.equal(pace.gapMs(), VIRTUAL_RECONCILE_GAP_MS);
    pace.deferred(12_300);
    assert.deepEqual(lines, [`the disk listing waits 13 s: the notes folder is virtual (memfs), each listing walks it whole, and it is listed at most once every ${VIRTUAL_RECONCILE_GAP_MS / 1000} s`]);
    for (const scheme of ['file', 'vscode-remote']) {
      root = Uri.from({ scheme, path: '/notes' });
      assert.equal(pace.gapMs(), 0, scheme);
    }
    root = undefined;
    assert.equal(pace.gapMs(), 0);
  });

  it('the service lists a virtual folder again on focus, but not a second time within the gap', async () => {
    const dir = freshFolder('nn-paced-');
    writeIn(dir, 'a.md', '# A\n');
    const lines: string[] = [];
    const service = new IndexService(Uri.from({ scheme: 'memfs', path: dir }) as unknown as vscode.Uri, keptLog(lines));
    try {
      void service.start();
      await service.ready;
      await idleOf(service);
      const listed = service.listingCounts.searched;
      events.windowState.fire({ focused: true });
      await until(() => service.listingCounts.searched === listed + 1);
      events.windowState.fire({ focused: true });
      await until(() => lines.some(l => l.startsWith('the disk listing waits')));
      assert.equal(service.listingCounts.searched, listed + 1, 'listed a second time within the gap');
    } finally {
      stopLive({ service, collection: undefined as never, subscriptions: [], logged: [] }, dir);
    }
  });
});

describe('the log line of a reconcile', () => {
  it('says nothing when nothing was corrected, and names a few of the files otherwise', () => {
    assert.equal(reconciledText({ gone: [], added: [] }, 3), undefined);
    const many = Array.from({ length: 7 }, (_, i) => `n${i}.md`);
    assert.equal(reconciledText({ gone: [], added: many }, 12),
      'the disk listing found files the file watcher did not report: 7 new on the disk (n0.md, n1.md, n2.md, n3.md, n4.md, … 2 more); index corrected in 12 ms');
  });
});
