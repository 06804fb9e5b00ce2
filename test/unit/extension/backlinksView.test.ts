import './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { IndexService } from '../../../src/extension/indexService';
import { BacklinksView } from '../../../src/extension/tree/backlinksView';
import { FM, indexOf } from '../index/memoryWorkspace';
import { EventEmitter } from './vscodeStub';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts: only the first
// one loaded is the module the extension code sees)
const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;

/** What the Backlinks view needs of `vscode.window`, added to the shared stub for these tests. */
const activeEditor = new EventEmitter<unknown>();
const win = vscode.window as unknown as Record<string, unknown>;
win.onDidChangeActiveTextEditor = activeEditor.event;
win.createTreeView = () => {
  const visibility = new EventEmitter<unknown>();
  return { visible: true, description: undefined, message: undefined, onDidChangeVisibility: visibility.event, dispose: () => undefined };
};

function editorOf(file: string): unknown {
  return { document: { uri: Uri.file(file.startsWith('/') ? file : '/ws/' + file) } };
}

function focus(file: string): void {
  win.activeTextEditor = editorOf(file);
  activeEditor.fire(win.activeTextEditor);
}

async function viewOf(files: Record<string, string>, active: string) {
  const index = await indexOf(files);
  const changed = new EventEmitter<{ files: string[] }>();
  const rootChanged = new EventEmitter<unknown>();
  /** the indexed folder (a multi-root workspace may index another one: see `reroot`) */
  const at = { root: '/ws/' };
  const service = {
    index,
    ready: Promise.resolve(),
    onDidChange: changed.event,
    onDidChangeRoot: rootChanged.event,
    fileOf: (uri: Uri) => (uri.path.startsWith(at.root) ? uri.path.slice(at.root.length) : undefined),
    uriOf: (file: string) => Uri.file(at.root + file),
    toRange: (r: unknown) => r,
  } as unknown as IndexService;
  win.activeTextEditor = editorOf(active);
  const view = new BacklinksView(service);
  await new Promise(r => setImmediate(r));
  const sources = () => (view.getChildren() as { from: string }[]).map(n => n.from);
  /** each linking note with the destinations of its links: which note the roots were computed for, not only who links */
  const links = () => view.getChildren().map(n => [(n as { from: string }).from,
    view.getChildren(n).map(l => (l as { backlink: { link: { raw: string } } }).backlink.link.raw)]);
  const tree = view.view as vscode.TreeView<unknown>;
  return { index, view, tree, sources, links, changed, rootChanged, at, settle: () => new Promise(r => setTimeout(r, 200)) };
}

describe('Backlinks view', () => {
  afterEach(() => { win.activeTextEditor = undefined; });

  it('follows the active note when it is renamed (the editor moves before the index knows the new name)', async () => {
    const v = await viewOf({ 'a.md': FM('A') + 'See [b](b.md).\n', 'b.md': FM('B') }, 'b.md');
    assert.deepEqual(v.links(), [['a.md', ['b.md']]]);
    // VS Code shows the renamed file first; the index learns of the rename afterwards
    focus('c.md');
    v.index.removeFile('b.md');
    v.index.updateNote('c.md', FM('B'));
    v.index.updateNote('a.md', FM('A') + 'See [b](c.md).\n');
    v.changed.fire({ files: ['a.md', 'b.md', 'c.md'] });
    await v.settle();
    // a.md links to b.md before and to c.md after: the link's destination tells a view that followed the rename
    // from one that kept the roots it had (a view deaf to the index's changes lists a.md too)
    assert.deepEqual(v.links(), [['a.md', ['c.md']]]);
    assert.equal(v.tree.message, undefined);
    v.view.dispose();
  });

  it('names a link\'s kind in its tooltip with the display language\'s colon (zh-TW: Markdown 連結：a.md:10:5 — b.md)', async () => {
    const v = await viewOf({ 'a.md': FM('A') + 'See [b](b.md).\n', 'b.md': FM('B') }, 'b.md');
    const [source] = v.view.getChildren();
    const [link] = v.view.getChildren(source);
    const l10n = vscode.l10n as unknown as { t: (m: string, ...a: unknown[]) => string };
    const english = l10n.t;
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    assert.equal(v.view.getTreeItem(link!).tooltip, 'Markdown link: a.md:10:5 — b.md');
    l10n.t = (m, ...a) => english(zh[m] ?? m, ...a);
    try {
      assert.equal(v.view.getTreeItem(link!).tooltip, 'Markdown 連結：a.md:10:5 — b.md');
    } finally {
      l10n.t = english;
      v.view.dispose();
    }
  });

  it('does not take a file that is no note (a source file of the workspace) for its target', async () => {
    const v = await viewOf({ 'a.md': FM('A') + 'See [b](b.md).\n', 'b.md': FM('B'), 'src/x.ts': 'x' }, 'src/x.ts');
    assert.deepEqual(v.sources(), []);
    assert.equal(v.tree.message, undefined, 'no "No notes link to src/x.ts" message: the welcome text shows');
    v.view.dispose();
  });

  it('forgets its note when another folder is indexed: a note of the new folder at the same path is not the one shown', async () => {
    const v = await viewOf({ 'a.md': FM('A') + 'See [b](b.md).\n', 'b.md': FM('B') }, 'b.md');
    assert.deepEqual(v.sources(), ['a.md']);
    // "Choose Notes Folder" picks /other/, which has a b.md too; the editor still shows /ws/b.md
    v.at.root = '/other/';
    const gone = [...v.index.files()];
    for (const f of gone) v.index.removeFile(f);
    v.rootChanged.fire(Uri.file('/other'));
    v.index.updateNote('x.md', FM('X') + 'See [b](b.md).\n');
    v.index.updateNote('b.md', FM('Other B'));
    v.changed.fire({ files: [...gone, 'x.md', 'b.md'] });
    await v.settle();
    assert.deepEqual(v.sources(), [], 'the backlinks of /other/b.md are not shown for /ws/b.md');
    assert.equal(v.tree.description, undefined);
    // opening the new folder's b.md shows its backlinks
    focus('/other/b.md');
    await v.settle();
    assert.deepEqual(v.sources(), ['x.md']);
    v.view.dispose();
  });
});
