import { workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { revealInTreeCommand } from '../../../src/extension/commands/navigate';
import type { IndexService } from '../../../src/extension/indexService';
import type { SeriesTree } from '../../../src/extension/tree/seriesTree';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;

describe('Reveal in Series View on a file of another workspace folder', () => {
  const saved = { ...win };
  afterEach(() => {
    win.showInformationMessage = saved.showInformationMessage;
    workspace.workspaceFolders = undefined;
  });

  it('says the file is outside the notes folder instead of doing nothing', async () => {
    const shown: string[] = [];
    win.showInformationMessage = async (m: string) => { shown.push(m); return undefined; };
    const notes = { name: 'notes', index: 1, uri: Uri.file('/ws/notes') };
    workspace.workspaceFolders = [{ name: 'other', index: 0, uri: Uri.file('/ws/other') }, notes];
    const service = {
      root: notes.uri,
      ready: Promise.resolve(),
      fileOf: (uri: Uri) => (uri.path.startsWith('/ws/notes/') ? uri.path.slice('/ws/notes/'.length) : undefined),
    } as unknown as IndexService;
    let revealed = 0;
    const tree = { revealFile: async () => { revealed++; return true; } } as unknown as SeriesTree;
    assert.equal(await revealInTreeCommand(service, tree, Uri.file('/ws/other/guide.md')), false);
    assert.equal(revealed, 0);
    assert.deepEqual(shown, ['guide.md is not in the notes folder notes: the Series view shows only that folder\'s notes.']);
  });
});
