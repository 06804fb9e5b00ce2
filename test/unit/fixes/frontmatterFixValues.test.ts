import { strict as assert } from 'node:assert';
import { defaultConfig, isUnlisted } from '../../../src/core/config';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import type { Diagnostic, Fix } from '../../../src/core/model';
import { all, FM, indexOf } from '../index/memoryWorkspace';

/**
 * Values the frontmatter fixes write must not raise a new problem: a date that contradicts the other one, a list
 * turned into a scalar, an empty required field applied by "fix all". And values YAML reads as numbers or
 * booleans match allowed values written as text, or written in the note exactly as one (`1.0` for "1.0").
 */

const TODAY = '2026-03-01';
const NOTE = (fields: string) => `---\n${fields}\n---\n# Note\n\nBody.\n`;

async function fixAndRecheck(files: Record<string, string>, file: string, pick: (d: Diagnostic) => boolean, config = defaultConfig()) {
  const index = await indexOf(files, config);
  const d = index.diagnostics(file).find(pick);
  assert.ok(d, `expected a diagnostic in ${file}: ${JSON.stringify(index.diagnostics(file).map(x => x.message))}`);
  const fixes = fixesFor(index, d, files[file], TODAY, f => files[f]);
  return { d, fixes, apply: async (i: number) => {
    const out = applyTextEdits(files[file], fixes[i].edits[0].edits);
    const after = await indexOf({ ...files, [file]: out }, config);
    return { out, diagnostics: after.diagnostics(file).map(x => x.message) };
  } };
}

