import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { addFieldFix, setFieldFix, setListItemFix, type FieldValue } from '../../../src/core/fixes/frontmatter';
import { fixesFor } from '../../../src/core/fixes/index';
import { parseFrontmatter } from '../../../src/core/frontmatter/parse';
import type { FrontmatterValue } from '../../../src/core/model';
import { mergeFixEdits } from '../../../src/extension/features/mergeFixEdits';
import { indexOf } from '../index/memoryWorkspace';

/**
 * Frontmatter written as a YAML flow mapping (`{title: X, domain: backend}`) takes its fixes as flow entries: a
 * `key: value` line after it would make the YAML invalid. Every frontmatter fix edit is checked the same way: the
 * edited text is parsed again with the project's own parser, and must hold the field's new value, every other field
 * unchanged, and the text after the block as it was; where no such edit can be made, no fix is offered.
 */

const TODAY = '2026-03-01';
const BODY = '# X\n\nBody.\n';

/** The data the text parses to after the edits (a failure when they break the YAML). */
function after(text: string, edits: ReturnType<typeof addFieldFix>): Record<string, FrontmatterValue> {
  assert.ok(edits.length > 0, `an edit for ${JSON.stringify(text)}`);
  const out = applyTextEdits(text, edits);
  const fm = parseFrontmatter(out);
  assert.equal(fm.error, undefined, `${JSON.stringify(out)}: ${fm.error?.message}`);
  assert.ok(out.endsWith(BODY), 'the body is kept');
  return { ...fm.data };
}

const add = (text: string, field: string, value?: FieldValue) => after(text, addFieldFix(text, parseFrontmatter(text), field, value, TODAY));
const set = (text: string, field: string, value?: FieldValue) => after(text, setFieldFix(text, parseFrontmatter(text), field, value, TODAY));

describe('frontmatter fixes on a flow mapping', () => {
  const oneLine = `---\n{title: X, domain: backend}\n---\n${BODY}`;
  const spread = `---\n{title: X,\n  domain: backend}\n---\n${BODY}`;
  const openClose = `---\n# about\n{\n  title: "X, y", # the title\n  domain: backend\n}  # done\n---\n${BODY}`;

  it('adds a missing field as an entry of the mapping, on one line or several', () => {
    for (const text of [oneLine, spread]) {
      assert.deepEqual(add(text, 'status'), { title: 'X', domain: 'backend', status: 'draft' }, text);
      assert.deepEqual(add(text, 'tags'), { title: 'X', domain: 'backend', tags: [] }, text);
      assert.deepEqual(add(text, 'created'), { title: 'X', domain: 'backend', created: TODAY }, text);
      // a value that would end a flow entry is quoted
      assert.deepEqual(add(text, 'source', 'a, b: {c}'), { title: 'X', domain: 'backend', source: 'a, b: {c}' }, text);
    }
    assert.equal(applyTextEdits(oneLine, addFieldFix(oneLine, parseFrontmatter(oneLine), 'status', 'draft')),
      `---\n{title: X, domain: backend, status: draft}\n---\n${BODY}`);
    assert.deepEqual(add(openClose, 'status', 'review'), { title: 'X, y', domain: 'backend', status: 'review' });
    assert.match(applyTextEdits(openClose, addFieldFix(openClose, parseFrontmatter(openClose), 'status', 'review')), /# the title\n.*# done\n/s);
  });

  it('adds to an empty mapping and after a trailing comma', () => {
    assert.deepEqual(add(`---\n{}\n---\n${BODY}`, 'status'), { status: 'draft' });
    assert.deepEqual(add(`---\n{ }\n---\n${BODY}`, 'title', 'T'), { title: 'T' });
    assert.deepEqual(add(`---\n{title: X, }\n---\n${BODY}`, 'status'), { title: 'X', status: 'draft' });
    assert.deepEqual(add(`---\n{}\n---\n${BODY}`, 'domain', null), { domain: null });
  });

  it('rewrites only the one value in place, keeping the others as written', () => {
    const text = `---\n{created: 2026-01-02, updated: 2026-01-01, status: drafty, tags: [a, b]}\n---\n${BODY}`;
    assert.deepEqual(set(text, 'updated', TODAY), { created: '2026-01-02', updated: TODAY, status: 'drafty', tags: ['a', 'b'] });
    assert.equal(applyTextEdits(text, setFieldFix(text, parseFrontmatter(text), 'status', 'draft')), text.replace('drafty', 'draft'));
    assert.deepEqual(set(text, 'tags', ['x', 'y, z']), { created: '2026-01-02', updated: '2026-01-01', status: 'drafty', tags: ['x', 'y, z'] });
    assert.deepEqual(set(`---\n{status:, title: X}\n---\n${BODY}`, 'status', 'draft'), { status: 'draft', title: 'X' });
    assert.deepEqual(set(`---\n{status, title: X}\n---\n${BODY}`, 'status', 'draft'), { status: 'draft', title: 'X' });
    assert.deepEqual(set(`---\n{"status": drafty, title: X}\n---\n${BODY}`, 'status', 'draft'), { status: 'draft', title: 'X' });
    // an anchor stays on the value, so its alias follows it
    assert.deepEqual(set(`---\n{status: &s drafty, was: *s}\n---\n${BODY}`, 'status', 'draft'), { status: 'draft', was: 'draft' });
  });

  it('replaces or drops one item of a list in place', () => {
    const text = `---\n{tags: [a, 1.0, b], title: X}\n---\n${BODY}`;
    const fm = parseFrontmatter(text);
    assert.equal(applyTextEdits(text, setListItemFix(text, fm, 'tags', 'b', 'c, d')), text.replace('b]', '"c, d"]'));
    assert.deepEqual(after(text, setListItemFix(text, fm, 'tags', 'a')), { tags: [1, 'b'], title: 'X' });
    assert.equal(applyTextEdits(text, setListItemFix(text, fm, 'tags', 'b')), text.replace(', b]', ']'));
  });

  it('offers the add-field and set fixes through fixesFor, each one leaving a valid mapping', async () => {
    const files = { 'a.md': `---\n{title: X, note_type: chapter, domain: backend, tags: [a],\n  created: 2026-01-02, updated: 2026-01-01}\n---\n${BODY}` };
    const index = await indexOf(files);
    const ds = index.diagnostics('a.md');
    assert.deepEqual(ds.map(d => d.message).sort(), ['required field "status" is missing', 'updated "2026-01-01" is before created "2026-01-02"']);
    for (const d of ds) {
      const fixes = fixesFor(index, d, files['a.md'], TODAY);
      assert.equal(fixes.length, 1, d.message);
      const out = applyTextEdits(files['a.md'], fixes[0].edits[0].edits);
      const again = await indexOf({ 'a.md': out });
      assert.deepEqual(again.diagnostics('a.md').filter(x => x.code === 'frontmatter-invalid'), [], out);
      assert.equal(parseFrontmatter(out).data?.title, 'X');
    }
    const missing = ds.find(d => d.code === 'frontmatter-field-missing')!;
    const fixed = applyTextEdits(files['a.md'], fixesFor(index, missing, files['a.md'], TODAY)[0].edits[0].edits);
    assert.match(fixed, /updated: 2026-01-01, status: draft\}\n/);
  });
});

