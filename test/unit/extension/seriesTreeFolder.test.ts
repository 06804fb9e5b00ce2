import { events, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { IndexService } from '../../../src/extension/indexService';
import { SeriesTree } from '../../../src/extension/tree/seriesTree';
import { FM, indexOf } from '../index/memoryWorkspace';
import { restoreWindowAfterEach, seriesTreeOver } from './seriesTreeHarness';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri, EventEmitter } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;

/** The Series view of a multi-root workspace says which folder's series it shows. */
describe('Series view description names the notes folder of a multi-root workspace', () => {
  const saved = { ...win };
  afterEach(() => {
    for (const k of ['createTreeView', 'onDidChangeActiveTextEditor']) win[k] = saved[k];
    workspace.workspaceFolders = undefined;
  });

  it('shows the indexed folder\'s name beside the grouping, follows a switch, and drops it with one folder left', async () => {
    const noop = new EventEmitter<unknown>();
    const view = { description: undefined as string | undefined, message: undefined, visible: false, onDidChangeCheckboxState: noop.event, onDidChangeVisibility: noop.event, dispose: () => undefined };
    win.createTreeView = () => view;
    win.onDidChangeActiveTextEditor = noop.event;
    const other = { name: 'other', index: 0, uri: Uri.file('/ws/other') };
    const notes = { name: 'notes', index: 1, uri: Uri.file('/ws/notes') };
    workspace.workspaceFolders = [other, notes];
    const rootChanged = new EventEmitter<unknown>();
    const service = {
      index: await indexOf({}),
      ready: Promise.resolve(),
      root: notes.uri,
      settings: { groupBy: 'category' },
      onDidChange: noop.event, onDidProgress: noop.event, onDidChangeSettings: noop.event, onDidChangeRoot: rootChanged.event, onDidReadSeries: noop.event,
      fileOf: () => undefined,
    };
    const state = new Map<string, unknown>();
    const memento = { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); } } as unknown as vscode.Memento;
    const tree = new SeriesTree(service as unknown as IndexService, memento);
    await service.ready;
    await new Promise(r => setImmediate(r));
    assert.equal(view.description, 'notes');
    await tree.state.setGroupBy('priority');
    assert.equal(view.description, 'notes · by priority');

    service.root = other.uri;
    rootChanged.fire(other.uri);
    assert.equal(view.description, 'other · by priority');

    workspace.workspaceFolders = [other];
    events.changeWorkspaceFolders.fire({ added: [], removed: [notes] });
    assert.equal(view.description, 'by priority', 'a single folder needs no name');
    tree.dispose();
  });
});

/** A 10k-note workspace takes seconds to load: the Series view shows the series as soon as the load has read them. */
describe('Series view during a load', () => {
  const saved = { ...win };
  afterEach(() => {
    for (const k of ['createTreeView', 'onDidChangeActiveTextEditor']) win[k] = saved[k];
  });

  it('shows the series when the load says it has read them, before it ends', async () => {
    const noop = new EventEmitter<unknown>();
    const view = { description: undefined as string | undefined, message: undefined, visible: true, onDidChangeCheckboxState: noop.event, onDidChangeVisibility: noop.event, dispose: () => undefined };
    win.createTreeView = () => view;
    win.onDidChangeActiveTextEditor = noop.event;
    const seriesRead = new EventEmitter<void>();
    const service = {
      index: await indexOf({}),
      ready: new Promise<void>(() => undefined), // the load is still running
      root: Uri.file('/ws'),
      settings: { groupBy: 'category' },
      onDidChange: noop.event, onDidProgress: noop.event, onDidChangeSettings: noop.event, onDidChangeRoot: noop.event,
      onDidReadSeries: seriesRead.event,
      fileOf: () => undefined,
    };
    const state = new Map<string, unknown>();
    const memento = { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); } } as unknown as vscode.Memento;
    const tree = new SeriesTree(service as unknown as IndexService, memento);
    assert.deepEqual(tree.getChildren(), [], 'nothing read yet: the welcome view shows');
    // the load reads the README and its chapters first (loadWorkspace's onSeriesRead), then says so
    service.index.beginBatch();
    service.index.updateNote('s/README.md', '# S\n\n## Chapters\n\n### Basics\n\n- [01_a](01_a.md) 必讀 · 30 min\n- [02_b](02_b.md) 重要 · 20 min\n');
    service.index.updateNote('s/01_a.md', FM('A') + '# A\n');
    let refreshed = 0;
    tree.onDidChangeTreeData(() => refreshed++);
    seriesRead.fire();
    assert.equal(refreshed, 1, 'the view is told at once');
    const [series] = tree.getChildren() as import('../../../src/extension/tree/treeModel').SeriesNode[];
    assert.equal(series?.series.readme, 's/README.md');
    const chapters = series.groups.flatMap(g => g.chapters);
    assert.deepEqual(chapters.map(c => [c.chapter.file, c.facts.exists]), [['s/01_a.md', true], ['s/02_b.md', false]]);
    service.index.endBatch();
    tree.dispose();
  });
});

/** A folder switch reads the editor settings again (switchRoot), which may fire onDidChangeSettings for another setting. */
describe('Series view grouping across a settings change', () => {
  restoreWindowAfterEach();

  it('keeps the grouping the user chose unless the tree.groupBy setting itself changed', async () => {
    const settingsChanged = new EventEmitter<{ groupBy: string; debounceMs: number }>();
    const tree = seriesTreeOver(await indexOf({}), { settings: { groupBy: 'category', debounceMs: 300 }, onDidChangeSettings: settingsChanged.event });
    await tree.state.setGroupBy('batch');
    // the other folder's settings differ in something else only
    settingsChanged.fire({ groupBy: 'category', debounceMs: 50 });
    await new Promise(r => setImmediate(r));
    assert.equal(tree.state.groupBy, 'batch');
    settingsChanged.fire({ groupBy: 'priority', debounceMs: 50 });
    await new Promise(r => setImmediate(r));
    assert.equal(tree.state.groupBy, 'priority', 'a new tree.groupBy setting becomes the grouping');
    tree.dispose();
  });
});
