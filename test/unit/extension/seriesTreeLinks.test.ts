import { commandHandlers, shownText } from './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { OPEN_CHAPTER_LINK } from '../../../src/extension/tree/linkChapters';
import type { SeriesTree } from '../../../src/extension/tree/seriesTree';
import { routeOrder, uniqueChapters, type ChapterNode, type SeriesNode, type TreeNode } from '../../../src/extension/tree/treeModel';
import { FM, indexOf } from '../index/memoryWorkspace';
import { restoreWindowAfterEach, seriesTreeOver } from './seriesTreeHarness';

const README = '# S\n\n## Batch Learning Route\n\n- Batch 1: `01`, `02` (remote)\n- Batch 2: `03`\n\n## Chapters\n\n### Remote\n\n'
  + '- [01_intro](https://github.com/me/notes/blob/main/rust/01_intro.md) - 必讀 - 60 min\n'
  + '- [02_own](https://github.com/me/notes/blob/main/rust/02_own.md) - 重要 - 30 min\n'
  + '- [03_local](03_local.md) - 重要 - 30 min\n'
  + '- [04_other](../../outside/04_other.md) - 重要 - 30 min\n';

/** README chapters that name no workspace file: web pages and links leaving the workspace. */
describe('Series view: chapters linking a web page or leaving the workspace', () => {
  restoreWindowAfterEach();

  async function setUp() {
    const tree = seriesTreeOver(await indexOf({ 's/README.md': README, 's/03_local.md': FM('Local') + '# Local\n' }));
    await new Promise(r => setImmediate(r));
    return { tree };
  }

  const chaptersOf = (tree: SeriesTree): ChapterNode[] => (tree.getChildren() as TreeNode[]).flatMap(s => tree.getChildren(s)).flatMap(g => tree.getChildren(g)) as ChapterNode[];

  it('lists every chapter line once, with unique ids, in each grouping', async () => {
    const { tree } = await setUp();
    for (const groupBy of ['category', 'priority', 'batch'] as const) {
      await tree.state.setGroupBy(groupBy);
      const chapters = chaptersOf(tree);
      assert.deepEqual(chapters.map(c => c.chapter.label).sort(), ['01_intro', '02_own', '03_local', '04_other'], groupBy);
      const ids = chapters.map(c => c.id);
      assert.equal(new Set(ids).size, ids.length, `${groupBy}: ${ids.join(', ')}`);
    }
    await tree.state.setGroupBy('batch');
    const [series] = tree.getChildren() as SeriesNode[];
    assert.deepEqual(series.groups.map(g => [g.key, g.chapters.map(c => c.chapter.label)]), [['1', ['01_intro', '02_own']], ['2', ['03_local']], ['', ['04_other']]]);
    tree.dispose();
  });

  it('shows a web chapter as a link that opens in the browser, and one leaving the workspace as not followed; neither counts', async () => {
    const { tree } = await setUp();
    const [series] = tree.getChildren() as SeriesNode[];
    // only 03_local is a note of the workspace
    assert.deepEqual(series.progress, { total: 1, studied: 0, written: 1, minutesLeft: 30 });
    assert.deepEqual(series.groups[0].progress, { total: 1, studied: 0, written: 1, minutesLeft: 30 });
    assert.deepEqual(uniqueChapters(series.series).map(c => c.file), ['s/03_local.md']);
    const items = new Map(chaptersOf(tree).map(c => [c.chapter.label, tree.getTreeItem(c)]));

    const web = items.get('01_intro')!;
    assert.equal((web.iconPath as vscode.ThemeIcon).id, 'link-external');
    assert.equal(web.contextValue, 'chapter.link');
    assert.deepEqual(web.command?.arguments, ['https://github.com/me/notes/blob/main/rust/01_intro.md']);
    assert.equal(web.command?.command, OPEN_CHAPTER_LINK);
    assert.equal(web.checkboxState, undefined);
    assert.equal(web.description, '必讀 · 60 min');
    assert.match(shownText(web.tooltip as vscode.MarkdownString), /https:\/\/github\.com\/me\/notes\/blob\/main\/rust\/01_intro\.md\n\nA web page, not a note: click to open it in the browser\./);
    assert.match(web.accessibilityInformation!.label, /web page/);

    const outside = items.get('04_other')!;
    assert.equal(outside.contextValue, 'chapter.outside');
    assert.equal(outside.command, undefined);
    assert.equal(outside.checkboxState, undefined);
    assert.equal(outside.description, '重要 · 30 min');
    assert.match(shownText(outside.tooltip as vscode.MarkdownString), /\.\.\/\.\.\/outside\/04_other\.md\n\nThe link leaves the workspace and is not followed/);

    assert.notEqual(items.get('03_local')!.checkboxState, undefined, 'the note of the workspace has its check box');
    // Open Chapter and Next Chapter go through these: neither offers a chapter it cannot open
    const numbers = (_s: unknown, num: string) => series.series.categories[0].chapters.find(c => c.number === num);
    assert.deepEqual(routeOrder(series.series, numbers).map(c => c.file), ['s/03_local.md']);
    // nor are they planned
    await tree.state.setFilter({ missingOnly: true });
    assert.deepEqual(chaptersOf(tree), []);
    tree.dispose();
  });

  it('opens http and https addresses only', async () => {
    const { tree } = await setUp();
    const opened: string[] = [];
    const e = vscode.env as unknown as Record<string, unknown>;
    e.openExternal = async (uri: vscode.Uri) => { opened.push(`${uri.scheme} ${uri.authority}${uri.path}`); return true; };
    try {
      const open = commandHandlers.get(OPEN_CHAPTER_LINK)!;
      assert.equal(await open('command:workbench.action.quit'), false);
      assert.equal(await open('file:///etc/passwd'), false);
      assert.equal(await open('https://example.com/a'), true);
      assert.deepEqual(opened, ['https example.com/a']);
    } finally {
      delete e.openExternal;
      tree.dispose();
    }
  });
});
