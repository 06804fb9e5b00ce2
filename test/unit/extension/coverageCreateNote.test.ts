import './vscodeStub';
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { createPlannedNote } from '../../../src/extension/coverage/createNote';
import type { IndexService } from '../../../src/extension/indexService';
import { FM, indexOf } from '../index/memoryWorkspace';

const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;

describe("coverage page's Create", () => {
  let dir: string;
  const saved = { ...win };
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'nn-create-')); });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const k of ['visibleTextEditors', 'showTextDocument']) win[k] = saved[k];
  });

  it('opens the note in the editor column next to the panel, with the focus, not in a new group beside the panel', async () => {
    writeFileSync(path.join(dir, 'a.md'), '# A\n');
    const service = { uriOf: (f: string) => Uri.file(`${dir}/${f}`) } as unknown as IndexService;
    const shown: { file: string; options: vscode.TextDocumentShowOptions }[] = [];
    // the panel is in column 2, the editor the user writes in is in column 1
    win.visibleTextEditors = [{ viewColumn: 1 }];
    win.showTextDocument = async (uri: Uri, options: vscode.TextDocumentShowOptions) => { shown.push({ file: path.basename(uri.path), options }); return {}; };
    assert.equal(await createPlannedNote(service, 'a.md', 2 as vscode.ViewColumn), false);
    assert.deepEqual(shown.map(s => [s.file, s.options.viewColumn, s.options.preserveFocus, s.options.preview]), [['a.md', 1, false, false]]);
  });

  it('refuses to write the note template into a missing file that is no note (scripts/build.sh, .vscode/tasks.json)', async () => {
    const logged: string[] = [];
    const service = { uriOf: (f: string) => Uri.file(`${dir}/${f}`), log: { warn: (m: string) => logged.push(m) } } as unknown as IndexService;
    const ws = vscode.workspace as unknown as Record<string, unknown>;
    const savedApply = ws.applyEdit;
    const applied: unknown[] = [];
    const errors: string[] = [];
    ws.applyEdit = async (e: unknown) => { applied.push(e); return true; };
    win.showErrorMessage = async (m: string) => { errors.push(m); return undefined; };
    try {
      for (const file of ['scripts/build.sh', '.vscode/tasks.json']) assert.equal(await createPlannedNote(service, file, 2 as vscode.ViewColumn), false, file);
    } finally {
      ws.applyEdit = savedApply;
      win.showErrorMessage = saved.showErrorMessage;
    }
    assert.deepEqual(applied, []);
    assert.equal(logged.length, 2);
    assert.deepEqual(errors, Array(2).fill('A note is a Markdown file: the path must end in .md.'));
  });

  it('says in the log, as well as in the error, that a note could not be created (the edit was not applied)', async () => {
    const logged: string[] = [];
    const index = await indexOf({ 's/README.md': FM('S') + '# S\n\n## Chapters\n\n### A\n\n- [01 a](01_a.md) - 重要 - 5 min\n' });
    const service = {
      index, uriOf: (f: string) => Uri.file(`${dir}/${f}`), textOf: async () => undefined, toWorkspaceEdit: (e: unknown) => e,
      log: { warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) },
    } as unknown as IndexService;
    const ws = vscode.workspace as unknown as Record<string, unknown>;
    const savedApply = ws.applyEdit;
    const errors: string[] = [];
    ws.applyEdit = async () => false;
    win.showErrorMessage = async (m: string) => { errors.push(m); return undefined; };
    try {
      assert.equal(await createPlannedNote(service, 's/01_a.md', 2 as vscode.ViewColumn), false);
    } finally {
      ws.applyEdit = savedApply;
      win.showErrorMessage = saved.showErrorMessage;
    }
    assert.deepEqual(errors, ['Could not create s/01_a.md.']);
    assert.deepEqual(logged, ['coverage: could not create s/01_a.md']);
  });
});
