import './vscodeStub';
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { closeCoveragePage, openCoveragePage, PANEL_MATRIX, PANEL_SERIES, stubPanelUi, type OpenPage, type PanelUi } from './coveragePanelHarness';
import { freshFolder, settle } from './liveService';

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
    await settle(30);
    assert.deepEqual(ui.asked, [{ message: 'scripts/build.sh does not exist yet.', items: [] }]);
    page.say({ type: 'create', file: 'scripts/build.sh' });
    await settle(30);
    assert.equal(ui.applied.length, 0, 'nothing writes the note template into the script');
    page.say({ type: 'open', file: '02-two.md' });
    await settle(30);
    assert.deepEqual(ui.asked[1], { message: '02-two.md does not exist yet.', items: ['Create'] });
    assert.deepEqual(ui.applied.map(paths => paths.includes(`${dir}/02-two.md`)), [true]);
  });
});
