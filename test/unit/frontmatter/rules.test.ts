import { strict as assert } from 'node:assert';
import { defaultConfig, mergeConfig } from '../../../src/core/config';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import type { Finding } from '../../../src/core/rules/finding';
import { checkFrontmatter, describeValue, isCalendarDate } from '../../../src/core/rules/frontmatter';
import { LineIndex } from '../../../src/core/text/lineIndex';

const VALID = [
  'title: Backend Series README',
  'note_type: system',
  'domain: backend',
  'tags: [system, backend, go, rust]',
  'created: 2026-02-17',
  'updated: 2026-02-17',
  'status: active',
  'source: system',
];

function check(text: string, structural = false, config = defaultConfig()): Finding[] {
  const lines = new LineIndex(text);
  return checkFrontmatter(parseFrontmatter(text, lines), lines, config, { structural });
}

/** A note whose frontmatter is VALID with `field` replaced by `line` (or removed when line is undefined). */
function withField(field: string, line: string | undefined): string {
  const rows = VALID.filter(r => !r.startsWith(`${field}:`));
  const at = VALID.findIndex(r => r.startsWith(`${field}:`));
  if (line !== undefined) rows.splice(at === -1 ? rows.length : at, 0, line);
  return `---\n${rows.join('\n')}\n---\n# Body\n`;
}

