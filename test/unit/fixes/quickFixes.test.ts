import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import { continueInsertedNumbering, seeAlsoEdits } from '../../../src/core/fixes/seeAlso';
import { defaultConfig, parseConfigText, type NotesConfig } from '../../../src/core/config';
import type { Diagnostic, Fix, RuleCode } from '../../../src/core/model';
import { plannedNoteText } from '../../../src/extension/commands/noteTemplate';
import { mergeFixEdits } from '../../../src/extension/features/mergeFixEdits';
import { FM, indexOf } from '../index/memoryWorkspace';

/** The quick fixes other than frontmatter: what each one writes, and that applying it resolves its diagnostic. */

type Files = Record<string, string>;
const TODAY = '2026-11-22';

async function fixesOf(files: Files, code: RuleCode, file?: string, config?: NotesConfig): Promise<{ d: Diagnostic; fixes: Fix[] }[]> {
  const index = await indexOf(files, config);
  return [...index.allDiagnostics().values()].flat()
    .filter(d => d.code === code && (file === undefined || d.file === file))
    .map(d => ({ d, fixes: fixesFor(index, d, files[d.file], TODAY, f => files[f]) }));
}

/** The workspace after the fixes' edits, merged as "fix all" merges them. */
function applyAll(files: Files, fixes: Fix[]): Files {
  const out = { ...files };
  for (const fe of mergeFixEdits(fixes).edits) out[fe.file] = applyTextEdits(fe.create ? '' : files[fe.file], fe.edits);
  return out;
}

async function count(files: Files, code: RuleCode): Promise<number> {
  return [...(await indexOf(files)).allDiagnostics().values()].flat().filter(d => d.code === code).length;
}

const README = '# S\n\n## Chapters\n\n### Cat\n\n- [a](a.md) - 必讀 - 5 min\n- [b](b.md) - 必讀 - 5 min\n- [c](c.md) - 必讀 - 5 min\n';
const MATRIX = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n| A | t | `a.md` `b.md` `c.md` | Done |\n\n'
  + '## Cross-references\n\n- `a.md` <-> `b.md`\n- `a.md` <-> `c.md`\n';
const seeAlsoWorkspace = (aBody: string): Files => ({
  's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/a.md': FM('A') + aBody,
  's/b.md': FM('B') + '[a](a.md)\n', 's/c.md': FM('C') + '[a](a.md)\n',
});

