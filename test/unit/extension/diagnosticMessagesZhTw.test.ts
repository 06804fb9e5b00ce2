import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RULE_CODES, type Diagnostic, type RuleCode } from '../../../src/core/model';
import { buildMessage, ENGLISH, localize, type Translator } from '../../../src/extension/diagnosticMessageBuilder';

/**
 * Every diagnostic code of the spec's table, shown in zh-TW with the facts of a real series (the seed's
 * `backend/` knowledge base): the exact sentence an engineer reads in the Problems panel.
 */

const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;

/** Substitutes like `vscode.l10n.t` with the zh-TW bundle loaded, and records the values it was given. */
function zhTW(values: string[] = []): Translator {
  return { t: (message, ...args) => { values.push(...args); return ENGLISH.t(bundle[message] ?? message, ...args); } };
}

type Case = [code: RuleCode, message: string, data: Record<string, unknown>, zh: string];

const SD = 'backend/system_design';
const CASES: Case[] = [
  ['frontmatter-missing', 'note has no frontmatter (a YAML block between \'---\' lines at the top)', {},
    '筆記沒有 frontmatter（檔案開頭以「---」行包住的 YAML 區塊）'],
  ['frontmatter-invalid', 'frontmatter language "toml" is not supported (only YAML)', { problem: 'language', language: 'toml' },
    '不支援 frontmatter 語言「toml」（僅支援 YAML）'],
  ['frontmatter-invalid', 'frontmatter is not valid YAML: unexpected end of the stream within a flow collection (3:1)',
    { problem: 'yaml', reason: 'unexpected end of the stream within a flow collection (3:1)' },
    'frontmatter 不是有效的 YAML：unexpected end of the stream within a flow collection (3:1)'],
  ['frontmatter-field-missing', 'required field "updated" is missing', { field: 'updated' }, '缺少必填欄位「updated」'],
  ['frontmatter-field-invalid', 'status "wip" is not one of active, draft, review, archived',
    { field: 'status', value: 'wip', allowed: ['active', 'draft', 'review', 'archived'] },
    'status 的值「wip」不是允許值之一（active、draft、review、archived）'],
  ['frontmatter-field-invalid', 'created "2026-02-30" is not a real calendar date', { field: 'created', value: '2026-02-30', expected: 'YYYY-MM-DD' },
    'created 的值「2026-02-30」不是實際存在的日期'],
  ['frontmatter-field-invalid', 'aliases must be a string or a list of strings, got 42', { field: 'aliases', value: 42, expected: 'a string or a list of strings' },
    'aliases 必須是字串或字串清單，實際為 42'],
  ['frontmatter-field-invalid', 'updated "2026-02-10" is before created "2026-02-17"', { field: 'updated', value: '2026-02-10', expected: '2026-02-17' },
    'updated「2026-02-10」早於 created「2026-02-17」'],
  ['link-broken', `link target "02_availability.md" does not exist (${SD}/02_availability.md)`,
    { kind: 'link', raw: '02_availability.md', path: '02_availability.md', file: `${SD}/02_availability.md` },
    `連結目標「02_availability.md」不存在（${SD}/02_availability.md）`],
  ['link-anchor-broken', `heading "#horizontal-scaling" not found in ${SD}/01_scalability_fundamentals.md`,
    { kind: 'link', raw: '01_scalability_fundamentals.md#horizontal-scaling', path: '01_scalability_fundamentals.md', fragment: 'horizontal-scaling', file: `${SD}/01_scalability_fundamentals.md` },
    `在 ${SD}/01_scalability_fundamentals.md 中找不到標題「#horizontal-scaling」`],
  ['ref-broken', 'referenced file "../infrastructure/21_caching.md" does not exist (backend/infrastructure/21_caching.md)',
    { kind: 'ref', raw: '../infrastructure/21_caching.md', path: '../infrastructure/21_caching.md', file: 'backend/infrastructure/21_caching.md' },
    '參照的檔案「../infrastructure/21_caching.md」不存在（backend/infrastructure/21_caching.md）'],
  ['ref-broken', 'the chapter range rust/17_6-17_3 ends before it starts', { path: 'rust/17_6-17_3', problem: 'reversed-range' },
    '章節範圍 rust/17_6-17_3 的結尾在開頭之前'],
  ['wikilink-broken', 'wikilink "[[Kafka Deep Dive]]" matches no note by file name, title or alias', { kind: 'wikilink', raw: 'Kafka Deep Dive' },
    'wikilink「[[Kafka Deep Dive]]」找不到檔名、標題或別名相符的筆記'],
  ['link-outside-workspace', 'link "../../secrets.md" leaves the workspace folder; it is not followed', { kind: 'link', raw: '../../secrets.md' },
    '連結「../../secrets.md」指向工作區資料夾之外，不會追蹤'],
  ['xref-missing-link', 'cross-reference declared in the matrix, but backend/distributed_systems/13_saga_pattern.md does not link to backend/distributed_systems/59_transactional_outbox.md',
    { from: 'backend/distributed_systems/13_saga_pattern.md', to: 'backend/distributed_systems/59_transactional_outbox.md' },
    '矩陣中宣告了交叉參照，但 backend/distributed_systems/13_saga_pattern.md 沒有連結到 backend/distributed_systems/59_transactional_outbox.md'],
  ['xref-missing-link', 'cross-reference declared in the matrix, but none of rust/17_3-17_6 (4 notes) links to backend/system_design/08_event_driven_architecture.md',
    { from: 'backend/rust/17_3_ownership.md', to: `${SD}/08_event_driven_architecture.md`, fromSpan: 'rust/17_3-17_6', fromCount: 4 },
    `矩陣中宣告了交叉參照，但 rust/17_3-17_6（4 篇筆記）沒有任何一篇連結到 ${SD}/08_event_driven_architecture.md`],
  ['chapter-planned', 'chapter "61_object_storage_cdn" is planned: infrastructure/61_object_storage_cdn.md does not exist yet',
    { file: 'backend/infrastructure/61_object_storage_cdn.md' },
    '章節「61_object_storage_cdn」尚在規劃中：infrastructure/61_object_storage_cdn.md 尚未建立'],
  ['chapter-number-unknown', 'batch 24 names chapter 77, but no chapter file of this series starts with that number', { num: '77', candidates: [] },
    '批次 24 列出了章節 77，但此系列沒有任何章節檔名以該編號開頭'],
  ['chapter-number-unknown', 'reading list "Must-read" names chapter 01, which is ambiguous: system_design/01_scalability_fundamentals.md, design_pattern/creational/01_singleton.md',
    { num: '01', candidates: [`${SD}/01_scalability_fundamentals.md`, 'backend/design_pattern/creational/01_singleton.md'] },
    '閱讀清單「Must-read」列出的章節 01 有歧義：system_design/01_scalability_fundamentals.md、design_pattern/creational/01_singleton.md'],
  ['priority-mismatch', '"Urgent" is not a priority label; expected one of 必讀, 重要, 可跳讀',
    { problem: 'not-a-label', label: 'Urgent', labels: ['必讀', '重要', '可跳讀'] },
    '「Urgent」不是優先順序標籤；應為以下之一：必讀、重要、可跳讀'],
  ['priority-mismatch', 'chapter "07_microservices_vs_monolith" is labelled "重要", but the reading list "Must-read" names system_design/07_microservices_vs_monolith.md: expected "必讀"',
    { expected: '必讀', file: `${SD}/07_microservices_vs_monolith.md`, priority: 'must-read' },
    '章節「07_microservices_vs_monolith」標示為「重要」，但閱讀清單「Must-read」列出了 system_design/07_microservices_vs_monolith.md：應為「必讀」'],
  ['coverage-status-mismatch', 'status is "Done" but system_design/06_api_versioning.md does not exist: expected "Pending"',
    { expected: 'Pending', declaredText: 'Done', problem: 'missing', href: 'system_design/06_api_versioning.md' },
    '狀態為「Done」，但 system_design/06_api_versioning.md 不存在：應為「Pending」'],
  ['coverage-status-mismatch', 'status is "In Progress" but all files are written: expected "Done"',
    { expected: 'Done', declaredText: 'In Progress', problem: 'all-written' },
    '狀態為「In Progress」，但所有檔案都已撰寫：應為「Done」'],
  ['coverage-status-mismatch', 'status is "完成" but system_design/04_api_design_rest.md is still a draft (only 120 characters of body): expected "進行中"',
    { expected: '進行中', declaredText: '完成', problem: 'draft', href: 'system_design/04_api_design_rest.md', bodyChars: 120 },
    '狀態為「完成」，但 system_design/04_api_design_rest.md 仍是草稿（內文只有 120 個字元）：應為「進行中」'],
  ['coverage-unlisted', 'chapter "72_payment_patterns" is not listed in the coverage matrix (backend/coverage_matrix.md)',
    { file: 'backend/finance/72_payment_patterns.md', matrix: 'backend/coverage_matrix.md', label: '72_payment_patterns' },
    '章節「72_payment_patterns」未列在涵蓋率矩陣中（backend/coverage_matrix.md）'],
  ['coverage-unlisted', 'quality/rubric.md is not a chapter or support document of the series README (backend/README.md)',
    { file: 'backend/quality/rubric.md', readme: 'backend/README.md', href: 'quality/rubric.md' },
    'quality/rubric.md 不是系列 README 中的章節或輔助文件（backend/README.md）'],
];

