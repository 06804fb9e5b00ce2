// The notes folder of a multi-root workspace, in the real extension host. Needs the workspace runTest.ts opens with
// NN_TEST_MULTIROOT=1 (first folder "other" without notes, then the notes); skipped in a single-folder run:
//   NN_TEST_MULTIROOT=1 NN_TEST_GREP='multi-root' npm run test:integration
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, ours, waitFor } from './support';

describe('multi-root workspace', function () {
  let other: vscode.WorkspaceFolder;
  let notes: vscode.WorkspaceFolder;

  before(function () {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length < 2) this.skip();
    [other, notes] = folders;
  });

  after(async () => {
    if (notes) await vscode.workspace.getConfiguration('notesNavigator').update('notesFolder', undefined, vscode.ConfigurationTarget.Workspace);
  });

  const broken = () => vscode.Uri.joinPath(notes.uri, 'backend', '_lint_examples', 'broken_links.md');
  const isRoot = (root: vscode.Uri | undefined, folder: vscode.WorkspaceFolder) => root?.toString() === folder.uri.toString();

  it('indexes the folder that holds the series, not the first folder', async () => {
    const a = await api();
    assert.ok(isRoot(a.service.root, notes), `indexed ${a.service.root?.toString()}`);
    assert.ok(a.service.index.series().length > 0);
    await waitFor('the notes folder\'s diagnostics', () => ours(broken()).length > 0);
  });

  it('Choose Notes Folder re-indexes the picked folder without a reload; clearing the setting brings the notes back', async () => {
    const a = await api();
    const win = vscode.window as unknown as { showQuickPick: unknown };
    const original = win.showQuickPick;
    let offered: vscode.QuickPickItem[] = [];
    win.showQuickPick = async (items: vscode.QuickPickItem[]) => {
      offered = items;
      return items.find(i => i.label === other.name);
    };
    let picked: unknown;
    try {
      picked = await vscode.commands.executeCommand('notesNavigator.chooseNotesFolder');
    } finally {
      win.showQuickPick = original;
    }
    assert.equal(picked, other.name);
    assert.deepEqual(offered.map(i => [i.label, i.description ?? '']), [[other.name, ''], [notes.name, vscode.l10n.t('indexed now')]]);
    assert.equal(vscode.workspace.getConfiguration('notesNavigator').get('notesFolder'), other.name);
    await waitFor('the other folder indexed', () => isRoot(a.service.root, other));
    await waitFor('the notes folder\'s diagnostics cleared', () => ours(broken()).length === 0);
    await waitFor('no series in the tree', () => a.service.index.series().length === 0 && a.seriesTree.getChildren()?.length === 0 ? true : undefined, 8000);
    assert.equal(a.seriesTree.view.description, other.name, 'the Series view names the folder it shows');
    await waitFor('the coverage figures of the notes folder gone', () => a.coverage?.model().series.length === 0 && a.coverage.statusText() === undefined ? true : undefined, 8000);

    await vscode.workspace.getConfiguration('notesNavigator').update('notesFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the notes folder indexed again', () => isRoot(a.service.root, notes) && a.service.index.series().length > 0, 15000);
    await waitFor('its diagnostics back', () => ours(broken()).length > 0, 15000);
    assert.equal(a.seriesTree.view.description?.split(' · ')[0], notes.name);
    await waitFor('its coverage figures back', () => (a.coverage?.model().series.length ?? 0) > 0 && a.coverage?.statusText() !== undefined ? true : undefined, 8000);
  });
});
