import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildViewModel, type CoverageViewModel } from '../../../src/core/coverage/viewModel';
import { PAGE_STRINGS } from '../../../src/webview/strings';
import { exampleIndex } from '../coverage/fakeIndex';
import type { FakeNode } from './fakeDom';
import { FakeElement } from './fakeDom';
import { PageHarness } from './pageHarness';

/** The coverage page's summary as read: reading-time totals, headings, the toolbar, the area names. */

const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;

/** The page's strings as the host sends them in a zh-TW VS Code. */
function zhTWStrings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, english] of Object.entries(PAGE_STRINGS)) out[key] = bundle[english] ?? english;
  return out;
}

function withMinutesLeft(minutes: { 'must-read': number; important: number; skippable: number; none: number }): CoverageViewModel {
  const vm = buildViewModel(exampleIndex());
  vm.series[0]!.minutesLeft = minutes;
  return vm;
}

/** `[label, value]` of each minutes-left item, as shown. */
function minutesShown(page: PageHarness): [string, string][] {
  return page.all('div.minutes-item').map(d => [d.querySelectorAll('dt')[0]!.textContent, d.querySelectorAll('dd')[0]!.textContent]);
}

/** The headings of the page in document order, as `h1 Coverage`. */
function headings(page: PageHarness): string[] {
  const out: string[] = [];
  const walk = (n: FakeNode) => {
    if (n instanceof FakeElement && /^h[1-6]$/.test(n.localName)) out.push(`${n.localName} ${n.textContent}`);
    for (const c of n.childNodes) walk(c);
  };
  walk(page.document.body);
  return out;
}

describe('coverage page summary', () => {
  it('says totals of an hour and more in hours and minutes', () => {
    const page = new PageHarness();
    page.model(withMinutesLeft({ 'must-read': 6480, important: 90, skippable: 45, none: 0 }));
    assert.deepEqual(minutesShown(page), [
      ['Must-read', '108 h'], ['Important', '1 h 30 min'], ['Skippable', '45 min'], ['Total', '110 h 15 min'],
    ]);
  });

  it('says them in zh-TW with the zh-TW units', () => {
    const page = new PageHarness();
    page.model(withMinutesLeft({ 'must-read': 6480, important: 90, skippable: 45, none: 60 }), zhTWStrings());
    assert.deepEqual(minutesShown(page).map(([, v]) => v), ['108 小時', '1 小時 30 分鐘', '45 分鐘', '1 小時', '111 小時 15 分鐘']);
  });

  it('keeps per-row reading times in minutes', () => {
    const vm = buildViewModel(exampleIndex());
    vm.series[0]!.rows[0]!.minutes = 90;
    const page = new PageHarness();
    page.model(vm);
    assert.ok(page.all('tr.row')[0]!.querySelectorAll('td.num').some(td => td.textContent === '90 min'));
  });

  it('hides the toolbar while there is no series to filter, and shows it once there is one', () => {
    const page = new PageHarness();
    page.model({ series: [] });
    assert.equal(page.byId('toolbar').hidden, true);
    page.update(buildViewModel(exampleIndex()));
    assert.equal(page.byId('toolbar').hidden, false);
    assert.equal(page.all('tr.row').length, 4);
    page.update({ series: [] });
    assert.equal(page.byId('toolbar').hidden, true);
  });

  it('has one h1, the page title, before the toolbar, then h2 per series and h3 inside', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    const list = headings(page);
    assert.equal(list[0], 'h1 Coverage');
    assert.equal(list.filter(h => h.startsWith('h1 ')).length, 1);
    assert.equal(list[1], 'h2 Backend Series README');
    // no level is skipped on the way down
    let level = 0;
    for (const h of list) { const l = Number(h[1]); assert.ok(l <= level + 1, `${h} after level ${level}`); level = l; }
    const body = page.document.body.childNodes;
    assert.ok(body.indexOf(page.byId('page-title')) < body.indexOf(page.byId('toolbar')), 'h1 before the toolbar');
  });

  it('has the h1 in zh-TW and on an empty page too', () => {
    const page = new PageHarness();
    page.model({ series: [] }, zhTWStrings());
    assert.deepEqual(headings(page), [`h1 ${bundle['Coverage']}`]);
  });

  it('gives each capability area of the summary its full name as a tooltip (a long one is cut off with an ellipsis)', () => {
    const vm = buildViewModel(exampleIndex());
    const long = 'Distributed Systems, Consensus and Replication Across Regions';
    vm.series[0]!.areas[0]!.area = long;
    const page = new PageHarness();
    page.model(vm);
    const labels = page.all('span.area-label');
    assert.equal(labels.length, vm.series[0]!.areas.length);
    assert.deepEqual(labels.map(l => l.getAttribute('title')), vm.series[0]!.areas.map(a => a.area));
    assert.equal(labels[0]!.getAttribute('title'), long);
  });
});