describe('Fix All on a flow-mapping frontmatter (every safe fix, merged into one edit)', () => {
  /** The note after every safe fix of its diagnostics (the preferred one of each), merged as Fix All merges them. */
  async function fixAll(text: string): Promise<{ fixed: string; applied: number; left: string[] }> {
    const files: Record<string, string> = { 'other.md': `---\ntitle: O\ndomain: backend\n---\n${BODY}`, 'n.md': text };
    const index = await indexOf(files);
    const chosen = index.diagnostics('n.md').flatMap(d => {
      const safe = fixesFor(index, d, text, TODAY, f => files[f]).filter(f => f.safe);
      return safe.length > 0 ? [safe.find(f => f.preferred) ?? safe[0]] : [];
    });
    const merged = mergeFixEdits(chosen);
    const fixed = applyTextEdits(text, merged.edits.find(e => e.file === 'n.md')?.edits ?? []);
    const left = (await indexOf({ ...files, 'n.md': fixed })).diagnostics('n.md').map(d => `${d.code}: ${d.message}`);
    return { fixed, applied: merged.applied, left };
  }

  it('writes each entry it adds with a comma of its own, and a value for a key without one from the key on', async () => {
    assert.equal((await fixAll(`---\n{}\n---\n${BODY}`)).fixed,
      `---\n{ title: X, note_type: chapter, domain: backend, tags: [], created: ${TODAY}, updated: ${TODAY}, status: draft,}\n---\n${BODY}`);
    assert.equal((await fixAll(`---\n{title: X,\n}\n---\n${BODY}`)).fixed,
      `---\n{title: X, note_type: chapter, domain: backend, tags: [], created: ${TODAY}, updated: ${TODAY}, status: draft,\n}\n---\n${BODY}`);
    assert.equal((await fixAll(`---\n{title: X, updated}\n---\n${BODY}`)).fixed,
      `---\n{title: X, updated: ${TODAY}, note_type: chapter, domain: backend, tags: [], created: ${TODAY}, status: draft}\n---\n${BODY}`);
  });

  const full = 'title: X, note_type: chapter, domain: backend, tags: [], created: 2026-01-01, updated: 2026-01-02';
  for (const [name, text] of [
    ['empty', `---\n{}\n---\n${BODY}`],
    ['empty, with blanks', `---\n{ }\n---\n${BODY}`],
    ['empty, on two lines', `---\n{\n}\n---\n${BODY}`],
    ['one entry', `---\n{title: X}\n---\n${BODY}`],
    ['a trailing comma', `---\n{title: X, }\n---\n${BODY}`],
    ['a trailing comma, the closing brace on its own line', `---\n{title: X,\n}\n---\n${BODY}`],
    ['over several lines, with comments', `---\n# about\n{\n  title: X, # the title\n  domain: backend\n}  # done\n---\n${BODY}`],
    ['over several lines, a trailing comma and a comment', `---\n{\n  title: X,\n  domain: backend, # d\n}\n---\n${BODY}`],
    ['a key without a value last', `---\n{title: X, updated}\n---\n${BODY}`],
    ['a key with an empty value last', `---\n{title: X, updated:}\n---\n${BODY}`],
    ['only a bad date', `---\n{${full.replace('2026-01-02', 'soon')}, status: draft}\n---\n${BODY}`],
    ['a block mapping', `---\ntitle: X\n---\n${BODY}`],
    ['an empty block', `---\n---\n${BODY}`],
  ] as const) {
    it(`${name}: leaves valid frontmatter with every field it was missing`, async () => {
      const r = await fixAll(text);
      assert.ok(r.applied > 0, 'safe fixes to apply');
      assert.deepEqual(r.left, [], `Fix All produced ${JSON.stringify(r.fixed)}`);
      assert.ok(r.fixed.endsWith(BODY), 'the body is kept');
    });
  }
});

