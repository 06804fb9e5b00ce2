import { strict as assert } from 'node:assert';
import {
  MSG_NOT_CLOSED, MSG_NOT_MAPPING, MSG_TOO_DEEP, MSG_TOO_LARGE, parseFrontmatter,
} from '../../../src/core/frontmatter/parse';
import { LineIndex } from '../../../src/core/text/lineIndex';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('parseFrontmatter', () => {
  it('gives each field of a root flow mapping its entry as range, and reads no `{key` from its first line', () => {
    const fm = parseFrontmatter('---\n{title: X, domain: backend,\n  "status": drafty, tags: [a, b]}\n---\n# X\n');
    assert.deepEqual(Object.keys(fm.fieldRanges).sort(), ['domain', 'status', 'tags', 'title']);
    assert.deepEqual(fm.fieldRanges.title, { start: { line: 1, character: 1 }, end: { line: 1, character: 9 } });
    assert.deepEqual(fm.fieldRanges.status, { start: { line: 2, character: 2 }, end: { line: 2, character: 18 } });
    assert.deepEqual(fm.fieldRanges.tags, { start: { line: 2, character: 20 }, end: { line: 2, character: 32 } });
  });

  const note = [
    '---',
    'title: Backend Series README',
    'note_type: system',
    'tags:',
    '  - system',
    '  - backend',
    '',
    '# a comment',
    'created: 2026-02-17',
    'updated: 2026-02-30',
    'version: 1.0',
    '---',
    '# Heading',
  ].join('\n');

  it('parses a YAML mapping into null-prototype data', () => {
    const fm = parseFrontmatter(note);
    assert.equal(fm.error, undefined);
    assert.ok(fm.data);
    assert.equal(Object.getPrototypeOf(fm.data), null);
    assert.equal(fm.data.title, 'Backend Series README');
    assert.deepEqual([...(fm.data.tags as string[])], ['system', 'backend']);
    assert.equal(fm.data.version, 1);
    assert.equal(fm.block?.closed, true);
    assert.equal(fm.block?.end, note.indexOf('# Heading'));
  });

  it('keeps dates as the strings they were written as, even impossible ones', () => {
    const fm = parseFrontmatter(note);
    assert.equal(fm.data?.created, '2026-02-17');
    assert.equal(fm.data?.updated, '2026-02-30');
  });

  it('gives the source range of each top-level field, multi-line lists included', () => {
    const fm = parseFrontmatter(note);
    assert.deepEqual(fm.fieldRanges.title, { start: { line: 1, character: 0 }, end: { line: 1, character: 28 } });
    // the list ends at its last item: the blank line and the comment after it are not part of it
    assert.deepEqual(fm.fieldRanges.tags, { start: { line: 3, character: 0 }, end: { line: 5, character: 11 } });
    assert.deepEqual(fm.fieldRanges.updated, { start: { line: 9, character: 0 }, end: { line: 9, character: 19 } });
    assert.deepEqual(Object.keys(fm.fieldRanges), ['title', 'note_type', 'tags', 'created', 'updated', 'version']);
  });

  it('gives the same ranges for CRLF text', () => {
    const fm = parseFrontmatter(crlf(note));
    assert.equal(fm.error, undefined);
    assert.deepEqual(fm.fieldRanges.tags, { start: { line: 3, character: 0 }, end: { line: 5, character: 11 } });
    assert.equal(fm.data?.title, 'Backend Series README');
  });

  it('returns no block, no data and no error for a note without frontmatter', () => {
    const fm = parseFrontmatter('# Title\n\n---\ntitle: x\n---\n');
    assert.equal(fm.block, undefined);
    assert.equal(fm.data, undefined);
    assert.equal(fm.error, undefined);
    assert.deepEqual(Object.keys(fm.fieldRanges), []);
  });

  it('gives empty data for an empty block or one holding only comments', () => {
    for (const text of ['---\n---\nbody', '---\n\n# nothing here\n---\n', '---\r\n---\r\n']) {
      const fm = parseFrontmatter(text);
      assert.equal(fm.error, undefined, text);
      assert.ok(fm.data, text);
      assert.deepEqual(Object.keys(fm.data), []);
    }
  });

  it('accepts ---yaml and a `...` closing fence', () => {
    const a = parseFrontmatter('---yaml\ntitle: A\n---\n');
    assert.equal(a.data?.title, 'A');
    const b = parseFrontmatter('---\ntitle: B\n...\nbody');
    assert.equal(b.data?.title, 'B');
  });

  it('reports malformed YAML with YAML\'s own message at the right line and column', () => {
    const text = '---\ntitle: x\n  bad: y\nstatus: draft\n---\nbody\n';
    const fm = parseFrontmatter(text);
    assert.equal(fm.data, undefined);
    assert.ok(fm.error);
    assert.match(fm.error.message, /bad indentation of a mapping entry/);
    assert.deepEqual(fm.error.range.start, { line: 2, character: 5 });
    assert.deepEqual(fm.error.range.end, { line: 2, character: 8 });
  });

  it('reports YAML error positions in the original text with CRLF line breaks', () => {
    const text = crlf('---\ntitle: x\nnote_type: chapter\nb: [\n  c: d: e\n---\n');
    const fm = parseFrontmatter(text);
    assert.ok(fm.error);
    assert.match(fm.error.message, /missed comma between flow collection entries/);
    assert.deepEqual(fm.error.range.start, { line: 4, character: 6 });
    const lines = new LineIndex(text);
    assert.equal(text.slice(lines.offsetAt(fm.error.range.start), lines.offsetAt(fm.error.range.end)), ': e');
  });

  it('reports a duplicated key on the line of the duplicate', () => {
    const fm = parseFrontmatter('---\ntitle: a\nstatus: draft\ntitle: b\n---\n');
    assert.ok(fm.error);
    assert.match(fm.error.message, /duplicated mapping key/);
    assert.equal(fm.error.range.start.line, 3);
  });

  it('reports an unterminated flow list inside the block', () => {
    const fm = parseFrontmatter('---\ntitle: a\ntags: [a, b\n---\nbody');
    assert.ok(fm.error);
    assert.match(fm.error.message, /unexpected end of the stream within a flow collection/);
    assert.ok(fm.error.range.start.line >= 2 && fm.error.range.start.line <= 3);
  });

  it('rejects YAML that is not a mapping', () => {
    for (const text of ['---\n- a\n- b\n---\n', '---\njust a sentence\n---\n', '---\n42\n---\n']) {
      const fm = parseFrontmatter(text);
      assert.equal(fm.error?.message, MSG_NOT_MAPPING, text);
      assert.equal(fm.error?.range.start.line, 1);
      assert.equal(fm.data, undefined);
    }
  });

  it('reports a block without its closing fence', () => {
    const fm = parseFrontmatter('---\ntitle: x\n\n# Body without a closing fence\n');
    assert.equal(fm.error?.message, MSG_NOT_CLOSED);
    assert.equal(fm.error?.message, "frontmatter block is not closed (missing '---')");
    assert.deepEqual(fm.error?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.equal(fm.data, undefined);
  });

  it('reads a TOML `+++` block at the very top as a frontmatter block in another language', () => {
    const text = '+++\ntitle = "x"\nsee = "[a](missing.md)"\n+++\n# Hi\n';
    const fm = parseFrontmatter(text);
    assert.deepEqual(fm.block, { start: 0, end: text.indexOf('# Hi'), contentStart: 4, contentEnd: text.indexOf('+++', 4), language: 'toml', closed: true });
    assert.equal(fm.error?.message, 'frontmatter language "toml" is not supported (only YAML)');
    assert.deepEqual(fm.error?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.equal(fm.data, undefined);
    // CRLF, blanks after the fences, and an unclosed block (it runs to the end, like an unclosed `---`)
    assert.equal(parseFrontmatter(crlf('+++  \ntitle = "x"\n+++\t\n# Hi\n')).block?.closed, true);
    const unclosed = '+++\ntitle = "x"\n# Hi\n';
    const open = parseFrontmatter(unclosed);
    assert.deepEqual([open.block?.language, open.block?.closed, open.block?.end], ['toml', false, unclosed.length]);
    // `---` does not close a `+++` block, nor `+++` a `---` one
    assert.equal(parseFrontmatter('+++\na = 1\n---\n').block?.closed, false);
    assert.equal(parseFrontmatter('---\na: 1\n+++\n').block?.closed, false);
    // not at the very top, or not a bare fence: no block
    for (const t of ['\n+++\na = 1\n+++\n', '++++\na = 1\n++++\n', '+++ toml\na = 1\n+++\n', '+++a\n']) {
      assert.equal(parseFrontmatter(t).block, undefined, JSON.stringify(t));
    }
  });

  it('never evaluates other frontmatter languages', () => {
    const g = globalThis as Record<string, unknown>;
    delete g.__fmPwned;
    const payloads = [
      ['js', '---js\n{ title: (globalThis.__fmPwned = "js") }\n---\n'],
      ['javascript', '---javascript\n(function () { globalThis.__fmPwned = "javascript"; return {}; })()\n---\n'],
      ['coffee', '---coffee\nglobalThis.__fmPwned = "coffee"\n---\n'],
      ['json', '---json\n{ "title": "x" }\n---\n'],
      ['js', '--- js\nglobalThis.__fmPwned = "spaced"\n---\n'],
    ];
    for (const [lang, text] of payloads) {
      const fm = parseFrontmatter(text);
      assert.equal(fm.error?.message, `frontmatter language "${lang}" is not supported (only YAML)`);
      assert.equal(fm.data, undefined);
      assert.equal(fm.error?.range.start.line, 0);
    }
    assert.equal(g.__fmPwned, undefined);
  });

  it('keeps __proto__, constructor and prototype keys as plain data without polluting anything', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const text = [
      '---',
      '__proto__:',
      '  polluted: yes',
      'constructor:',
      '  prototype:',
      '    polluted: 2',
      'prototype: { polluted: 3 }',
      'nested:',
      '  __proto__: { polluted: 4 }',
      'list: [{ __proto__: { polluted: 5 } }]',
      '---',
    ].join('\n');
    const fm = parseFrontmatter(text);
    assert.equal(fm.error, undefined);
    const data = fm.data as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(data), null);
    assert.ok(Object.prototype.hasOwnProperty.call(data, '__proto__'));
    const proto = Object.getOwnPropertyDescriptor(data, '__proto__')?.value as Record<string, unknown>;
    assert.equal(proto.polluted, 'yes');
    assert.equal(Object.getPrototypeOf(proto), null);
    const nested = data.nested as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(nested), null);
    assert.ok(Object.prototype.hasOwnProperty.call(nested, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), protoKeys);
    assert.deepEqual(Object.keys(fm.fieldRanges), ['__proto__', 'constructor', 'prototype', 'nested', 'list']);
  });

  it('stops an alias bomb quickly with a clear error', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1];
      levels.push(`${names[i]}: &${names[i]} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const started = Date.now();
    const fm = parseFrontmatter(`---\n${levels.join('\n')}\n---\n`);
    const elapsed = Date.now() - started;
    assert.equal(fm.error?.message, MSG_TOO_LARGE);
    assert.equal(fm.data, undefined);
    assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  });

  it('reads a merge key (`<<: *defaults`) as YAML does: its fields are the note\'s, the note\'s own win', () => {
    const fm = parseFrontmatter('---\ndefaults: &d\n  status: active\n  domain: backend\n<<: *d\ndomain: infra\ntitle: A\n---\n# A\n');
    assert.equal(fm.error, undefined);
    assert.deepEqual({ ...fm.data, defaults: undefined }, { defaults: undefined, status: 'active', domain: 'infra', title: 'A' });
    assert.equal('<<' in (fm.data ?? {}), false);
    // a list of mappings merges too, the first one's fields first
    const list = parseFrontmatter('---\na: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n---\n');
    assert.deepEqual({ ...(list.data?.c as object) }, { x: 1, y: 2 });
  });

  it('refuses, quickly, merges that would take long (many merges of a mapping of many keys)', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `  k${i}: v`).join('\n');
    const merges = Array.from({ length: 2000 }, (_, i) => `m${i}:\n  <<: *big`).join('\n');
    const started = Date.now();
    const fm = parseFrontmatter(`---\nbig: &big\n${keys}\n${merges}\n---\n`);
    const elapsed = Date.now() - started;
    // js-yaml's own bound on the keys merges copy, given as its message at the place
    assert.match(fm.error?.message ?? '', /^frontmatter is not valid YAML: merge keys exceeded/);
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
  });

  it('does not loop on a self-referencing alias', () => {
    const fm = parseFrontmatter('---\na: &x\n  b: *x\n---\n');
    assert.ok(fm.error?.message === MSG_TOO_LARGE || fm.error?.message === MSG_TOO_DEEP, fm.error?.message);
  });

  it('copies a small shared alias like ordinary data', () => {
    const fm = parseFrontmatter('---\nbase: &b [x, y]\ntags: *b\n---\n');
    assert.equal(fm.error, undefined);
    assert.deepEqual([...(fm.data?.tags as string[])], ['x', 'y']);
    assert.notEqual(fm.data?.tags, fm.data?.base);
  });

  it('survives bracket storms and deep nesting without crashing', () => {
    const storm = parseFrontmatter(`---\ntitle: x\ndeep: ${'['.repeat(300_000)}\n---\n`);
    assert.ok(storm.error);
    const quoted = parseFrontmatter(`---\ntitle: "${'[]('.repeat(100_000)}"\n---\n`);
    assert.equal(quoted.error, undefined);
    assert.equal((quoted.data?.title as string).length, 300_000);
  });

  it('parses a 1 MB frontmatter block', () => {
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) rows.push(`field_${i}: value number ${i} ${'x'.repeat(30)}`);
    const text = `---\n${rows.join('\n')}\n---\nbody\n`;
    assert.ok(text.length > 1_000_000);
    const started = Date.now();
    const fm = parseFrontmatter(text);
    const elapsed = Date.now() - started;
    assert.equal(fm.error, undefined);
    assert.equal(Object.keys(fm.data ?? {}).length, 20_000);
    assert.equal(fm.fieldRanges.field_19999.start.line, 20_000);
    assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  });

  it('keeps no per-string cache: memory stays flat over many distinct notes', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 2_000; i++) parseFrontmatter(`---\ntitle: warm ${i}\n---\n`);
    gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20_000; i++) parseFrontmatter(`---\ntitle: note ${i} ${'x'.repeat(200)}\nstatus: draft\n---\n# Note ${i}\n`);
    gc?.();
    // 20k distinct 250-byte strings kept alive would be > 5 MB
    assert.ok(process.memoryUsage().heapUsed - before < 4 * 1024 * 1024);
  });

  it('uses the LineIndex it is given', () => {
    const text = '---\ntitle: x\n---\n';
    const fm = parseFrontmatter(text, new LineIndex(text));
    assert.equal(fm.data?.title, 'x');
  });
});
