import { strict as assert } from 'node:assert';
import { completionSiteAt, frontmatterSiteAt } from '../../../src/extension/features/completionSite';
import { FM } from '../index/memoryWorkspace';
import { at, BETA_NOTE as B, labelOf, navigationOf } from './navigationHarness';
import { shownText } from './vscodeStub';


describe('navigation providers', () => {
  describe('completion stays out of code', () => {
    it('offers no wikilink or link completion inside an inline code span', () => {
      // inside an open span the cursor is in a backtick path, never in a wikilink or a link
      assert.deepEqual(completionSiteAt('see `arr[['), { kind: 'path', syntax: 'ref', typed: 'arr[[', start: 5, angle: false });
      assert.deepEqual(completionSiteAt('see `f](x'), { kind: 'path', syntax: 'ref', typed: 'f](x', start: 5, angle: false });
      assert.equal(completionSiteAt('see ``a`[['), undefined);
      assert.equal(completionSiteAt('see `a` ``[[x`` `f](y` z'), undefined);
      // closed spans before the link do not matter; a backtick path is still a path
      assert.deepEqual(completionSiteAt('`x` [[na'), { kind: 'wikilink', typed: 'na', start: 6 });
      assert.deepEqual(completionSiteAt('`[[x` and `sub/a'), { kind: 'path', syntax: 'ref', typed: 'sub/a', start: 11, angle: false });
      // a double-backtick span is code, not a path reference
      assert.equal(completionSiteAt('``sub/a'), undefined);
    });

    it('offers nothing inside an indented code block, but completes in indented list content', async () => {
      const text = FM('A') + 'para\n\n    code [[\n\n- item\n\n    [[\n';
      const nav = await navigationOf({ 'a.md': text, 'b.md': B });
      const doc = nav.document('a.md');
      const [l1, c1] = at(text, 'code [[', 7);
      assert.deepEqual(await nav.complete(doc, l1, c1, '['), []);
      const [l2, c2] = at(text, '    [[\n', 6);
      assert.ok((await nav.complete(doc, l2, c2, '[')).map(labelOf).includes('b'));
    });

    it('offers completion where the scanner reads a link, as its block pass finds code, HTML and containers', async () => {
      const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': B, 'pic.png': 'png' });
      // [text with | at the cursor, whether the link completed there is one]
      const cases: [string, boolean][] = [
        ['<!-- [[|b]] -->\n', false],
        ['<!--\n[[|b]]\n-->\n', false],
        ['<pre>\n[[|b]]\n</pre>\n', false],
        ['a `code\n[[|b]] more` b\n', false],
        ['- item\n\n        [[|b]]\n', false],
        ['<pre>\n`|b.md`\n</pre>\n', false],
        ['```\n[r]: |b.md\n```\n', false],
        ['<!-- <img src="|pic.png"> -->\n', false],
        ['    ```\n    code\n\npara [[|b]]\n', true],
        ['> ```\n> code\n\npara [[|b]]\n', true],
        ['- ```\n  code\n\npara [[|b]]\n', true],
        ['para\n    [[|b]]\n', true],
        ['x `|b.md` y\n', true],
        ['[r]: |b.md\n', true],
        ['<div>\n<img src="|pic.png">\n</div>\n', true],
        ['x <img src="|pic.png"> y\n', true],
      ];
      for (const [written, link] of cases) {
        const text = FM('A') + written.replace('|', '');
        const [l, c] = at(FM('A') + written, '|');
        const offered = (await nav.complete(nav.document('a.md', text), l, c)).length > 0;
        const scanned = nav.index.note('a.md')!.scan.links.some(k => k.range.start.line === l);
        assert.deepEqual([offered, scanned], [link, link], written);
      }
    });
  });

  describe('frontmatter value completion', () => {
    it('offers nothing inside a flow mapping', () => {
      assert.equal(frontmatterSiteAt('status: {a: ', () => undefined), undefined);
    });

    it('offers no other note\'s alias for `aliases` or `alias`: two notes would answer to one wikilink name', async () => {
      const nav = await navigationOf({
        'b.md': FM('B', 'aliases: [Bee, Bumble]\nsource: book\n'),
        'c.md': FM('C', 'alias: Cee\n'),
      });
      for (const written of ['aliases: [', 'aliases: ', 'alias: ', 'aliases:\n  - ', 'source: ']) {
        const text = FM('Z').replace('title: Z\n', `title: Z\n${written}\n`);
        const [l, c] = at(text, written, written.length);
        const offered = (await nav.complete(nav.document('z.md', text), l, c)).map(labelOf);
        assert.deepEqual(offered, written === 'source: ' ? ['book'] : [], written);
      }
    });

    it('knows the frontmatter block as the core does: values in `---yml` too, nothing in a block of TOML or another language', async () => {
      const nav = await navigationOf({ 'b.md': FM('B') });
      const complete = async (text: string, needle: string) => {
        const [l, c] = at(text, needle, needle.length);
        return (await nav.complete(nav.document('z.md', text), l, c)).map(labelOf);
      };
      for (const opener of ['---', '---yaml', '---yml', '---YML']) {
        const text = `${opener}\ntitle: Z\nstatus: \n---\nbody [[\n`;
        assert.deepEqual(await complete(text, 'status: '), ['active', 'draft', 'review', 'archived'], opener);
        assert.ok((await complete(text, 'body [[')).includes('b'), opener);
      }
      for (const text of ['+++\ntitle = "x [[\n+++\nbody [[\n', '---json\n{"see": "[[\n---\nbody [[\n', '---js\nmodule.exports = { t: "[[" }\n---\nbody [[\n']) {
        assert.deepEqual(await complete(text, '[['), [], text);
        assert.ok((await complete(text, 'body [[')).includes('b'), text);
      }
      // a long block, the cursor deep in it or below it
      const fields = Array.from({ length: 100 }, (_, i) => `f${i}: x\n`);
      const long = `---\ntitle: Z\n${fields.join('')}status: \n---\nbody [[\n`;
      assert.deepEqual(await complete(long, 'status: '), ['active', 'draft', 'review', 'archived']);
      assert.ok((await complete(long, 'body [[')).includes('b'));
      assert.deepEqual(await complete(long.replace('\n---\nbody', '\nbody'), 'body [['), []);
    });

    it('does not offer again the values a list already holds', async () => {
      const nav = await navigationOf({
        'x.md': FM('X').replace('tags: [a]', 'tags: [api, db, cache]'),
        'y.md': FM('Y').replace('tags: [a]', 'tags: [api]'),
      });
      const inline = FM('Z').replace('tags: [a]', 'tags: [api, "db", ');
      const [l, c] = at(inline, 'tags: [api, "db", ', 18);
      assert.deepEqual((await nav.complete(nav.document('z.md', inline), l, c)).map(labelOf), ['cache']);
      const block = FM('Z').replace('tags: [a]', 'tags:\n  - api\n  - \n  - cache');
      const [bl] = at(block, '  - \n');
      assert.deepEqual((await nav.complete(nav.document('z.md', block), bl, 4)).map(labelOf), ['db']);
    });
  });

  describe('find references on a heading', () => {
    it('lists the links whose fragment names that heading, not every backlink', async () => {
      const a = FM('Alpha') + 'x [s](b.md#設定) [t](b.md#dup-1) [[b#Dup]] [u](b.md) [[Beta Title#設定]]\n';
      const b = B + '\nsee [here](#dup)\n';
      const nav = await navigationOf({ 'a.md': a, 'b.md': b });
      const doc = nav.document('b.md');
      const refs = async (needle: string, delta = 0) => {
        const [l] = at(b, needle, delta);
        return (await nav.references(doc, l, 3)).map(x => `${x.uri.path.slice(4)}:${x.range.start.character}`);
      };
      assert.deepEqual(await refs('## 設定'), ['a.md:2', 'a.md:51']);
      assert.deepEqual(await refs('## Dup'), ['a.md:31', 'b.md:4']);
      assert.deepEqual(await refs('## Dup\n\n## Dup', 8), ['a.md:15']);
      const [hl] = at(b, '## 設定');
      const withDeclaration = await nav.references(doc, hl, 0, true);
      assert.equal(withDeclaration[0].range.start.line, hl);
      // elsewhere in the note: every backlink
      const [pl] = at(b, 'see [here]');
      assert.equal((await nav.references(doc, pl - 1, 0)).length, 6);
    });
  });

  describe('find references on a link with a fragment', () => {
    it('lists the links to that heading (every kind, the target\'s own #links included), and the heading as declaration', async () => {
      const a = FM('Alpha') + 'x [s](b.md#設定) [[b#設定]] [u](b.md) [t](b.md#dup-1) [[b]] [r][ref] `b.md`\n\n[ref]: ./b.md#設定\n';
      const b = B + '\nsee [here](#設定) and [there](#dup)\n';
      const c = FM('Gamma') + '[v](b.md#%E8%A8%AD%E5%AE%9A) [w](b.md#nope) [[Beta Title#設定|alias]]\n';
      const nav = await navigationOf({ 'a.md': a, 'b.md': b, 'c.md': c });
      const list = async (file: string, text: string, needle: string, includeDeclaration = false) => {
        const [l, ch] = at(text, needle, 1);
        return (await nav.references(nav.document(file), l, ch, includeDeclaration)).map(x => `${x.uri.path.slice(4)}:${x.range.start.line}:${x.range.start.character}`);
      };
      const spot = (file: string, text: string, needle: string) => `${file}:${at(text, needle).join(':')}`;
      const [hl] = at(b, '## 設定');
      const toHeading = [spot('a.md', a, '[s]'), spot('a.md', a, '[[b#'), spot('a.md', a, '[ref]:'), spot('b.md', b, '[here]'),
        spot('c.md', c, '[v]'), spot('c.md', c, '[[Beta')].sort();
      const sorted = (xs: string[]) => [...xs].sort();
      assert.deepEqual(sorted(await list('a.md', a, '[s]')), toHeading);
      assert.deepEqual(sorted(await list('a.md', a, '[[b#')), toHeading);
      assert.deepEqual(sorted(await list('a.md', a, '[r][ref]')), toHeading);
      assert.deepEqual(sorted(await list('b.md', b, '[here]')), toHeading);
      assert.deepEqual(sorted(await list('c.md', c, '[v]')), toHeading);
      const withDeclaration = await list('a.md', a, '[s]', true);
      assert.equal(withDeclaration[0], `b.md:${hl}:0`);
      assert.deepEqual(sorted(withDeclaration.slice(1)), toHeading);
      // another heading, a fragment that names none, no fragment: that heading's links, that fragment's, all of them
      assert.deepEqual(await list('a.md', a, '[t]'), [spot('a.md', a, '[t]')]);
      assert.deepEqual(await list('c.md', c, '[w]'), [spot('c.md', c, '[w]')]);
      assert.equal((await list('a.md', a, '[u]')).length, 12);
      // a whole note: its declaration is its `#` title, not the frontmatter's first line
      assert.deepEqual((await list('a.md', a, '[u]', true))[0], `b.md:${at(b, '# Setup')[0]}:0`);
      // a note without a `#` title: its first line
      assert.deepEqual((await list('c.md', c, 'title: Gamma', true))[0], 'c.md:0:0');
    });
  });

  describe('links to a folder', () => {
    it('go to the folder\'s README.md or index.md, and are not broken', async () => {
      const a = FM('Alpha') + 'x [api](api/) [api2](./api) [docs](docs) [none](empty/)\n';
      const nav = await navigationOf({
        'a.md': a, 'api/README.md': FM('API') + 'x\n', 'api/x.md': FM('X') + 'x\n', 'docs/index.md': FM('Docs') + 'x\n', 'empty/y.md': FM('Y') + 'x\n',
      });
      const doc = nav.document('a.md');
      const target = async (needle: string) => {
        const [l, c] = at(a, needle, 1);
        const defs = await nav.definition(doc, l, c);
        return defs.map(d => `${d.targetUri.path.slice(4)}:${d.targetRange.start.line}`);
      };
      assert.deepEqual(await target('[api]'), ['api/README.md:0']);
      assert.deepEqual(await target('[api2]'), ['api/README.md:0']);
      assert.deepEqual(await target('[docs]'), ['docs/index.md:0']);
      assert.deepEqual(await target('[none]'), []);
      assert.deepEqual(nav.index.diagnostics('a.md').map(d => d.code), []);
    });
  });

  describe('reference-style links', () => {
    const a = FM('Alpha') + 'See [x][ref], [Ref][] and [ref] 😀 [y][nope].\n\n[ref]: b.md#設定\n';
    it('go to the definition\'s target, at its heading, from the text of a full, collapsed or shortcut use', async () => {
      const nav = await navigationOf({ 'a.md': a, 'b.md': B });
      const doc = nav.document('a.md');
      for (const [needle, length] of [['[x][ref]', 8], ['[Ref][]', 7], ['[ref] 😀', 5]] as const) {
        const [l, c] = at(a, needle, 2);
        const defs = await nav.definition(doc, l, c);
        assert.equal(defs.length, 1, needle);
        assert.equal(defs[0].targetUri.path, '/ws/b.md');
        assert.equal(defs[0].targetRange.start.line, 11);
        assert.deepEqual(JSON.parse(JSON.stringify(defs[0].originSelectionRange)), { start: { line: l, character: c - 2 }, end: { line: l, character: c - 2 + length } });
        const hover = await nav.hover(doc, l, c);
        assert.match(shownText(hover!.contents), /Beta Title[\s\S]*設定/);
      }
      const [nl, nc] = at(a, '[y][nope]', 1);
      assert.deepEqual(await nav.definition(doc, nl, nc), []);
      const [rl, rc] = at(a, '[x][ref]', 1);
      assert.deepEqual((await nav.references(doc, rl, rc)).map(x => x.uri.path), ['/ws/a.md']);
    });

    it('are no links inside an inline code span, a fenced or an indented code block', async () => {
      const code = FM('Alpha') + 'Use `[x][ref]` or ``a [ref] b`` here, then [x][ref].\n\n```md\nfenced [x][ref]\n```\n\n'
        + '> ~~~\n> quoted [x][ref]\n> ~~~\n\n    indented [x][ref]\n\n- item\n\n  listed `[ref]` [ref]\n\n      coded [ref]\n\nEscaped \\`[ref]\\` and a lone ``` [ref] backtick.\n\n[ref]: b.md#設定\n';
      const nav = await navigationOf({ 'a.md': code, 'b.md': B });
      const doc = nav.document('a.md');
      for (const [needle, delta] of [['`[x][ref]`', 2], ['a [ref] b', 3], ['fenced [x]', 8], ['quoted [x]', 8], ['indented [x]', 10], ['`[ref]`', 2], ['coded [ref]', 7]] as const) {
        const [l, c] = at(code, needle, delta);
        assert.deepEqual(await nav.definition(doc, l, c), [], needle);
        assert.equal(await nav.hover(doc, l, c), undefined, needle);
        assert.deepEqual(await nav.references(doc, l, c), [], needle);
      }
      // the same use outside code still leads to the definition's target, in a paragraph, in list content,
      // after an escaped backtick and after a backtick string that nothing closes
      for (const [needle, delta] of [['then [x][ref]', 6], ['` [ref]\n', 3], ['\\`[ref]', 3], ['``` [ref]', 5]] as const) {
        const [l, c] = at(code, needle, delta);
        assert.equal((await nav.definition(doc, l, c))[0]?.targetUri.path, '/ws/b.md', needle);
      }
    });
  });
});

