import '../extension/vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { checkCoverage } from '../../../src/core/rules/coverage';
import { ENGLISH, type Translator } from '../../../src/extension/diagnosticMessageBuilder';
import { withLocalizedProblems } from '../../../src/extension/coverage/pageStrings';
import { FakeIndex, README } from '../coverage/fakeIndex';
import { PageHarness } from './pageHarness';

/**
 * The page's "Problems reading the matrix" list says what the Problems panel says for the same diagnostic
 * on the matrix, in the display language: the host words each problem with the editor's message builder.
 */

const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
const zhTW: Translator = { t: (message, ...args) => ENGLISH.t(bundle[message] ?? message, ...args) };

const MATRICES: Record<string, string> = {
  'no table': '# Matrix\n\nno table here\n',
  'no files column': '| Capability Area | Required Topic | Paths | Status |\n| --- | --- | --- | --- |\n| A | Scalability | `system_design/01_scalability.md` | Done |\n',
  'no status column': '| Capability Area | Required Topic | Coverage Files |\n| --- | --- | --- |\n| A | Scalability | `system_design/01_scalability.md` |\n',
};

function indexWith(matrix: string): FakeIndex {
  return new FakeIndex().addSeries('backend/README.md', README, matrix);
}

/** The messages of the diagnostics reported on the matrix for its own problems (what the Problems panel lists). */
function panelMessages(index: FakeIndex): string[] {
  const series = index.series()[0]!;
  const cov = index.coverage(series)!;
  const { matrix } = checkCoverage(cov, series, index.computeCoverage(series), { config: index.config });
  return matrix.filter(f => ['no-table', 'no-files-column', 'no-status-column'].includes(f.data?.problem as string)).map(f => f.message);
}

describe('coverage page: matrix problems in the display language', () => {
  for (const [name, matrix] of Object.entries(MATRICES)) {
    it(`${name}: the page's English text is the Problems panel's message`, () => {
      const index = indexWith(matrix);
      const model = withLocalizedProblems(buildViewModel(index), ENGLISH);
      const shown = model.series[0]!.matrixProblems.map(p => p.message);
      assert.equal(shown.length, 1);
      assert.deepEqual(shown, panelMessages(index));
    });
  }

  it('zh-TW: the list shows the translated message, as the Problems panel does', () => {
    const model = withLocalizedProblems(buildViewModel(indexWith(MATRICES['no files column']!)), zhTW);
    const page = new PageHarness();
    page.model(model);
    const items = page.all('section.problems').flatMap(s => s.querySelectorAll('li')).map(li => li.textContent);
    assert.deepEqual(items, [bundle[panelMessages(indexWith(MATRICES['no files column']!))[0]!]]);
    assert.match(items[0]!, /涵蓋率表格沒有「Coverage Files」/);
  });

  it('leaves a model without matrix problems as it is', () => {
    const model = buildViewModel(new FakeIndex().addSeries('x/README.md', README));
    assert.equal(withLocalizedProblems(model, zhTW), model);
  });
});
