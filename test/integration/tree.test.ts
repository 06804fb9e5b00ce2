// The Series tree on the example workspace: activation, series → category → chapter in README order,
// priorities, planned placeholders, grouping, filters, studied check boxes and reveal.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, uriOf, waitFor, waitForExplained } from './support';
import type { NotesNavigatorApi } from '../../src/extension/extension';
import { uniqueChapters, type ChapterNode, type GroupNode, type SeriesNode, type TreeNode } from '../../src/extension/tree/treeModel';


function children(a: NotesNavigatorApi, node?: TreeNode): TreeNode[] {
  return a.seriesTree.getChildren(node) as TreeNode[];
}

function backendSeries(a: NotesNavigatorApi): SeriesNode {
  const roots = children(a) as SeriesNode[];
  const s = roots.find(r => r.series.readme === 'backend/README.md');
  assert.ok(s, `no backend series among ${roots.map(r => r.series.readme).join(', ')}`);
  return s;
}

function group(a: NotesNavigatorApi, key: string): GroupNode {
  const g = (children(a, backendSeries(a)) as GroupNode[]).find(x => x.key === key);
  assert.ok(g, `no group ${key}`);
  return g;
}

function chapter(a: NotesNavigatorApi, g: GroupNode, label: string): ChapterNode {
  const c = (children(a, g) as ChapterNode[]).find(x => x.chapter.label === label);
  assert.ok(c, `no chapter ${label} in ${g.key}`);
  return c;
}

