import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import type { RowView } from '../../../src/core/coverage/viewModel';
import { EMPTY_FILTERS, isFiltering, restoreFilters, rowMatches } from '../../../src/webview/filters';
import { formatString, PAGE_STRINGS } from '../../../src/webview/strings';

const row = (over: Partial<RowView> = {}): RowView => ({
  key: 'k', area: 'System Design', topic: 'Scalability', declaredText: 'Done', declared: 'done', computed: 'done',
  mismatch: false, problems: 0, line: 3, priority: 'must-read', minutes: 90,
  files: [{ href: 'system_design/01_scalability.md', file: 'b/system_design/01_scalability.md', state: 'written', problems: 0, title: '可擴展性 Basics' }],
  ...over,
});

describe('coverage page filters', () => {
  it('passes everything without filters', () => {
    assert.ok(rowMatches(row(), EMPTY_FILTERS));
    assert.ok(!isFiltering(EMPTY_FILTERS));
    assert.ok(!isFiltering({ ...EMPTY_FILTERS, query: '   ' }));
  });

  it('filters by area, computed status, mismatch and missing files', () => {
    assert.ok(rowMatches(row(), { ...EMPTY_FILTERS, area: 'System Design' }));
    assert.ok(!rowMatches(row(), { ...EMPTY_FILTERS, area: 'Infrastructure' }));
    assert.ok(rowMatches(row(), { ...EMPTY_FILTERS, status: 'done' }));
    assert.ok(!rowMatches(row(), { ...EMPTY_FILTERS, status: 'pending' }));
    assert.ok(!rowMatches(row(), { ...EMPTY_FILTERS, status: 'mismatch' }));
    assert.ok(rowMatches(row({ mismatch: true }), { ...EMPTY_FILTERS, status: 'mismatch' }));
    assert.ok(!rowMatches(row(), { ...EMPTY_FILTERS, status: 'missing' }));
    const missing = row({ files: [{ href: 'x.md', file: 'b/x.md', state: 'missing', problems: 0 }] });
    assert.ok(rowMatches(missing, { ...EMPTY_FILTERS, status: 'missing' }));
  });

  it('filters by priority, rows without one falling under "none"', () => {
    assert.ok(rowMatches(row(), { ...EMPTY_FILTERS, priority: 'must-read' }));
    assert.ok(!rowMatches(row(), { ...EMPTY_FILTERS, priority: 'important' }));
    assert.ok(rowMatches(row({ priority: undefined }), { ...EMPTY_FILTERS, priority: 'none' }));
  });

  it('searches topic, area, paths and titles case-insensitively (CJK too)', () => {
    for (const q of ['scal', 'SYSTEM', '01_scal', '可擴展', 'basics']) assert.ok(rowMatches(row(), { ...EMPTY_FILTERS, query: q }), q);
    assert.ok(!rowMatches(row(), { ...EMPTY_FILTERS, query: 'kafka' }));
  });

  it('searches whatever the width and the Unicode form (full-width letters from an IME, a decomposed é)', () => {
    const kafka = row({ topic: 'Kafka Streams', files: [{ href: 'c/01_cafe.md', file: 'b/c/01_cafe.md', state: 'written', problems: 0, title: 'Café Ｎｏｔｅｓ' }] });
    // what a Taiwanese IME types in its full-width mode, and a full-width space in the query
    for (const q of ['ｋａｆｋａ', 'ＫＡＦＫＡ　ＳＴ', 'Cafe\u0301', 'café', 'notes', '０１']) assert.ok(rowMatches(kafka, { ...EMPTY_FILTERS, query: q }), q);
    assert.ok(rowMatches(row({ topic: 'Cafe\u0301 Basics' }), { ...EMPTY_FILTERS, query: 'Café' }));
    assert.ok(!rowMatches(kafka, { ...EMPTY_FILTERS, query: 'ｋａｆｋｅ' }));
  });

  it('restores only well-formed saved state', () => {
    assert.deepEqual(restoreFilters(undefined), EMPTY_FILTERS);
    assert.deepEqual(restoreFilters('x'), EMPTY_FILTERS);
    assert.deepEqual(restoreFilters({ area: 'A', status: 'mismatch', priority: 'skippable', query: 'q' }),
      { area: 'A', status: 'mismatch', priority: 'skippable', query: 'q' });
    assert.deepEqual(restoreFilters({ area: 5, status: 'evil', priority: '__proto__', query: ['x'] }), EMPTY_FILTERS);
  });
});

describe('coverage page strings', () => {
  it('formats numbered placeholders and leaves the rest alone', () => {
    assert.equal(formatString('Topics covered: {0} / {1}', [12, 40]), 'Topics covered: 12 / 40');
    assert.equal(formatString('{1}-{0}', ['a', 'b']), 'b-a');
    assert.equal(formatString('{0} {2} {x} {', ['a']), 'a {2} {x} {');
    assert.equal(formatString('{0}', ['{1}', 'no']), '{1}', 'arguments are not expanded again');
  });

  it('has a zh-TW translation for every page string and every host string', () => {
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const missing = Object.values(PAGE_STRINGS).filter(s => typeof zh[s] !== 'string' || zh[s] === '');
    assert.deepEqual(missing, []);
    const hostSrc = readdirSync('src/extension/coverage').map(f => readFileSync(`src/extension/coverage/${f}`, 'utf8')).join('\n');
    const hostStrings = [...hostSrc.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map(m => m[1]!.replace(/\\'/g, "'"));
    assert.ok(hostStrings.length > 5);
    assert.deepEqual(hostStrings.filter(s => typeof zh[s] !== 'string'), []);
    for (const [en, tw] of Object.entries(zh)) {
      const ph = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(ph(tw), ph(en), `placeholders of ${en}`);
    }
  });
});