describe('quick fixes: see also (xref-missing-link)', () => {
  async function fixAllOnA(aBody: string, crlf = false): Promise<{ body: string; left: number }> {
    const files = seeAlsoWorkspace(aBody);
    if (crlf) files['s/a.md'] = files['s/a.md'].replace(/\n/g, '\r\n');
    const found = await fixesOf(files, 'xref-missing-link');
    assert.equal(found.length, 2);
    const after = applyAll(files, found.map(f => f.fixes[0]));
    return { body: after['s/a.md'].slice(FM('A').length + (crlf ? FM('A').split('\n').length - 1 : 0)), left: await count(after, 'xref-missing-link') };
  }

  it('fix all adding two links to a note that ends in an unclosed fence closes the fence once', async () => {
    const r = await fixAllOnA('text\n\n```js\ncode\n');
    assert.equal(r.body, 'text\n\n```js\ncode\n```\n\n- See also: [B](b.md)\n\n- See also: [C](c.md)\n');
    assert.equal(r.left, 0);
  });

  it('fix all on a note without a last line break adds that line break once', async () => {
    const r = await fixAllOnA('no newline');
    assert.equal(r.body, 'no newline\n\n- See also: [B](b.md)\n\n- See also: [C](c.md)\n');
    assert.equal(r.left, 0);
  });

  it('adds the link as an item of an existing "See also" section, not at the end of the note', async () => {
    const r = await fixAllOnA('text\n\n## See also\n\n- [x](x.md)\n\n## Other\n\nmore\n');
    assert.equal(r.body, 'text\n\n## See also\n\n- [x](x.md)\n- [B](b.md)\n- [C](c.md)\n\n## Other\n\nmore\n');
    assert.equal(r.left, 0);
  });

  // Mutation testing: with sectionEdits taking the first "See also" section instead of the last, or ending the
  // section at any heading (a level-3 one inside it too), every fixes test passed
  it('adds to the last related section, which runs to the next heading of its level (a sub-heading is inside it)', async () => {
    const r = await fixAllOnA('## See also\n\n- [x](x.md)\n\n## Related\n\n- [y](y.md)\n\n### Older\n\n- [z](z.md)\n\n## Other\n');
    assert.equal(r.body, '## See also\n\n- [x](x.md)\n\n## Related\n\n- [y](y.md)\n\n### Older\n\n- [z](z.md)\n- [B](b.md)\n- [C](c.md)\n\n## Other\n');
    assert.equal(r.left, 0);
  });

  // Mutation testing: with seeAlsoEdits writing the label's brackets as they are, every fixes test passed; a title with
  // an unbalanced bracket then made no link at all, and the fix was not offered
  it('drops brackets from the link label, so that a title with an unbalanced one still makes a link', () => {
    const edits = seeAlsoEdits('text\n', 's/a.md', 's/b.md', 'Part ] one');
    assert.ok(edits);
    assert.equal(applyTextEdits('text\n', edits), 'text\n\n- See also: [Part  one](b.md)\n');
  });

  it('finds a section in Chinese and keeps its list style', async () => {
    const r = await fixAllOnA('## 🔗 延伸閱讀\n\n1. [x](x.md)\n');
    assert.equal(r.body, '## 🔗 延伸閱讀\n\n1. [x](x.md)\n2. [B](b.md)\n3. [C](c.md)\n');
    assert.equal(r.left, 0);
  });

  it('items added at once continue a numbered list, keeping its delimiter, indent and zero padding', async () => {
    const paren = await fixAllOnA('## See also\n\n8) [x](x.md)\n9) [y](y.md)\n\n## Next\n', true);
    assert.equal(paren.body, '## See also\r\n\r\n8) [x](x.md)\r\n9) [y](y.md)\r\n10) [B](b.md)\r\n11) [C](c.md)\r\n\r\n## Next\r\n');
    assert.equal(paren.left, 0);
    const padded = await fixAllOnA('## 延伸閱讀\n\n  01. [x](x.md)\n');
    assert.equal(padded.body, '## 延伸閱讀\n\n  01. [x](x.md)\n  02. [B](b.md)\n  03. [C](c.md)\n');
  });

  it('a single see-also fix numbers its item after the last one written', async () => {
    const files = seeAlsoWorkspace('## See also\n\n4. [x](x.md)\n');
    const [first] = await fixesOf(files, 'xref-missing-link');
    const after = applyAll(files, [first.fixes[0]]);
    assert.equal(after['s/a.md'].slice(FM('A').length), '## See also\n\n4. [x](x.md)\n5. [B](b.md)\n');
  });

  it('starts a list after a paragraph of a related section, in CRLF', async () => {
    const r = await fixAllOnA('## Related notes\n\nRead these first.\n', true);
    assert.equal(r.body, '## Related notes\r\n\r\nRead these first.\r\n\r\n- [B](b.md)\r\n- [C](c.md)\r\n');
    assert.equal(r.left, 0);
  });

  it('starts a list in an empty related section, keeping the blank line before the next heading', async () => {
    const r = await fixAllOnA('## 相關筆記\n## Next\n');
    assert.equal(r.body, '## 相關筆記\n\n- [B](b.md)\n- [C](c.md)\n\n## Next\n');
    assert.equal(r.left, 0);
  });
});

