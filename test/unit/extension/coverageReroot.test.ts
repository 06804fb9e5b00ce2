import { Uri } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type * as vscode from 'vscode';
import { closeCoveragePage, openCoveragePage, PANEL_MATRIX, PANEL_SERIES, stubPanelUi, type OpenPage, type PanelUi } from './coveragePanelHarness';
import { freshFolder, idleOf, settle, writeIn } from './liveService';

/**
 * The coverage panel while another folder gets indexed ("Choose Notes Folder" in a multi-root workspace): what the
 * page asks for names files of the folder it showed, so a request made before the page saw the new folder's model
 * must not create or open a file of the new folder at that path.
 */

describe('coverage panel when another folder is indexed (vscode stub, folders on disk)', () => {
  let base = '';
  let page: OpenPage | undefined;
  let ui: PanelUi;

  beforeEach(() => {
    base = freshFolder('nn-cov-root-');
    ui = stubPanelUi();
  });
  afterEach(() => {
    closeCoveragePage(page);
    page = undefined;
    ui.restore();
    rmSync(base, { recursive: true, force: true });
  });

  /** The notes folder (series with a planned chapter 02-two.md) indexed, its model shown by an open page. */
  async function openPage() {
    writeIn(`${base}/app`, 'main.md', '# Main\n');
    page = await openCoveragePage(`${base}/notes`, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': PANEL_MATRIX, '01-one.md': '# One\n' });
    const planned = page.controller.model().series.flatMap(x => x.rows.flatMap(r => r.files)).filter(f => f.state === 'missing').map(f => f.file);
    assert.deepEqual(planned, ['02-two.md'], 'the page shows the planned chapter');
    return page;
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
    assert.deepEqual(ui.applied, [], 'nothing is written into the app folder');
  });

  it('does not create the note when the folder changed while the user was asked whether to create it', async () => {
    const { service, say } = await openPage();
    let reply: (v: string | undefined) => void = () => undefined;
    ui.answer = () => new Promise(resolve => { reply = resolve; });
    say({ type: 'open', file: '02-two.md' });
    await settle(10);
    assert.equal(ui.asked.length, 1, ui.asked.map(a => a.message).join('\n'));
    await service.reroot(Uri.file(`${base}/app`) as unknown as vscode.Uri);
    await idleOf(service);
    reply('Create');
    await settle(30);
    assert.deepEqual(ui.applied, [], 'nothing is written into the app folder');
  });
});
