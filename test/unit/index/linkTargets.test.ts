import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { percentDecode } from '../../../src/core/text/percent';
import { scanNote } from '../../../src/core/scanner/scanner';
import { targetOf } from '../../../src/extension/features/linkLookup';
import { codes, FM, indexOf } from './memoryWorkspace';

/** Links that point at something real that is not a checked note: none of them is broken. */
describe('link targets besides notes', () => {
  it('a Markdown link to a folder that exists is not broken; one to a missing folder is', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[f](folder) [f/](folder/) [deep](folder/sub) [here](.) [up](../a.md)\n[gone](nofolder/)\n',
      'folder/sub/x.md': FM('X'),
    });
    assert.deepEqual(codes(index, 'a.md'), ['link-outside-workspace', 'link-broken']);
    assert.deepEqual(index.resolve('a.md', index.note('a.md')!.scan.links[0]), { kind: 'folder', folder: 'folder' });
  });

  it('a folder that loses its last file makes the link broken again', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[f](folder)\n', 'folder/x.png': '' });
    index.buildDependents();
    assert.deepEqual(codes(index, 'a.md'), []);
    index.removeFile('folder/x.png');
    index.updateNote('a.md', FM('A') + '[f](folder)\n');
    assert.deepEqual(codes(index, 'a.md'), ['link-broken']);
  });

  it('a `?query` is not part of the file name; an encoded `%3F` is', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '![d](diagram.png?raw=true) [b](b.md?plain=1#L5) [h](b.md?x=1#real) [q](what%3F.md) [bad](b.md?x#nope)\n',
      'b.md': FM('B') + '# Real\n',
      'diagram.png': '',
    });
    assert.deepEqual(index.diagnostics('a.md').map(d => `${d.code} ${d.range.start.character}`), ['link-broken 71', 'link-anchor-broken 89']);
  });

  it('a `?query` after an encoded `%3F` starts at the `?` written as such', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '![d](why%3F/p%3f.png?raw=true) [b](why%3F/p%3f.png?x?y)\n', 'why?/p?.png': '' });
    const note = index.note('a.md')!;
    assert.deepEqual(note.scan.links.map(l => { const r = index.resolve('a.md', l); return r.kind === 'file' && r.exists && r.file; }), ['why?/p?.png', 'why?/p?.png']);
    assert.deepEqual(codes(index, 'a.md'), []);
  });

  it('files the config leaves out exist: links of every kind to them resolve, unchecked', async () => {
    const config = { ...defaultConfig(), exclude: ['archive/**'] };
    const index = await indexOf({
      'a.md': FM('A') + '[old](archive/02_b.md#whatever) `archive/02_b.md` [[02_b]] [[archive/02_b|old]] [pkg](node_modules/pkg/README.md)\n'
        + '[missing](archive/03_c.md) [[03_c]]\n',
      'archive/02_b.md': FM('B'),
    }, config);
    assert.deepEqual(codes(index, 'a.md'), ['link-broken', 'wikilink-broken']);
    assert.equal(index.note('archive/02_b.md'), undefined, 'not checked');
    assert.equal(index.diagnostics('archive/02_b.md').length, 0);
  });

  it('a wikilink names any workspace file by its file name (`![[diagram.png]]`), notes first', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '![[diagram.png]] [[img/Diagram.PNG]] [[spec.pdf]] [[missing.png]] [[other/diagram.png]]\n',
      'img/diagram.png': '',
      'docs/spec.pdf': '',
    });
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken', 'wikilink-broken']);
    const [embed] = index.note('a.md')!.scan.links;
    assert.deepEqual(index.resolve('a.md', embed), { kind: 'file', file: 'img/diagram.png', exists: true, fragment: undefined, isNote: false });
  });

  it('a file that appears later resolves the wikilinks that named it', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '![[diagram.png]]\n' });
    index.buildDependents();
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken']);
    assert.deepEqual(index.addFile('img/diagram.png'), ['a.md']);
    assert.deepEqual(codes(index, 'a.md'), []);
  });
});

