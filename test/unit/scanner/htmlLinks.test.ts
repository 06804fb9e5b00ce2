import { strict as assert } from 'node:assert';
import { createRng } from '../../bench/corpus';
import type { LinkRef } from '../../../src/core/model';
import { scanNote } from '../../../src/core/scanner/scanner';
import { compare, remarkFacts } from './differentialFacts';

/**
 * The links of HTML tags: an `<a>`'s `href`, an `<img>`'s `src` and the other files a tag embeds (a `<video>`'s `src`
 * and `poster`, an `<audio>`, `<source>` or `<track>` `src`, each URL of a `srcset`), in HTML blocks and inline HTML, read as GitHub
 * and VS Code's preview read them (relative to the note, character references decoded, no backslash escapes), and
 * never in code, comments or the HTML blocks whose content is not tags (`<pre>`, `<script>` …). Differentially
 * tested against remark: which HTML remark finds decides which tags are read (HTML_DOCS=3000 HTML_SEED=2 runs more
 * generated documents, or others).
 */

const html = (text: string) => scanNote(text).links.filter(l => l.html);
const show = (text: string, l: LinkRef) =>
  `${l.kind}:${l.path}${l.fragment === undefined ? '' : '#' + l.fragment}@${l.range.start.line}${l.external ? ' external' : ''}`
  + ` [${text.slice(l.targetStart, l.targetEnd)}]`;
const found = (text: string) => html(text).map(l => show(text, l));

