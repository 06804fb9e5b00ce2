import { strict as assert } from 'node:assert';
import { completionSiteAt } from '../../../src/extension/features/completionSite';
import { FM } from '../index/memoryWorkspace';
import { at, BETA_NOTE as B, labelOf, navigationOf, type Navigation } from './navigationHarness';
import { installedExtensions } from './vscodeStub';

// completion at the places a note may name a link: backtick paths, headings, awkward names, HTML tags, containers,
// the middle of a destination (the providers' other features are in navigation.test.ts)

describe('navigation providers: backtick path completion', () => {
  it('offers only notes (and folders) inside backticks, every file after ](', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'sub/b.md': FM('B') + 'x\n', 'sub/diagram.png': 'x', 'sub/data.json': '{}' });
    const ref = FM('A') + 'see `sub/';
    const [l, c] = at(ref, '`sub/', 5);
    assert.deepEqual((await nav.complete(nav.document('a.md', ref), l, c, '/')).map(labelOf), ['b.md']);
    const link = FM('A') + 'see ![d](sub/';
    const [ll, lc] = at(link, '](sub/', 6);
    assert.deepEqual((await nav.complete(nav.document('a.md', link), ll, lc, '/')).map(labelOf), ['b.md', 'data.json', 'diagram.png']);
  });
});

describe('navigation providers: heading completion in a backtick path', () => {
  it('offers the headings of the note a backtick path names after its `#`, by the slug it resolves', async () => {
    assert.deepEqual(completionSiteAt('see `sub/b.md#se'), { kind: 'heading', syntax: 'ref', target: 'sub/b.md', typed: 'se', start: 14 });
    // no `.md` path before the `#`, or a blank: no backtick reference
    for (const prefix of ['see `sub/b#', 'see `b.txt#x', 'see `b.md#a b']) assert.equal(completionSiteAt(prefix), undefined, prefix);
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'sub/b.md': B });
    const text = FM('A') + 'see `sub/b.md#';
    const [l, c] = at(text, 'b.md#', 5);
    const items = await nav.complete(nav.document('a.md', text), l, c, '#');
    assert.deepEqual(items.map(i => i.insertText), ['setup-步驟', '設定', 'dup', 'dup-1']);
    const linked = FM('A') + items.map(i => `\`sub/b.md#${String(i.insertText)}\``).join(' ') + '\n';
    const doc = nav.document('a.md', linked);
    const lines = B.split('\n');
    for (const [i, item] of items.entries()) {
      const [dl, dc] = at(linked, `#${String(item.insertText)}\``, 1);
      const target = (await nav.definition(doc, dl, dc))[0];
      assert.equal(target?.targetUri.path, '/ws/sub/b.md', String(item.insertText));
      assert.equal(target.targetRange.start.line, lines.indexOf(['# Setup 步驟', '## 設定', '## Dup', '## Dup'][i]) + (i === 3 ? 2 : 0), String(item.insertText));
    }
    await assertItemSpans(nav, [['see `sub/b.md#se|tup` after', 'Setup 步驟', ['se', 'setup']]], lineText => FM('A') + lineText + '\n');
  });
});

describe('navigation providers: backtick path completion of names a backtick path cannot hold', () => {
  it('offers only the files and folders whose path the scanner reads as a backtick reference', async () => {
    const names = ['ok.md', 'c d (x).md', 'sp ace.md', 'x|y.md', 'a\\_b.md', 'w#x.md', 'g*.md', 'deep/e.md', 'my notes/f.md', 'c#d/g.md', '~home/h.md'];
    const files: Record<string, string> = { 'a.md': FM('A') + 'x\n', '~top/t.md': FM('T') + 'x\n' };
    for (const name of names) files['sub/' + name] = FM('N') + 'x\n';
    const nav = await navigationOf(files);
    const text = FM('A') + 'see `sub/';
    const [l, c] = at(text, '`sub/', 5);
    const items = await nav.complete(nav.document('a.md', text), l, c, '/');
    assert.deepEqual(items.map(labelOf).sort(), ['deep/', 'ok.md', '~home/']);
    // each, completed, is a backtick reference (`~home/` only below `sub/`: at the start it names the home folder)
    const linked = FM('A') + ['`sub/ok.md`', '`sub/deep/e.md`', '`sub/~home/h.md`'].join(' ') + '\n';
    nav.document('a.md', linked);
    assert.deepEqual(nav.index.note('a.md')!.scan.links.map(k => k.path), ['sub/ok.md', 'sub/deep/e.md', 'sub/~home/h.md']);
    const top = FM('A') + 'see `';
    const [tl, tc] = at(top, 'see `', 5);
    assert.deepEqual((await nav.complete(nav.document('a.md', top), tl, tc)).map(labelOf).sort(), ['a.md', 'sub/']);
  });
});

