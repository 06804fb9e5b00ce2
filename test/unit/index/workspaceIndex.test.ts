import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { fixesFor } from '../../../src/core/fixes/index';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { all, codes, FM, indexOf } from './memoryWorkspace';

const README = `# Series

## Reading Priority

- Must-read (\`必讀\`): \`01\`
- Important (\`重要\`): \`02\`

## Chapters

### Basics

- [01_intro](basics/01_intro.md) - 必讀 - 30 min
- [02_more](basics/02_more.md) - 重要 - 45 min
`;

const MATRIX = `# Coverage

| Capability Area | Required Topic | Coverage Files | Status |
| --- | --- | --- | --- |
| Basics | Intro | \`basics/01_intro.md\` | Pending |

## Cross-references

- \`basics/01_intro.md\` <-> \`other/x.md\`

## Remaining Gaps

- none
`;

/** The series in `s/` with its matrix, whose cross-reference pairs 01_intro (body `intro`) and other/x.md (body `x`). */
const crossReferenced = (intro: string, x: string) => indexOf({
  's/README.md': README,
  's/coverage_matrix.md': MATRIX,
  's/basics/01_intro.md': FM('Intro') + intro,
  's/other/x.md': FM('X') + x,
});

describe('WorkspaceIndex', () => {
  it('a README that stops being a series and becomes one again keeps its coverage matrix', async () => {
    const index = await indexOf({ 'README.md': README, 'coverage_matrix.md': MATRIX, 'basics/01_intro.md': FM('Intro') + '# Intro\n' });
    const rows = () => index.series().map(s => index.coverage(s)?.rows.length);
    assert.deepEqual(rows(), [1]);
    // the author retypes the `## Chapters` heading: for a moment the README is no series
    index.updateNote('README.md', README.replace('## Chapters', '## Chap'));
    assert.deepEqual(rows(), []);
    index.updateNote('README.md', README);
    assert.deepEqual(rows(), [1]);
    assert.ok(index.diagnostics('coverage_matrix.md').some(d => d.code === 'coverage-status-mismatch'), 'the matrix is checked again');
  });

  it('resolves every link kind and reports only the broken ones', async () => {
    const index = await indexOf({
      'a.md': FM('Alpha') + '# Alpha\n\n## 核心概念\n\n[b](b.md) [b2](./b) [anchor](b.md#section-two) [self](#核心概念)\n`b.md` [[b]] [[Beta Note]] ![img](pic.png)\n',
      'b.md': FM('Beta Note') + '# Beta\n\n## Section Two\n',
      'pic.png': new Uint8Array([1, 2, 3]),
    });
    assert.deepEqual(all(index), []);
  });

  it('reports each broken kind with its code and the destination range', async () => {
    const index = await indexOf({
      'a.md': FM('Alpha') + '[x](missing.md)\n[y](b.md#nope)\n`gone.md`\n[[nobody]]\n[z](../../etc/passwd.md)\n',
      'b.md': FM('B') + '# B\n',
    });
    assert.deepEqual(codes(index, 'a.md'), ['link-broken', 'link-anchor-broken', 'ref-broken', 'wikilink-broken', 'link-outside-workspace']);
    const d = index.diagnostics('a.md')[0];
    assert.equal(d.range.start.line, 9);
    assert.equal(d.range.start.character, 4);
    assert.equal(d.range.end.character, 14);
    assert.match(d.message, /missing\.md/);
  });

  it('never counts frontmatter or code as links', async () => {
    const index = await indexOf({
      'a.md': '---\ntitle: A\nnote_type: chapter\ndomain: backend\ntags: [x]\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: active\n---\n```md\n[x](nope.md)\n```\n\n    [y](nope.md)\n',
    });
    assert.deepEqual(all(index), []);
  });

  it('a TOML `+++` block is frontmatter in another language: invalid, and nothing in it is a link or heading', async () => {
    const text = '+++\ntitle = "x"\nsee = "[a](missing.md)"\n# not a heading\n+++\n# Hi\n';
    const index = await indexOf({ 'a.md': text });
    assert.deepEqual(all(index).map(d => [d.code, d.message]), [['frontmatter-invalid', 'frontmatter language "toml" is not supported (only YAML)']]);
    assert.deepEqual(index.note('a.md')!.scan.links, []);
    assert.deepEqual(index.note('a.md')!.scan.headings.map(h => h.text), ['Hi']);
    // no frontmatter-missing, so no fix inserts a second block above it
    assert.deepEqual(all(index).flatMap(d => fixesFor(index, d, text, '2026-01-01')), []);
  });

  it('re-checks dependents when a target appears, changes headings or disappears', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[b](b.md#two)\n',
    });
    assert.deepEqual(codes(index, 'a.md'), ['link-broken']);
    let changed = index.updateNote('b.md', FM('B') + '## One\n');
    assert.ok(changed.includes('a.md'));
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken']);
    index.updateNote('b.md', FM('B') + '## Two\n');
    assert.deepEqual(codes(index, 'a.md'), []);
    changed = index.removeFile('b.md');
    assert.ok(changed.includes('a.md'));
    assert.deepEqual(codes(index, 'a.md'), ['link-broken']);
  });

  it('updating a note re-checks only that note and its dependents', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`n${i}.md`] = FM(`N${i}`) + `[next](n${i + 1}.md)\n`;
    const index = await indexOf(files);
    const changed = index.updateNote('n10.md', FM('N10') + '## New heading\n[next](n11.md)\n');
    assert.deepEqual(changed.sort(), ['n10.md', 'n9.md']);
  });

  it('resolves wikilinks by title and re-checks them when titles change', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[[Saga Pattern]]\n',
      'x/13_saga.md': FM('Saga Pattern') + '# Saga\n',
    });
    assert.deepEqual(codes(index, 'a.md'), []);
    index.updateNote('x/13_saga.md', FM('Sagas') + '# Saga\n');
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    assert.deepEqual(index.backlinks('x/13_saga.md'), []);
  });

  it('reports backlinks of every kind', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[b](b.md) `b.md` [[b]]\n',
      'b.md': FM('B'),
    });
    assert.deepEqual(index.backlinks('b.md').map(b => b.link.kind), ['link', 'ref', 'wikilink']);
  });

  it('runs series and coverage rules, and backtick paths resolve against the series folder', async () => {
    const index = await crossReferenced('# Intro\n\nSee `basics/02_more.md`.\n', '# X\n');
    const series = index.series();
    assert.equal(series.length, 1);
    assert.equal(series[0].folder, 's');
    // 02 is planned: information, not a broken link
    assert.ok(codes(index, 's/README.md').includes('chapter-planned'));
    assert.ok(!codes(index, 's/README.md').includes('link-broken'));
    // the backtick path in 01_intro resolves via the series folder to a planned chapter → ref-broken (no such file)
    assert.deepEqual(codes(index, 's/basics/01_intro.md'), ['ref-broken']);
    // the cross-reference is not honoured in either direction
    assert.deepEqual(codes(index, 's/coverage_matrix.md').filter(c => c === 'xref-missing-link').length, 2);
    index.updateNote('s/basics/01_intro.md', FM('Intro') + '# Intro\n\nSee [x](../other/x.md).\n');
    index.updateNote('s/other/x.md', FM('X') + '# X\n\n`basics/01_intro.md`\n');
    assert.deepEqual(codes(index, 's/coverage_matrix.md').filter(c => c === 'xref-missing-link'), []);
    // a short note that says `status: active` is written: the row is done, and "Pending" is now out of date
    assert.deepEqual(index.computeCoverage(series[0]).map(r => r.computed), ['done']);
    assert.ok(codes(index, 's/coverage_matrix.md').includes('coverage-status-mismatch'));
    // the same short note without a status is a stub: a draft, so the row is in progress
    index.updateNote('s/basics/01_intro.md', FM('Intro').replace('status: active\n', '') + '# Intro\n\nSee [x](../other/x.md).\n');
    assert.deepEqual(index.computeCoverage(series[0]).map(r => r.computed), ['in-progress']);
    assert.deepEqual(index.draftReasonOf('s/basics/01_intro.md'), { chars: 32 });
  });

  it('marks undecodable notes unreadable instead of failing', async () => {
    const index = await indexOf({
      'bin.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'ok.md': FM('Ok') + '[b](bin.md)\n',
    });
    assert.match(index.note('bin.md')!.unreadable!, /binary/);
    assert.match(index.note('latin1.md')!.unreadable!, /UTF-8/);
    assert.deepEqual(codes(index, 'ok.md'), []);
  });

  it('applies configured severities and "off"', async () => {
    const { defaultConfig } = await import('../../../src/core/config');
    const config = defaultConfig();
    config.rules['link-broken'] = 'off';
    config.rules['ref-broken'] = 'hint';
    const index = await indexOf({ 'a.md': FM('A') + '[x](nope.md) `nope.md`\n' }, config);
    assert.deepEqual(index.diagnostics('a.md').map(d => [d.code, d.severity]), [['ref-broken', 'hint']]);
  });

  it('a chunked load (editor) ends with the same diagnostics as a one-shot load (CLI)', async () => {
    const { defaultConfig } = await import('../../../src/core/config');
    const { loadWorkspace } = await import('../../../src/core/index/load');
    const { WorkspaceIndex } = await import('../../../src/core/index/workspaceIndex');
    const { MemoryReader } = await import('./memoryWorkspace');
    const files: Record<string, string> = {
      's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/basics/01_intro.md': FM('Intro') + '# Intro\n`basics/02_more.md`\n',
    };
    for (let i = 0; i < 30; i++) files[`n${i}.md`] = FM(`N${i}`) + `[next](n${i + 1}.md) [[N${i + 2}]] [a](n${i}.md#nope)\n`;
    const oneShot = await indexOf(files);
    const chunked = new WorkspaceIndex(defaultConfig());
    let pauses = 0;
    await loadWorkspace(chunked, new MemoryReader(files), { chunkSize: 4, yieldEvery: async () => { pauses++; } });
    assert.ok(pauses > 5);
    const flat = (ix: typeof oneShot) => [...ix.allDiagnostics().entries()].sort().map(([f, ds]) => [f, ds.map(d => d.code + '@' + d.range.start.line)]);
    assert.deepEqual(flat(chunked), flat(oneShot));
    assert.ok(flat(oneShot).length > 10);
  });

  it('re-checks the series files only when an edit can change their findings', async () => {
    const body = '# Intro\n\n' + 'Long enough body text. '.repeat(20) + '\n';
    const index = await indexOf({
      's/README.md': README, 's/coverage_matrix.md': MATRIX,
      's/basics/01_intro.md': FM('Intro') + body,
      's/basics/02_more.md': FM('More') + body,
    });
    // an ordinary edit of a note that is no cross-reference side: README and matrix stay as they are
    let changed = index.updateNote('s/basics/02_more.md', FM('More') + body + '\nOne more line.\n');
    assert.deepEqual(changed, ['s/basics/02_more.md']);
    // its state changes to draft: the matrix's computed coverage may change
    changed = index.updateNote('s/basics/02_more.md', FM('More').replace('status: active', 'status: draft') + body);
    assert.ok(changed.includes('s/README.md') && changed.includes('s/coverage_matrix.md'));
    // a cross-reference side: its links feed xref-missing-link, so every edit re-checks the matrix
    changed = index.updateNote('s/basics/01_intro.md', FM('Intro') + body + '\n[x](../other/x.md)\n');
    assert.ok(changed.includes('s/coverage_matrix.md'));
  });

  it('an edit that adds a link registers it before anyone asks: the target appearing clears the finding', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '# A\n', 'b.md': FM('B') + '# B\n\n[a](a.md)\n' });
    assert.deepEqual(index.backlinks('a.md').map(l => l.from), ['b.md']); // dependents built
    for (let i = 0; i < 3; i++) index.updateNote('b.md', FM('B') + `# B\n\n[a](a.md) [new](new${i}.md)\n`);
    assert.deepEqual(codes(index, 'b.md'), ['link-broken']);
    const changed = index.updateNote('new2.md', FM('New') + '# New\n');
    assert.ok(changed.includes('b.md'), changed.join());
    assert.deepEqual(codes(index, 'b.md'), []);
    // the links the edits removed no longer make b.md a dependent
    assert.ok(!index.updateNote('new0.md', FM('N0') + '# N0\n').includes('b.md'));
    assert.deepEqual(index.backlinks('new2.md').map(l => l.from), ['b.md']);
  });

  it('builds who-links-to-what a chunk at a time, pausing in between, with the same answers', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`n${i}.md`] = FM(`N${i}`) + `# N${i}\n\n[next](n${i + 1}.md) [[n${(i + 7) % 50}]]\n`;
    const index = await indexOf(files);
    let pauses = 0;
    await index.buildDependentsAsync(async () => { pauses++; }, 8);
    assert.equal(pauses, 6);
    assert.deepEqual(index.backlinks('n10.md').map(l => l.from), ['n3.md', 'n9.md']);
    // n50.md appears: only n49.md, which links to it, is re-checked
    assert.deepEqual(codes(index, 'n49.md'), ['link-broken']);
    const changed = index.updateNote('n50.md', FM('N50') + '# N50\n');
    assert.deepEqual(changed.sort(), ['n49.md', 'n50.md']);
    assert.deepEqual(codes(index, 'n49.md'), []);
  });

  it('a question asked during a chunked build of the dependents finishes it at once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`n${i}.md`] = FM(`N${i}`) + `# N${i}\n\n[next](n${(i + 1) % 30}.md)\n`;
    const index = await indexOf(files);
    let pauses = 0;
    const asked: string[][] = [];
    await index.buildDependentsAsync(async () => {
      pauses++;
      asked.push(index.backlinks('n25.md').map(l => l.from));
    }, 5);
    assert.equal(pauses, 1, 'the build ended with the question');
    assert.deepEqual(asked, [['n24.md']]);
    assert.deepEqual(index.backlinks('n0.md').map(l => l.from), ['n29.md']);
  });

  it('a long note that repeats its targets gets each link checked with its own fragment', async () => {
    const line = '[ok](b.md#one) [bad](b.md#nope) [[b#two]] [[b#gone]] `b.md` [m](missing.md) [self](#top)\n';
    const index = await indexOf({
      'a.md': FM('A') + '# Top\n\n' + line.repeat(30),
      'b.md': FM('B') + '# B\n\n## One\n\n## Two\n',
    });
    assert.equal(index.note('a.md')!.scan.links.length, 210);
    const byCode: Record<string, number> = {};
    for (const d of index.diagnostics('a.md')) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    assert.deepEqual(byCode, { 'link-anchor-broken': 60, 'link-broken': 30 });
    const anchors = index.diagnostics('a.md').filter(d => d.code === 'link-anchor-broken').map(d => d.message);
    assert.deepEqual(new Set(anchors), new Set(['heading "#nope" not found in b.md', 'heading "#gone" not found in b.md']));
  });
  it('a long note resolves a link, a reference and a wikilink of the same written path each its own way', async () => {
    // linkCheck memoises resolutions per written path in notes of over 100 links: with one memo shared by every
    // kind, `[b](b.md)` (the note's folder: sub/b.md, missing) decided what `b.md` (a reference: found at the root)
    // and [[b.md]] (by name: b.md) meant, and both were reported broken
    const line = '[b](b.md) `b.md` [[b.md]]\n';
    const index = await indexOf({
      'sub/a.md': FM('A') + line.repeat(40),
      'b.md': FM('B'),
    });
    assert.equal(index.note('sub/a.md')!.scan.links.length, 120);
    const byCode: Record<string, number> = {};
    for (const d of index.diagnostics('sub/a.md')) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    assert.deepEqual(byCode, { 'link-broken': 40 });
  });

  it('re-checks a `[[name#heading]]` when the note it names by file name changes its headings', async () => {
    // the note's title (Bee) differs from its file name (b): only the `w:` key reaches the wikilink. Without it
    // (Dependents.ofChange asking only the path and the title), the heading went and a.md stayed silent
    const index = await indexOf({
      'a.md': FM('A') + '[[b#setup]]\n',
      'b.md': FM('Bee') + '## Setup\n',
    });
    assert.deepEqual(codes(index, 'a.md'), []);
    const changed = index.updateNote('b.md', FM('Bee') + '## Install\n');
    assert.ok(changed.includes('a.md'), 'a.md is re-checked');
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken']);
  });

  it('re-checks `[[b.md]]` (written with its extension) when b.md appears and disappears', async () => {
    // a wikilink's dependency key is its name without `.md`, as a note's is its file name without it: keyed as
    // `b.md`, the wikilink was not re-checked and stayed broken after b.md was created (and fine after it went)
    const index = await indexOf({ 'a.md': FM('A') + '[[b.md]]\n' });
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    assert.ok(index.updateNote('b.md', FM('B')).includes('a.md'));
    assert.deepEqual(codes(index, 'a.md'), []);
    assert.ok(index.removeFile('b.md').includes('a.md'));
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
  });

  it('removing a folder removes the files below it only, not a file or folder whose name starts the same', async () => {
    // with `startsWith(folder)` instead of `folder + '/'`, removing the folder `rust` removed rustacean.md and
    // rust-book/x.md too: their notes vanished from the index and a link to them was reported broken
    const index = await indexOf({
      'a.md': FM('A') + '[r](rust/01.md) [c](rustacean.md) [b](rust-book/x.md)\n',
      'rust/01.md': FM('R'), 'rustacean.md': FM('C'), 'rust-book/x.md': FM('X'),
    });
    index.buildDependents();
    assert.deepEqual(index.removeFile('rust').sort(), ['a.md', 'rust/01.md']);
    assert.ok(index.isNote('rustacean.md') && index.isNote('rust-book/x.md'));
    assert.deepEqual(index.diagnostics('a.md').map(d => d.message), ['link target "rust/01.md" does not exist (rust/01.md)']);
  });

  it('a file listed before it was read as a note is forgotten by name when it is removed', async () => {
    // the watcher may report a new Markdown file (addFile) before its text is read (updateNote): updateNote must
    // drop it from the names of plain files, or [[x]] kept resolving to it by file name once it was deleted
    const index = await indexOf({ 'a.md': FM('A') + '[[x]]\n' });
    index.buildDependents();
    index.addFile('x.md');
    index.updateNote('x.md', FM('Ex'));
    assert.deepEqual(codes(index, 'a.md'), []);
    index.removeFile('x.md');
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
  });


  describe('foreign notes (the other threads of a parallel check)', () => {
    it('resolve links, fragments, wikilinks and titles, but are never checked here', async () => {
      const index = new WorkspaceIndex(defaultConfig());
      index.beginBatch();
      index.updateNote('a.md', FM('Alpha') + '[b](b.md#two) [bad](b.md#nope) [[b]] [[Beta Note]] [[nobody]]\n');
      index.addForeignNote({ file: 'b.md', title: 'Beta Note', slugs: ['one', 'two'], state: 'written' });
      index.endBatch();
      assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken', 'wikilink-broken']);
      assert.deepEqual(codes(index, 'b.md'), []);
      assert.equal(index.fileStateOf('b.md'), 'written');
      // a.md is short but says `status: active`: written
      assert.deepEqual(index.foreignNoteOf('a.md'), { file: 'a.md', title: 'Alpha', slugs: [], state: 'written' });
      index.updateNote('c.md', '# Short\n');
      assert.deepEqual(index.foreignNoteOf('c.md'), { file: 'c.md', title: 'Short', slugs: ['short'], state: 'draft', draft: { chars: 7 } });
      index.addForeignNote({ file: 'd.md', title: 'D', slugs: [], state: 'draft', draft: { status: 'draft' } });
      assert.deepEqual(index.draftReasonOf('d.md'), { status: 'draft' });
      assert.deepEqual(index.draftReasonOf('c.md'), { chars: 7 });
      assert.equal(index.draftReasonOf('a.md'), undefined);
    });

    it('take the diagnostics and link targets another index computed; series files wait for them', async () => {
      const body = '# Intro\n\n' + 'Long enough body text. '.repeat(20) + '\n';
      const index = new WorkspaceIndex(defaultConfig());
      index.beginBatch();
      index.updateNote('s/README.md', README);
      index.updateNote('s/coverage_matrix.md', MATRIX);
      index.updateNote('s/basics/02_more.md', FM('More') + body);
      index.addForeignNote({ file: 's/basics/01_intro.md', title: 'Intro', slugs: ['intro'], state: 'written' });
      index.addForeignNote({ file: 's/other/x.md', title: 'X', slugs: [], state: 'written' });
      assert.deepEqual([...index.filesReadBySeriesRules()].sort(), ['s/basics/01_intro.md', 's/other/x.md']);
      assert.deepEqual(index.checkPendingNotes().sort(), ['s/basics/02_more.md']);
      assert.equal(index.diagnostics('s/coverage_matrix.md').length, 0, 'series files are still pending');
      const foreignDiag = { file: 's/basics/01_intro.md', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, severity: 'error' as const, code: 'link-broken' as const, message: 'm' };
      index.importForeignDiagnostics('s/basics/01_intro.md', [foreignDiag]);
      index.importForeignDiagnostics('s/basics/02_more.md', [foreignDiag]); // not foreign: ignored
      // 01_intro links to x.md but x.md not back: one missing direction
      index.importForeignTargets('s/basics/01_intro.md', ['s/other/x.md']);
      index.endBatch();
      assert.deepEqual(index.diagnostics('s/basics/01_intro.md'), [foreignDiag]);
      assert.deepEqual(codes(index, 's/basics/02_more.md'), []);
      const xref = index.diagnostics('s/coverage_matrix.md').filter(d => d.code === 'xref-missing-link');
      assert.equal(xref.length, 1, JSON.stringify(index.diagnostics('s/coverage_matrix.md')));
      assert.match(xref[0].message, /x\.md/);
    });
  });
  it('re-checks the matrix when a new note elsewhere takes a cross-referenced note\'s wikilink', async () => {
    // 01_intro honours the cross-reference with [[x]], which finds s/other/x.md by name. A root x.md then wins the
    // name (the shorter path): 01_intro is re-checked as a dependent of the name, and the matrix must be too, because
    // its cross-reference now lacks that link (a queue that re-checked only the note left the matrix saying nothing)
    const index = await crossReferenced('# Intro\n\nSee [[x]].\n', '# X\n\n[intro](../basics/01_intro.md)\n');
    const xrefs = () => index.diagnostics('s/coverage_matrix.md').filter(d => d.code === 'xref-missing-link').map(d => d.message);
    assert.deepEqual(xrefs(), []);
    index.updateNote('x.md', FM('Root X') + '# Root X\n');
    assert.deepEqual([...index.targetsOf('s/basics/01_intro.md')], ['x.md']);
    assert.equal(xrefs().length, 1, JSON.stringify(index.diagnostics('s/coverage_matrix.md')));
  });
  it('lists series in code-unit order of their README paths, whatever the machine\'s locale', async () => {
    const files: Record<string, string> = {};
    for (const folder of ['zeta', 'ärlig', 'alpha', 'Beta dir']) files[`${folder}/README.md`] = README;
    const index = await indexOf(files);
    // a locale-aware sort would give alpha, ärlig, Beta dir, zeta on an English machine
    assert.deepEqual(index.series().map(s => s.readme), ['Beta dir/README.md', 'alpha/README.md', 'zeta/README.md', 'ärlig/README.md']);
  });
  it('a chapter in a folder the listing could not read is not reported as planned', async () => {
    const files = { 's/README.md': README, 's/basics/02_more.md': FM('More') };
    const planned = (i: WorkspaceIndex) => i.diagnostics('s/README.md').filter(d => d.code === 'chapter-planned').map(d => d.message);
    assert.equal(planned(await indexOf(files)).length, 1);
    assert.deepEqual(planned(await indexOf(files, { ...defaultConfig(), unlistedFolders: ['s/basics'] })), []);
  });
});
