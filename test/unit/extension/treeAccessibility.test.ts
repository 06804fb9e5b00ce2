import { l10nIn, shownText, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { IndexService } from '../../../src/extension/indexService';
import { BacklinksView } from '../../../src/extension/tree/backlinksView';
import { SeriesTree } from '../../../src/extension/tree/seriesTree';
import type { TreeNode } from '../../../src/extension/tree/treeModel';
import { FM, indexOf } from '../index/memoryWorkspace';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri, EventEmitter } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;

/** What a screen reader says for the Series and Backlinks views' items (VS Code reads accessibilityInformation.label). */

const README = `---
title: Backend
---
# Backend

## Chapters

### Streams

- [17_kafka_basics](streams/17_kafka_basics.md) - Must-read - 45 min
- [18_kafka_ops](streams/18_kafka_ops.md) - 可跳讀 - 1 min
- [19_flink](streams/19_flink.md) - 20 min
`;

const FILES: Record<string, string> = {
  'backend/README.md': README,
  'backend/streams/17_kafka_basics.md': FM('Kafka basics') + '# Kafka basics\n\nSee [gone](nowhere.md) and [also gone](nowhere2.md).\n',
  'backend/streams/18_kafka_ops.md': FM('Kafka ops').replace('status: active', 'status: draft') + '# Kafka ops\n',
  'notes/a.md': FM('Alpha') + 'See [the basics](../backend/streams/17_kafka_basics.md) and `backend/streams/17_kafka_basics.md`.\n',
};

function serviceOf(index: Awaited<ReturnType<typeof indexOf>>): IndexService {
  const noop = new EventEmitter<unknown>();
  return {
    index, ready: Promise.resolve(), root: Uri.file('/ws'), settings: { groupBy: 'category' },
    onDidChange: noop.event, onDidProgress: noop.event, onDidChangeSettings: noop.event, onDidChangeRoot: noop.event, onDidReadSeries: noop.event,
    fileOf: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
    uriOf: (file: string) => Uri.file('/ws/' + file),
    toRange: (r: unknown) => r,
  } as unknown as IndexService;
}

const l10n = vscode.l10n as unknown as { t: (m: string, ...a: unknown[]) => string };
const english = l10n.t;
const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
const inZh = l10nIn(zh);

function label(item: vscode.TreeItem): string {
  return item.accessibilityInformation?.label ?? '';
}