describe('navigation providers: wikilink heading completion', () => {
  it('names a heading that repeats an earlier heading\'s text by its slug, which leads to it', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': B });
    const text = FM('A') + 'x [[b#';
    const [l, c] = at(text, '[[b#', 4);
    const items = await nav.complete(nav.document('a.md', text), l, c, '#');
    assert.deepEqual(items.map(i => i.insertText), ['Setup 步驟', '設定', 'Dup', 'dup-1']);
    const linked = FM('A') + 'x [[b#dup-1]]\n';
    const doc = nav.document('a.md', linked);
    const [dl, dc] = at(linked, '[[b#', 2);
    assert.equal((await nav.definition(doc, dl, dc))[0].targetRange.start.line, 15);
  });
});

describe('navigation providers: path completion of awkward names', () => {
  it('encodes # (which would start the fragment) in bare and <angle> destinations, and lists <angle> folders typed encoded', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'c#d.md': FM('C') + 'x\n', '50%41.md': FM('P') + 'x\n', 'my dir/e.md': FM('E') + 'x\n' });
    const complete = async (text: string, needle: string) => {
      const [l, c] = at(text, needle, needle.length);
      return new Map((await nav.complete(nav.document('a.md', text), l, c)).map(i => [labelOf(i), i.insertText]));
    };
    const bare = await complete(FM('A') + 'see [x](', '](');
    assert.equal(bare.get('c#d.md'), 'c%23d.md');
    assert.equal(bare.get('50%41.md'), '50%2541.md');
    const angle = await complete(FM('A') + 'see [x](<', '](<');
    assert.equal(angle.get('c#d.md'), 'c%23d.md');
    assert.equal(angle.get('50%41.md'), '50%2541.md');
    assert.equal(angle.get('my dir/'), 'my dir/');
    const inFolder = await complete(FM('A') + 'see [x](<my%20dir/', 'my%20dir/');
    assert.deepEqual([...inFolder.keys()], ['e.md']);
    // what the completion inserts resolves to the file it named
    const linked = FM('A') + 'see [x](c%23d.md) [y](<50%2541.md>)\n';
    nav.document('a.md', linked);
    assert.deepEqual(nav.index.note('a.md')!.scan.links.map(l => nav.index.resolve('a.md', l)).map(r => r.kind === 'file' && r.exists && r.file), ['c#d.md', '50%41.md']);
  });
});

describe('navigation providers: path completion writes names as the core writes link paths', () => {
  it('escapes what a destination would read otherwise (`\\`, `|`, a character reference), and leaves out a name no link reaches', async () => {
    const odd = ['Q&amp;A.md', 'x|y.md', 'sp ace.md', 'p(1).md', '100%.md'];
    const files: Record<string, string> = { 'a.md': FM('A') + 'x\n', 'odd/a\\_b.md': FM('Backslash') + 'x\n' };
    for (const name of odd) files['odd/' + name] = FM(name) + 'x\n';
    const nav = await navigationOf(files);
    for (const written of ['| t | [x](odd/', '| t | [x](<odd/']) {
      const text = FM('A') + written;
      const [l, c] = at(text, written, written.length);
      const items = await nav.complete(nav.document('a.md', text), l, c, '/');
      assert.deepEqual(items.map(labelOf).sort(), [...odd].sort(), written);
      // (rows of a table, where a `|` would end the cell)
      const linked = FM('A') + '| t | link |\n| --- | --- |\n' + items.map(i => `${written}${String(i.insertText)}${written.includes('<') ? '>' : ''}) |`).join('\n') + '\n';
      nav.document('a.md', linked);
      const reached = nav.index.note('a.md')!.scan.links.map(k => nav.index.resolve('a.md', k)).map(r => r.kind === 'file' && r.exists && r.file);
      assert.deepEqual(reached, items.map(i => 'odd/' + labelOf(i)), written);
    }
  });
});