/** Each fix of `code` in a.md applied alone: the line it leaves, and whether that diagnostic is gone. */
async function appliedEach(files: Files, code: RuleCode): Promise<{ title: string; line: string; resolved: boolean }[]> {
  const out: { title: string; line: string; resolved: boolean }[] = [];
  for (const { d, fixes } of await fixesOf(files, code, 'a.md')) {
    const fix = fixes.find(f => f.preferred);
    if (!fix) continue;
    const after = applyAll(files, [fix]);
    const index = await indexOf(after);
    const line = after['a.md'].split(/\r?\n/)[d.range.start.line];
    const resolved = !index.diagnostics('a.md').some(x => x.code === code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
    out.push({ title: fix.title, line, resolved });
  }
  return out;
}

describe('quick fixes: wikilink-broken', () => {
  it('suggests the closest note title (wikilinks resolve by title too), keeping the alias', async () => {
    const r = await appliedEach({ 'a.md': FM('A') + '[[My Grate Note|see]]\n', 'zz.md': FM('My Great Note') }, 'wikilink-broken');
    assert.deepEqual(r, [{ title: 'Change to "[[My Great Note]]"', line: '[[My Great Note|see]]', resolved: true }]);
  });

  it('keeps the folder of a path-like wikilink and the #heading', async () => {
    const r = await appliedEach({ 'a.md': FM('A') + '[[sub/notte#Setup]]\n', 'sub/note.md': FM('N') + '# Setup\n' }, 'wikilink-broken');
    assert.deepEqual(r, [{ title: 'Change to "[[sub/note#Setup]]"', line: '[[sub/note#Setup]]', resolved: true }]);
  });

  it('keeps a relative wikilink relative', async () => {
    const r = await appliedEach({ 'a.md': FM('A') + '[[./sub/notte#Setup|n]]\n', 'sub/note.md': FM('N') + '# Setup\n' }, 'wikilink-broken');
    assert.deepEqual(r, [{ title: 'Change to "[[./sub/note#Setup]]"', line: '[[./sub/note#Setup|n]]', resolved: true }]);
  });

  it('names the note the fix chose when another note shares its name and would be picked', async () => {
    // `[[note]]` from a.md resolves to x/note.md (the shorter path); the closest by path is yy/note.md
    const r = await appliedEach({ 'a.md': FM('A') + '[[yy/notr]]\n', 'x/note.md': FM('X'), 'yy/note.md': FM('Y') }, 'wikilink-broken');
    assert.deepEqual(r, [{ title: 'Change to "[[yy/note]]"', line: '[[yy/note]]', resolved: true }]);
  });

  it('suggests the closest frontmatter alias (the third way a wikilink names a note), keeping the #heading and the |alias', async () => {
    const r = await appliedEach({ 'a.md': FM('A') + '[[Kafka Basic#Setup|kb]]\n',
      'mq/16_queues.md': FM('Message Queues', 'aliases: [Kafka Basics, MQ]\n') + '## Setup\n' }, 'wikilink-broken');
    assert.deepEqual(r, [{ title: 'Change to "[[Kafka Basics#Setup]]"', line: '[[Kafka Basics#Setup|kb]]', resolved: true }]);
    const single = await appliedEach({ 'a.md': FM('A') + '[[sub/Kafka Basic]]\n', 'mq/16_queues.md': FM('Message Queues', 'alias: Kafka Basics\n') },
      'wikilink-broken');
    assert.deepEqual(single, [{ title: 'Change to "[[Kafka Basics]]"', line: '[[Kafka Basics]]', resolved: true }]);
  });

  it('a name of a file that is no note (an image embed) gets the closest such file, and no note is created for it', async () => {
    const files = { 'a.md': FM('A') + '![[arh.png]] ![[diagrm.png]] [[arh]]\n', 'img/diagram.png': 'png', 'arch.md': FM('Arch') };
    const named = (d: Diagnostic) => d.message.match(/\[\[([^\]]*)\]\]/)?.[1];
    const found = await fixesOf(files, 'wikilink-broken');
    assert.deepEqual(found.map(({ d, fixes }) => [named(d), fixes.map(f => f.title)]), [
      // no image is close: no fix, rather than the note `arch` in its place or a note `arh.png.md`
      ['arh.png', []],
      ['diagrm.png', ['Change to "[[diagram.png]]"']],
      ['arh', ['Change to "[[arch]]"', 'Create arh.md']],
    ]);
    const fixed = applyAll(files, found.flatMap(({ fixes }) => fixes.filter(f => f.preferred)));
    assert.equal(fixed['a.md'], FM('A') + '![[arh.png]] ![[diagram.png]] [[arch]]\n');
    assert.deepEqual((await indexOf(fixed)).diagnostics('a.md').map(named), ['arh.png']);
    // a name with a dot that no file of the workspace ends in still names a note
    const dotted = await fixesOf({ 'a.md': FM('A') + '[[v1.2 note]]\n', 'v1.2 notes.md': FM('V') }, 'wikilink-broken');
    assert.deepEqual(dotted[0].fixes.map(f => f.title), ['Change to "[[v1.2 notes]]"', 'Create v1.2 note.md']);
  });

  it('creates the note a relative or rooted wikilink names where that link looks for it, and nothing outside the workspace', async () => {
    const cases: [string, string | undefined][] = [
      ['[[../new]]', 'a/new.md'], ['[[../../new]]', 'new.md'], ['[[./sub/new]]', 'a/b/sub/new.md'], ['[[./new.md]]', 'a/b/new.md'],
      ['[[/top/new]]', 'top/new.md'], ['[[sub/new]]', 'sub/new.md'], ['[[new]]', 'a/b/new.md'],
      // above the workspace folder, a folder, or a path that is not written normalised: no note to create
      ['[[../../../new]]', undefined], ['[[./sub/]]', undefined], ['[[sub//new]]', undefined], ['[[..]]', undefined],
    ];
    for (const [link, expected] of cases) {
      const files: Files = { 'a/b/n.md': FM('N') + `${link}\n`, 'x.md': FM('X') };
      const found = await fixesOf(files, 'wikilink-broken');
      const create = found.flatMap(({ fixes }) => fixes).filter(f => f.title.startsWith('Create'));
      assert.deepEqual(create.map(f => f.edits.find(e => e.create)!.file), expected === undefined ? [] : [expected], link);
      if (expected === undefined) continue;
      // the created note is the one the link finds
      const after = applyAll(files, create);
      assert.equal(await count(after, 'wikilink-broken'), 0, link);
    }
  });

  it('titles a note created from a wikilink as the name is written, a file-like name as its file name reads', async () => {
    // the frontmatter line as written (YAML quotes a title holding `: `), and the heading
    const cases: [string, string, string][] = [
      ['[[What is CAP?]]', 'What is CAP?', 'What is CAP?'], ['[[Kafka: intro]]', '"Kafka: intro"', 'Kafka: intro'],
      ['[[ sub/gRPC vs REST.md ]]', 'gRPC vs REST', 'gRPC vs REST'], ['[[setup]]', 'setup', 'setup'],
      ['[[02_rate-limits]]', 'Rate Limits', 'Rate Limits'], ['[[kafka_basics]]', 'Kafka Basics', 'Kafka Basics'],
      ['[[x|The X Note]]', 'The X Note', 'The X Note'],
    ];
    for (const [link, yaml, heading] of cases) {
      const files: Files = { 'n.md': FM('N') + `${link}\n` };
      const [found] = await fixesOf(files, 'wikilink-broken');
      const create = found!.fixes.find(f => f.title.startsWith('Create'))!.edits.find(e => e.create)!;
      const text = applyTextEdits('', create.edits);
      assert.deepEqual([text.split('\n').find(l => l.startsWith('title:')), text.endsWith(`\n# ${heading}\n`)], [`title: ${yaml}`, true], link);
    }
  });

  it('prefers the closest of file name, title and alias; on a tie the file name, then the title', async () => {
    const closer = await appliedEach({ 'a.md': FM('A') + '[[Kafka Basic]]\n', 'Kafka Basicxy.md': FM('Kafka Basic Gd'),
      'q.md': FM('Q', 'aliases: [Kafka Basics]\n') }, 'wikilink-broken');
    assert.deepEqual(closer.map(x => x.line), ['[[Kafka Basics]]']);
    const tie = await appliedEach({ 'a.md': FM('A') + '[[Kafka Basic]]\n', 't.md': FM('Kafka Basicz'),
      'q.md': FM('Q', 'aliases: [Kafka Basics]\n') }, 'wikilink-broken');
    assert.deepEqual(tie.map(x => x.line), ['[[Kafka Basicz]]']);
    const file = await appliedEach({ 'a.md': FM('A') + '[[kafka_basic]]\n', 'kafka_basics.md': FM('K'),
      'q.md': FM('Q', 'aliases: [kafka_basicz]\n') }, 'wikilink-broken');
    assert.deepEqual(file.map(x => x.line), ['[[kafka_basics]]']);
  });
});

