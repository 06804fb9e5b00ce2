import { Uri, workspace, EventEmitter } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { CoverageController } from '../../../src/extension/coverage/panel';
import type { IndexService } from '../../../src/extension/indexService';
import { freshFolder, idleOf, settle, startLive, writeIn, type Live } from './liveService';

/**
 * The coverage panel while another folder gets indexed ("Choose Notes Folder" in a multi-root workspace): what the
 * page asks for names files of the folder it showed, so a request made before the page saw the new folder's model
 * must not create or open a file of the new folder at that path.
 */

const SERIES = '# Basics\n\n## Chapters\n\n### Start\n\n- [One](01-one.md) - Must-read - 10 min\n- [Two](02-two.md) - Important - 10 min\n';
const MATRIX = '# Coverage\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
  + '| Basics | One | `01-one.md` | Covered |\n| Basics | Two | `02-two.md` | Pending |\n';
const win = vscode.window as unknown as Record<string, unknown>;
const ws = workspace as unknown as Record<string, unknown>;

describe('coverage panel when another folder is indexed (vscode stub, folders on disk)', () => {
  let base = '';
  let live: Live | undefined;
  let controller: CoverageController | undefined;
  const saved = { ...win };
  const savedApply = ws.applyEdit;
  let applied: { uri: string }[][] = [];
  let asked: string[] = [];
  let answer: (message: string) => Promise<string | undefined> = async () => undefined;

  beforeEach(() => {
    base = freshFolder('nn-cov-root-');
    applied = [];
    asked = [];
    answer = async () => undefined;
    ws.applyEdit = async (edit: { ops: { uri: Uri }[] }) => { applied.push(edit.ops.map(o => ({ uri: o.uri.path }))); return true; };
    win.showInformationMessage = (message: string) => { asked.push(message); return answer(message); };
    win.showErrorMessage = async () => undefined;
    win.showTextDocument = async () => ({});
    win.visibleTextEditors = [];
  });
  afterEach(() => {
    controller?.dispose();
    controller = undefined;
    live?.service.dispose();
    for (const s of live?.subscriptions ?? []) s.dispose();
    live = undefined;
    ws.applyEdit = savedApply;
    for (const k of ['showInformationMessage', 'showErrorMessage', 'showTextDocument', 'visibleTextEditors']) win[k] = saved[k];
    rmSync(base, { recursive: true, force: true });
  });

  /** The notes folder (series with a planned chapter 02-two.md) indexed, its model shown by an open page. */
  async function openPage() {
    writeIn(`${base}/app`, 'main.md', '# Main\n');
    live = await startLive(`${base}/notes`, { 'README.md': SERIES, 'coverage_matrix.md': MATRIX, '01-one.md': '# One\n' });
    const service = live.service as IndexService;
    const fromPage = new EventEmitter<unknown>();
    const noop = new EventEmitter<unknown>();
    const posted: { type: string }[] = [];
    const panel = {
      webview: {
        options: {}, html: '', cspSource: '', asWebviewUri: (u: Uri) => u,
        onDidReceiveMessage: fromPage.event,
        postMessage: async (m: { type: string }) => { posted.push(m); return true; },
      },
      onDidChangeViewState: noop.event, onDidDispose: noop.event,
      visible: true, viewColumn: 2, reveal: () => undefined, dispose: () => undefined,
    };
    controller = new CoverageController({ extensionUri: Uri.file('/ext'), subscriptions: [] } as unknown as vscode.ExtensionContext, service);
    controller.restore(panel as unknown as vscode.WebviewPanel);
    fromPage.fire({ type: 'ready' });
    await settle(30);
    assert.ok(posted.some(m => m.type === 'model'));
    const planned = controller.model().series.flatMap(x => x.rows.flatMap(r => r.files)).filter(f => f.state === 'missing').map(f => f.file);
    assert.deepEqual(planned, ['02-two.md'], 'the page shows the planned chapter');
    return { service, say: (m: unknown) => fromPage.fire(m) };
  }

  it('refuses a Create the page asked for right after the switch, before it was shown the new folder', async () => {
    const { service, say } = await openPage();
    const switched = service.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
    await settle(0);
    assert.equal(service.root?.path, `${base}/app`);
    // the page, still showing the notes folder, asks for its planned chapter
    say({ type: 'create', file: '02-two.md' });
    await switched;
    await idleOf(service);
    await settle(30);
    assert.deepEqual(applied, [], 'nothing is written into the app folder');
  });

  it('does not create the note when the folder changed while the user was asked whether to create it', async () => {
    const { service, say } = await openPage();
    let reply: (v: string | undefined) => void = () => undefined;
    answer = () => new Promise(resolve => { reply = resolve; });
    say({ type: 'open', file: '02-two.md' });
    await settle(10);
    assert.equal(asked.length, 1, asked.join('\n'));
    await service.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
    await idleOf(service);
    reply('Create');
    await settle(30);
    assert.deepEqual(applied, [], 'nothing is written into the app folder');
  });
});