describe('navigation providers: completion in HTML tags', () => {
  it('reads the href of an <a> and the src of an <img> whose value is open before the cursor', () => {
    assert.deepEqual(completionSiteAt('<img width=3 src="../img/'), { kind: 'path', syntax: 'link', typed: '../img/', start: 18, angle: false, attribute: 'img src' });
    assert.deepEqual(completionSiteAt("x <A HREF='b.md#se"), { kind: 'heading', syntax: 'link', target: 'b.md', typed: 'se', start: 16, attribute: 'a href' });
    assert.deepEqual(completionSiteAt('<a href=c'), { kind: 'path', syntax: 'link', typed: 'c', start: 8, angle: false, attribute: 'a href' });
    // a closed value, another attribute, the wrong tag, inside a code span: nothing
    for (const prefix of ['<img src="a.png" ', '<img alt="', '<a src="', '<img href="', '`<img src="', '<span src="', '<imgs src="', '<video href="', '<audio poster="', '<track srcset="']) {
      assert.equal(completionSiteAt(prefix), undefined, prefix);
    }
  });

  it('reads the other link attributes: a <video> src or poster, an <audio>, <source> or <track> src', () => {
    assert.deepEqual(completionSiteAt('<video controls poster="img/'), { kind: 'path', syntax: 'link', typed: 'img/', start: 24, angle: false, attribute: 'video poster' });
    assert.deepEqual(completionSiteAt('<VIDEO SRC="m'), { kind: 'path', syntax: 'link', typed: 'm', start: 12, angle: false, attribute: 'video src' });
    assert.deepEqual(completionSiteAt("<audio src='"), { kind: 'path', syntax: 'link', typed: '', start: 12, angle: false, attribute: 'audio src' });
    assert.deepEqual(completionSiteAt('<video><source src="a/'), { kind: 'path', syntax: 'link', typed: 'a/', start: 20, angle: false, attribute: 'source src' });
    assert.deepEqual(completionSiteAt('<track kind="captions" src=subs/'), { kind: 'path', syntax: 'link', typed: 'subs/', start: 27, angle: false, attribute: 'track src' });
  });

  it('in a srcset, reads the URL the cursor is in, or where the next one starts, never a descriptor', () => {
    const site = (prefix: string) => completionSiteAt(prefix);
    assert.deepEqual(site('<img srcset="'), { kind: 'path', syntax: 'link', typed: '', start: 13, angle: false, attribute: 'img srcset' });
    assert.deepEqual(site('<img srcset="img/sm'), { kind: 'path', syntax: 'link', typed: 'img/sm', start: 13, angle: false, attribute: 'img srcset' });
    assert.deepEqual(site('<source srcset="a.png 1x, img/'), { kind: 'path', syntax: 'link', typed: 'img/', start: 26, angle: false, attribute: 'source srcset' });
    assert.deepEqual(site("<img srcset='a.png 1x,"), { kind: 'path', syntax: 'link', typed: '', start: 22, angle: false, attribute: 'img srcset' });
    assert.deepEqual(site('<img srcset="a.png,b'), { kind: 'path', syntax: 'link', typed: 'a.png,b', start: 13, angle: false, attribute: 'img srcset' },
      'a comma inside a URL is its own (HTML splits at whitespace first)');
    assert.deepEqual(site('<img srcset="a.png, b.png#x'), { kind: 'heading', syntax: 'link', target: 'b.png', typed: 'x', start: 26, attribute: 'img srcset' });
    assert.deepEqual(site('<img srcset="a.png 1x,b'), { kind: 'path', syntax: 'link', typed: 'b', start: 22, angle: false, attribute: 'img srcset' });
    // unquoted, the value is one URL
    assert.deepEqual(site('<img srcset=a'), { kind: 'path', syntax: 'link', typed: 'a', start: 12, angle: false, attribute: 'img srcset' });
    // in a descriptor, or on a tag without a srcset: nothing
    for (const prefix of ['<img srcset="a.png ', '<img srcset="a.png 2', '<img srcset="a.png 1x, b.png 2x', '<picture srcset="']) {
      assert.equal(site(prefix), undefined, prefix);
    }
  });

  it('offers paths encoded for an attribute value, and headings after #, where VS Code\'s own Markdown does not', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': FM('B') + '# Setup 步驟\n\n## 設定\n', 'img/it\'s "q".png': 'png', 'my dir/e.md': FM('E') + 'x\n' });
    const complete = async (text: string, needle: string, trigger?: string) => {
      const [l, c] = at(text, needle, needle.length);
      return new Map((await nav.complete(nav.document('a.md', text), l, c, trigger)).map(i => [labelOf(i), i.insertText]));
    };
    const top = await complete(FM('A') + '<p><img src="', 'src="', '"');
    assert.equal(top.get('my dir/'), 'my%20dir/');
    assert.equal(top.get('b.md'), 'b.md');
    const img = await complete(FM('A') + "<img src='img/", 'img/');
    assert.equal(img.get('it\'s "q".png'), 'it%27s%20%22q%22.png');
    const headings = await complete(FM('A') + '<a href="b.md#', 'b.md#', '#');
    assert.deepEqual([...headings.values()], ['setup-步驟', '設定']);
    // a quote typed in prose opens nothing
    assert.equal((await complete(FM('A') + 'say "', 'say "', '"')).size, 0);
    // what the completion inserts resolves to the file it named
    const linked = FM('A') + '<img src=\'img/it%27s%20%22q%22.png\'> <a href="my%20dir/e.md">e</a>\n';
    nav.document('a.md', linked);
    assert.deepEqual(nav.index.note('a.md')!.scan.links.map(l => nav.index.resolve('a.md', l)).map(r => r.kind === 'file' && r.exists && r.file), ['img/it\'s "q".png', 'my dir/e.md']);
    // VS Code's own Markdown completes the src of an <img>, <video> and <source> (1.100 does), as after `](`: left to it;
    // a srcset, a poster, an <audio> or <track> src it does not, and they are completed with it on
    installedExtensions.add('vscode.markdown-language-features');
    try {
      for (const tag of ['<img src="', '<video src="', '<video><source src="']) {
        const text = FM('A') + tag;
        const [l, c] = at(text, tag, tag.length);
        assert.deepEqual(await nav.complete(nav.document('a.md', text), l, c, '"'), [], tag);
      }
      for (const tag of ['<img srcset="', '<video poster="', '<audio src="', '<track src="', '<picture><source srcset="']) {
        const items = await complete(FM('A') + tag, tag, '"');
        assert.equal(items.get('my dir/'), 'my%20dir/', tag);
      }
      // a srcset URL is encoded for the list too: a comma would end it
      const commas = await navigationOf({ 'a.md': FM('A') + 'x\n', 'img/a,b.png': 'png' });
      const text = FM('A') + '<img srcset="x.png 1x, img/';
      const [l, c] = at(text, 'img/', 4);
      assert.deepEqual((await commas.complete(commas.document('a.md', text), l, c)).map(i => i.insertText), ['a%2Cb.png']);
    } finally {
      installedExtensions.delete('vscode.markdown-language-features');
    }
  });
});