describe('quick fixes: link-broken and ref-broken', () => {
  it('points the #fragment at the closest heading of the new target, rather than leave it broken there', async () => {
    const files = { 'a.md': FM('A') + '[x](notes/instal.md#set-up) `notes/instal.md#set-up` [y](notes/instal.md#L10) [z](notes/instal.md#zzzzzzzz)\n',
      'notes/install.md': FM('I') + '## Setup\n' };
    const link = await appliedEach(files, 'link-broken');
    assert.deepEqual(link.map(r => r.title), ['Change to "notes/install.md#setup"', 'Change to "notes/install.md#L10"', 'Change to "notes/install.md#zzzzzzzz"']);
    const ref = await appliedEach(files, 'ref-broken');
    assert.deepEqual(ref.map(r => r.title), ['Change to "notes/install.md#setup"']);
    const after = await indexOf(applyAll(files, (await fixesOf(files, 'link-broken')).slice(0, 1).map(f => f.fixes[0])));
    assert.deepEqual(after.diagnostics('a.md').map(d => d.code).sort(), ['link-broken', 'link-broken', 'ref-broken']);
  });

  it('a missing backtick reference is created in the series folder, or beside a note in no series, never at the root', async () => {
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [01](01_a.md) - 必讀 - 5 min\n';
    const files = {
      's/README.md': readme, 's/01_a.md': FM('A') + '`new_topic.md`\n', 's/sub/c.md': FM('C') + '`other_topic.md`\n',
      'docs/d.md': FM('D') + '`guide.md`\n',
    };
    const created = async (file: string) => (await fixesOf(files, 'ref-broken', file)).map(({ fixes }) => fixes.find(f => f.title.startsWith('Create'))?.title);
    assert.deepEqual(await created('s/01_a.md'), ['Create s/new_topic.md']);
    assert.deepEqual(await created('s/sub/c.md'), ['Create s/other_topic.md']);
    assert.deepEqual(await created('docs/d.md'), ['Create docs/guide.md']);
  });

  it('a link to a chapter the README plans gets Create preferred, creating the note the Series tree\'s Create Note creates', async () => {
    const readme = FM('S').replace('domain: backend', 'domain: infra') + '# S\n\n## Chapters\n\n### Intro Track\n\n- [01_intro](01_intro.md) - 必讀 - 5 min\n'
      + '- [Advanced intro](02_intro_advanced.md) - 必讀 - 5 min\n- [03_intro_advanced_ops](03_intro_advanced_ops.md) - 必讀 - 5 min\n';
    const files: Files = {
      's/README.md': readme, 's/03_intro_advanced_ops.md': FM('O'),
      's/01_intro.md': FM('I') + 'Next: [advanced](02_intro_advanced.md), `02_intro_advanced.md` and [[02_intro_advanced]]\n',
    };
    const index = await indexOf(files);
    const tree = plannedNoteText(index, 's/02_intro_advanced.md', TODAY);
    assert.match(tree, /^title: Advanced intro$/m);
    assert.match(tree, /^tags: \[infra, intro-track\]$/m);
    const found = await fixesOf(files, 'link-broken', 's/01_intro.md');
    found.push(...await fixesOf(files, 'ref-broken', 's/01_intro.md'), ...await fixesOf(files, 'wikilink-broken', 's/01_intro.md'));
    assert.equal(found.length, 3);
    for (const { d, fixes } of found) {
      assert.deepEqual(fixes.filter(f => f.preferred).map(f => f.title), ['Create s/02_intro_advanced.md'], d.code);
      assert.ok(fixes.some(f => !f.preferred && f.title.startsWith('Change to')), `${d.code}: the closest name is still offered`);
      const created = fixes.find(f => f.preferred)!.edits.find(e => e.create)!;
      assert.equal(applyTextEdits('', created.edits), tree, d.code);
    }
    // the README's own chapter-planned fix creates the same note
    const [planned] = (await fixesOf(files, 'chapter-planned', 's/README.md')).filter(({ d }) => d.data?.file === 's/02_intro_advanced.md');
    assert.equal(applyTextEdits('', planned.fixes[0].edits.find(e => e.create)!.edits), tree);
    // a note no README plans: the closest name stays the preferred fix
    const loose = { 'a.md': FM('A') + '[x](02_intro_advanced.md)\n', '03_intro_advanced_ops.md': FM('O') };
    assert.deepEqual((await fixesOf(loose, 'link-broken'))[0].fixes.map(f => [f.title, f.preferred]),
      [['Change to "03_intro_advanced_ops.md"', true], ['Create 02_intro_advanced.md', false]]);
  });

  it('between same-named notes as near as each other to the written path, the first in path order wins, whatever the listing order', async () => {
    // `notes/intro.md` is 5 edits from both `p/intro.md` and `q/intro.md`: the answer must not depend on the order
    // the files were listed in (a tie-break that kept the last of equals chose q/ here)
    for (const files of [
      { 'a.md': FM('A') + '[x](notes/intro.md)\n', 'p/intro.md': FM('P'), 'q/intro.md': FM('Q') },
      { 'q/intro.md': FM('Q'), 'p/intro.md': FM('P'), 'a.md': FM('A') + '[x](notes/intro.md)\n' },
    ]) {
      assert.deepEqual(await appliedEach(files, 'link-broken'), [{ title: 'Change to "p/intro.md"', line: '[x](p/intro.md)', resolved: true }]);
    }
  });
});

