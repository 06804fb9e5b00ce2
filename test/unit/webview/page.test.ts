import { strict as assert } from 'node:assert';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { exampleIndex } from '../coverage/fakeIndex';
import { PageHarness } from './pageHarness';

const MATRIX = 'backend/coverage_matrix.md';

function topicButton(page: PageHarness, topic: string) {
  const b = page.all('button.topic').find(e => e.textContent === topic);
  assert.ok(b, `topic ${topic}`);
  return b;
}

describe('coverage page (fake DOM)', () => {
  it('renders the model it receives and says it applied it', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    assert.equal(page.all('tr.row').length, 4);
    assert.deepEqual(page.posted.map(m => m.type), ['ready', 'applied']);
    assert.equal(topicButton(page, 'Scalability').dataset.file, MATRIX);
  });

  it('keeps the keyboard focus on a control that a live update did not touch', () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    const button = topicButton(page, 'Scalability');
    button.focus();
    // another row (and the summary) change: the focused row stays as it is
    index.addNote('backend/distributed_systems/12_cap.md', { status: 'active' });
    page.update(buildViewModel(index));
    assert.ok(page.posted.filter(m => m.type === 'applied').length === 2, 'the patch was applied');
    assert.ok(page.document.activeElement === button, `focus on <${page.document.activeElement.localName}>`);
  });

  it('gives the focus back to the same control when a live update re-rendered it', () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    topicButton(page, 'CAP').focus();
    index.addNote('backend/distributed_systems/12_cap.md', { status: 'active' });
    page.update(buildViewModel(index));
    assert.ok(page.document.activeElement === topicButton(page, 'CAP'), `focus on <${page.document.activeElement.localName}>`);
  });

  it('keeps the page order of the series equal to the model order after an update', () => {
    const page = new PageHarness();
    const one = buildViewModel(exampleIndex()).series[0]!;
    const two = { ...one, id: 'other/README.md', title: 'Other', readme: 'other/README.md' };
    page.model({ series: [one] });
    page.update({ series: [two, one] });
    assert.deepEqual(page.all('h2').map(h => h.textContent), ['Other', one.title]);
    page.update({ series: [one, two] });
    assert.deepEqual(page.all('h2').map(h => h.textContent), [one.title, 'Other']);
  });
});
