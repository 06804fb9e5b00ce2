import { events, shownText, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import type { ChapterNode, TreeNode } from '../../../src/extension/tree/treeModel';
import { indexOf } from '../index/memoryWorkspace';
import { restoreWindowAfterEach, seriesTreeOver } from './seriesTreeHarness';

/** An untrusted workspace hides Create Note (package.json: isWorkspaceTrusted): a planned chapter's tooltip does not offer it. */
describe('Series view in an untrusted workspace', () => {
  restoreWindowAfterEach();
  afterEach(() => { workspace.isTrusted = true; });

  it('says a planned chapter is planned without pointing at Create Note, and does once the workspace is trusted', async () => {
    workspace.isTrusted = false;
    const tree = seriesTreeOver(await indexOf({ 's/README.md': '# S\n\n## Chapters\n\n### Basics\n\n- [01_a](01_a.md) - 必讀 - 30 min\n' }));
    const tooltip = () => {
      const [series] = tree.getChildren() as TreeNode[];
      const [chapter] = tree.getChildren(tree.getChildren(series)[0]) as ChapterNode[];
      return shownText(tree.getTreeItem(chapter).tooltip as vscode.MarkdownString);
    };
    assert.match(tooltip(), /Planned: the note does not exist yet\.$/);
    let refreshed = 0;
    tree.onDidChangeTreeData(() => refreshed++);
    workspace.isTrusted = true;
    events.grantWorkspaceTrust.fire();
    assert.equal(refreshed, 1, 'the view is rebuilt when the workspace is trusted');
    assert.match(tooltip(), /Use "Create Note" to create it from a template\.$/);
    tree.dispose();
  });
});