describe('quick fixes: link-broken keeps the fragments the link check accepts', () => {
  it('keeps #user-content-…, #top, #L10, upper-case and percent-encoded fragments, and fixes only a broken one', async () => {
    const files = { 'a.md': FM('A') + '[a](notes/instal.md#user-content-setup) [b](notes/instal.md#top) [c](notes/instal.md#L10)'
      + ' [d](notes/instal.md#SETUP) [e](notes/instal.md#%E4%B8%AD%E6%96%87) [f](notes/instal.md#user-content-Stop) [g](notes/instal.md#setp)\n',
      'notes/install.md': FM('I') + '## Setup\n\n## Stop\n\n## 中文\n' };
    const r = await appliedEach(files, 'link-broken');
    assert.deepEqual(r.map(x => x.title), ['Change to "notes/install.md#user-content-setup"', 'Change to "notes/install.md#top"',
      'Change to "notes/install.md#L10"', 'Change to "notes/install.md#SETUP"', 'Change to "notes/install.md#中文"',
      'Change to "notes/install.md#user-content-Stop"', 'Change to "notes/install.md#setup"']);
    const after = await indexOf(applyAll(files, (await fixesOf(files, 'link-broken')).map(f => f.fixes[0])));
    assert.deepEqual(after.diagnostics('a.md').map(d => d.message), []);
  });
});

