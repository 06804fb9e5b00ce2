import { Uri, warnings } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type * as vscode from 'vscode';
import { loadNotesConfig } from '../../../src/extension/config';
import { IndexService } from '../../../src/extension/indexService';
import { freshFolder, idleOf, writeIn } from './liveService';

/** A workspace folder that is not on disk (deleted, never created, a file in its place): no configuration problem. */
describe('a notes folder that is not on disk', () => {
  let base = '';
  let service: IndexService | undefined;
  beforeEach(() => { base = freshFolder('nn-missing-'); });
  afterEach(() => {
    service?.dispose();
    service = undefined;
    rmSync(base, { recursive: true, force: true });
  });

  it('has no .notes-navigator.json, which is no problem; the notice says the folder is not on disk', async () => {
    const gone = await loadNotesConfig(Uri.file(`${base}/gone`) as unknown as vscode.Uri);
    assert.deepEqual(gone.problems, []);
    assert.deepEqual(gone.notices, [`the notes folder ${base}/gone is not on disk (ENOENT): there is no .notes-navigator.json to read`]);
    writeIn(base, 'file', 'x');
    const file = await loadNotesConfig(Uri.file(`${base}/file`) as unknown as vscode.Uri);
    assert.deepEqual(file.problems, []);
    assert.match(file.notices.join(), /is not on disk \(ENOTDIR\)/);
    const there = await loadNotesConfig(Uri.file(base) as unknown as vscode.Uri);
    assert.deepEqual([there.problems, there.notices], [[], []]);
  });

  it('is indexed without a configuration warning, and the log says once that it is not on disk', async () => {
    const logged: string[] = [];
    const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m), show: () => undefined };
    service = new IndexService(Uri.file(`${base}/gone`) as unknown as vscode.Uri, log as unknown as vscode.LogOutputChannel);
    void service.start();
    await service.ready;
    await service.rescan();
    await idleOf(service);
    assert.deepEqual(warnings, []);
    assert.deepEqual(logged.filter(l => l.startsWith('configuration:')), [`configuration: the notes folder ${base}/gone is not on disk (ENOENT): there is no .notes-navigator.json to read`]);
    assert.deepEqual([...service.index.files()], []);
  });
});