describe('wikilink names', () => {
  it('a path-like wikilink matches whole folder names only', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[[1/dup]] [[f1/dup]] [[F2/Dup]] [[/f2/dup]] [[/dup]]\n',
      'f1/dup.md': FM('Dup 1'),
      'f2/dup.md': FM('Dup 2'),
    });
    assert.deepEqual(codes(index, 'a.md'), ['wikilink-broken', 'wikilink-broken']);
    const links = index.note('a.md')!.scan.links;
    assert.deepEqual(links.map(l => { const r = index.resolve('a.md', l); return r.kind === 'file' ? r.file : r.kind; }),
      ['unresolved', 'f1/dup.md', 'f2/dup.md', 'f2/dup.md', 'unresolved']);
  });

  it('`[[note\\|alias]]` in a table cell names the note, with the alias after the escaped bar', async () => {
    const text = FM('A') + '| topic | note |\n| --- | --- |\n| streams | [[kafka\\|Kafka]] |\n| x | [[kafka#Consumers\\|groups]] |\n';
    const index = await indexOf({ 'a.md': text, 'kafka.md': FM('Kafka') + '# Consumers\n' });
    assert.deepEqual(codes(index, 'a.md'), []);
    const [first, second] = index.note('a.md')!.scan.links;
    assert.deepEqual([first.path, first.text, second.path, second.fragment, second.text], ['kafka', 'Kafka', 'kafka', 'Consumers', 'groups']);
    const line = text.split('\n')[first.targetRange.start.line];
    assert.equal(line.slice(first.targetRange.start.character, first.targetRange.end.character), 'kafka');
  });
});