describe('quick fixes: priority-mismatch', () => {
  const readme = (label: string) => '# S\n\n## Reading Priority\n\n- Important (`重要`): `01`\n\n## Chapters\n\n### A\n\n'
    + `- [01_a](a/01_a.md) - ${label} - 5 min\n`;
  const files = (label: string): Files => ({ 's/README.md': readme(label), 's/a/01_a.md': FM('A') });
  const mismatches = async (label: string, config: NotesConfig) => (await indexOf(files(label), config))
    .diagnostics('s/README.md').filter(d => d.code === 'priority-mismatch').map(d => d.message);

  it('writes the label the reading list asks for, in the language of the line, and the finding goes', async () => {
    const [{ d, fixes }] = await fixesOf(files('必讀'), 'priority-mismatch');
    assert.match(d.message, /labelled "必讀", but the reading list "Important" names .*: expected "重要"$/);
    assert.deepEqual(fixes.map(f => [f.title, f.preferred]), [['Change priority to "重要"', true]]);
    const after = applyAll(files('必讀'), fixes);
    assert.equal(after['s/README.md'], readme('重要'));
    assert.deepEqual(await mismatches('重要', defaultConfig()), []);
  });

  it('never writes a label the configuration also gives an earlier priority, which would read as that one', async () => {
    // 重要 is must-read's here (the first priority listing a label has it; the configuration check says so)
    const { config, problems } = parseConfigText('{"priorityLabels":{"must-read":["重要","必讀"]}}');
    assert.equal(problems.length, 1);
    const [{ d, fixes }] = await fixesOf(files('重要'), 'priority-mismatch', undefined, config);
    assert.match(d.message, /labelled "重要", but the reading list "Important" names .*: expected "Important"$/);
    assert.deepEqual(fixes.map(f => f.title), ['Change priority to "Important"']);
    assert.deepEqual(await mismatches('Important', config), []);
  });

  it('changes a chapter label that is no priority label to the one clearly closest, and to none when none is', async () => {
    // no reading list: the label is judged on its own
    const plain = (label: string) => '# S\n\n## Chapters\n\n### A\n\n' + `- [01_a](a/01_a.md) - ${label} - 5 min\n`;
    const cases: [string, string | undefined][] = [
      ['必读', '必讀'], ['可跳读', '可跳讀'], ['Must read', 'Must-read'], ['must_READ', 'Must-read'], ['Importnt', 'Important'],
      ['Urgent', undefined], ['重读', undefined],
    ];
    for (const [label, expected] of cases) {
      const files: Files = { 's/README.md': plain(label), 's/a/01_a.md': FM('A') };
      const found = await fixesOf(files, 'priority-mismatch');
      assert.equal(found.length, 1, label);
      assert.match(found[0]!.d.message, /is not a priority label/);
      const fixes = found[0]!.fixes;
      assert.deepEqual(fixes.map(f => [f.title, f.preferred]), expected === undefined ? [] : [[`Change to "${expected}"`, true]], label);
      if (expected === undefined) continue;
      const after = applyAll(files, fixes);
      assert.equal(after['s/README.md'], plain(expected), label);
      assert.equal(await count(after, 'priority-mismatch'), 0, label);
    }
  });
});

describe('numbered items inserted at one position (fix all)', () => {
  const at = (line: number, newText: string) => ({ range: { start: { line, character: 9 }, end: { line, character: 9 } }, newText });
  it('continues the numbering only after an item of the same list inserted at the same position', () => {
    const edits = [at(2, '\n3. [b](b.md)'), at(2, '\n3. [c](c.md)'), at(2, '\n3) [d](d.md)'), at(5, '\n3. [e](e.md)'), at(5, '\n  3. [f](f.md)')];
    assert.deepEqual(continueInsertedNumbering(edits).map(e => e.newText),
      ['\n3. [b](b.md)', '\n4. [c](c.md)', '\n3) [d](d.md)', '\n3. [e](e.md)', '\n  3. [f](f.md)']);
  });
});
