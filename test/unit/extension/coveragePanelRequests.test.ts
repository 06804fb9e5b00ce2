import './vscodeStub';
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { closeCoveragePage, openCoveragePage, PANEL_MATRIX, PANEL_SERIES, stubPanelUi, until, type OpenPage, type PanelUi } from './coveragePanelHarness';
import { settings, warnings } from './vscodeStub';
import { freshFolder } from './liveService';

/** What the coverage panel does with the files its page asks to open or create (vscode stub, a folder on disk). */
describe('coverage panel: what the page may open and create', () => {
  let dir = '';
  let page: OpenPage | undefined;
  let ui: PanelUi;

  beforeEach(() => {
    dir = freshFolder('nn-cov-req-');
    ui = stubPanelUi();
    ui.answer = async (_message, items) => items[0];
  });
  afterEach(() => {
    closeCoveragePage(page);
    page = undefined;
    ui.restore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers Create for a missing note it is asked to open, and only says a missing file that is no note does not exist', async () => {
    const matrix = PANEL_MATRIX + '| Tools | Build | `scripts/build.sh` | Pending |\n';
    page = await openCoveragePage(dir, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': matrix, '01-one.md': '# One\n' });
    page.say({ type: 'open', file: 'scripts/build.sh' });
    await until(() => ui.asked.length === 1, 'the message');
    assert.deepEqual(ui.asked, [{ message: 'scripts/build.sh does not exist yet.', items: [] }]);
    page.say({ type: 'create', file: 'scripts/build.sh' });
    await until(() => page!.warnings.length === 1, 'the refusal');
    assert.equal(ui.applied.length, 0, 'nothing writes the note template into the script');
    page.say({ type: 'open', file: '02-two.md' });
    await until(() => ui.applied.length === 1, 'the creation');
    assert.deepEqual(ui.asked[1], { message: '02-two.md does not exist yet.', items: ['Create'] });
    assert.ok(ui.applied[0].includes(`${dir}/02-two.md`));
  });

  it('refuses to open or create a file whose real path is outside the notes folder (a linked folder, a dangling link), and logs it', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'nn-cov-out-'));
    const ws = vscode.workspace as unknown as Record<string, unknown>;
    const savedOpen = ws.openTextDocument;
    try {
      mkdirSync(path.join(outside, 'etc'));
      writeFileSync(path.join(outside, 'etc', 'passwd.md'), '# secret\n');
      symlinkSync(path.join(outside, 'etc'), path.join(dir, 'etc'));
      symlinkSync(path.join(outside, 'gone.md'), path.join(dir, 'gone.md'));
      const matrix = PANEL_MATRIX + '| Tools | Etc | `etc/passwd.md`, `etc/new.md`, `gone.md` | Pending |\n';
      page = await openCoveragePage(dir, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': matrix, '01-one.md': '# One\n' });
      const opened: string[] = [];
      ws.openTextDocument = async (uri: { path: string }) => { opened.push(uri.path); return { uri }; };
      const files = ['etc/passwd.md', 'etc/new.md', 'gone.md'];
      for (const file of files) {
        page.say({ type: 'open', file });
        page.say({ type: 'create', file });
      }
      await until(() => page!.warnings.length === 2 * files.length, 'a refusal of each request');
      assert.deepEqual(opened, []);
      assert.equal(ui.applied.length, 0);
      assert.deepEqual(ui.asked, []);
      // the page shows them all as missing: each request is refused for its real path
      assert.deepEqual(page.controller.model().series[0].rows.flatMap(r => r.files).filter(f => files.includes(f.file)).map(f => f.state), ['missing', 'missing', 'missing']);
      assert.equal(page.warnings.filter(m => /real path is outside the notes folder/.test(m)).length, 2 * files.length, page.warnings.join('\n'));
      // the user is told what was refused: a Create refused is not said to be an Open
      const told = (verb: string) => files.map(f => `${f} was not ${verb}: its real path is outside the notes folder (a symbolic link leads out of it).`);
      assert.deepEqual([...warnings].sort(), [...told('opened'), ...told('created')].sort());
    } finally {
      ws.openTextDocument = savedOpen;
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('opens a file files.exclude hides without saying it does not exist (the page shows it written)', async () => {
    settings.set('files.exclude', { private: true });
    const matrix = PANEL_MATRIX + '| Extra | Hidden | `private/03.md` | Done |\n';
    page = await openCoveragePage(dir, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': matrix, '01-one.md': '# One\n', 'private/03.md': '# Three\n' });
    assert.deepEqual(page.controller.model().series[0].rows.flatMap(r => r.files).filter(f => f.file === 'private/03.md').map(f => f.state), ['written']);
    page.say({ type: 'open', file: 'private/03.md' });
    await until(() => ui.opened.length + ui.asked.length > 0, 'the file or a message');
    assert.deepEqual(ui.asked, []);
    assert.deepEqual(ui.opened, [`${dir}/private/03.md`]);
  });

  it('opens and creates a note whose name holds a colon (legal on Linux and macOS), as the page offers', async () => {
    const matrix = PANEL_MATRIX + '| Extra | Colon | `03-a:b.md`, `04-c:d.md` | Pending |\n';
    page = await openCoveragePage(dir, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': matrix, '01-one.md': '# One\n', '04-c:d.md': '# Four\n' });
    page.say({ type: 'open', file: '04-c:d.md' });
    await until(() => ui.opened.length === 1, 'the note opened');
    assert.deepEqual(ui.opened, [`${dir}/04-c:d.md`]);
    page.say({ type: 'create', file: '03-a:b.md' });
    await until(() => ui.applied.length === 1, 'the creation');
    assert.ok(ui.applied[0].includes(`${dir}/03-a:b.md`), ui.applied[0].join());
    assert.deepEqual(page.warnings, []);
  });

  it('on Windows refuses a path with a colon (an NTFS alternate data stream of README.md), and tells the page its rule', async () => {
    const matrix = PANEL_MATRIX + '| Extra | Colon | `README.md:x.md`, `04-c:d.md` | Pending |\n';
    page = await openCoveragePage(dir, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': matrix, '01-one.md': '# One\n' }, 'win32');
    assert.deepEqual(page.posted.filter(m => m.type === 'model').map(m => m.pathRule), ['windows']);
    for (const file of ['README.md:x.md', '04-c:d.md']) {
      page.say({ type: 'create', file });
      page.say({ type: 'open', file });
    }
    await until(() => page!.warnings.length === 4, 'a refusal of each request');
    assert.deepEqual([ui.applied, ui.asked, ui.opened], [[], [], []]);
    assert.ok(page.warnings.every(w => /^coverage: ignored a request to (create|open) /.test(w)), page.warnings.join('\n'));
  });

  it('refuses a path with a drive-like later segment on every host, and tells a POSIX page no rule', async () => {
    const matrix = PANEL_MATRIX + '| Extra | Drive | `a/C:/b.md` | Pending |\n';
    page = await openCoveragePage(dir, { 'README.md': PANEL_SERIES, 'coverage_matrix.md': matrix, '01-one.md': '# One\n' }, 'linux');
    assert.deepEqual(page.posted.filter(m => m.type === 'model').map(m => 'pathRule' in m), [false]);
    page.say({ type: 'create', file: 'a/C:/b.md' });
    await until(() => page!.warnings.length === 1, 'the refusal');
    assert.deepEqual(ui.applied, []);
  });
});