describe('fragments', () => {
  it('an HTML id (any tag) or <a name> is a fragment target, as on GitHub', async () => {
    const target = FM('B') + '# Real\n\n<a id="setup"></a>\n\n<h2 id="custom">Custom</h2>\n\n## <a name="legacy"></a> Old way\n\n'
      + 'Text with <span id=\'inline\'>x</span> and <a name=bare>y</a>.\n\n<!--\n<a id="commented"></a>\n-->\n\n```html\n<a id="fenced"></a>\n```\n\n`<a id="code">`\n';
    const index = await indexOf({
      'a.md': FM('A') + '[s](b.md#setup) [c](b.md#custom) [l](b.md#legacy) [o](b.md#-old-way) [i](b.md#inline) [n](b.md#bare)\n'
        + '[x](b.md#commented) [y](b.md#fenced) [z](b.md#code) [[b#setup]]\n',
      'b.md': target,
    });
    assert.deepEqual(index.diagnostics('a.md').map(d => d.message.match(/#(\w+)/)![1]), ['commented', 'fenced', 'code']);
    const anchors = index.note('b.md')!.scan.anchors!;
    assert.deepEqual(anchors.map(a => a.id), ['setup', 'custom', 'legacy', 'inline', 'bare']);
    const lines = target.split('\n');
    for (const a of anchors) assert.equal(lines[a.range.start.line].slice(a.range.start.character, a.range.end.character), a.id);
  });

  it('#user-content-x names what #x names: the id GitHub gives a heading or HTML anchor (seen in a package README)', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '# Intro\n[t](b.md#user-content-getbordercharacters) [a](b.md#user-content-legacy) [s](#user-content-intro)\n'
        + '[gone](b.md#user-content-nope) [twice](b.md#user-content-user-content-legacy) [bare](b.md#user-content-)\n',
      'b.md': FM('B') + '### getBorderCharacters\n\n<a name="legacy"></a>\n',
    });
    assert.deepEqual(index.diagnostics('a.md').map(d => d.message.match(/#([\w-]*)/)![1]),
      ['user-content-nope', 'user-content-user-content-legacy', 'user-content-']);
  });

  it('go to definition lands on the anchor a fragment names', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[s](b.md#setup)\n', 'b.md': FM('B') + '# Real\n\nIntro <a id="setup"></a>\n' });
    const target = targetOf(index, 'a.md', index.note('a.md')!.scan.links[0]);
    assert.deepEqual(target.heading && [target.heading.text, target.heading.range.start], ['setup', { line: 11, character: 13 }]);
  });

  it('an anchor in a quoted or listed HTML block keeps its position', () => {
    const text = '> <div id="q">\n> x\n> </div>\n\n- item\n\n  <p id="l">y</p>\n';
    const anchors = scanNote(text).anchors!;
    assert.deepEqual(anchors.map(a => [a.id, a.range.start.line, a.range.start.character]), [['q', 0, 11], ['l', 6, 9]]);
  });

  it('GitHub line fragments (#L10, #L10-L20, #L10C5-L12C3) are not headings', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '[a](b.md#L10) [b](b.md#L10-L20) [c](b.md#L10C5) [d](b.md#L10C5-L12C3) [e](b.md#L10x)\n',
      'b.md': FM('B'),
    });
    assert.deepEqual(codes(index, 'a.md'), ['link-anchor-broken']);
  });

  it('#top is the top of the page in any case (HTML), as "back to top" links use it; a wikilink names headings only', async () => {
    const index = await indexOf({
      'a.md': FM('A') + '# Intro\n[up](#top) [Up](#TOP) [b](b.md#top) [no](#topic) [[b#top]]\n',
      'b.md': FM('B'),
    });
    assert.deepEqual(index.diagnostics('a.md').map(d => d.message.match(/#(\w+)/)![1]), ['topic', 'top']);
  });
});

describe('link texts and destinations', () => {
  it('a code span that labels a link is not a backtick reference of its own', async () => {
    const index = await indexOf({
      'docs/a.md': FM('A') + 'See [`target.md`](../other/target.md), [`ref.md`][r] and `missing.md`.\n\n[r]: ../other/target.md\n',
      'other/target.md': FM('T'),
    });
    assert.deepEqual(index.diagnostics('docs/a.md').map(d => `${d.code} ${d.message}`), ['ref-broken referenced file "missing.md" does not exist (docs/missing.md)']);
    assert.deepEqual(index.note('docs/a.md')!.scan.links.map(l => l.kind), ['link', 'ref', 'link']);
  });

  it('percent-decoding keeps a malformed escape and decodes the rest', () => {
    assert.equal(percentDecode('my%20note%.md'), 'my note%.md');
    assert.equal(percentDecode('%E4%B8%AD%zz%20x'), '中%zz x');
    assert.equal(percentDecode('%E4%B8 half'), '%E4%B8 half');
    assert.equal(percentDecode('100%25.md'), '100%.md');
  });
  it('a message quotes at most 200 characters of a path or fragment, on one line', async () => {
    const index = await indexOf({ 'a.md': FM('A') + `[x](b.md#${'f'.repeat(100_000)}) [y](${'d/'.repeat(5000)}x.md)\n`, 'b.md': FM('B') });
    const messages = index.diagnostics('a.md').map(d => d.message);
    assert.equal(messages.length, 2);
    for (const m of messages) assert.ok(m.length < 700 && m.includes('…') && !m.includes('\n'), m.slice(0, 300));
    // a percent-encoded line break decodes to one: the quoted path or fragment is still one line (the texts above
    // hold no line break, so they could not tell)
    const broken = await indexOf({ 'a.md': FM('A') + '[x](b.md#a%0Ab%0D%0Ac) [y](no%0Dhere.md)\n', 'b.md': FM('B') });
    assert.deepEqual(broken.diagnostics('a.md').map(d => d.message),
      ['heading "#a b c" not found in b.md', 'link target "no here.md" does not exist (no here.md)']);
  });
  it('a fragment into a note that could not be read is not reported: its headings are unknown', async () => {
    const index = await indexOf({ 'a.md': FM('A') + '[x](b.md#anything)\n', 'b.md': new Uint8Array([0xff, 0xfe, 0x41]) });
    assert.deepEqual(codes(index, 'a.md'), []);
  });

  it('only a link without an extension falls back to `<name>.md`', async () => {
    // SPEC: "A link without an extension resolves to <name>.md when that exists". With the fallback for any
    // missing target, `[r](report.pdf)` found report.pdf.md and its broken link went unreported
    const index = await indexOf({
      'a.md': FM('A') + '[r](report.pdf) [n](report.pdf.md) [b](b)\n',
      'report.pdf.md': FM('R'), 'b.md': FM('B'),
    });
    assert.deepEqual(index.diagnostics('a.md').map(d => `${d.code} ${d.message}`),
      ['link-broken link target "report.pdf" does not exist (report.pdf)']);
  });
});
