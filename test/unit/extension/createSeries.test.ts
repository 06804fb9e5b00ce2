import { workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { defaultConfig } from '../../../src/core/config';
import { createSeriesCommand } from '../../../src/extension/commands/createSeries';
import type { IndexService } from '../../../src/extension/indexService';
import { indexOf } from '../index/memoryWorkspace';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;
const ws = vscode.workspace as unknown as Record<string, unknown>;

async function create(folder: string, config = defaultConfig(), answer?: string) {
  const index = await indexOf({ 'other.md': '# Other\n' }, config);
  const service = {
    index,
    root: Uri.file('/nonexistent-ws'),
    log: { info: () => undefined },
    fileOf: (uri: Uri) => uri.path.slice('/nonexistent-ws/'.length),
    uriOf: (file: string) => Uri.file('/nonexistent-ws/' + file),
    toWorkspaceEdit: (edits: unknown) => edits,
  } as unknown as IndexService;
  const applied: unknown[] = [];
  const warnings: string[] = [];
  ws.applyEdit = async (e: unknown) => { applied.push(e); return true; };
  ws.openTextDocument = async (uri: Uri) => ({ uri });
  win.showTextDocument = async () => ({});
  win.showWarningMessage = async (m: string) => { warnings.push(m); return answer; };
  const result = await createSeriesCommand(service, { folder, title: 'Archive Series' });
  return { result, applied, warnings };
}

describe('Create Series', () => {
  const saved = { ...win, ...ws };
  afterEach(() => {
    for (const k of ['showWarningMessage', 'showTextDocument']) win[k] = saved[k];
    for (const k of ['applyEdit', 'openTextDocument']) ws[k] = saved[k];
  });

  it('warns before writing a series the settings leave out (it would never show in the Series view)', async () => {
    const config = { ...defaultConfig(), exclude: ['archive/**'] };
    const r = await create('archive', config);
    assert.equal(r.result, 'cancelled');
    assert.equal(r.applied.length, 0);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /archive\/README\.md/);
    const anyway = await create('archive', config, 'Create Anyway');
    assert.equal(anyway.result, 'created');
    assert.equal(anyway.applied.length, 1);
  });

  it('logs a series it could not create, as it says so', async () => {
    const index = await indexOf({});
    const logged: string[] = [];
    const errors: string[] = [];
    const service = {
      index, root: Uri.file('/nonexistent-ws'), log: { info: (m: string) => logged.push(`info ${m}`), error: (m: string) => logged.push(`error ${m}`) },
      uriOf: (file: string) => Uri.file('/nonexistent-ws/' + file), toWorkspaceEdit: (edits: unknown) => edits,
    } as unknown as IndexService;
    ws.applyEdit = async () => false;
    win.showErrorMessage = async (m: string) => { errors.push(m); return undefined; };
    try {
      assert.equal(await createSeriesCommand(service, { folder: 'rust', title: 'Rust' }), 'failed');
    } finally {
      win.showErrorMessage = saved.showErrorMessage;
    }
    assert.deepEqual(errors, ['Could not create rust/README.md.']);
    assert.deepEqual(logged, ['error could not create series rust/README.md']);
  });

  it('writes a series in an included folder without asking', async () => {
    const r = await create('rust');
    assert.equal(r.result, 'created');
    assert.deepEqual(r.warnings, []);
  });

  it('asks for the folder as a path, so that a series can get a new folder where the folder dialog only picks existing ones', async () => {
    const index = await indexOf({ 'other.md': '# Other\n' });
    const service = {
      index, root: Uri.file('/nonexistent-ws'), log: { info: () => undefined },
      fileOf: (uri: Uri) => uri.path.slice('/nonexistent-ws/'.length),
      uriOf: (file: string) => Uri.file('/nonexistent-ws/' + file),
      toWorkspaceEdit: (edits: unknown) => edits,
    } as unknown as IndexService;
    const applied: { file: string }[][] = [];
    let box: { prompt: string; validateInput: (v: string) => string | undefined } | undefined;
    ws.applyEdit = async (e: { file: string }[]) => { applied.push(e); return true; };
    ws.openTextDocument = async (uri: Uri) => ({ uri });
    win.showTextDocument = async () => ({});
    win.showOpenDialog = async () => { throw new Error('the folder dialog cannot make a new folder in the web and remote windows'); };
    win.showInputBox = async (o: { prompt: string; validateInput: (v: string) => string | undefined }) => { box = o; return ' frontend/ '; };
    try {
      assert.equal(await createSeriesCommand(service, { title: 'Frontend Series' }), 'created');
    } finally {
      for (const k of ['showOpenDialog', 'showInputBox']) win[k] = saved[k];
    }
    assert.deepEqual(applied[0].map(e => e.file), ['frontend/README.md', 'frontend/coverage_matrix.md']);
    assert.equal(box?.prompt, 'Relative to the workspace folder; created when missing. Leave it empty for the workspace folder itself.');
    for (const ok of ['', 'frontend', 'guides/frontend', './x/../y']) assert.equal(box?.validateInput(ok), undefined, ok);
    for (const bad of ['../elsewhere', '/etc', 'C:\\notes', 'file:///tmp']) assert.equal(box?.validateInput(bad), 'Pick a folder inside the workspace folder.', bad);
  });

  it('offers the default title in English whatever the display language: it is written into the README and the matrix, whose other lines are English', async () => {
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const l10n = vscode.l10n as { t: (m: string, ...a: unknown[]) => string };
    const english = l10n.t;
    const service = {
      index: await indexOf({}), root: Uri.file('/nonexistent-ws'), log: { info: () => undefined },
      uriOf: (file: string) => Uri.file('/nonexistent-ws/' + file), toWorkspaceEdit: (edits: unknown) => edits,
    } as unknown as IndexService;
    const applied: { file: string; edits: { newText: string }[] }[][] = [];
    let offered: string | undefined;
    ws.applyEdit = async (e: { file: string; edits: { newText: string }[] }[]) => { applied.push(e); return true; };
    ws.openTextDocument = async (uri: Uri) => ({ uri });
    win.showTextDocument = async () => ({});
    win.showInputBox = async (o: { value?: string }) => { offered = o.value; return o.value; };
    l10n.t = (m, ...a) => english(zh[m] ?? m, ...a);
    try {
      assert.equal(await createSeriesCommand(service, { folder: 'backend-notes' }), 'created');
    } finally {
      l10n.t = english;
      win.showInputBox = saved.showInputBox;
    }
    assert.equal(offered, 'Backend Notes Series');
    const [readme, matrix] = applied[0].map(e => e.edits[0].newText);
    assert.match(readme, /^title: Backend Notes Series$/m);
    assert.match(matrix, /^title: Backend Notes Series Coverage Matrix$/m);
    assert.match(matrix, /^# Backend Notes Series Coverage Matrix$/m);
  });

  it('in a multi-root workspace, asks for a folder of the notes folder, naming it, and refuses one outside it', async () => {
    const notes = { name: 'notes', index: 1, uri: Uri.file('/ws/notes') };
    workspace.workspaceFolders = [{ name: 'other', index: 0, uri: Uri.file('/ws/other') }, notes];
    const service = {
      index: await indexOf({}),
      root: notes.uri,
      fileOf: (uri: Uri) => (uri.path.startsWith('/ws/notes/') ? uri.path.slice('/ws/notes/'.length) : undefined),
    } as unknown as IndexService;
    const applied: unknown[] = [];
    let box: { prompt: string; validateInput: (v: string) => string | undefined } | undefined;
    ws.applyEdit = async (e: unknown) => { applied.push(e); return true; };
    win.showInputBox = async (o: { prompt: string; validateInput: (v: string) => string | undefined }) => { box = o; return '../other/guides'; };
    try {
      assert.equal(await createSeriesCommand(service), 'cancelled');
    } finally {
      workspace.workspaceFolders = undefined;
      win.showInputBox = saved.showInputBox;
    }
    assert.equal(box?.prompt, 'Relative to the notes folder notes; created when missing. Leave it empty for notes itself.');
    assert.equal(box?.validateInput('../other/guides'), 'Pick a folder inside the notes folder notes.');
    assert.deepEqual(applied, []);
  });
});
