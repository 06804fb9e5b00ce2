import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { toggleStudiedCommand } from '../../../src/extension/commands/treeCommands';
import type { IndexService } from '../../../src/extension/indexService';
import type { SeriesTree } from '../../../src/extension/tree/seriesTree';
import { StudiedStore } from '../../../src/extension/tree/studied';
import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { FM, indexOf } from '../index/memoryWorkspace';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;

const files = {
  's/README.md': [FM('S'), '# S', '', '## Chapters', '', '### Part', '', '- [01_intro](01_intro.md) - 30 min', ''].join('\n'),
  's/01_intro.md': FM('Intro'),
  'notes/loose.md': FM('Loose'),
};

describe('Toggle Studied (palette, on the active note)', () => {
  const saved = { ...win };
  const shown: string[] = [];
  beforeEach(() => {
    shown.length = 0;
    win.showInformationMessage = async (m: string) => { shown.push(m); return undefined; };
    win.setStatusBarMessage = (m: string) => { shown.push(m); return { dispose: () => undefined }; };
  });
  afterEach(() => {
    for (const k of ['showInformationMessage', 'setStatusBarMessage', 'activeTextEditor']) win[k] = saved[k];
  });

  async function toggle(active: string, config?: NotesConfig) {
    const index = await indexOf(files, config);
    const service = {
      index,
      fileOf: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
    } as unknown as IndexService;
    const state = new Map<string, unknown>();
    const studied = new StudiedStore({ get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); } } as unknown as vscode.Memento);
    win.activeTextEditor = { document: { uri: Uri.file(active.startsWith('/') ? active : '/ws/' + active) } };
    const tree = { studied } as unknown as SeriesTree;
    return { result: await toggleStudiedCommand(service, tree), again: () => toggleStudiedCommand(service, tree), studied };
  }

  it('says what it did to a chapter', async () => {
    const t = await toggle('s/01_intro.md');
    assert.equal(t.result, true);
    assert.deepEqual(shown, ['Marked Intro as studied.']);
    assert.equal(await t.again(), false);
    assert.deepEqual(shown.slice(1), ['Intro is no longer marked as studied.']);
  });

  it('refuses a note that is no chapter of a series (nothing would show the mark)', async () => {
    const t = await toggle('notes/loose.md');
    assert.equal(t.result, undefined);
    assert.equal(t.studied.has('notes/loose.md'), false);
    assert.deepEqual(shown, ['notes/loose.md is not a chapter of a series: only chapters are marked as studied.']);
  });

  it('says so for a Markdown file the index does not hold, instead of doing nothing', async () => {
    const t = await toggle('notes/not_indexed.md');
    assert.equal(t.result, undefined);
    assert.deepEqual(shown, ['notes/not_indexed.md is not a chapter of a series: only chapters are marked as studied.']);
    shown.length = 0;
    const outside = await toggle('/elsewhere/x.md');
    assert.equal(outside.result, undefined);
    assert.deepEqual(shown, ['x.md is not in a notes folder: open the folder of your notes to check them.']);
  });

  it('marks a chapter that files.exclude hides (the Series view shows it written, with its check box)', async () => {
    const hidden = { ...files, 's/README.md': files['s/README.md'] + '- [02_hidden](private/02_hidden.md) - 10 min\n' };
    const index = await indexOf(hidden, { ...defaultConfig(), unlistedGlobs: ['s/private'] });
    const state = new Map<string, unknown>();
    const studied = new StudiedStore({ get: (k: string) => state.get(k), update: async (k: string, v: unknown) => { state.set(k, v); } } as unknown as vscode.Memento);
    const service = { index, fileOf: () => undefined } as unknown as IndexService;
    assert.equal(await toggleStudiedCommand(service, { studied } as unknown as SeriesTree, 's/private/02_hidden.md'), true);
    assert.equal(studied.has('s/private/02_hidden.md'), true);
  });
});