describe('frontmatter fixes that cannot be made safely are not offered', () => {
  it('an indented block mapping gets no edit (a line at column 0 would break it)', async () => {
    const text = `---\n  title: X\n  note_type: chapter\n---\n${BODY}`;
    const fm = parseFrontmatter(text);
    assert.deepEqual({ ...fm.data }, { title: 'X', note_type: 'chapter' });
    assert.deepEqual(addFieldFix(text, fm, 'status', 'draft'), []);
    assert.deepEqual(setFieldFix(text, fm, 'title', 'Y'), []);
    const index = await indexOf({ 'a.md': text });
    const missing = index.diagnostics('a.md').filter(d => d.code === 'frontmatter-field-missing');
    assert.ok(missing.length > 0);
    for (const d of missing) assert.deepEqual(fixesFor(index, d, text, TODAY), [], d.message);
  });

  it('a field whose key is written in a way the fix does not read is not added twice', () => {
    // `? status` is an explicit key: adding a `status:` line would repeat the key, which YAML refuses
    const text = `---\n? status\n: drafty\ntitle: X\n---\n${BODY}`;
    assert.deepEqual({ ...parseFrontmatter(text).data }, { status: 'drafty', title: 'X' });
    assert.deepEqual(setFieldFix(text, parseFrontmatter(text), 'status', 'draft'), []);
  });

  it('a block list item is replaced on its line, the other items kept as written', () => {
    const text = `---\ntags:\n  - 1.0\n  - alpah # typo\n  - beta\n---\n${BODY}`;
    const fm = parseFrontmatter(text);
    assert.equal(applyTextEdits(text, setListItemFix(text, fm, 'tags', 'alpah', 'alpha')), text.replace('alpah', 'alpha'));
    assert.equal(applyTextEdits(text, setListItemFix(text, fm, 'tags', 'alpah')), text.replace('  - alpah # typo\n', ''));
    assert.equal(applyTextEdits(text, setListItemFix(text, fm, 'tags', 'alpah', 'beta')), text.replace('  - alpah # typo\n', ''));
  });

  it('marks a problem of a flow-mapping field on its entry, not on the opening line', async () => {
    const index = await indexOf({ 'a.md': '---\n{title: A, note_type: chapter, domain: backend, tags: [a],\n created: 2026-01-01, updated: 2026-01-02, status: drafty}\n---\n# A\n' });
    const d = index.diagnostics('a.md').find(x => x.code === 'frontmatter-field-invalid');
    assert.ok(d, JSON.stringify(index.diagnostics('a.md')));
    assert.deepEqual(d.range, { start: { line: 2, character: 43 }, end: { line: 2, character: 57 } });
  });

  it('keeps working on the config defaults: a complete flow mapping has no problem', async () => {
    const text = `---\n{title: X, note_type: chapter, domain: backend, tags: [a], created: 2026-01-01, updated: 2026-01-02, status: active}\n---\n${BODY}`;
    assert.deepEqual((await indexOf({ 'a.md': text }, defaultConfig())).diagnostics('a.md'), []);
  });
});
