import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { IndexService } from '../../../src/extension/indexService';
import { SeriesTree } from '../../../src/extension/tree/seriesTree';
import type { TreeNode } from '../../../src/extension/tree/treeModel';
import { FM, indexOf } from '../index/memoryWorkspace';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri, EventEmitter } = vscode as unknown as typeof import('./vscodeStub');
const win = vscode.window as unknown as Record<string, unknown>;

const README = '# S\n\n## Chapters\n\n### Basics\n\n- [01_a](01_a.md) 必讀 · 30 min\n- [02_b](02_b.md) 重要 · 20 min\n';

/** The Series view's reveals, as SeriesTree orders them against its own refreshes and against each other. */
describe('Series view reveal (the order of refreshes and reveals)', () => {
  const saved = { ...win };
  afterEach(() => {
    for (const k of ['createTreeView', 'onDidChangeActiveTextEditor']) win[k] = saved[k];
  });

  /** A tree over a two-chapter series, its view a stand-in that records the reveals and what came before each. */
  async function setUp(files: Record<string, string> = { 's/README.md': README, 's/01_a.md': FM('A') + '# A\n', 's/02_b.md': FM('B') + '# B\n' }) {
    const noop = new EventEmitter<unknown>();
    const selection = new EventEmitter<{ selection: readonly TreeNode[] }>();
    const log: string[] = [];
    const view = {
      description: undefined as string | undefined, message: undefined, visible: true, selection: [] as readonly TreeNode[],
      onDidChangeCheckboxState: noop.event, onDidChangeVisibility: noop.event, onDidChangeSelection: selection.event,
      dispose: () => undefined,
      /** resolves when told to (`finish`), then selects the node, as VS Code does */
      reveal: (node: TreeNode, options: { focus?: boolean }) => {
        log.push(`reveal ${node.kind === 'chapter' ? node.chapter.file : node.kind}${options.focus ? ' focus' : ''}`);
        return new Promise<void>(res => pending.push(() => {
          view.selection = [node];
          selection.fire({ selection: view.selection });
          res();
        }));
      },
    };
    const pending: (() => void)[] = [];
    win.createTreeView = () => view;
    const activeEditor = new EventEmitter<unknown>();
    win.onDidChangeActiveTextEditor = activeEditor.event;
    const changed = new EventEmitter<{ files: string[] }>();
    const index = await indexOf(files);
    const service = {
      index, ready: Promise.resolve(), root: Uri.file('/ws'), settings: { groupBy: 'category' },
      onDidChange: changed.event, onDidProgress: noop.event, onDidChangeSettings: noop.event, onDidChangeRoot: noop.event,
      onDidReadSeries: noop.event, fileOf: (uri: { path: string }) => uri.path.replace(/^\/ws\//, ''), log: { warn: (m: string) => log.push(`warn ${m}`) },
    };
    const memento = { get: () => undefined, update: async () => undefined } as unknown as vscode.Memento;
    const tree = new SeriesTree(service as unknown as IndexService, memento);
    await new Promise(r => setImmediate(r));
    tree.onDidChangeTreeData(() => log.push('refresh'));
    const finishReveals = () => { for (const f of pending.splice(0)) f(); };
    /** the active editor turns to `file`, as when a note is opened from the tree */
    const openEditor = (file: string) => activeEditor.fire({ document: { uri: Uri.file('/ws/' + file) } });
    return { tree, log, changed, finishReveals, openEditor };
  }

  it('sends a refresh an index update has scheduled before the reveal, not during it', async () => {
    const { tree, log, changed, finishReveals } = await setUp();
    changed.fire({ files: ['s/01_a.md'] }); // the debounced refresh is pending
    const revealing = tree.revealFile('s/02_b.md', false);
    await new Promise(r => setImmediate(r));
    finishReveals();
    assert.equal(await revealing, true);
    await new Promise(r => setTimeout(r, 300)); // past the debounce: no refresh comes after the reveal
    assert.deepEqual(log, ['refresh', 'reveal s/02_b.md']);
    tree.dispose();
  });

  it('lets the newest of two reveals asked at once be the one tried, keeping the focus the older one asked for', async () => {
    const { tree, log, finishReveals } = await setUp();
    const byCommand = tree.revealFile('s/02_b.md', true);
    await new Promise(r => setImmediate(r));
    const byEditor = tree.revealFile('s/02_b.md', false);
    await new Promise(r => setImmediate(r));
    finishReveals();
    assert.deepEqual(await Promise.all([byCommand, byEditor]), [true, true]);
    assert.deepEqual(log, ['reveal s/02_b.md focus', 'reveal s/02_b.md focus']);
    assert.deepEqual(tree.view.selection.map(n => n.kind === 'chapter' && n.chapter.file), ['s/02_b.md']);
    tree.dispose();
  });

  const selectedIds = (tree: SeriesTree) => tree.view.selection.map(n => n.id);

  it('leaves the selection on a chapter the tree lists twice when the note opened is the copy selected', async () => {
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [01_a](01_a.md)\n\n### B\n\n- [02_b](02_b.md)\n- [01_a](01_a.md)\n';
    const { tree, log, finishReveals, openEditor } = await setUp({ 's/README.md': readme, 's/01_a.md': FM('A') + '# A\n', 's/02_b.md': FM('B') + '# B\n' });
    const [series] = tree.getChildren() as TreeNode[];
    const secondCopy = tree.getChildren(tree.getChildren(series)[1]).find(n => n.kind === 'chapter' && n.chapter.file === 's/01_a.md')!;
    (tree.view as { selection: readonly TreeNode[] }).selection = [secondCopy];
    openEditor('s/01_a.md');
    await new Promise(r => setImmediate(r));
    finishReveals();
    await new Promise(r => setImmediate(r));
    assert.deepEqual(log, ['reveal s/01_a.md']);
    assert.deepEqual(selectedIds(tree), ['series:s/README.md|category:B|s/01_a.md']);
    // with nothing of it selected: the first copy
    (tree.view as { selection: readonly TreeNode[] }).selection = [];
    const again = tree.revealFile('s/01_a.md', false);
    await new Promise(r => setImmediate(r));
    finishReveals();
    assert.equal(await again, true);
    assert.deepEqual(selectedIds(tree), ['series:s/README.md|category:A|s/01_a.md']);
    tree.dispose();
  });

  it('prefers the chapter node in the note\'s own series when nested series both list it', async () => {
    const { tree, finishReveals, openEditor } = await setUp({
      'backend/README.md': '# Backend\n\n## Chapters\n\n### Rust\n\n- [01_own](rust/01_own.md)\n',
      'backend/rust/README.md': '# Rust\n\n## Chapters\n\n### Basics\n\n- [01_own](01_own.md)\n',
      'backend/rust/01_own.md': FM('Ownership') + '# Ownership\n',
    });
    openEditor('backend/rust/01_own.md');
    await new Promise(r => setImmediate(r));
    finishReveals();
    await new Promise(r => setImmediate(r));
    assert.deepEqual(selectedIds(tree), ['series:backend/rust/README.md|category:Basics|backend/rust/01_own.md']);
    tree.dispose();
  });
});
