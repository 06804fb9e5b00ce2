import { strict as assert } from 'node:assert';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { exampleIndex } from '../coverage/fakeIndex';
import { FakeEvent } from './fakeDom';
import { PageHarness } from './pageHarness';

/** The coverage page's filters as a user drives them: typing through an IME, a search that matches nothing. */

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function shownRows(page: PageHarness): string[] {
  return page.all('tr.row').filter(tr => !tr.hidden).map(tr => tr.dataset.key ?? '');
}

describe('coverage page filters (fake DOM)', () => {
  it('does not search the unfinished text of an IME (Zhuyin before a candidate is picked), only what the composition ends with', async () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    const all = shownRows(page);
    assert.equal(all.length, 4);
    const search = page.byId('search');
    // ㄎㄜ, then the candidate list: nothing is filtered or announced meanwhile
    for (const text of ['ㄎ', 'ㄎㄜ']) {
      search.value = text;
      search.dispatchEvent(new FakeEvent('input', { isComposing: true }));
    }
    await sleep(700);
    assert.deepEqual(shownRows(page), all);
    assert.equal(page.byId('live').textContent, '');
    // Escape while composing cancels the composition, not the search
    search.dispatchEvent(new FakeEvent('keydown', { key: 'Escape', isComposing: true }));
    assert.equal(search.value, 'ㄎㄜ');
    // the user picks a word: the composition ends (Chrome sends no input event after it)
    search.value = 'CAP';
    search.dispatchEvent(new FakeEvent('compositionend'));
    assert.equal(shownRows(page).length, 1);
    await sleep(700);
    assert.equal(page.byId('live').textContent, '1 of 4 rows shown');
  });

  it('says when the filters match no row, with a Clear filters button that brings every row back', () => {
    const page = new PageHarness();
    page.model(buildViewModel(exampleIndex()));
    assert.ok(page.document.getElementById('no-match')?.hidden ?? true, 'nothing to say while rows are shown');
    page.input('search', 'no such topic');
    const message = page.byId('no-match');
    assert.equal(shownRows(page).length, 0);
    assert.ok(!message.hidden);
    assert.match(message.textContent, /^No rows match the filters\.Clear filters$/);
    const clear = page.byId('clear-filters-empty');
    assert.equal(clear.localName, 'button', 'a button: reached with Tab, pressed with Enter or Space');
    clear.focus();
    clear.click();
    assert.equal(shownRows(page).length, 4);
    assert.ok(message.hidden);
    assert.equal(page.byId('search').value, '');
    assert.ok(page.document.activeElement === page.byId('search'), 'the focus goes to the search box, not to <body>');
    // a filter that leaves rows: no message
    page.input('filter-status', 'done');
    assert.ok(shownRows(page).length > 0 && message.hidden);
  });
});