describe('tree: Series view', () => {
  before(async () => {
    const a = await api();
    await vscode.commands.executeCommand('notesNavigator.clearFilter');
    await vscode.commands.executeCommand('notesNavigator.groupBy', 'category');
    a.seriesTree.refreshNow();
  });

  after(async () => {
    await vscode.commands.executeCommand('notesNavigator.clearFilter');
    await vscode.commands.executeCommand('notesNavigator.groupBy', 'category');
  });

  // a failed assertion under a filter must not leave the filter on for the tests after it
  afterEach(async () => { await vscode.commands.executeCommand('notesNavigator.clearFilter'); });

  it('activates quickly and indexes the example workspace', async () => {
    const a = await api();
    assert.ok(a.service.root, 'no workspace root');
    const notes = [...a.service.index.notes()].length;
    assert.ok(notes >= 30, `only ${notes} notes indexed`);
    assert.deepEqual(a.service.index.series().map(s => s.readme), ['backend/README.md']);
    assert.equal(a.service.fileOf(a.service.uriOf('backend/README.md')), 'backend/README.md');
  });

  it('shows the series with its categories in README order', async () => {
    const a = await api();
    const s = backendSeries(a);
    const item = a.seriesTree.getTreeItem(s);
    assert.equal(item.label, 'Backend Series README');
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    // other tests create notes, so count from the index rather than from the example's fixed numbers
    const total = uniqueChapters(s.series).length;
    const written = uniqueChapters(s.series).filter(c => a.service.index.fileStateOf(c.file) === 'written').length;
    assert.ok(total >= 121, `total ${total}`);
    assert.match(String(item.description), new RegExp(`^\\d+/${total} studied · ${written} written$`));
    // the reading time left is written as the coverage page writes it: `1 h 30 min`, not `about 1.5 h`
    const tip = (item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '); // appendText keeps spaces as &nbsp;
    assert.match(tip, new RegExp(`\\d+ of ${total} chapters studied, ${written} written, (\\d+ min|\\d+ h|\\d+ h \\d+ min) of reading left`), tip);
    assert.deepEqual(children(a, s).map(g => (g as GroupNode).key),
      ['System Design', 'Distributed Systems', 'Infrastructure', 'Engineering', 'Database', 'Design Pattern']);
  });

  it('lists chapters in README order with priority, reading time and written/planned state', async () => {
    const a = await api();
    const sd = group(a, 'System Design');
    const labels = children(a, sd).map(c => (c as ChapterNode).chapter.label);
    assert.equal(labels.length, 21);
    assert.deepEqual(labels.slice(0, 4), ['01_scalability_fundamentals', '02_availability_and_fault_tolerance', '03_consistency_trade_offs', '04_api_design_rest']);
    assert.equal(labels[20], '74_time_series_database');

    const written = a.seriesTree.getTreeItem(chapter(a, sd, '01_scalability_fundamentals'));
    assert.equal(written.contextValue, 'chapter.written');
    assert.match(String(written.description), /^必讀 · 90 min/);
    assert.ok(written.iconPath instanceof vscode.ThemeIcon && written.iconPath.id === 'star-full');
    assert.equal(written.command?.command, 'vscode.open');
    assert.ok(written.checkboxState, 'written chapters have a studied check box');
    assert.ok(written.tooltip instanceof vscode.MarkdownString);
    // a screen reader hears words, not `必讀 · 90 min` and a star icon
    assert.match(written.accessibilityInformation?.label ?? '', /^Chapter 1: Scalability Fundamentals, Must-read, 90 minutes, (written|draft)\b.*, (studied|not studied)$/);

    const planned = a.seriesTree.getTreeItem(chapter(a, sd, '05_api_design_grpc_graphql'));
    assert.equal(planned.contextValue, 'chapter.planned');
    assert.match(String(planned.description), /重要 · 75 min · planned/);
    assert.ok(planned.iconPath instanceof vscode.ThemeIcon && planned.iconPath.id === 'circle-large-outline');
    assert.equal(planned.checkboxState, undefined);
    assert.equal(planned.command, undefined);
    assert.equal(planned.accessibilityInformation?.label, 'Chapter 5: api design grpc graphql, Important, 75 minutes, planned, no note yet');

    const groupItem = a.seriesTree.getTreeItem(sd);
    assert.match(String(groupItem.description), /^\d+\/21 studied · \d+ written$/);
  });

  it('shows the series while a load is still reading the other notes (Refresh)', async () => {
    const a = await api();
    const whole = backendSeries(a);
    let treeTold = 0;
    const seen: { loading: boolean; treeTold: number; total: number; written: number; chapters: number }[] = [];
    const subs = [
      a.seriesTree.onDidChangeTreeData(() => { treeTold++; }),
      a.service.onDidReadSeries(() => {
        const s = backendSeries(a); // the tree as the view would build it now
        seen.push({
          loading: a.service.progress !== undefined, treeTold, total: a.service.progress?.total ?? 0,
          written: s.progress.written, chapters: s.progress.total,
        });
      }),
    ];
    try {
      await vscode.commands.executeCommand('notesNavigator.refresh');
    } finally {
      for (const d of subs) d.dispose();
    }
    assert.equal(seen.length, 1, 'the load said once that it had read the series');
    const [early] = seen;
    assert.ok(early.loading, 'the series were shown before the load ended');
    assert.ok(early.treeTold >= 1, 'the Series view was told to refresh then');
    assert.ok(early.total > whole.progress.total / 4, `the load had ${early.total} files to read`);
    // the chapters' notes were read first: written and planned are already what the finished load says
    assert.deepEqual([early.written, early.chapters], [whole.progress.written, whole.progress.total]);
    assert.deepEqual([backendSeries(a).progress.written, backendSeries(a).progress.total], [whole.progress.written, whole.progress.total]);
  });

  it('keeps element ids stable across refreshes (expansion state survives)', async () => {
    const a = await api();
    const before = children(a, group(a, 'System Design')).map(n => a.seriesTree.getTreeItem(n).id);
    a.seriesTree.refreshNow();
    const after = children(a, group(a, 'System Design')).map(n => a.seriesTree.getTreeItem(n).id);
    assert.deepEqual(after, before);
    assert.equal(new Set(before).size, before.length, 'ids are unique');
  });

  it('groups by priority and by batch route', async () => {
    const a = await api();
    await vscode.commands.executeCommand('notesNavigator.groupBy', 'priority');
    const keys = children(a, backendSeries(a)).map(g => (g as GroupNode).key);
    assert.deepEqual(keys, ['must-read', 'important', 'skippable']);
    const must = group(a, 'must-read');
    assert.ok(children(a, must).every(c => (c as ChapterNode).chapter.priority === 'must-read'));

    await vscode.commands.executeCommand('notesNavigator.groupBy', 'batch');
    const batch1 = group(a, '1');
    assert.deepEqual(children(a, batch1).map(c => (c as ChapterNode).chapter.label),
      ['01_scalability_fundamentals', '02_availability_and_fault_tolerance', '03_consistency_trade_offs']);
    assert.match(String(a.seriesTree.getTreeItem(batch1).label), /^Batch 1: /);
    await vscode.commands.executeCommand('notesNavigator.groupBy', 'category');
    assert.equal(children(a, backendSeries(a)).length, 6);
  });

  it('filters by planned-only, priority and text', async () => {
    const a = await api();
    await vscode.commands.executeCommand('notesNavigator.filter', { missingOnly: true });
    const sd = group(a, 'System Design');
    const planned = children(a, sd) as ChapterNode[];
    assert.ok(planned.length > 0 && planned.every(c => !c.facts.exists), 'only planned chapters remain');
    assert.ok(!planned.some(c => c.chapter.label === '01_scalability_fundamentals'));
    // progress stays over all 21 chapters of the group, so its description says that only some of them are shown
    const sdItem = a.seriesTree.getTreeItem(sd);
    assert.match(String(sdItem.description), new RegExp(`^${planned.length} of 21 shown · \\d+/21 studied · \\d+ written$`));
    assert.match((sdItem.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), new RegExp(`${planned.length} of 21 chapters match the filter`));
    assert.match(sdItem.accessibilityInformation?.label ?? '', new RegExp(`^System Design, ${planned.length} of 21 chapters match the filter, \\d+ of 21 chapters studied`));
    const total = uniqueChapters(backendSeries(a).series).length;
    assert.match(String(a.seriesTree.getTreeItem(backendSeries(a)).description), new RegExp(`^\\d+ of ${total} shown · \\d+/${total} studied`));
    // the view's own description still names the filter
    assert.match(String(a.seriesTree.view.description), /filter: planned only/);

    await vscode.commands.executeCommand('notesNavigator.clearFilter');
    await vscode.commands.executeCommand('notesNavigator.filter', { priorities: ['skippable'], text: 'graph' });
    const all = children(a, backendSeries(a)).flatMap(g => children(a, g) as ChapterNode[]);
    assert.deepEqual(all.map(c => c.chapter.label), ['73_graph_database_patterns']);
    const graphGroup = all[0]!.parent;
    assert.match(String(a.seriesTree.getTreeItem(graphGroup).description), new RegExp(`^1 of ${graphGroup.progress.total} shown · `));
    await vscode.commands.executeCommand('notesNavigator.clearFilter');
    assert.equal(children(a, group(a, 'System Design')).length, 21);
    assert.match(String(a.seriesTree.getTreeItem(group(a, 'System Design')).description), /^\d+\/21 studied · \d+ written$/, 'no filter, no shown count');
  });

  it('remembers studied chapters and shows progress per category', async () => {
    const a = await api();
    const file = 'backend/system_design/02_availability_and_fault_tolerance.md';
    const was = a.seriesTree.studied.has(file);
    if (was) await vscode.commands.executeCommand('notesNavigator.toggleStudied', file);
    const before = group(a, 'System Design').progress.studied;
    const now = await vscode.commands.executeCommand<boolean>('notesNavigator.toggleStudied', file);
    assert.equal(now, true);
    const sd = group(a, 'System Design');
    assert.equal(sd.progress.studied, before + 1);
    const item = a.seriesTree.getTreeItem(chapter(a, sd, '02_availability_and_fault_tolerance'));
    const state = typeof item.checkboxState === 'object' ? item.checkboxState.state : item.checkboxState;
    assert.equal(state, vscode.TreeItemCheckboxState.Checked);
    assert.match(String(a.seriesTree.getTreeItem(sd).description), new RegExp(`^${before + 1}/21 studied`));
    await vscode.commands.executeCommand('notesNavigator.toggleStudied', file);
    assert.equal(group(a, 'System Design').progress.studied, before);
  });

  it('reveals the active note in the tree', async () => {
    const a = await api();
    // the last written chapter of the README (other tests rename and create notes: pick one that exists now)
    const written = uniqueChapters(backendSeries(a).series).filter(c => a.service.index.note(c.file) !== undefined);
    const file = written[written.length - 1]?.file;
    assert.ok(file, 'a written chapter');
    await vscode.window.showTextDocument(a.service.uriOf(file));
    const found = await vscode.commands.executeCommand<boolean>('notesNavigator.revealInTree');
    assert.equal(found, true);
    // the view's selection reaches the extension host as an event (on a timeout: what the view holds instead; one
    // in about 15 runs timed out with an empty selection before revealFile confirmed its reveals, see the next test)
    const view = a.seriesTree.view;
    const selected = await waitForExplained('the revealed chapter selected', () => {
      const first = view.selection[0];
      return first?.kind === 'chapter' && (first as ChapterNode).chapter.file === file ? first : undefined;
    }, () => ({
      file, visible: view.visible, active: vscode.window.activeTextEditor?.document.uri.path,
      selection: view.selection.map(n => (n.kind === 'chapter' ? (n as ChapterNode).chapter.file : n.kind)),
    }));
    assert.equal(selected?.kind, 'chapter');
    assert.equal((selected as ChapterNode).chapter.file, file);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('tries a reveal again when VS Code drops it without selecting, and gives up after three', async () => {
    const a = await api();
    await vscode.commands.executeCommand('notesNavigator.series.focus');
    const view = a.seriesTree.view;
    await waitFor('the Series view shown', () => view.visible);
    const isSelected = (f: string) => view.selection.some(n => n.kind === 'chapter' && (n as ChapterNode).chapter.file === f);
    const written = uniqueChapters(backendSeries(a).series).map(c => c.file).filter(f => a.service.index.note(f) !== undefined);
    const [first, second] = written.filter(f => !isSelected(f));
    assert.ok(first && second, 'two written chapters not selected');
    // VS Code resolves a reveal without doing it when its copy of the tree lacks the item (a refresh in flight):
    // stand-in reveals that do nothing at first, as that one does
    const real = view.reveal;
    const calls: string[] = [];
    const dropping = (drops: number) => {
      calls.length = 0;
      view.reveal = (node, options) => (calls.push(node.id) <= drops ? Promise.resolve() : real.call(view, node, options));
    };
    try {
      dropping(1);
      assert.equal(await a.seriesTree.revealFile(first, false), true);
      assert.equal(calls.length, 2, 'one reveal dropped, one done');
      assert.ok(isSelected(first), `${first} selected`);
      dropping(Infinity);
      assert.equal(await a.seriesTree.revealFile(second, false), true, 'the chapter is in the tree, though not selected');
      assert.equal(calls.length, 3, 'three reveals, then it gives up');
      assert.ok(!isSelected(second));
    } finally {
      view.reveal = real;
    }
  });
});

describe('tree: Backlinks view', () => {
  const DIR = 'backlinks_view_test';
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uriOf(DIR), { recursive: true, useTrash: false });
  });

  it('follows the active note through a rename', async () => {
    const a = await api();
    const fm = (t: string) => `---\ntitle: ${t}\nnote_type: guide\ndomain: test\ntags: [test]\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: active\n---\n# ${t}\n`;
    await vscode.workspace.fs.writeFile(uriOf(`${DIR}/a.md`), new TextEncoder().encode(fm('Linker') + '\nSee [the target](b.md).\n'));
    await vscode.workspace.fs.writeFile(uriOf(`${DIR}/b.md`), new TextEncoder().encode(fm('Target')));
    await waitFor('the index to see both notes', () => a.service.index.backlinks(`${DIR}/b.md`).length > 0);
    await vscode.commands.executeCommand('notesNavigator.backlinks.focus');
    await vscode.window.showTextDocument(uriOf(`${DIR}/b.md`));
    const sources = () => (a.backlinks.getChildren() as { from: string }[]).map(n => n.from).join();
    await waitFor('the backlinks of b.md', () => sources() === `${DIR}/a.md`);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uriOf(`${DIR}/b.md`), uriOf(`${DIR}/c.md`));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the index to see c.md', () => a.service.index.hasFile(`${DIR}/c.md`) && !a.service.index.hasFile(`${DIR}/b.md`));
    await waitFor('the Backlinks view to show the renamed note', () => a.backlinks.view.description === 'Target' && sources() === `${DIR}/a.md`, 4000);
  });
});