describe('navigation providers: path completion', () => {
  it('filters percent-encoded names by what is typed (encoded), not by the decoded label', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'sub/c d.md': FM('C D') + 'x\n', 'sub/中文 100%.md': FM('CJK') + 'x\n', 'sub/my dir/e.md': FM('E') + 'x\n' });
    const text = FM('A') + 'go [q](sub/c%20';
    const [l, c] = at(text, 'sub/c%20', 8);
    const items = await nav.complete(nav.document('a.md', text), l, c);
    const byLabel = new Map(items.map(i => [labelOf(i), i]));
    assert.equal(byLabel.get('c d.md')!.insertText, 'c%20d.md');
    assert.equal(byLabel.get('c d.md')!.filterText, 'c%20d.md');
    assert.equal(byLabel.get('中文 100%.md')!.filterText, '中文%20100%25.md');
    assert.equal(byLabel.get('my dir/')!.filterText, 'my%20dir/');
    const range = (byLabel.get('c d.md')!.range as unknown as { inserting: { start: { character: number }; end: { character: number } } }).inserting;
    assert.deepEqual([range.start.character, range.end.character], [c - 4, c]);
  });
});

describe('navigation providers: CRLF, UTF-16 columns and long lines', () => {
  it('finds links after emoji and CJK on CRLF lines, with document links spanning exactly the destination', async () => {
    const a = (FM('Alpha') + '# 標題 😀\n\n中文😀 `b.md` 🎉 [[Beta Title#設定|別名]] [t](b.md#dup-1)\n').replace(/\n/g, '\r\n');
    const nav = await navigationOf({ 'a.md': a, 'b.md': B });
    const doc = nav.document('a.md');
    const [l, c] = at(a, '[[Beta', 3);
    const defs = await nav.definition(doc, l, c);
    assert.equal(defs[0].targetRange.start.line, 11);
    const [tl, tc] = at(a, '[t]', 1);
    assert.equal((await nav.definition(doc, tl, tc))[0].targetRange.start.line, 15);
    const links = (await nav.documentLinks(doc)).map(d => a.split('\r\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    assert.deepEqual(links, ['b.md', 'Beta Title#設定']);
    const [rl, rc] = at(a, '`b.md`', 3);
    assert.match(shownText((await nav.hover(doc, rl, rc))!.contents), /Beta Title/);
  });

  it('goes from the href and src of HTML tags to the file or heading; their document links are VS Code\'s own', async () => {
    const a = FM('Alpha') + '<a href="b.md#設定">b</a> <img src="img.png" width=40> [m](b.md) `b.md`\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': B, 'img.png': 'png' });
    const doc = nav.document('a.md');
    const lines = a.split('\n');
    assert.deepEqual((await nav.documentLinks(doc)).map(d => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)), ['b.md']);
    const [l, c] = at(a, 'b.md#', 1);
    const defs = await nav.definition(doc, l, c);
    assert.deepEqual(defs.map(d => `${d.targetUri.path.slice(4)}:${d.targetRange.start.line}`), [`b.md:${B.split('\n').indexOf('## 設定')}`]);
    const [il, ic] = at(a, 'img.png', 2);
    assert.deepEqual((await nav.definition(doc, il, ic)).map(d => d.targetUri.path.slice(4)), ['img.png']);
  });

  it('makes the links of the HTML attributes VS Code\'s own Markdown does not read clickable: srcset URLs, poster, <audio>, <track>', async () => {
    const a = FM('Alpha') + '<picture><source srcset="dark.png 2x, gone.png, img.png" media="(x)"><img src="img.png" srcset="img.png 1x"></picture>\n'
      + '<video src="img.png" poster="img.png"><track src="subs.vtt"></video> <audio src="https://e.com/a.mp3"></audio>\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': B, 'img.png': 'png', 'dark.png': 'png', 'subs.vtt': 'WEBVTT' });
    const doc = nav.document('a.md');
    const lines = a.split('\n');
    const shown = (await nav.documentLinks(doc)).map(d => `${d.range.start.line}:${d.range.start.character}:`
      + `${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}>${d.target?.path.slice(4)}`);
    const line = lines.findIndex(t => t.startsWith('<picture>'));
    // (a missing file and an external URL get none; the <img src> and <video src> are VS Code's own)
    assert.deepEqual(shown, [
      `${line}:25:dark.png>dark.png`, `${line}:48:img.png>img.png`, `${line}:96:img.png>img.png`,
      `${line + 1}:29:img.png>img.png`, `${line + 1}:50:subs.vtt>subs.vtt`,
    ]);
    const [l, c] = at(a, 'dark.png', 2);
    assert.deepEqual((await nav.definition(doc, l, c)).map(d => d.targetUri.path.slice(4)), ['dark.png']);
  });

  it('answers on a very long line without scanning it per bracket', async () => {
    const long = 'x[a] '.repeat(40_000) + '[t](b.md#dup-1) `b';
    const a = FM('Alpha') + long + '\n\n[a]: b.md\n';
    const nav = await navigationOf({ 'a.md': a, 'b.md': B });
    const doc = nav.document('a.md');
    const [l, c] = at(a, '[t]', 1);
    const started = Date.now();
    assert.equal((await nav.definition(doc, l, c))[0].targetRange.start.line, 15);
    assert.equal((await nav.definition(doc, l, 3))[0].targetUri.path, '/ws/b.md');
    assert.equal((await nav.definition(doc, l, long.length - 25))[0].targetUri.path, '/ws/b.md');
    assert.ok((await nav.complete(doc, l, long.length)).map(labelOf).includes('b.md'));
    assert.ok(Date.now() - started < 2000);
  });
});