describe('checkFrontmatter', () => {
  it('reports nothing for a complete, valid frontmatter block (the seed README\'s)', () => {
    assert.deepEqual(check(`---\n${VALID.join('\n')}\n---\n# Backend Series README\n`), []);
  });

  it('reports frontmatter-missing on the first line of a note without a block', () => {
    const f = check('# A note\n\nbody\n');
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'frontmatter-missing');
    assert.deepEqual(f[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
    assert.match(f[0].message, /no frontmatter/);
  });

  it('reports frontmatter-missing on the first line with text when the first line is blank, and on 0:0 only in a note with no character to cover', () => {
    const at = (text: string) => {
      const f = check(text);
      assert.deepEqual(f.map(x => x.code), ['frontmatter-missing'], JSON.stringify(text));
      const { start, end } = f[0].range;
      return `${start.line}:${start.character}-${end.line}:${end.character}`;
    };
    assert.equal(at('\n\n# Title\nbody\n'), '2:0-2:7');
    assert.equal(at(' \t\r\n\r\n  text  \r\n'), '2:0-2:8');
    // blanks only: the first line that has any
    assert.equal(at('   '), '0:0-0:3');
    assert.equal(at('\n\n \t\n'), '2:0-2:2');
    // nothing to cover: the empty range VS Code draws one character wide (a range over a line break shows nothing)
    assert.equal(at(''), '0:0-0:0');
    assert.equal(at('\n\r\n\n'), '0:0-0:0');
  });

  it('does not ask a series README or coverage matrix for frontmatter', () => {
    assert.deepEqual(check('# Backend Series README\n\n## Chapters\n', true), []);
  });

  it('still validates the block of a structural note', () => {
    const f = check('---\ntitle: x\n---\n# README\n', true);
    assert.ok(f.length > 0);
    assert.ok(f.every(x => x.code === 'frontmatter-field-missing'));
    const bad = check('---\ntitle: [\n---\n', true);
    assert.equal(bad[0].code, 'frontmatter-invalid');
  });

  it('reports frontmatter-invalid with the parser\'s message and range, and nothing else', () => {
    const f = check('---\ntitle: x\n  bad: y\n---\n');
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'frontmatter-invalid');
    assert.match(f[0].message, /bad indentation of a mapping entry/);
    assert.equal(f[0].range.start.line, 2);
    const js = check('---js\n{}\n---\n');
    assert.equal(js[0].code, 'frontmatter-invalid');
    assert.equal(js[0].message, 'frontmatter language "js" is not supported (only YAML)');
    const toml = check('+++\ntitle = "x"\n+++\n# Hi\n');
    assert.deepEqual(toml.map(x => [x.code, x.message]), [['frontmatter-invalid', 'frontmatter language "toml" is not supported (only YAML)']]);
    assert.deepEqual(toml[0].data, { problem: 'language', language: 'toml' });
    const list = check('---\n- a\n---\n');
    assert.equal(list[0].message, 'frontmatter must be a mapping of fields');
  });

  it('reports each missing required field on the opening line with the field in data', () => {
    const f = check('---\ntitle: Only a title\n---\n');
    const missing = f.filter(x => x.code === 'frontmatter-field-missing');
    assert.deepEqual(missing.map(x => x.data?.field), ['note_type', 'domain', 'tags', 'created', 'updated', 'status']);
    assert.equal(missing[0].message, 'required field "note_type" is missing');
    for (const m of missing) assert.deepEqual(m.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.equal(f.length, missing.length);
  });

  it('reports every required field of an empty block', () => {
    assert.equal(check('---\n---\n').length, defaultConfig().requiredFields.length);
  });

  it('reports a value outside the allowed values, naming field, value and choices', () => {
    const f = check(withField('status', 'status: drafty'));
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'frontmatter-field-invalid');
    assert.equal(f[0].message, 'status "drafty" is not one of active, draft, review, archived');
    assert.deepEqual(f[0].data, { field: 'status', value: 'drafty', allowed: ['active', 'draft', 'review', 'archived'] });
    assert.deepEqual(f[0].range, { start: { line: 7, character: 0 }, end: { line: 7, character: 14 } });
    const t = check(withField('note_type', 'note_type: essay'));
    assert.equal(t[0].message, 'note_type "essay" is not one of system, chapter, guide, reference, checklist, roadmap, skill');
  });

  it('shows a number or boolean as the note writes it, and says so in data', () => {
    const status = check(withField('status', 'status: 1.00'));
    assert.equal(status[0].message, 'status must be text, got 1.00');
    assert.deepEqual(status[0].data, { field: 'status', value: 1, written: '1.00', expected: 'text' });
    assert.equal(check(withField('domain', 'domain: 0x1F'))[0].message, 'domain must be text, got 0x1F');
    assert.equal(check(withField('domain', 'domain: True'))[0].message, 'domain must be text, got True');
    assert.equal(check(withField('created', 'created: 2026.10'))[0].message, 'created 2026.10 is not a date in YYYY-MM-DD form');
    const config = mergeConfig(defaultConfig(), { allowedValues: { tags: ['a', 'b'], level: ['1', '2'] } }).config;
    const level = check(withField('level', 'level: 3.0'), false, config).filter(f => f.data?.field === 'level');
    assert.equal(level[0].message, 'level 3.0 is not one of 1, 2');
    assert.deepEqual(level[0].data, { field: 'level', value: 3, written: '3.0', allowed: ['1', '2'] });
    const tag = check(withField('tags', 'tags: [a, 1.50, 2]'), false, config);
    assert.equal(tag[0].message, 'tags must be a list of strings, got [a, 1.50, 2]');
    assert.equal(tag[0].data?.written, '[a, 1.50, 2]');
    assert.equal(check(withField('tags', 'tags: [a,\n  1.50]'))[0].message, 'tags must be a list of strings, got [a, 1.50]');
    const item = check(withField('level', 'level: [1.0, 3.0]'), false, config).filter(f => f.data?.field === 'level');
    assert.equal(item[0].message, 'level 3.0 is not one of 1, 2');
    assert.deepEqual(item[0].data, { field: 'level', value: [1, 3], item: 3, written: '3.0', allowed: ['1', '2'] });
    // written as it reads: no `written`
    const plain = check(withField('title', 'title: 2024'));
    assert.equal(plain[0].message, 'title must be text, got 2024');
    assert.equal(plain[0].data?.written, undefined);
  });

  it('uses the configured allowed values and required fields', () => {
    const { config } = mergeConfig(defaultConfig(), { allowedValues: { domain: ['frontend'] }, requiredFields: ['title', 'owner'] });
    const f = check(`---\n${VALID.join('\n')}\n---\n`, false, config);
    assert.deepEqual(f.map(x => [x.code, x.message]), [
      ['frontmatter-field-missing', 'required field "owner" is missing'],
      ['frontmatter-field-invalid', 'domain "backend" is not one of frontend'],
    ]);
  });

  describe('allowedValues in the configuration', () => {
    const defaults = defaultConfig().allowedValues;
    const banana = withField('note_type', 'note_type: banana');

    it('an invalid value is reported and changes nothing: the defaults still apply', () => {
      const { config, problems } = mergeConfig(defaultConfig(), { allowedValues: { status: 'active' } });
      assert.deepEqual(problems, [{ path: 'allowedValues.status', message: '"allowedValues.status" must be an array of strings' }]);
      assert.deepEqual({ ...config.allowedValues }, defaults);
      assert.deepEqual(check(banana, false, config).map(x => x.code), ['frontmatter-field-invalid']);
    });

    it('merges per field: a listed field is replaced, the others keep their defaults', () => {
      const { config, problems } = mergeConfig(defaultConfig(), { allowedValues: { status: ['active', 'wip'] } });
      assert.deepEqual(problems, []);
      assert.deepEqual({ ...config.allowedValues }, { note_type: defaults.note_type, status: ['active', 'wip'] });
      assert.deepEqual(check(withField('status', 'status: wip'), false, config), []);
      assert.deepEqual(check(banana, false, config).map(x => x.code), ['frontmatter-field-invalid']);
      // a bad entry beside a good one: the good one applies, the bad one is ignored
      const mixed = mergeConfig(defaultConfig(), { allowedValues: { status: 7, note_type: ['banana'] } });
      assert.equal(mixed.problems.length, 1);
      assert.deepEqual({ ...mixed.config.allowedValues }, { note_type: ['banana'], status: defaults.status });
    });

    it('null lifts a default restriction', () => {
      const { config, problems } = mergeConfig(defaultConfig(), { allowedValues: { note_type: null } });
      assert.deepEqual(problems, []);
      assert.deepEqual({ ...config.allowedValues }, { status: defaults.status });
      assert.deepEqual(check(banana, false, config), []);
    });

    it('settings over the file merge the same way, per field', () => {
      const file = mergeConfig(defaultConfig(), { allowedValues: { domain: ['backend'] } }).config;
      const both = mergeConfig(file, { allowedValues: { status: ['active'] } }).config;
      assert.deepEqual({ ...both.allowedValues }, { note_type: defaults.note_type, status: ['active'], domain: ['backend'] });
    });
  });

  it('requires tags to be a list of strings', () => {
    const s = check(withField('tags', 'tags: backend'));
    assert.equal(s.length, 1);
    assert.equal(s[0].message, 'tags must be a list of strings, got "backend"');
    assert.equal(s[0].data?.field, 'tags');
    const n = check(withField('tags', 'tags: [go, 42]'));
    assert.equal(n[0].message, 'tags must be a list of strings, got [go, 42]');
    assert.deepEqual(check(withField('tags', 'tags: []')), []);
    assert.deepEqual(check(withField('tags', 'tags:\n  - go\n  - rust')), []);
    // a blank tag is no tag: with only '' refused (not '  '), `tags: [go, "  "]` passed unreported
    assert.equal(check(withField('tags', 'tags: [go, "  "]'))[0]?.message, 'tags must be a list of strings, got ["go","  "]');
  });

  it('requires title to be non-empty text', () => {
    const num = check(withField('title', 'title: 2024'));
    assert.equal(num[0].message, 'title must be text, got 2024');
    const empty = check(withField('title', 'title:'));
    assert.equal(empty[0].message, 'title is empty');
    const blank = check(withField('title', 'title: "  "'));
    assert.equal(blank[0].message, 'title is empty');
    assert.equal(blank[0].code, 'frontmatter-field-invalid');
  });

  it('ignores an empty optional field', () => {
    assert.deepEqual(check(withField('source', 'source:')), []);
  });

  it('rejects dates that are not YYYY-MM-DD', () => {
    for (const [line, shown] of [['created: 17/02/2026', '"17/02/2026"'], ['created: 2026-2-17', '"2026-2-17"'], ['created: 20260217', '20260217'],
      ['created: 2026-02-17T10:00:00Z', '"2026-02-17T10:00:00Z"']]) {
      const f = check(withField('created', line));
      assert.equal(f.length, 1, line);
      assert.equal(f[0].message, `created ${shown} is not a date in YYYY-MM-DD form`);
      assert.equal(f[0].data?.expected, 'YYYY-MM-DD');
      assert.equal(f[0].range.start.line, 5);
    }
  });

  it('rejects dates that do not exist', () => {
    const f = check(withField('updated', 'updated: 2026-02-30'));
    assert.equal(f.length, 1);
    assert.equal(f[0].message, 'updated "2026-02-30" is not a real calendar date');
    assert.equal(f[0].data?.field, 'updated');
    assert.equal(f[0].range.start.line, 6);
    assert.equal(check(withField('created', 'created: 2026-13-01'))[0].message, 'created "2026-13-01" is not a real calendar date');
  });

  it('knows leap years', () => {
    assert.equal(isCalendarDate(2024, 2, 29), true);
    assert.equal(isCalendarDate(2023, 2, 29), false);
    assert.equal(isCalendarDate(1900, 2, 29), false);
    assert.equal(isCalendarDate(2000, 2, 29), true);
    assert.equal(isCalendarDate(2026, 4, 31), false);
    assert.equal(isCalendarDate(2026, 0, 1), false);
  });

  it('reports updated before created on the updated line', () => {
    const text = withField('updated', 'updated: 2026-01-05');
    const f = check(text);
    assert.equal(f.length, 1);
    assert.equal(f[0].code, 'frontmatter-field-invalid');
    assert.equal(f[0].message, 'updated "2026-01-05" is before created "2026-02-17"');
    assert.deepEqual(f[0].data, { field: 'updated', value: '2026-01-05', expected: '2026-02-17' });
    assert.deepEqual(f[0].range, { start: { line: 6, character: 0 }, end: { line: 6, character: 19 } });
    assert.deepEqual(check(withField('updated', 'updated: 2026-03-01')), []);
  });

  it('does not compare dates when one of them is invalid', () => {
    const f = check(withField('updated', 'updated: 2026-02-30').replace('created: 2026-02-17', 'created: 2027-01-01'));
    assert.deepEqual(f.map(x => x.message), ['updated "2026-02-30" is not a real calendar date']);
  });

  it('works on CRLF notes', () => {
    const text = withField('status', 'status: drafty').replace(/\n/g, '\r\n');
    const f = check(text);
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].range, { start: { line: 7, character: 0 }, end: { line: 7, character: 14 } });
  });
});

