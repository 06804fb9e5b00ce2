import './vscodeStub';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import type { FileEdit } from '../../../src/core/model';
import { createNoteCommand } from '../../../src/extension/commands/createNote';
import { createPlannedNote } from '../../../src/extension/coverage/createNote';
import type { IndexService } from '../../../src/extension/indexService';
import { indexOf } from '../index/memoryWorkspace';

const { Uri } = vscode as unknown as typeof import('./vscodeStub');
const win = vscode.window as unknown as Record<string, unknown>;
const ws = vscode.workspace as unknown as Record<string, unknown>;

const README = '# S\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 必讀 - 30 min\n';
const MATRIX = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| X | Y | `a/01_a.md` | Pending |\n';

// Two Creates of one planned note before the first is over (a double click on the tree's Create Note or the coverage
// page's Create) both found the file missing and both replaced the row's "Pending": `In Progressress`.
describe('creating a note twice at once', () => {
  let dir: string;
  const saved = { ...win, ...ws };
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'nn-twice-')); });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const k of ['visibleTextEditors', 'showTextDocument', 'showInformationMessage']) win[k] = saved[k];
    for (const k of ['applyEdit', 'openTextDocument']) ws[k] = saved[k];
  });

  /** A service over `dir` whose applyEdit takes 20 ms, writes created files to disk and edits the matrix buffer. */
  async function setUp(): Promise<{ service: IndexService; matrix: () => string; applied: FileEdit[][] }> {
    const index = await indexOf({ 's/README.md': README, 's/coverage_matrix.md': MATRIX });
    let matrix = MATRIX;
    const applied: FileEdit[][] = [];
    const service = {
      index, root: Uri.file(dir), ready: Promise.resolve(), log: { info: () => undefined, error: () => undefined, warn: () => undefined },
      uriOf: (f: string) => Uri.file(`${dir}/${f}`),
      textOf: async (f: string) => (f === 's/coverage_matrix.md' ? matrix : f === 's/README.md' ? README : undefined),
      toWorkspaceEdit: (edits: FileEdit[]) => edits,
    } as unknown as IndexService;
    ws.applyEdit = async (edits: FileEdit[]) => {
      applied.push(edits);
      await new Promise(r => setTimeout(r, 20));
      for (const e of edits) {
        if (e.file === 's/coverage_matrix.md') matrix = applyTextEdits(matrix, e.edits);
        else if (e.create) {
          mkdirSync(path.dirname(`${dir}/${e.file}`), { recursive: true });
          writeFileSync(`${dir}/${e.file}`, applyTextEdits('', e.edits));
        }
      }
      return true;
    };
    ws.openTextDocument = async (uri: unknown) => ({ uri });
    win.visibleTextEditors = [];
    win.showTextDocument = async () => ({ document: { lineCount: 1, lineAt: () => ({ range: { end: new vscode.Position(0, 0) } }) } });
    win.showInformationMessage = async () => undefined;
    return { service, matrix: () => matrix, applied };
  }

  it("the tree's Create Note twice: the note is created once, the second opens it; the Status cell reads In Progress", async () => {
    const { service, matrix, applied } = await setUp();
    const results = await Promise.all([createNoteCommand(service, 's/a/01_a.md'), createNoteCommand(service, 's/a/01_a.md')]);
    assert.deepEqual(results, ['created', 'existed']);
    assert.equal(applied.length, 1);
    assert.equal(matrix(), MATRIX.replace('Pending', 'In Progress'));
  });

  it("the coverage page's Create twice, and with the tree's at once: one creation", async () => {
    const { service, matrix, applied } = await setUp();
    const results = await Promise.all([createPlannedNote(service, 's/a/01_a.md', 2), createPlannedNote(service, 's/a/01_a.md', 2),
      createNoteCommand(service, 's/a/01_a.md')]);
    assert.deepEqual(results, [true, false, 'existed']);
    assert.equal(applied.length, 1);
    assert.equal(matrix(), MATRIX.replace('Pending', 'In Progress'));
  });
});