describe('scanNote: links in HTML tags', () => {
  it('reads an <img> src and an <a> href with exact ranges: the value as written, the tag as the link', () => {
    const text = 'Intro\n<p align="center"><img src="img/arch.png" width="600"></p>\n\nSee <a href="other.md#setup">other</a>.\n';
    const [img, a] = html(text);
    assert.equal(img.kind, 'image');
    assert.equal(img.raw, 'img/arch.png');
    assert.equal(img.path, 'img/arch.png');
    assert.equal(img.fragment, undefined);
    assert.deepEqual(img.targetRange, { start: { line: 1, character: 28 }, end: { line: 1, character: 40 } });
    assert.deepEqual(img.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 54 } });
    assert.equal(a.kind, 'link');
    assert.equal(a.path, 'other.md');
    assert.equal(a.fragment, 'setup');
    assert.equal(text.slice(a.targetStart, a.targetEnd), 'other.md#setup');
    assert.deepEqual(a.range.start, { line: 3, character: 4 });
    assert.equal(a.text, undefined);
  });

  it('reads every form of attribute value, in any case, and only the first of a repeated one', () => {
    assert.deepEqual(found(`<A HREF='a.md'>x</A> <img alt=x SRC=b.png> <a title="t" href = "c.md">c</a> <a href="d.md" href="e.md">d</a>\n`), [
      'link:a.md@0 [a.md]', 'image:b.png@0 [b.png]', 'link:c.md@0 [c.md]', 'link:d.md@0 [d.md]',
    ]);
  });

  it('decodes character references and percent-encoding, keeps backslashes, trims whitespace and keeps the query', () => {
    assert.deepEqual(found('<a href="a&amp;b.md#x%20y">1</a> <img src="my%20file.png"> <a href="dir\\x.md">2</a> <img src=" c.png "> <a href="d.md?plain=1#L3">3</a>\n'), [
      'link:a&b.md#x y@0 [a&amp;b.md#x%20y]', 'image:my file.png@0 [my%20file.png]', 'link:dir\\x.md@0 [dir\\x.md]',
      'image:c.png@0 [ c.png ]', 'link:d.md?plain=1#L3@0 [d.md?plain=1#L3]',
    ]);
  });

  it('marks schemes and protocol-relative URLs external, and reads a fragment-only href', () => {
    assert.deepEqual(found('<a href="https://e.com/x">1</a> <img src="data:image/png;base64,AAAA"> <a href="//cdn.e.com/x">2</a> <a href="mailto:a@b.co">3</a> <a href="#top">4</a>\n'), [
      'link:https://e.com/x@0 external [https://e.com/x]', 'image:data:image/png;base64,AAAA@0 external [data:image/png;base64,AAAA]',
      'link://cdn.e.com/x@0 external [//cdn.e.com/x]', 'link:mailto:a@b.co@0 external [mailto:a@b.co]', 'link:#top@0 [#top]',
    ]);
  });

  it('reads the files a tag embeds: <video> src and poster, <audio>, <source> and <track> src, each URL of a srcset', () => {
    const text = [
      '<video src="demo.mp4" poster="img/poster.png" controls>',
      '  <source src="demo.webm" type="video/webm">',
      '  <track kind="captions" src="subs/en.vtt" srclang="en">',
      '</video>', '',
      '<picture>',
      '  <source media="(prefers-color-scheme: dark)" srcset="img/dark.png 1x, img/dark@2x.png 2x">',
      '  <img src="img/light.png" srcset="img/light@2x.png 2x" alt="diagram">',
      '</picture>', '',
      'Listen: <audio src=talk.mp3></audio>', '',
    ].join('\n');
    assert.deepEqual(html(text).map(l => `${l.html}:${show(text, l)}`), [
      'video src:image:demo.mp4@0 [demo.mp4]', 'video poster:image:img/poster.png@0 [img/poster.png]',
      'source src:image:demo.webm@1 [demo.webm]', 'track src:image:subs/en.vtt@2 [subs/en.vtt]',
      'source srcset:image:img/dark.png@6 [img/dark.png]', 'source srcset:image:img/dark@2x.png@6 [img/dark@2x.png]',
      'img src:image:img/light.png@7 [img/light.png]', 'img srcset:image:img/light@2x.png@7 [img/light@2x.png]',
      'audio src:image:talk.mp3@10 [talk.mp3]',
    ]);
    // each srcset URL has its own range, inside the tag's
    const dark2x = html(text)[5];
    assert.deepEqual(dark2x.targetRange, { start: { line: 6, character: 72 }, end: { line: 6, character: 87 } });
    assert.deepEqual(dark2x.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 92 } });
    assert.equal(compare('media and srcset', text), 9);
  });

  it('splits a srcset as HTML does: commas inside a URL are its own, trailing ones end it, descriptors are skipped', () => {
    const urls = (value: string) => html(`<img srcset="${value}">\n`).map(l => l.raw);
    assert.deepEqual(urls('a.png'), ['a.png']);
    assert.deepEqual(urls('  a.png  2x ,b.png 3x'), ['a.png', 'b.png']);
    assert.deepEqual(urls('a.png,b.png'), ['a.png,b.png']);
    assert.deepEqual(urls('a.png, b.png,, c.png'), ['a.png', 'b.png', 'c.png']);
    assert.deepEqual(urls('a.png 100w (weird, descriptor), b.png 2x'), ['a.png', 'b.png']);
    assert.deepEqual(urls('data:image/png;base64,AAAA 1x, c%20d.png 2x'), ['data:image/png;base64,AAAA', 'c%20d.png']);
    assert.deepEqual(urls(' , ,'), []);
    assert.deepEqual(html('<img srcset="a.png 1x, https://e.com/b.png 2x">\n').map(l => `${l.path}${l.external ? ' external' : ''}`),
      ['a.png', 'https://e.com/b.png external']);
    for (const value of ['a.png 2x, b.png', 'x,y.png 1x, z.png,', 'a.png 1x (p, q), b&amp;c.png', 'a.png&#32;2x&comma; b.png', 'a&#44;b.png&#x20;c.png']) {
      compare(`srcset ${value}`, `<picture><source srcset="${value}"><img srcset='${value}'></picture>\n`);
    }
  });

  it('resolves a srcset\'s character references before splitting it, as HTML does, and ranges each URL as written', () => {
    const text = '<img srcset="a&amp;b.png&#32;2x&comma;c&#x2C;d.png&Tab;1x, &#101;.png">\n';
    const found = html(text);
    assert.deepEqual(found.map(l => [l.raw, l.path]), [['a&amp;b.png', 'a&b.png'], ['c&#x2C;d.png', 'c,d.png'], ['&#101;.png', 'e.png']]);
    for (const l of found) assert.equal(text.slice(l.targetRange.start.character, l.targetRange.end.character), l.raw);
    // resolved once: `&amp;nbsp;` is an ampersand and `nbsp;`
    assert.deepEqual(html('<img srcset="x&amp;nbsp;y.png">\n').map(l => l.path), ['x&nbsp;y.png']);
    compare('srcset with references', text);
  });

  it('takes the first of a repeated attribute, each link attribute on its own', () => {
    assert.deepEqual(found('<img src="a.png" srcset="b.png" src="c.png" srcset="d.png"> <video poster="p.png" src="v.mp4" poster="q.png">\n'), [
      'image:a.png@0 [a.png]', 'image:b.png@0 [b.png]', 'image:p.png@0 [p.png]', 'image:v.mp4@0 [v.mp4]',
    ]);
  });

  it('skips empty values, values with a line break, other tags and attributes', () => {
    assert.deepEqual(found('<a href="">1</a> <a href="  ">2</a> <img src="a\nb.png"> <link href="x.css"> <img data-src="y.png"> <a name="n">\n'), []);
  });

  it('reads nothing in code, comments, processing instructions or the HTML blocks whose content is not tags', () => {
    const text = [
      '`<img src="span.png">`', '', '```', '<img src="fence.png">', '```', '', '    <img src="indented.png">', '',
      'a <!-- <img src="inline-comment.png"> --> b <?x <img src="pi.png"> ?> c <![CDATA[ <img src="cdata.png"> ]]> d', '',
      '<!--', '<img src="block-comment.png">', '-->', '', '<pre>', '<img src="pre.png">', '</pre>', '',
      '<script>', '<a href="script.md">', '</script>', '', '<div><!-- <img src="in-line-comment.png"> --></div>', '',
      '<div>', '<!--', '<img src="multi-line-comment.png">', '-->', '</div>', '',
    ].join('\n');
    assert.deepEqual(found(text), []);
    assert.equal(compare('nothing in code or comments', text + '<img src="last.png">\n') > 0, true);
  });

  it('reads tags in HTML blocks (a tag may span lines), in containers, headings, tables and link texts', () => {
    const text = [
      '<div>', '  <img src="block.png">', '<a', 'href="split.md">the tag spans lines</a>', '</div>', '',
      '> <img src="quoted.png">', '', '- item <a href="listed.md">x</a>', '', '# Title <img src="heading.png">', '',
      '| a | b |', '| - | - |', '| <img src="cell.png"> | x |', '', '[<img src="in-link.png">](target.md)', '',
      'a paragraph <a', 'href="inline-split.md">read: inline HTML may span lines</a>', '',
    ].join('\n');
    assert.deepEqual(found(text), [
      'image:block.png@1 [block.png]', 'link:split.md@2 [split.md]', 'image:quoted.png@6 [quoted.png]', 'link:listed.md@8 [listed.md]',
      'image:heading.png@10 [heading.png]', 'image:cell.png@14 [cell.png]', 'image:in-link.png@16 [in-link.png]',
      'link:inline-split.md@18 [inline-split.md]',
    ]);
    compare('containers', text);
  });

  it('maps offsets through containers: the target range is the value as written in the note', () => {
    const text = '> - a <img\n>   src="deep.png"> b\n\n> - <div><img\n>   alt="x"\n>     src=\'block.png\'></div>\n';
    const [inline, block] = html(text);
    assert.equal(text.slice(inline.targetStart, inline.targetEnd), 'deep.png');
    assert.deepEqual(inline.targetRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 17 } });
    assert.deepEqual(inline.range, { start: { line: 0, character: 6 }, end: { line: 1, character: 19 } });
    assert.equal(text.slice(block.targetStart, block.targetEnd), 'block.png');
    assert.deepEqual(block.targetRange, { start: { line: 5, character: 11 }, end: { line: 5, character: 20 } });
    assert.deepEqual(block.range, { start: { line: 3, character: 9 }, end: { line: 5, character: 22 } });
    compare('containers', text);
  });

  it('marks the links of HTML tags, and only them', () => {
    const text = '[a](x.md) [b]( <y.md>) <z.md> <https://e.com> `r.md` [[w]]\n\n[d]: w.md\n<a href=u.md>u</a> <a href="v.md">v</a> <a href=\'t.md\'>t</a>\n';
    const links = scanNote(text).links;
    assert.deepEqual(links.filter(l => l.html).map(l => l.raw), ['u.md', 'v.md', 't.md']);
    assert.deepEqual(links.filter(l => !l.html).map(l => `${l.kind}:${l.raw}:${l.html}`), [
      'link:x.md:undefined', 'link:y.md:undefined', 'link:https://e.com:undefined', 'ref:r.md:undefined', 'wikilink:w:undefined', 'link:w.md:undefined',
    ]);
  });

  it('agrees with remark on HTML tags in every kind of block and inline context (generated)', function () {
    this.timeout(60_000);
    const rng = createRng(Number(process.env.HTML_SEED ?? 7));
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
    const TAGS = [
      '<img src="i.png">', '<IMG SRC=i.png>', '<img alt="a" src=\'c d.png\' />', '<a href="n.md#sec">x</a>', '<a href=n.md>',
      '<a href="a&amp;b.md">', '<a href="&#35;frag">', '<a href="  sp.md  ">', '<a href="">', '<a name="n" href="h.md">',
      '<img src="x\\_y.png">', '<a href="https://e.com/">', '<!-- <img src="c.png"> -->', '<a\nhref="wrap.md">', '<img src="p%20q.png">',
      '<span id="s"><img src="in.png"></span>', '<a href="q.md?raw=1">', '<img src="one.png" src="two.png">',
      '<img\n  src="lines.png"\n  width=3>', '<!--\n<a href="c2.md">\n-->', '<div\nid="d"><a href=\'in-div.md\'>', '<img src="a.png"><!--\n--><img src="b.png">',
      '<video src="v.mp4" poster="p.png">', '<source srcset="s1.png 1x, s2.png 2x" src="s.webm">', '<img srcset="a,b.png">',
      '<track src=t.vtt>', '<audio\nsrc="au.mp3">', '<picture><source srcset="d.png, e.png 2x"><img src="l.png"></picture>',
      '<img srcset="r&#32;1x&comma; s&amp;t.png 2x">',
    ];
    const BLOCKS = [
      (t: string) => t, (t: string) => `text ${t} more`, (t: string) => `> ${t.replace(/\n/g, '\n> ')}`, (t: string) => `- ${t.replace(/\n/g, '\n  ')}`,
      (t: string) => `# h ${t.replace(/\n/g, ' ')}`, (t: string) => `| a |\n| - |\n| ${t.replace(/\n/g, ' ')} |`, (t: string) => `\`${t}\``,
      (t: string) => `\`\`\`\n${t}\n\`\`\``, (t: string) => t.replace(/^/gm, '    '), (t: string) => `<div>\n${t}\n</div>`, (t: string) => `<pre>\n${t}\n</pre>`,
      (t: string) => `<!--\n${t}\n-->`, (t: string) => `[${t}](l.md)`, (t: string) => `<details>\n<summary>s</summary>\n\n${t}\n</details>`,
      (t: string) => `1. x\n\n   ${t.replace(/\n/g, '\n   ')}`, (t: string) => `para\n${t}`,
    ];
    let facts = 0;
    for (let doc = 0; doc < Number(process.env.HTML_DOCS ?? 300); doc++) {
      const parts: string[] = [];
      const blocks = 1 + Math.floor(rng() * 4);
      for (let b = 0; b < blocks; b++) parts.push(pick(BLOCKS)(pick(TAGS) + (rng() < 0.3 ? ' ' + pick(TAGS) : '')));
      // (blocks apart: a lazy line after a list item that starts an HTML block is where remark and CommonMark part)
      const text = parts.join('\n\n') + '\n';
      compare(`generated HTML document ${doc}`, text);
      facts += remarkFacts(text).html.length;
    }
    assert.ok(facts > 200, `the documents hold HTML links (${facts})`);
  });
});
