import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { PAGE_STRINGS } from '../../../src/webview/strings';
import { exampleIndex, FakeIndex, README } from '../coverage/fakeIndex';
import type { FakeElement } from './fakeDom';
import { PageHarness } from './pageHarness';

/** The coverage page for screen readers, keyboards and zoom: names, roles, focus across live updates, announcements. */

const EXTRA = 'backend/distributed_systems/99_extra.md';
const CONSISTENCY = 'backend/system_design/03_consistency.md';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function inTable(e: FakeElement): boolean { return e.closest('table') !== null; }

function describeFocus(page: PageHarness): string {
  const a = page.document.activeElement;
  return `<${a.localName}> ${a.getAttribute('data-focus') ?? ''}`;
}

describe('coverage page accessibility (fake DOM)', () => {
  it('names each table with a caption, and says empty cells and odd status words in words', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    const caption = page.all('caption');
    assert.equal(caption.length, 1);
    assert.equal(caption[0]!.textContent, 'Backend Series README: coverage matrix');
    assert.ok(page.all('table')[0]!.firstChild === caption[0], 'the caption is the table\'s first child');
    // the row "Extra" has no priority, no reading time and "???" as its status
    const extra = page.all('tr.row').find(tr => tr.querySelector('th')?.textContent === 'Extra')!;
    const cells = extra.querySelectorAll('td');
    const priority = cells.find(td => (td.getAttribute('class') ?? '').includes('priority'))!;
    assert.equal(priority.querySelector('.visually-hidden')?.textContent, 'No priority');
    assert.equal(priority.querySelector('[aria-hidden]')?.textContent, '—');
    assert.equal(cells[4]!.querySelector('.visually-hidden')?.textContent, 'No reading time');
    assert.equal(cells[1]!.textContent, '??? (Not a status word)');
  });

  it('says a row of a table without a files column has no computed status, instead of showing Pending', () => {
    const noFiles = '| Capability Area | Required Topic | Paths | Status |\n| --- | --- | --- | --- |\n| A | Scalability | `x.md` | Done |\n';
    const page = new PageHarness();
    page.model(buildViewModel(new FakeIndex().addSeries('backend/README.md', README, noFiles)));
    const computed = page.all('td.computed');
    assert.equal(computed.length, 1);
    assert.equal(computed[0]!.querySelector('.visually-hidden')?.textContent, 'Not computed: the table has no Coverage Files column');
    assert.equal(computed[0]!.querySelector('[aria-hidden]')?.textContent, '—');
    assert.equal(computed[0]!.querySelector('.badge'), null);
  });

  it('in zh-TW puts the screen-reader note on an odd status word in full-width parentheses', () => {
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()), Object.fromEntries(Object.entries(PAGE_STRINGS).map(([k, v]) => [k, zh[v] ?? v])));
    const extra = page.all('tr.row').find(tr => tr.querySelector('th')?.textContent === 'Extra')!;
    assert.equal(extra.querySelectorAll('td')[1]!.querySelector('.visually-hidden')?.textContent, `（${zh['Not a status word']}）`);
  });

  it('makes every bar a named progressbar with its figures, not a picture', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    const bars = page.all('svg');
    assert.equal(bars.length, 3, 'overall and two areas');
    for (const b of bars) {
      assert.equal(b.getAttribute('role'), 'progressbar');
      assert.equal(b.getAttribute('aria-valuemin'), '0');
    }
    const [overall, design] = bars;
    assert.equal(overall!.getAttribute('aria-label'), 'Topics covered');
    assert.equal(overall!.getAttribute('aria-valuenow'), '1');
    assert.equal(overall!.getAttribute('aria-valuemax'), '4');
    assert.equal(overall!.getAttribute('aria-valuetext'), '1 of 4 done, 2 in progress');
    assert.equal(design!.getAttribute('aria-label'), 'System Design');
    assert.equal(design!.getAttribute('aria-valuetext'), '1 of 2 done, 1 in progress');
    // an area's header row says its figure in words too (`1/2` reads as a fraction or a date)
    const areaHead = page.all('tr.area-row')[0]!.querySelector('th')!;
    assert.equal(areaHead.querySelector('.area-count')?.getAttribute('aria-hidden'), 'true');
    assert.equal(areaHead.querySelector('.visually-hidden')?.textContent, ' 1 of 2 done, 1 in progress');
    // the visible name and figure beside the bar would be read twice
    const area = design!.parentNode!;
    for (const span of area.querySelectorAll('span')) assert.equal(span.getAttribute('aria-hidden'), 'true');
  });

  it('gives the focus back to the control the user was on when the same file has a button in a row and in a list below', () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    // 99_extra.md is missing and not in the README: a Create button in its row and another under "Matrix files missing from the README"
    const creates = page.all('button.create').filter(b => b.dataset.file === EXTRA);
    assert.equal(creates.length, 2);
    const below = creates.find(b => !inTable(b))!;
    below.focus();
    // the series is re-rendered (its figures and its table change)
    index.addNote('backend/distributed_systems/12_cap.md', { status: 'active' });
    page.update(buildViewModel(index));
    const now = page.document.activeElement;
    assert.ok(now !== below, 'the series was re-rendered');
    assert.equal(now.dataset.file, EXTRA, describeFocus(page));
    assert.ok(!inTable(now), `the focus went to the button in the table: ${describeFocus(page)}`);
  });

  it('moves the focus to the file\'s own link, not to <body>, when its Create button goes away, without scrolling', () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    const create = page.all('button.create').find(b => b.dataset.file === CONSISTENCY)!;
    create.focus();
    index.addNote(CONSISTENCY, { status: 'active' });
    page.update(buildViewModel(index));
    const now = page.document.activeElement;
    assert.equal(now.localName, 'button', describeFocus(page));
    assert.equal(now.dataset.action, 'open');
    assert.equal(now.dataset.file, CONSISTENCY);
    assert.equal(page.document.lastFocusOptions?.preventScroll, true, 'the page stays where the user scrolled it');
  });

  it('moves the focus to the next control when the row it was in goes away', () => {
    const page = new PageHarness();
    const first = buildViewModel(exampleIndex());
    page.model(first);
    const topic = page.all('button.topic').find(b => b.textContent === 'CAP')!;
    topic.focus();
    const s = first.series[0]!;
    page.update({ series: [{ ...s, rows: s.rows.filter(r => r.topic !== 'CAP') }] });
    const now = page.document.activeElement;
    assert.ok(now !== page.document.body, 'focus dropped to <body>');
    assert.equal(now.textContent, 'Extra', describeFocus(page));
  });

  it('says "1 row" and "1 topic" for a matrix of one row, not "1 rows" or "1 topics"', async () => {
    const [s] = buildViewModel(exampleIndex()).series;
    const oneRow = (covered: number) => ({ series: [{ ...s!, rows: [s!.rows[0]!], areas: s!.areas.slice(0, 1), covered, total: 1 }] });
    const page = new PageHarness();
    page.model(oneRow(0));
    const live = page.byId('live');
    page.input('search', 'no such topic');
    await sleep(700);
    assert.equal(live.textContent, '0 of 1 row shown');
    assert.equal(page.all('p.shown').map(e => e.textContent).join(), '0 of 1 row shown');
    page.input('search', '');
    page.update(oneRow(1));
    await sleep(1700);
    assert.equal(live.textContent, 'Coverage updated: 1 of 1 topic covered');
  });

  it('announces a changed coverage figure once the live updates pause, not on each one', async () => {
    const page = new PageHarness();
    const index = exampleIndex();
    page.model(buildViewModel(index));
    const live = page.byId('live');
    index.addNote('backend/distributed_systems/12_cap.md', { status: 'active' });
    page.update(buildViewModel(index));
    await sleep(800);
    // the user goes on typing: another update restarts the wait
    index.addDiagnostic('backend/system_design/01_scalability.md', 'warning');
    page.update(buildViewModel(index));
    await sleep(900);
    assert.equal(live.textContent, '', 'nothing said while updates keep coming');
    await sleep(800);
    assert.equal(live.textContent, 'Coverage updated: 2 of 4 topics covered');
    const spoken = live.firstChild;
    // the same figure again: not repeated
    index.addDiagnostic('backend/system_design/01_scalability.md', 'error');
    page.update(buildViewModel(index));
    await sleep(1700);
    assert.ok(live.firstChild === spoken, 'the same figure is not said twice');
  });

  it('lets the table scroll sideways in a narrow or zoomed panel instead of widening the page', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    const table = page.all('table')[0]!;
    assert.equal(table.parentNode!.getAttribute('class'), 'table-scroll');
    const css = readFileSync('media/coverage.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const narrow = /@media\s*\(max-width:\s*\d+px\)\s*\{([\s\S]*?)\}\s*\}/.exec(css);
    assert.ok(narrow, 'a narrow-width media rule');
    assert.match(narrow[1]!, /\.table-scroll\s*\{[^}]*overflow-x:\s*auto/);
    // the sticky header would stick inside the scrolling box, over the first rows: it must be static there, and
    // the rule must come after the sticky one to win
    assert.match(narrow[1]!, /table\.matrix thead th\s*\{[^}]*position:\s*static/);
    assert.ok(css.indexOf(narrow[0]) > css.search(/table\.matrix thead th\s*\{[^}]*position:\s*sticky/), 'the narrow rule comes after the sticky one');
  });
});