describe('navigation providers: fences in containers', () => {
  it('offers nothing inside a fence in a block quote or a nested list item', async () => {
    const text = FM('A') + '> quote\n> ```\n> [[\n> ```\n\n- a\n  - b\n\n        ```js\n        [[\n        ```\n\n- ```\n  [[\n  ```\n\nafter [[\n';
    const nav = await navigationOf({ 'a.md': text, 'b.md': B });
    const doc = nav.document('a.md');
    const lines = text.split('\n');
    const offered: number[] = [];
    for (let l = 0; l < lines.length; l++) {
      const c = lines[l].indexOf('[[');
      if (c !== -1 && (await nav.complete(doc, l, c + 2, '[')).length > 0) offered.push(l);
    }
    assert.deepEqual(offered, [lines.indexOf('after [[')]);
  });
});

/**
 * For each `[line written with | at the cursor, item label, [inserted span, replaced span]]`: completes at the
 * cursor in `a.md` (the line placed by `textOf`) and compares the spans of the item's insert and replace ranges.
 */
async function assertItemSpans(nav: Navigation, cases: [string, string, string[]][], textOf: (lineText: string) => string): Promise<void> {
  type Ranges = { inserting: { start: { character: number }; end: { character: number } }; replacing: { start: { character: number }; end: { character: number } } };
  for (const [written, label, expected] of cases) {
    const cursor = written.indexOf('|');
    const lineText = written.replace('|', '');
    const text = textOf(lineText);
    const line = text.split('\n').indexOf(lineText);
    const items = await nav.complete(nav.document('a.md', text), line, cursor);
    const item = items.find(i => labelOf(i) === label);
    assert.ok(item, `${written}: ${items.map(labelOf).join(', ')}`);
    const r = item.range as unknown as Ranges;
    const spans = [lineText.slice(r.inserting.start.character, r.inserting.end.character), lineText.slice(r.replacing.start.character, r.replacing.end.character)];
    assert.deepEqual(spans, expected, written);
  }
}

