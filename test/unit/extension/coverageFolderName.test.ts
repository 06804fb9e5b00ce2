import { events, Uri, shownText, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { registerCoverage } from '../../../src/extension/coverage/index';
import { CoverageStatusBar } from '../../../src/extension/coverage/statusBar';
import { exampleIndex } from '../coverage/fakeIndex';
import { PageHarness } from '../webview/pageHarness';
import { closeCoveragePage, openCoveragePage, PANEL_MATRIX, PANEL_SERIES, stubPanelUi, type OpenPage, type PanelUi } from './coveragePanelHarness';
import { freshFolder, idleOf, settle, startLive, writeIn } from './liveService';

/** In a workspace of several folders, the coverage page and the status bar's tooltip say which folder is indexed. */
describe('coverage: the folder indexed, in a multi-root workspace', () => {
  let base = '';
  let page: OpenPage | undefined;
  let ui: PanelUi;
  const win = vscode.window as unknown as Record<string, unknown>;
  const savedItem = win.createStatusBarItem;
  const savedSerializer = win.registerWebviewPanelSerializer;

  beforeEach(() => {
    base = freshFolder('nn-cov-folder-');
    ui = stubPanelUi();
  });
  afterEach(() => {
    closeCoveragePage(page);
    page = undefined;
    ui.restore();
    workspace.workspaceFolders = undefined;
    win.createStatusBarItem = savedItem;
    win.registerWebviewPanelSerializer = savedSerializer;
    rmSync(base, { recursive: true, force: true });
  });

  const models = (p: OpenPage) => p.posted.filter(m => m.type === 'model');

  /** Registers the coverage features over the notes folder, waits for the status bar's first tooltip, runs `body`. */
  async function withStatusBar(body: (tooltip: () => string) => void): Promise<void> {
    const item = { show: () => undefined, hide: () => undefined, dispose: () => undefined } as Record<string, unknown>;
    win.createStatusBarItem = () => item;
    win.registerWebviewPanelSerializer = () => ({ dispose: () => undefined });
    const live = await startLive(`${base}/notes`, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': PANEL_MATRIX });
    const subscriptions: { dispose(): unknown }[] = [];
    try {
      registerCoverage({ extensionUri: Uri.file('/ext'), subscriptions } as unknown as vscode.ExtensionContext, live.service);
      for (const end = Date.now() + 2000; item.tooltip === undefined && Date.now() < end;) await settle(20);
      body(() => shownText(item.tooltip));
    } finally {
      for (const d of [...subscriptions, ...live.subscriptions]) d.dispose();
      live.service.dispose();
    }
  }

  it('sends the page the folder\'s name with the model, and the whole model again when another folder is indexed', async () => {
    workspace.workspaceFolders = [
      { name: 'notes', index: 0, uri: Uri.file(`${base}/notes`) }, { name: 'app', index: 1, uri: Uri.file(`${base}/app`) },
    ];
    writeIn(`${base}/app`, 'main.md', '# Main\n');
    page = await openCoveragePage(`${base}/notes`, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': PANEL_MATRIX, '01-one.md': '# One\n' });
    assert.deepEqual(models(page).map(m => m.folder), ['notes']);
    await page.service.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
    await idleOf(page.service);
    await settle(30);
    assert.deepEqual(models(page).map(m => m.folder), ['notes', 'app']);
  });

  it('names no folder in a workspace of one folder', async () => {
    workspace.workspaceFolders = [{ name: 'notes', index: 0, uri: Uri.file(`${base}/notes`) }];
    page = await openCoveragePage(`${base}/notes`, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': PANEL_MATRIX });
    assert.deepEqual(models(page).map(m => 'folder' in m), [false]);
  });

  it('heads the page with the folder\'s name when the host gives one', () => {
    const named = new PageHarness();
    named.model(buildViewModel(exampleIndex()), undefined, 'notes');
    assert.equal(named.byId('page-title').textContent, 'Coverage: notes');
    const single = new PageHarness();
    single.model(buildViewModel(exampleIndex()));
    assert.equal(single.byId('page-title').textContent, 'Coverage');
  });

  it('says in the status bar\'s tooltip which folder the figures are of', () => {
    const item = { show: () => undefined, hide: () => undefined, dispose: () => undefined } as Record<string, unknown>;
    win.createStatusBarItem = () => item;
    const bar = new CoverageStatusBar();
    const model = buildViewModel(exampleIndex());
    bar.update(model, 'notes');
    assert.match(shownText(item.tooltip), /^Topics covered in notes \(computed from the notes\):/);
    bar.update(model);
    assert.match(shownText(item.tooltip), /^Topics covered \(computed from the notes\):/);
    bar.dispose();
  });

  it('gives the status bar the name of the folder indexed', async () => {
    workspace.workspaceFolders = [
      { name: 'app', index: 0, uri: Uri.file(`${base}/app`) }, { name: 'notes', index: 1, uri: Uri.file(`${base}/notes`) },
    ];
    await withStatusBar(tooltip => assert.match(tooltip(), /^Topics covered in notes \(computed from the notes\):/));
  });

  // the same folder stays indexed (no onDidChangeRoot): only the workspace's folders tell that its name changed
  const folders = (...list: [string, string][]) => {
    workspace.workspaceFolders = list.map(([name, dir], index) => ({ name, index, uri: Uri.file(`${base}/${dir}`) }));
    events.changeWorkspaceFolders.fire({ added: [], removed: [] });
  };

  it('sends the page the folder\'s name again when the workspace\'s folders change it, the indexed folder the same', async () => {
    workspace.workspaceFolders = [{ name: 'notes', index: 0, uri: Uri.file(`${base}/notes`) }];
    page = await openCoveragePage(`${base}/notes`, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': PANEL_MATRIX });
    // one folder becomes two
    folders(['notes', 'notes'], ['app', 'app']);
    await settle(30);
    // another folder changes, the name does not: nothing is sent
    folders(['notes', 'notes'], ['app', 'app'], ['web', 'web']);
    await settle(30);
    // the folder renamed in the .code-workspace
    folders(['My notes', 'notes'], ['app', 'app']);
    await settle(30);
    // back to one folder: no name
    folders(['My notes', 'notes']);
    await settle(30);
    assert.deepEqual(models(page).map(m => m.folder), [undefined, 'notes', 'My notes', undefined]);
  });

  it('names the folder in the status bar\'s tooltip again when the workspace\'s folders change its name', async () => {
    workspace.workspaceFolders = [{ name: 'notes', index: 0, uri: Uri.file(`${base}/notes`) }];
    await withStatusBar(tooltip => {
      assert.match(tooltip(), /^Topics covered \(computed from the notes\):/);
      folders(['notes', 'notes'], ['app', 'app']);
      assert.match(tooltip(), /^Topics covered in notes \(computed from the notes\):/);
      folders(['My notes', 'notes'], ['app', 'app']);
      assert.match(tooltip(), /^Topics covered in My notes \(computed from the notes\):/);
    });
  });
});