describe('tree views speak their items in words', () => {
  const saved = { ...win };
  afterEach(() => {
    for (const k of ['createTreeView', 'onDidChangeActiveTextEditor', 'activeTextEditor']) win[k] = saved[k];
    workspace.workspaceFolders = undefined;
  });

  function fakeView() {
    const noop = new EventEmitter<unknown>();
    return { description: undefined, message: undefined, visible: true, onDidChangeCheckboxState: noop.event, onDidChangeVisibility: noop.event, dispose: () => undefined };
  }

  /** A Series view on `index` with a fake tree view and an in-memory workspace state. */
  function seriesTreeOf(index: Awaited<ReturnType<typeof indexOf>>): SeriesTree {
    win.createTreeView = fakeView;
    win.onDidChangeActiveTextEditor = new EventEmitter<unknown>().event;
    const state = new Map<string, unknown>();
    const memento = { get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); } } as unknown as vscode.Memento;
    return new SeriesTree(serviceOf(index), memento);
  }

  it('Series view: a chapter says its number, title, priority, time, state, problems and studied state; groups their progress', async () => {
    const index = await indexOf(FILES);
    const tree = seriesTreeOf(index);
    await tree.studied.set(['backend/streams/17_kafka_basics.md'], true);
    const [series] = tree.getChildren() as TreeNode[];
    const [group] = tree.getChildren(series);
    const chapters = tree.getChildren(group);
    const items = chapters.map(c => tree.getTreeItem(c));
    const problems = index.diagnostics('backend/streams/17_kafka_basics.md').filter(d => d.severity === 'error' || d.severity === 'warning').length;
    assert.ok(problems >= 2, `two broken links: ${problems}`);
    assert.equal(label(items[0]!), `Chapter 17: Kafka basics, Must-read, 45 minutes, written, ${problems} problems, studied`);
    // a README label that is a priority label (可跳讀) is said as the priority's name; a draft is not "written"
    assert.equal(label(items[1]!), 'Chapter 18: Kafka ops, Skippable, 1 minute, draft, not studied');
    // no note yet: no title (the link text without its number and underscores), no studied state
    assert.equal(label(items[2]!), 'Chapter 19: flink, 20 minutes, planned, no note yet');
    assert.match(label(tree.getTreeItem(group!)), /^Streams, 1 of 3 chapters studied, 1 written, /);
    assert.match(label(tree.getTreeItem(series!)), /^Series Backend, 1 of 3 chapters studied, 1 written, /);
    for (const item of [...items, tree.getTreeItem(group!), tree.getTreeItem(series!)]) assert.ok(item.tooltip, `${item.label} has a tooltip`);
    // zh-TW separates the clauses of a label with ，: 、 separates the items of a list
    l10n.t = inZh;
    try {
      assert.equal(label(tree.getTreeItem(chapters[0]!)), `第 17 章：Kafka basics，必讀，45 分鐘，已撰寫，${problems} 個問題，已讀`);
      assert.match(label(tree.getTreeItem(series!)), /^系列 Backend，3 章中已讀 1 章，已撰寫 1 章，/);
    } finally {
      l10n.t = english;
    }
    tree.dispose();
  });

  it('Series view under a filter: a group and its series say how many chapters are shown beside progress over all of them', async () => {
    const index = await indexOf(FILES);
    const tree = seriesTreeOf(index);
    try {
      await tree.studied.set(['backend/streams/17_kafka_basics.md'], true);
      const unfiltered = tree.getTreeItem(tree.getChildren(tree.getChildren()[0])[0]!);
      assert.equal(unfiltered.description, '1/3 studied · 1 written');
      await tree.state.setFilter({ missingOnly: true });
      const items = (lang: 'en' | 'zh') => {
        l10n.t = lang === 'zh' ? inZh : english;
        const [series] = tree.getChildren() as TreeNode[];
        const [group] = tree.getChildren(series);
        assert.equal(tree.getChildren(group).length, 1, 'only 19_flink is planned');
        return [tree.getTreeItem(group!), tree.getTreeItem(series!)].map(item => ({
          description: item.description, tooltip: shownText(item.tooltip), spoken: label(item),
        }));
      };
      const [group, series] = items('en');
      assert.equal(group.description, '1 of 3 shown · 1/3 studied · 1 written');
      assert.equal(series.description, '1 of 3 shown · 1/3 studied · 1 written');
      assert.match(group.tooltip, /1 of 3 chapters match the filter\n\n1 of 3 chapters studied, 1 written, /);
      assert.match(group.spoken, /^Streams, 1 of 3 chapters match the filter, 1 of 3 chapters studied, 1 written, /);
      assert.match(series.spoken, /^Series Backend, 1 of 3 chapters match the filter, 1 of 3 chapters studied, /);
      const [zhGroup] = items('zh');
      assert.equal(zhGroup.description, '顯示 1 / 3 章 · 已讀 1/3 · 已撰寫 1');
      assert.match(zhGroup.spoken, /^Streams，3 章中有 1 章符合篩選條件，3 章中已讀 1 章，已撰寫 1 章/);
      // the view's description names the filter, its text in the language's quotation marks, its parts in its list separator
      await tree.state.setFilter({ missingOnly: true, priorities: ['must-read', 'skippable'], text: ' kafka ' });
      const view = tree.view as unknown as { description?: string };
      l10n.t = inZh;
      tree.refreshNow();
      assert.equal(view.description, '篩選：必讀、可跳讀、僅規劃中、「kafka」');
      l10n.t = english;
      tree.refreshNow();
      assert.equal(view.description, 'filter: Must-read, Skippable, planned only, "kafka"');
    } finally {
      l10n.t = english;
      tree.dispose();
    }
  });

  it('Series view: a series of one chapter says "1 chapter", not "1 chapters", in its progress and under a filter', async () => {
    const one = README.replace(/- \[18_kafka_ops\][^\n]*\n- \[19_flink\][^\n]*\n/, '');
    const index = await indexOf({ ...FILES, 'backend/README.md': one });
    const tree = seriesTreeOf(index);
    try {
      await tree.studied.set(['backend/streams/17_kafka_basics.md'], true);
      const [series] = tree.getChildren() as TreeNode[];
      const [group] = tree.getChildren(series);
      assert.equal(tree.getChildren(group).length, 1);
      assert.match(shownText(tree.getTreeItem(group!).tooltip), /^1 of 1 chapter studied, 1 written, /m);
      assert.match(label(tree.getTreeItem(series!)), /^Series Backend, 1 of 1 chapter studied, 1 written, /);
      await tree.state.setFilter({ priorities: ['must-read'] });
      const [filteredSeries] = tree.getChildren() as TreeNode[];
      const [filteredGroup] = tree.getChildren(filteredSeries);
      assert.match(label(tree.getTreeItem(filteredGroup!)), /^Streams, 1 of 1 chapter matches the filter, 1 of 1 chapter studied, /);
      // zh-TW has one form
      l10n.t = inZh;
      assert.match(label(tree.getTreeItem(filteredGroup!)), /^Streams，1 章中有 1 章符合篩選條件，1 章中已讀 1 章，已撰寫 1 章/);
    } finally {
      l10n.t = english;
      tree.dispose();
    }
  });

  it('Series view grouped by priority names a priority once when its label is that name (zh-TW: 必讀, not 必讀 (必讀))', async () => {
    const index = await indexOf({ ...FILES, 'backend/README.md': README.replace('Must-read - 45 min', '必讀 - 45 min') });
    const tree = seriesTreeOf(index);
    try {
      await tree.state.setGroupBy('priority');
      const labels = (lang: 'en' | 'zh') => {
        l10n.t = lang === 'zh' ? inZh : english;
        const [series] = tree.getChildren() as TreeNode[];
        const groups = tree.getChildren(series).map(g => tree.getTreeItem(g));
        const mustRead = groups.find(g => String(g.label).includes('必讀') || String(g.label).includes('Must-read'))!;
        const chapter = tree.getTreeItem(tree.getChildren(tree.getChildren(series)[0])[0]!);
        return { group: String(mustRead.label), tooltip: shownText(chapter.tooltip) };
      };
      const en = labels('en');
      assert.equal(en.group, 'Must-read (必讀)');
      assert.match(en.tooltip, /Must-read \(必讀\) · 45 min/);
      const zhTw = labels('zh');
      assert.equal(zhTw.group, '必讀（Must-read）', 'full-width parentheses after the Chinese name');
      assert.match(zhTw.tooltip, /\n必讀 · 45 /);
    } finally {
      l10n.t = english;
      tree.dispose();
    }
  });

  it('Series view: a planned chapter offers Create Note, a missing file that is no note (tasks.json) does not and says it is missing', async () => {
    const index = await indexOf({ ...FILES, 'backend/README.md': README + '- [cfg](../.vscode/tasks.json) - 重要 - 5 min\n' });
    const tree = seriesTreeOf(index);
    const [series] = tree.getChildren() as TreeNode[];
    const items = tree.getChildren(tree.getChildren(series)[0]).map(c => tree.getTreeItem(c));
    assert.deepEqual(items.map(i => i.contextValue), ['chapter.written', 'chapter.written', 'chapter.planned', 'chapter.missing']);
    assert.match(shownText(items[2]!.tooltip), /Create Note/);
    assert.match(shownText(items[3]!.tooltip), /Missing: \.vscode\/tasks\.json does not exist/);
    tree.dispose();
  });

  it('Backlinks view: a linking note says its path and link count, a link says its kind (the icon) and line', async () => {
    win.createTreeView = fakeView;
    const activeEditor = new EventEmitter<unknown>();
    win.onDidChangeActiveTextEditor = activeEditor.event;
    win.activeTextEditor = { document: { uri: Uri.file('/ws/backend/streams/17_kafka_basics.md') } };
    const index = await indexOf(FILES);
    const view = new BacklinksView(serviceOf(index));
    await new Promise(r => setImmediate(r));
    const source = view.getChildren().find(n => (n as { from?: string }).from === 'notes/a.md');
    assert.ok(source, 'a.md links to the chapter');
    assert.equal(label(view.getTreeItem(source)), 'Alpha, notes/a.md, 2 links');
    const links = view.getChildren(source).map(n => view.getTreeItem(n));
    assert.deepEqual(links.map(label), ['the basics, Markdown link, line 10', 'backend/streams/17_kafka_basics.md, backtick path reference, line 10']);
    assert.match(String(links[1]!.tooltip), /^backtick path reference: notes\/a\.md:10:/);
    l10n.t = inZh;
    try {
      assert.equal(label(view.getTreeItem(source)), 'Alpha，notes/a.md，2 個連結');
      assert.equal(label(view.getTreeItem(view.getChildren(source)[0]!)), 'the basics，Markdown 連結，第 10 行');
    } finally {
      l10n.t = english;
    }
    view.dispose();
  });
});