describe('navigation providers: completing in the middle of a destination', () => {
  it('replaces the rest of the segment after the cursor (replace mode), not only what precedes it', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'b.md': B, 'sub/foo.md': FM('F') + 'x\n' });
    await assertItemSpans(nav, [
      ['see [x](sub/fo|o.md) after', 'foo.md', ['fo', 'foo.md']],
      ['see [x](<sub/fo|o.md>) after', 'foo.md', ['fo', 'foo.md']],
      ['see `sub/fo|o.md` after', 'foo.md', ['fo', 'foo.md']],
      ['see [[fo|o]] after', 'foo', ['fo', 'foo']],
      ['see [[b#Se|tup 步驟|alias]] after', 'Setup 步驟', ['Se', 'Setup 步驟']],
      ['see [x](b.md#se|tup-步驟) after', 'Setup 步驟', ['se', 'setup-步驟']],
      // the fragment or query after the segment stays
      ['see `sub/fo|o.md#part` after', 'foo.md', ['fo', 'foo.md']],
      ['see [x](sub/fo|o.md#part) after', 'foo.md', ['fo', 'foo.md']],
      ['see [x](sub/fo|o.md?plain=1) after', 'foo.md', ['fo', 'foo.md']],
      ['see [x](<sub/fo|o.md?plain=1>) after', 'foo.md', ['fo', 'foo.md']],
      ['see <a href="sub/fo|o.md?plain=1">x</a>', 'foo.md', ['fo', 'foo.md']],
      ['see [[fo|o#Setup]] after', 'foo', ['fo', 'foo']],
      ['see [[fo|o|alias]] after', 'foo', ['fo', 'foo']],
    ], lineText => FM('A') + lineText + '\n');
  });
});

describe('navigation providers: frontmatter values in the middle of a value', () => {
  it('replaces the rest of the value (replace mode), up to a quote, a comma or trailing blanks', async () => {
    const nav = await navigationOf({ 'a.md': FM('A') + 'x\n', 'x.md': FM('X').replace('tags: [a]', 'tags: [api, cache]') });
    await assertItemSpans(nav, [
      ['status: dr|aft  ', 'draft', ['dr', 'draft']],
      ['status: "dr|aft"', 'draft', ['dr', 'draft']],
      ['tags: [api, ca|che, x]', 'cache', ['ca', 'cache']],
    ], lineText => {
      const key = lineText.slice(0, lineText.indexOf(':'));
      return FM('A').split('\n').map(l => (l.startsWith(key + ':') ? lineText : l)).join('\n') + 'x\n';
    });
  });
});
