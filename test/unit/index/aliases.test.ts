import { strict as assert } from 'node:assert';
import { NameIndex } from '../../../src/core/index/nameIndex';
import { aliasesOf, sameAliases } from '../../../src/core/index/noteRecord';
import type { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import type { FrontmatterValue } from '../../../src/core/model';
import { codes, FM, indexOf } from './memoryWorkspace';

/** Frontmatter `aliases` (Obsidian's convention, read by Foam and others): the other names a wikilink may use. */

/** The note `[[name]]` written in `from` resolves to (undefined: none). */
function target(index: WorkspaceIndex, from: string, name: string): string | undefined {
  const r = index.resolve(from, { kind: 'wikilink', raw: name, path: name, external: false } as never);
  return r.kind === 'file' ? r.file : undefined;
}

const data = (d: Record<string, FrontmatterValue>) => Object.assign(Object.create(null), d) as Record<string, FrontmatterValue>;

describe('aliases: what a note answers to', () => {
  it('reads a list, a single string and the `alias` key, trimmed, without blanks or repeats', () => {
    assert.deepEqual(aliasesOf(data({ aliases: ['Kafka Basics', ' KB '] })), ['Kafka Basics', 'KB']);
    assert.deepEqual(aliasesOf(data({ aliases: 'Kafka Basics' })), ['Kafka Basics']);
    assert.deepEqual(aliasesOf(data({ alias: ['kb'] })), ['kb']);
    assert.deepEqual(aliasesOf(data({ aliases: ['A', 'a', ''], alias: 'B' })), ['A', 'B']);
    assert.equal(aliasesOf(data({ title: 'x' })), undefined);
    assert.equal(aliasesOf(undefined), undefined);
  });

  it('ignores what is no text: numbers, booleans, null, mappings, nested lists', () => {
    assert.deepEqual(aliasesOf(data({ aliases: [1, true, null, { a: 'b' }, ['nested'], 'ok'] })), ['ok']);
    assert.equal(aliasesOf(data({ aliases: { a: 'b' } })), undefined);
    assert.equal(aliasesOf(data({ aliases: 42 })), undefined);
    assert.equal(aliasesOf(data({ aliases: null, alias: [] })), undefined);
  });

  it('compares alias lists case-insensitively and in any order', () => {
    assert.ok(sameAliases(undefined, undefined));
    assert.ok(sameAliases(['A', 'b'], ['B', 'a']));
    assert.ok(!sameAliases(['A'], undefined));
    assert.ok(!sameAliases(['A'], ['A', 'B']));
    assert.ok(!sameAliases(['A'], ['C']));
  });
});

describe('aliases: the name index', () => {
  it('finds notes by alias case-insensitively, sorted, and forgets old and removed ones', () => {
    const names = new NameIndex();
    names.add('z/b.md', 'Bee', undefined);
    names.setAliases('z/b.md', ['Some Alias'], undefined);
    names.add('a.md', 'A', undefined);
    names.setAliases('a.md', ['some alias', 'Other'], undefined);
    assert.deepEqual(names.byAliasOf('some alias'), ['a.md', 'z/b.md']);
    assert.deepEqual(names.byAliasOf('other'), ['a.md']);
    assert.deepEqual(names.byTitleOf('some alias'), []);
    names.setAliases('a.md', ['Third'], ['some alias', 'Other']);
    assert.deepEqual(names.byAliasOf('some alias'), ['z/b.md']);
    assert.deepEqual(names.byAliasOf('other'), []);
    names.remove('z/b.md', 'Bee', ['Some Alias']);
    assert.deepEqual(names.byAliasOf('some alias'), []);
    assert.deepEqual(names.byAliasOf('third'), ['a.md']);
  });
});

describe('aliases: wikilink resolution', () => {
  it('resolves [[alias]], [[alias|text]] and [[alias#heading]] in any case, from a list, a string or `alias:`', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[[Some Alias]] [[some alias|text]] [[SOME ALIAS#Setup]] [[Single]] [[Old Key]]\n',
      'x/b.md': FM('Bee', 'aliases:\n  - Some Alias\n  - SA\n') + '## Setup\n',
      'y/c.md': FM('Sea', 'aliases: Single\n'),
      'y/d.md': FM('Dee', 'alias: [Old Key]\n'),
    });
    assert.deepEqual(codes(index, 'a.md'), []);
    assert.equal(target(index, 'a.md', 'Some Alias'), 'x/b.md');
    assert.equal(target(index, 'a.md', 'sa'), 'x/b.md');
    assert.equal(target(index, 'a.md', 'single'), 'y/c.md');
    assert.equal(target(index, 'a.md', 'old key'), 'y/d.md');
    assert.deepEqual(index.backlinks('x/b.md').map(b => b.link.raw), ['Some Alias', 'some alias', 'SOME ALIAS#Setup']);
  });

  it('checks a heading reached through an alias', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[[SA#Nope]]\n', 'b.md': FM('Bee', 'aliases: [SA]\n') + '## Setup\n' });
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken']);
  });

  it('comes after file names and titles, and picks the nearest of notes sharing an alias', async () => {
    const index = await indexOf({
      'x/a.md': FM('A') + 'x\n',
      'stem.md': FM('Stem'), 'titled.md': FM('Titled'),
      'p/one.md': FM('One', 'aliases: [stem, titled, shared]\n'),
      'x/two.md': FM('Two', 'aliases: [Shared]\n'),
      'q/r/three.md': FM('Three', 'aliases: [deep]\n'), 'q/four.md': FM('Four', 'aliases: [Deep]\n'),
    });
    assert.equal(target(index, 'x/a.md', 'stem'), 'stem.md');
    assert.equal(target(index, 'x/a.md', 'titled'), 'titled.md');
    assert.equal(target(index, 'x/a.md', 'shared'), 'x/two.md'); // same folder first
    assert.equal(target(index, 'x/a.md', 'deep'), 'q/four.md'); // then the shortest path
  });

  it('never crashes on invalid values, and a relative [[./name]] names a path, never an alias', async () => {
    const index = await indexOf({
      'x/a.md': FM('A') + '[[map]] [[42]] [[nested]] [[./rel]] [[fine]]\n',
      'b.md': FM('B', 'aliases: {map: x}\n'), 'c.md': FM('C', 'aliases: [42, [nested], fine]\n'), 'd.md': FM('D', 'aliases: [rel]\n'),
    });
    assert.deepEqual(codes(index, 'x/a.md'), ['wikilink-broken', 'wikilink-broken', 'wikilink-broken', 'wikilink-broken']);
    assert.equal(target(index, 'x/a.md', 'fine'), 'c.md');
  });
});

describe('aliases: incremental re-checks', () => {
  it('adding an alias to B clears the broken wikilink in A, removing it brings it back', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[[Other Name]]\n', 'b.md': FM('Bee') });
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    let changed = index.updateNote('b.md', FM('Bee', 'aliases: [other name]\n'));
    assert.ok(changed.includes('a.md'), changed.join());
    assert.deepEqual(codes(index, 'a.md'), []);
    assert.deepEqual(index.backlinks('b.md').map(b => b.from), ['a.md']);
    // renaming the alias: the old name stops answering
    changed = index.updateNote('b.md', FM('Bee', 'alias: Something Else\n'));
    assert.ok(changed.includes('a.md'), changed.join());
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    index.updateNote('b.md', FM('Bee', 'aliases: Other Name\n'));
    assert.deepEqual(codes(index, 'a.md'), []);
    changed = index.updateNote('b.md', FM('Bee'));
    assert.ok(changed.includes('a.md'), changed.join());
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
  });

  it('a note with an alias that comes, goes or becomes unreadable re-checks the notes naming it', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[[Other Name#Setup]]\n', 'c.md': FM('C') });
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    index.updateNote('b.md', FM('Bee', 'aliases: [Other Name]\n') + '## Setup\n');
    assert.deepEqual(codes(index, 'a.md'), []);
    index.updateNote('b.md', FM('Bee', 'aliases: [Other Name]\n') + '## Other\n');
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken']);
    index.setUnreadable('b.md', 'binary');
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    index.updateNote('b.md', FM('Bee', 'aliases: [Other Name]\n') + '## Setup\n');
    assert.deepEqual(codes(index, 'a.md'), []);
    index.removeFile('b.md');
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
  });
});

describe('aliases: the frontmatter rules', () => {
  it('take a string or a list of strings, and report anything else as frontmatter-field-invalid', async () => {
    const index = await indexOf({
      'ok1.md': FM('A', 'aliases: x\n'), 'ok2.md': FM('B', 'aliases: [x, y]\n'), 'ok3.md': FM('C', 'alias: x\n'), 'ok4.md': FM('D', 'aliases: []\n'),
      'bad1.md': FM('E', 'aliases: 42\n'), 'bad2.md': FM('F', 'aliases: {a: b}\n'), 'bad3.md': FM('G', 'alias: [x, [y]]\n'),
    });
    for (const f of ['ok1.md', 'ok2.md', 'ok3.md', 'ok4.md']) assert.deepEqual(codes(index, f), [], f);
    for (const f of ['bad1.md', 'bad2.md', 'bad3.md']) assert.deepEqual(codes(index, f), ['frontmatter-field-invalid'], f);
    assert.match(index.diagnostics('bad1.md')[0].message, /^aliases must be a string or a list of strings, got 42$/);
  });
});
