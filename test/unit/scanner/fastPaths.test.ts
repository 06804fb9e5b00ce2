import { strict as assert } from 'node:assert';
import { scanNote } from '../../../src/core/scanner/scanner';

/**
 * The scanner's fast paths (plain `[text](dest)` links read by two native searches, table rows
 * and runs without link syntax skipped, destinations without escapes taken as written, inline
 * content parsed while the block pass still runs) must hand every other case over to the general
 * rules. Each case here comes out differently when a fast path keeps it.
 */
const raws = (text: string, linkText = true) =>
  scanNote(text, 0, undefined, { linkText }).links.map(l => `${l.kind}:${l.raw}`);

describe('scanner fast paths hand over to the general rules', () => {
  it('reads the plain link and image, with exact ranges and texts', () => {
    const text = 'a [b c](d/e.md#f) ![g](h.png) [](i.md) [j]()\n';
    const { links } = scanNote(text);
    assert.deepEqual(links.map(l => [l.kind, l.raw, l.path, l.fragment, l.text]), [
      ['link', 'd/e.md#f', 'd/e.md', 'f', 'b c'],
      ['image', 'h.png', 'h.png', undefined, 'g'],
      ['link', 'i.md', 'i.md', undefined, ''],
      ['link', '', '', undefined, 'j'],
    ]);
    assert.deepEqual(links[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 17 } });
    assert.deepEqual(links[0].targetRange, { start: { line: 0, character: 8 }, end: { line: 0, character: 16 } });
    assert.deepEqual(links[3].targetRange, { start: { line: 0, character: 43 }, end: { line: 0, character: 43 } });
  });

  it('leaves links with a code span, an escape, a title, parentheses or angle brackets to the bracket rules', () => {
    assert.deepEqual(raws('[`a.md`](b.md)'), ['link:b.md']); // the code span is the link's label, not a reference
    assert.deepEqual(raws('[a](b.md "t") [c](d_(e).md) [f](<g h.md>) [i\\]](j.md) [k](l\\_m.md)'),
      ['link:b.md', 'link:d_(e).md', 'link:g h.md', 'link:j.md', 'link:l\\_m.md']);
    const [escaped] = scanNote('[k](l\\_m.md)').links;
    assert.equal(escaped.path, 'l_m.md');
  });

  it('keeps a link from containing a link (the plain inner link deactivates the outer opener)', () => {
    assert.deepEqual(raws('[a [b](c.md) d](e.md)'), ['link:c.md']);
  });

  it('drops the links of an image description', () => {
    assert.deepEqual(raws('![a [b](c.md)](d.png)'), ['image:d.png']);
  });

  it('does not let a link run past the end of its table cell or paragraph', () => {
    const table = '| x | y |\n| - | - |\n| [a](b.md|c.md) | z |\n| [d | e](f.md) |\n';
    assert.deepEqual(raws(table), []);
    assert.deepEqual(raws('| x | y |\n| - | - |\n| plain | row |\n| w | [g](h.md) |\n'), ['link:h.md']);
    assert.deepEqual(raws('[a](b.md\n\n)'), []);
  });

  it('reads heading texts with the general rules (emphasis inside a link text is dropped)', () => {
    const { headings, links } = scanNote('# [*a* b](c.md) `d`\n\nx\ny\n===\n');
    assert.deepEqual(headings.map(h => h.text), ['a b d', 'x\ny']);
    assert.deepEqual(links.map(l => l.raw), ['c.md']);
  });

  it('leaves the texts out without linkText, and nothing else', () => {
    const text = '[a](b.md) [[c|d]] `e.md` ![f](g.png)\n# [h](i.md)\n';
    const full = scanNote(text, 0, undefined, { linkText: true }).links;
    const bare = scanNote(text, 0, undefined, { linkText: false }).links;
    assert.deepEqual(full.map(l => l.text), ['a', 'd', undefined, 'f', 'h']);
    assert.deepEqual(bare.map(l => l.text), [undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual(bare.map(l => [l.raw, l.path, l.range]), full.map(l => [l.raw, l.path, l.range]));
  });

  it('decodes destinations with escapes, character and percent references', () => {
    const links = scanNote('[a](b%20c.md#d%20e) [f](g&amp;h.md) [i](j\\#k.md#l) [m](http://n#o) [p](%zz.md)').links;
    assert.deepEqual(links.map(l => [l.path, l.fragment, l.external]), [
      ['b c.md', 'd e', false], ['g&h.md', undefined, false], ['j', 'k.md#l', false], ['http://n', 'o', true], ['%zz.md', undefined, false],
    ]);
  });

  it('scans again when a bracket asked for a definition that came later', () => {
    // with [x] defined, `[b][x]` is a reference link, and a link cannot contain a link
    assert.deepEqual(raws('[a [b][x] c](d.md)\n\n[x]: /u\n'), ['link:/u']);
    assert.deepEqual(raws('[a [b][x] c](d.md)\n\n[y]: /u\n'), ['link:d.md', 'link:/u']);
    assert.deepEqual(raws('[x]: /u\n\n[a [b][x] c](d.md)\n'), ['link:/u']);
    // a definition in a heading's link text, used before: the heading's text sees it too
    const { headings } = scanNote('# [a][x] b\n\n[x]: /u\n');
    assert.deepEqual(headings.map(h => h.text), ['a b']);
  });
});
