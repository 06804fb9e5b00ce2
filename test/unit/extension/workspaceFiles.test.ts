import { Uri, workspace } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type * as vscode from 'vscode';
import { findSomeFiles } from '../../../src/extension/workspaceFiles';
import { freshFolder, writeIn } from './liveService';

/** findSomeFiles: the first few files of a folder matching a glob, by the file search or by a `workspace.fs` walk. */
describe('finding the first files of a folder that match a glob (vscode stub)', () => {
  let base = '';
  let logged: string[] = [];
  const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) } as unknown as vscode.LogOutputChannel;
  const ws = workspace as unknown as { findFiles: (...args: unknown[]) => Promise<unknown> };
  const original = ws.findFiles;
  const README = '**/[Rr][Ee][Aa][Dd][Mm][Ee].[Mm][Dd]';

  beforeEach(() => {
    base = freshFolder('nn-some-');
    logged = [];
    for (const file of ['README.md', 'a/readme.md', 'a/b/README.md', 'a/x.md', 'node_modules/p/README.md', 'c/d/e/README.md']) writeIn(base, file, '# R\n');
  });
  afterEach(() => {
    ws.findFiles = original;
    rmSync(base, { recursive: true, force: true });
  });

  const rels = (uris: Uri[]) => uris.map(u => u.path.slice(base.length + 1)).sort();
  const find = (uri: Uri, most: number, maxVisited = 1000, patienceMs?: number) =>
    findSomeFiles(uri as unknown as vscode.Uri, README, most, log, maxVisited, patienceMs) as unknown as Promise<Uri[]>;

  it('walks a virtual folder (never the file search), outside node_modules, the folders nearest the top first', async () => {
    ws.findFiles = () => assert.fail('the file search was asked');
    const mem = Uri.from({ scheme: 'memfs', path: base });
    assert.deepEqual(rels(await find(mem, 10)), ['README.md', 'a/b/README.md', 'a/readme.md', 'c/d/e/README.md']);
    assert.deepEqual(rels(await find(mem, 2)), ['README.md', 'a/readme.md'], 'at most `most`, the shallowest');
    assert.ok((await find(mem, 10))[0].scheme === 'memfs');
  });

  it('stops a walk after the entries it may visit, and logs it', async () => {
    const mem = Uri.from({ scheme: 'memfs', path: base });
    // the top holds README.md, a, c and node_modules (skipped, not counted)
    assert.deepEqual(rels(await find(mem, 10, 3)), ['README.md']);
    assert.ok(logged.some(l => l.includes('after 3 entries')), logged.join('\n'));
  });

  it('walks a folder on disk when the file search does not answer in time, and logs it', async () => {
    ws.findFiles = () => new Promise(() => undefined);
    assert.deepEqual(rels(await find(Uri.file(base), 10, 1000, 1)), ['README.md', 'a/b/README.md', 'a/readme.md', 'c/d/e/README.md']);
    assert.ok(logged.some(l => /file search of .* did not answer within 0\.001 s: walking the folder instead/.test(l)), logged.join('\n'));
  });

  it('takes the file search\'s answer for a folder on disk', async () => {
    ws.findFiles = async () => [Uri.file(`${base}/a/readme.md`)];
    assert.deepEqual(rels(await find(Uri.file(base), 10)), ['a/readme.md']);
    assert.deepEqual(logged, []);
  });
});
