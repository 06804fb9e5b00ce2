import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { PAGE_STRINGS } from '../../../src/webview/strings';
import { exampleIndex, FakeIndex, MATRIX as MATRIX_TEXT, README } from '../coverage/fakeIndex';
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

  it('in zh-TW writes the counts of the README / matrix lists in full-width parentheses after the Chinese heading', () => {
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const en = new PageHarness();
    en.model(buildViewModel(exampleIndex()));
    const english = en.all('h3').map(h => h.textContent).filter(h => /missing from/.test(h));
    assert.equal(english.length, 2);
    assert.ok(english.every(h => /^(README chapters|Matrix files) missing from the (matrix|README) \(\d+\)$/.test(h)), english.join(' | '));
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()), Object.fromEntries(Object.entries(PAGE_STRINGS).map(([k, v]) => [k, zh[v] ?? v])));
    const headings = page.all('h3').map(h => h.textContent).filter(h => h.includes('缺少'));
    assert.equal(headings.length, 2);
    assert.ok(headings.every(h => /[\u3400-\u9fff]（\d+）$/.test(h)), headings.join(' | '));
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

  it('renames the section and the table and points the topics at the new matrix when a patch changes only the head', () => {
    const page = new PageHarness();
    const m = buildViewModel(exampleIndex());
    const s = m.series[0]!;
    page.model(m);
    page.update({ series: [{ ...s, title: 'Renamed' }] });
    assert.deepEqual(page.all('h2').map(h => h.textContent), ['Renamed']);
    assert.deepEqual(page.all('section.series').map(e => e.getAttribute('aria-label')), ['Renamed']);
    assert.deepEqual(page.all('caption').map(c => c.textContent), ['Renamed: coverage matrix']);
    const moved = 'backend/matrix.md';
    page.update({ series: [{ ...s, title: 'Renamed', matrix: moved }] });
    assert.equal(topicButton(page, 'Scalability').dataset.file, moved);
    assert.ok(page.all('button.topic').every(b => b.dataset.file === moved));
  });

  it('shows a path the panel would refuse as text, without Open or Create, and offers both for a name with a colon', () => {
    const matrix = MATRIX_TEXT.replace('`distributed_systems/99_extra.md`', '`../../outside.md`, `03-a:b.md`, `../../other.md`, `../../outside.md`');
    const page = new PageHarness();
    page.model(buildViewModel(new FakeIndex().addSeries('backend/README.md', README, matrix)));
    const cell = page.all('tr.row').find(tr => tr.textContent.includes('Extra'))!.querySelector('td.files')!;
    assert.deepEqual(cell.querySelectorAll('button').map(b => [b.dataset.action, b.dataset.file]),
      [['open', 'backend/03-a:b.md'], ['create', 'backend/03-a:b.md']]);
    assert.ok(cell.textContent.includes('../../outside.md'), 'the path leaving the workspace is still shown');
    assert.ok(cell.textContent.includes('../../other.md'), 'so is a second one, though it has no workspace path either');
    assert.equal(cell.textContent.split('../../outside.md').length, 2, 'a path named twice is shown once');
    assert.ok(page.all('[data-action]').every(b => b.dataset.file !== ''), 'no button without a file');
  });

  it('shows a path with a colon as text when the host follows the Windows rule, and a drive-like segment on every host', () => {
    const matrix = MATRIX_TEXT.replace('`distributed_systems/99_extra.md`', '`03-a:b.md`, `a/C:/b.md`, `04_ok.md`');
    const model = buildViewModel(new FakeIndex().addSeries('backend/README.md', README, matrix));
    const buttons = (page: PageHarness) => page.all('tr.row').find(tr => tr.textContent.includes('Extra'))!.querySelector('td.files')!
      .querySelectorAll('button').map(b => [b.dataset.action, b.dataset.file]);
    const windows = new PageHarness();
    windows.model(model, undefined, undefined, 'windows');
    assert.deepEqual(buttons(windows), [['open', 'backend/04_ok.md'], ['create', 'backend/04_ok.md']]);
    const cell = windows.all('td.files').find(td => td.textContent.includes('03-a:b.md'));
    assert.ok(cell?.textContent.includes('a/C:/b.md'), 'both paths are still shown');
    const posix = new PageHarness();
    posix.model(model);
    assert.deepEqual(buttons(posix), [['open', 'backend/03-a:b.md'], ['create', 'backend/03-a:b.md'],
      ['open', 'backend/04_ok.md'], ['create', 'backend/04_ok.md']]);
  });

  it('comes back at the same scroll position and filters when the page is re-created (hidden and shown, reload)', () => {
    const first = new PageHarness();
    first.model(buildViewModel(exampleIndex()));
    first.input('filter-status', 'done');
    first.scrollY = 900;
    first.windowEvent('scroll');
    first.frame();
    // VS Code destroys the hidden page and starts it again with the state it saved
    const again = new PageHarness(first.state);
    again.model(buildViewModel(exampleIndex()));
    again.frame();
    assert.equal(again.scrollY, 900);
    assert.equal(again.byId('filter-status').value, 'done');
    assert.ok(again.all('tr.row').some(r => r.hidden));
  });

  it('ignores a saved scroll position of the wrong shape', () => {
    for (const scrollY of ['900', -5, Number.NaN, null]) {
      const page = new PageHarness({ scrollY });
      page.model(buildViewModel(exampleIndex()));
      page.frame();
      assert.equal(page.scrollY, 0, String(scrollY));
    }
  });

  it('announces the result of a filter change once, and a live update that changes no figure not at all', async () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    assert.deepEqual(page.all('[aria-live]').map(e => e.id), ['live'], 'one live region, outside the re-rendered content');
    page.input('search', 's');
    page.input('search', 'sc');
    page.input('search', 'sca');
    await new Promise(r => setTimeout(r, 700));
    const live = page.byId('live');
    assert.equal(live.textContent, '1 of 4 rows shown');
    const spoken = live.firstChild;
    // a new problem in a note: the coverage figure stays 1 of 4
    index.addDiagnostic('backend/system_design/01_scalability.md', 'warning');
    page.update(buildViewModel(index));
    await new Promise(r => setTimeout(r, 1700));
    assert.ok(live.firstChild === spoken, 'a live update that leaves the figure as it was announces nothing');
    assert.equal(page.all('p.shown').map(e => e.textContent).join(), '1 of 4 rows shown');
  });

  it('leaves the area list alone on a live update that does not change the areas (an open dropdown stays open)', () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    const before = page.byId('filter-area').options;
    assert.deepEqual(before.map(o => o.value), ['', 'System Design', 'Distributed Systems']);
    index.addNote('backend/distributed_systems/12_cap.md', { status: 'active' });
    page.update(buildViewModel(index));
    const after = page.byId('filter-area').options;
    assert.equal(after.length, before.length);
    assert.ok(after.every((o, i) => o === before[i]), 'the same option elements');
  });

  it('offers Create for a missing note only, not for a missing file that is no note (shown as missing all the same)', async () => {
    const { indexOf } = await import('../index/memoryWorkspace');
    const { filesOfModel } = await import('../../../src/webview/protocol');
    const index = await indexOf({
      's/README.md': '# S\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 重要 - 5 min\n- [cfg](../.vscode/tasks.json) - 重要 - 5 min\n',
      's/coverage_matrix.md': '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n'
        + '| A | One | `a/01_a.md` | Pending |\n| Tools | Script | `scripts/build.sh` | Pending |\n',
    });
    const model = buildViewModel(index);
    const page = new PageHarness();
    page.model(model);
    assert.deepEqual(page.all('button.create').map(b => b.dataset.file), ['s/a/01_a.md']);
    assert.ok(page.all('button.link').some(b => b.dataset.file === 's/scripts/build.sh'), 'the missing script is still shown');
    const { all, missing } = filesOfModel(model);
    assert.ok(all.has('s/scripts/build.sh') && all.has('.vscode/tasks.json'));
    assert.deepEqual([...missing].sort(), ['s/a/01_a.md']);
  });

  it('names every control and mark for a screen reader, not only with a tooltip', () => {
    const page = new PageHarness();
    const index = exampleIndex().addDiagnostic('backend/system_design/01_scalability.md', 'error').addDiagnostic('backend/system_design/01_scalability.md', 'warning');
    page.model(buildViewModel(index));
    const creates = page.all('button.create');
    assert.ok(creates.length >= 2);
    // "Create" alone, several times over, does not say which note it creates
    for (const b of creates) assert.equal(b.getAttribute('aria-label'), `Create ${b.dataset.file}`);
    // the area header row heads the rows of its tbody, not a group of columns
    const areaHeads = page.all('tr.area-row').map(tr => tr.querySelector('th')!);
    assert.ok(areaHeads.length >= 2);
    for (const th of areaHeads) assert.equal(th.getAttribute('scope'), 'rowgroup');
    const marks = page.all('span.problems-inline');
    assert.equal(marks.length, 1);
    assert.equal(marks[0]!.getAttribute('role'), 'img');
    assert.equal(marks[0]!.getAttribute('aria-label'), '2 problems');
  });

  it('sticks the table headers right under the toolbar, however tall the toolbar wraps', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    // a narrow panel: search, three filters and the button take three lines
    page.byId('toolbar').offsetHeight = 112;
    page.resize();
    assert.equal(page.document.documentElement.style.getPropertyValue('--nn-toolbar-height'), '112px');
    const css = readFileSync('media/coverage.css', 'utf8');
    const thead = /table\.matrix thead th\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    assert.match(thead, /top:\s*var\(--nn-toolbar-height\b/);
  });
});