function diagnostic([code, message, data]: Case): Diagnostic {
  return { file: 'backend/coverage_matrix.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'warning', code, message, data };
}

/** Latin words a zh-TW message may keep: product terms, field names and column names the product defines. */
const KEPT = new Set(['frontmatter', 'YAML', 'README', 'wikilink', 'updated', 'created', 'YYYY-MM-DD', 'Coverage', 'Files', 'Status',
  'Capability', 'Area', 'Required', 'Topic', 'alias', 'mapping']);

/** A zh-TW message with the substituted values blanked out: what the translation itself wrote. */
function withoutValues(zh: string, values: readonly string[]): string {
  let rest = zh;
  for (const v of [...values].sort((a, b) => b.length - a.length)) if (v !== '') rest = rest.split(v).join(' ');
  return rest;
}

/** What of a zh-TW message is neither Chinese, nor a substituted value, nor a kept term. */
function leftoverEnglish(zh: string, values: readonly string[]): string[] {
  return (withoutValues(zh, values).match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter(w => !KEPT.has(w));
}

describe('zh-TW diagnostic messages, one per code of the spec', () => {
  it('cover every rule code', () => {
    assert.deepEqual(RULE_CODES.filter(code => !CASES.some(c => c[0] === code)), []);
  });

  for (const c of CASES) {
    it(`${c[0]}: ${c[1]}`, () => {
      const d = diagnostic(c);
      assert.equal(buildMessage(d, ENGLISH), d.message, 'the case is worded as the core words it');
      const values: string[] = [];
      const zh = localize(d, zhTW(values));
      assert.equal(zh, c[3]);
      assert.doesNotMatch(zh, /\{\d+\}/);
      assert.deepEqual(leftoverEnglish(zh, values), []);
      assert.doesNotMatch(withoutValues(zh, values), /["']/, 'quotes in a zh-TW sentence are 「」');
      assert.doesNotMatch(zh, / 「|」 (?=[\u3400-\u9fff])/, 'no space beside 「」');
    });
  }

  it('a value JSON writes with escapes keeps the core\'s form; a list of values is separated by 、', () => {
    const d = diagnostic(['frontmatter-field-invalid', 'status "a\\"b" is not one of x, y', { field: 'status', value: 'a"b', allowed: ['x', 'y'] }, '']);
    assert.equal(localize(d, zhTW()), 'status 的值 "a\\"b" 不是允許值之一（x、y）');
    const n = diagnostic(['frontmatter-field-invalid', 'aliases must be a string or a list of strings, got 42', { field: 'aliases', value: 42, expected: 'a string or a list of strings' }, '']);
    assert.equal(localize(n, zhTW()), 'aliases 必須是字串或字串清單，實際為 42');
    const s = diagnostic(['frontmatter-field-invalid', 'tags must be a list of strings, got "kafka"', { field: 'tags', value: 'kafka', expected: 'a list of strings' }, '']);
    assert.equal(localize(s, zhTW()), 'tags 必須是字串清單，實際為「kafka」');
  });

  it('the chapters an ambiguous number may mean are separated by 、, read back by their paths', () => {
    // a path holding ", " itself is one candidate, not two
    const comma = diagnostic(['chapter-number-unknown', 'batch 2 names chapter 05, which is ambiguous: a, b/05_x.md, c/05_y.md',
      { num: '05', candidates: ['backend/a, b/05_x.md', 'backend/c/05_y.md'] }, '']);
    assert.equal(localize(comma, zhTW()), '批次 2 列出的章節 05 有歧義：a, b/05_x.md、c/05_y.md');
    // a candidate shown by its link (no file in the facts) keeps the core's list rather than a wrong one
    const href = diagnostic(['chapter-number-unknown', 'batch 2 names chapter 05, which is ambiguous: ../05_x.md, c/05_y.md',
      { num: '05', candidates: ['', 'backend/c/05_y.md'] }, '']);
    assert.equal(localize(href, zhTW()), '批次 2 列出的章節 05 有歧義：../05_x.md, c/05_y.md');
  });
});

describe('zh-TW diagnostic templates', () => {
  it('every template of the builder, filled in, leaves no placeholder and no English of its own', () => {
    const src = readFileSync('src/extension/diagnosticMessageBuilder.ts', 'utf8');
    const templates = [...src.matchAll(/l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g)].map(m => m[1].replace(/\\'/g, "'"));
    assert.ok(templates.length >= 45, `only ${templates.length} templates`);
    const bad: string[] = [];
    for (const template of templates) {
      const count = new Set(template.match(/\{\d+\}/g) ?? []).size;
      const values = Array.from({ length: count }, (_, i) => `值${i}`);
      const zh = zhTW().t(template, ...values);
      if (!(template in bundle)) bad.push(`no translation: ${template}`);
      else if (/\{\d+\}/.test(zh)) bad.push(`placeholder left: ${zh}`);
      else if (leftoverEnglish(zh, values).length > 0) bad.push(`English left (${leftoverEnglish(zh, values).join(' ')}): ${zh}`);
      else if (!values.every(v => zh.includes(v))) bad.push(`a value is dropped: ${zh}`);
    }
    assert.deepEqual(bad, []);
  });

  it('the leftover check sees English the translation kept', () => {
    assert.deepEqual(leftoverEnglish('狀態為「Done」，but 檔案 exists', ['Done']), ['but', 'exists']);
  });
});