describe('frontmatter fix values', () => {
  it('"Add created" writes a date no later than the note\'s updated', async () => {
    const files = { 'a.md': NOTE('title: A\nnote_type: chapter\ndomain: backend\ntags: [a]\nupdated: 2026-01-02\nstatus: active') };
    const { fixes, apply } = await fixAndRecheck(files, 'a.md', d => d.message.includes('created'));
    assert.equal(fixes[0].safe, true);
    const { out, diagnostics } = await apply(0);
    assert.match(out, /created: 2026-01-02/);
    assert.deepEqual(diagnostics, []);
  });

  it('setting a date that is wrong writes today, but never an updated before created nor a created after updated', async () => {
    const fields = (created: string, updated: string) => NOTE(`title: A\nnote_type: chapter\ndomain: backend\ntags: [a]\ncreated: ${created}\nupdated: ${updated}\nstatus: active`);
    const cases: [created: string, updated: string, field: string, title: string, written: string][] = [
      // created after today: updated takes created's date (the safe fix "fix all" applies)
      ['2026-04-01', '2026-02-01', 'updated', 'Set "updated" to "2026-04-01"', 'updated: 2026-04-01'],
      ['2026-04-01', '2026-13-01', 'updated', 'Set "updated" to "2026-04-01"', 'updated: 2026-04-01'],
      // updated before today: created takes updated's date
      ['2026-02-30', '2026-01-02', 'created', 'Set "created" to "2026-01-02"', 'created: 2026-01-02'],
      // the other date is no date: today, as before
      ['2026-13-01', '2026-02-30', 'updated', `Set "updated" to today (${TODAY})`, `updated: ${TODAY}`],
    ];
    for (const [created, updated, field, title, written] of cases) {
      const files = { 'a.md': fields(created, updated) };
      const { fixes, apply } = await fixAndRecheck(files, 'a.md', d => d.code === 'frontmatter-field-invalid' && d.data?.field === field);
      assert.equal(fixes[0].title, title, `${created} ${updated}`);
      const { out, diagnostics } = await apply(0);
      assert.match(out, new RegExp(`^${written}$`, 'm'));
      assert.deepEqual(diagnostics.filter(m => !m.startsWith(field === 'updated' ? 'created' : 'updated')), [], `${created} ${updated}`);
    }
  });

  it('an allowed-value fix on a list replaces the one item (or drops it) and keeps a list', async () => {
    const config = { ...defaultConfig(), allowedValues: { ...defaultConfig().allowedValues, tags: ['alpha', 'beta'] } };
    const files = { 'a.md': FM('A').replace('tags: [a]', 'tags: [beta, alpah]') + '# A\n' };
    const { fixes, apply } = await fixAndRecheck(files, 'a.md', d => d.code === 'frontmatter-field-invalid', config);
    assert.deepEqual(fixes.map(f => [f.title, f.preferred]), [
      ['Replace "alpah" in "tags" with "alpha"', true], ['Replace "alpah" in "tags" with "beta"', false], ['Remove "alpah" from "tags"', false],
    ]);
    const first = await apply(0);
    assert.match(first.out, /^tags: \[beta, alpha\]$/m);
    assert.deepEqual(first.diagnostics, []);
    assert.match((await apply(1)).out, /^tags: \[beta\]$/m, 'a duplicate is not written twice');
    assert.match((await apply(2)).out, /^tags: \[beta\]$/m);
  });

  it('"fix all" never writes an empty required value: a domain comes from the series, the folder or the workspace', async () => {
    const bare = '# Lone note\n';
    // no note says a domain: the fix is offered with an empty one, and is not safe
    const alone = await fixAndRecheck({ 'x/a.md': bare }, 'x/a.md', d => d.code === 'frontmatter-missing');
    assert.equal(alone.fixes[0].safe, false);
    // other notes say one: the one most notes of the folder use, else of the workspace
    const files = {
      'x/a.md': bare,
      'x/b.md': FM('B').replace('domain: backend', 'domain: infra') + '# B\n',
      'y/c.md': FM('C') + '# C\n', 'y/d.md': FM('D') + '# D\n',
    };
    const withDomain = await fixAndRecheck(files, 'x/a.md', d => d.code === 'frontmatter-missing');
    assert.equal(withDomain.fixes[0].safe, true);
    const { out } = await withDomain.apply(0);
    assert.match(out, /^domain: infra$/m);
    const missing = { 'z/e.md': FM('E').replace('domain: backend\n', '') + '# E\n', 'y/c.md': FM('C') + '# C\n' };
    const add = await fixAndRecheck(missing, 'z/e.md', d => d.code === 'frontmatter-field-missing');
    assert.equal(add.fixes[0].safe, true);
    assert.match((await add.apply(0)).out, /^domain: backend$/m);
    // a custom required field has no default: offered, not safe
    const custom = await fixAndRecheck({ 'a.md': FM('A') + '# A\n' }, 'a.md', d => d.code === 'frontmatter-field-missing',
      { ...defaultConfig(), requiredFields: [...defaultConfig().requiredFields, 'owner'] });
    assert.equal(custom.fixes[0].safe, false);
  });

  it('a block below blank lines is moved back to the top; "fix all" inserts no second block above it', async () => {
    const other = { 'o.md': FM('O') + '# O\n' };
    const flags = (fixes: Fix[]) => fixes.map(f => [f.title, f.preferred === true, f.safe]);
    for (const text of ['\n---\ntitle: X\nnote_type: chapter\n---\n# B\n', ' \r\n\t\r\n---\r\ntitle: X\r\nnote_type: chapter\r\n---\r\n# B\r\n']) {
      const { fixes, apply } = await fixAndRecheck({ ...other, 'a.md': text }, 'a.md', d => d.code === 'frontmatter-missing');
      assert.deepEqual(flags(fixes), [['Move frontmatter to the top', true, true], ['Insert frontmatter', false, false]], JSON.stringify(text));
      const { out, diagnostics } = await apply(0);
      assert.equal(out, text.replace(/^[ \t\r\n]+/, ''));
      assert.ok(diagnostics.length > 0 && diagnostics.every(m => /^required field/.test(m)), diagnostics.join(' | '));
    }
    // `---` lines around prose are a thematic break and a setext heading's underline, no frontmatter: moving them to
    // the top would make the prose an invalid block, so the note gets a block of its own
    for (const text of ['\n---\njust text\n---\n# B\n', '\n---\n\nIntro paragraph.\n\n---\n\n# Title\n']) {
      const prose = await fixAndRecheck({ ...other, 'a.md': text }, 'a.md', d => d.code === 'frontmatter-missing');
      assert.deepEqual(flags(prose.fixes), [['Insert frontmatter', true, true]], JSON.stringify(text));
    }
    // blank lines and no block: the block is inserted
    const none = await fixAndRecheck({ ...other, 'a.md': '\n\n# B\n\n---\n' }, 'a.md', d => d.code === 'frontmatter-missing');
    assert.deepEqual(flags(none.fixes), [['Insert frontmatter', true, true]]);
  });

  it('numbers and booleans match allowed values written as text', async () => {
    const config = { ...defaultConfig(), allowedValues: { ...defaultConfig().allowedValues, priority: ['1', '2'], draft: ['true', 'false'] } };
    const ok = await indexOf({ 'a.md': FM('A', 'priority: 1\ndraft: true\n') + '# A\n' }, config);
    assert.deepEqual(all(ok), []);
    const bad = await indexOf({ 'a.md': FM('A', 'priority: 3\n') + '# A\n' }, config);
    assert.deepEqual(all(bad).map(d => d.message), ['priority 3 is not one of 1, 2']);
  });

  it('a number written exactly as an allowed value is that value (`version: 1.0` is "1.0", though YAML reads 1)', async () => {
    const config = { ...defaultConfig(), allowedValues: { ...defaultConfig().allowedValues, version: ['1.0', '2.0'], flag: ['True'] } };
    const ok = await indexOf({
      // YAML reads `True` as the boolean true, which is "true", not the allowed "True", but for how it is written
      'a.md': FM('A', 'version: 1.0   # comment\nflag: True\n') + '# A\n',
      'b.md': `---\n{title: B, note_type: chapter, domain: backend, tags: [a], created: 2026-01-01, updated: 2026-01-02, status: active, version: 2.0}\n---\n# B\n`,
      'c.md': FM('C', 'version: &v 1.0\n') + '# C\n',
    }, config);
    assert.deepEqual(all(ok).map(d => d.message), []);
    // written otherwise, it is still the number it reads as: `1.00` is 1, neither "1.0" nor "2.0" (the message shows it as written)
    const bad = await indexOf({ 'a.md': FM('A', 'version: 1.00\n') + '# A\n', 'b.md': FM('B', 'version: 3.0\n') + '# B\n' }, config);
    assert.deepEqual(all(bad).map(d => d.message).sort(), ['version 1.00 is not one of 1.0, 2.0', 'version 3.0 is not one of 1.0, 2.0']);
    // a text field too: `status: 1.0` is the allowed "1.0", not a number where text belongs
    const status = { ...defaultConfig(), allowedValues: { ...defaultConfig().allowedValues, status: ['1.0', 'draft'] } };
    assert.deepEqual(all(await indexOf({ 'a.md': FM('A').replace('status: active', 'status: 1.0') + '# A\n' }, status)), []);
    assert.deepEqual(all(await indexOf({ 'a.md': FM('A').replace('status: active', 'status: 1') + '# A\n' }, status)).map(d => d.message),
      ['status must be text, got 1']);
  });

  it('list items written exactly as allowed values are allowed, and a fix of another item keeps them as written', async () => {
    const config = { ...defaultConfig(), allowedValues: { ...defaultConfig().allowedValues, versions: ['1.0', '2.0'], tags: ['1.0', 'beta'] } };
    const files = { 'a.md': FM('A', 'versions: [1.0, 2.x]\n').replace('tags: [a]', 'tags:\n  - 1.0\n  - beat') + '# A\n' };
    const index = await indexOf(files, config);
    assert.deepEqual(all(index).map(d => d.message).sort(), ['tags "beat" is not one of 1.0, beta', 'versions "2.x" is not one of 1.0, 2.0']);
    for (const d of all(index)) {
      const fixes = fixesFor(index, d, files['a.md'], TODAY);
      assert.ok(fixes.length > 0, d.message);
      for (const f of fixes) {
        const out = applyTextEdits(files['a.md'], f.edits[0].edits);
        assert.match(out, /^versions: \[1\.0[,\]]/m, f.title);
        assert.match(out, /^ {2}- 1\.0$/m, f.title);
      }
      const out = applyTextEdits(files['a.md'], fixes[0].edits[0].edits);
      // the fix solves its problem and raises none: only the other one is left
      assert.deepEqual(all(await indexOf({ 'a.md': out }, config)).map(x => x.message), all(index).filter(x => x !== d).map(x => x.message), out);
    }
    const [tagsFix] = fixesFor(index, all(index).find(d => d.message.startsWith('tags'))!, files['a.md'], TODAY);
    assert.equal(tagsFix.title, 'Replace "beat" in "tags" with "beta"');
    assert.equal(applyTextEdits(files['a.md'], tagsFix.edits[0].edits), files['a.md'].replace('- beat', '- beta'));
    // a number item that is not allowed has its fixes too, and they keep the list a list
    const numbers = { 'a.md': FM('A', 'versions: [1.0, 3]\n').replace('tags: [a]', 'tags: [beta]') + '# A\n' };
    const n = await indexOf(numbers, config);
    const [d] = all(n);
    assert.equal(d.message, 'versions 3 is not one of 1.0, 2.0');
    const titles = fixesFor(n, d, numbers['a.md'], TODAY).map(f => [f.title, applyTextEdits(numbers['a.md'], f.edits[0].edits).match(/^versions: .*$/m)?.[0]]);
    assert.deepEqual(titles, [
      ['Replace "3" in "versions" with "1.0"', 'versions: [1.0]'], ['Replace "3" in "versions" with "2.0"', 'versions: [1.0, "2.0"]'],
      ['Remove "3" from "versions"', 'versions: [1.0]'],
    ]);
  });
});