describe('describeValue: values in messages', () => {
  it('writes the numbers JSON has no words for as YAML spells them, never NaN or null', () => {
    // `updated: .nan` was reported as `updated NaN is not a date`, `tags: [.inf]` as `got [null]`
    assert.deepEqual(check(withField('updated', 'updated: .nan')).map(f => f.message), ['updated .nan is not a date in YYYY-MM-DD form']);
    assert.deepEqual(check(withField('tags', 'tags: [.inf, -.Inf, .NaN]')).map(f => f.message), ['tags must be a list of strings, got [.inf, -.Inf, .NaN]']);
    // written otherwise (a block list), the value is shown as it reads
    assert.deepEqual(check(withField('tags', 'tags:\n  - .inf\n  - .NaN')).map(f => f.message), ['tags must be a list of strings, got [.inf,.nan]']);
    assert.equal(describeValue({ a: [1, 'x', null, Number.NaN] }), '{"a":[1,"x",null,.nan]}');
  });

  it('stays short however large the value', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => ({ ['k' + i]: 'v'.repeat(100) }));
    const s = describeValue(big);
    assert.ok(s.length <= 60 && s.endsWith('...'), s);
    assert.equal(describeValue('x'.repeat(100)), JSON.stringify('x'.repeat(100)).slice(0, 57) + '...');
  });
});