describe('fixes for fields named like Object members', () => {
  it('a field named constructor has no allowed values to offer, and no fix throws', async () => {
    // a required field left empty is field-invalid ("is empty"): its fix looks for allowed values
    const files = { 'a.md': FM('A', 'constructor:\n') + '# A\n' };
    const config = { ...defaultConfig(), requiredFields: [...defaultConfig().requiredFields, 'constructor', 'toString'] };
    const index = await indexOf(files, config);
    assert.deepEqual(all(index).map(d => d.message).sort(), ['constructor is empty', 'required field "toString" is missing']);
    for (const d of all(index)) assert.doesNotThrow(() => fixesFor(index, d, files['a.md'], TODAY, f => (files as Record<string, string>)[f]));
  });
});

describe('paths the editor hides (files.exclude)', () => {
  it('nothing is known about a path that matches, or lies in a folder that matches', () => {
    const config = { ...defaultConfig(), unlistedGlobs: ['**/assets', '**/*.tmp'] };
    assert.equal(isUnlisted(config, 'assets/d.png'), true);
    assert.equal(isUnlisted(config, 'notes/assets/sub/b.md'), true);
    assert.equal(isUnlisted(config, 'notes/x.tmp'), true);
    assert.equal(isUnlisted(config, 'notes/assetsx/b.md'), false);
    assert.equal(isUnlisted(defaultConfig(), 'assets/d.png'), false);
  });

  it('links to hidden files are not broken, as in the CLI, which lists them', async () => {
    const files = { 'a.md': FM('A') + '# A\n\n[d](assets/d.png) [b](assets/b.md) [gone](gone.md)\n' };
    const hidden = await indexOf(files, { ...defaultConfig(), unlistedGlobs: ['**/assets'] });
    assert.deepEqual(all(hidden).map(d => [d.code, d.message]), [['link-broken', 'link target "gone.md" does not exist (gone.md)']]);
  });
});

