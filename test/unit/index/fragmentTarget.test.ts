import { strict as assert } from 'node:assert';
import { fragmentTarget, headingNames, lineOfFragment } from '../../../src/core/index/fragmentTarget';
import type { Heading, LinkKind } from '../../../src/core/model';
import { targetOf } from '../../../src/extension/features/linkLookup';
import { FM, indexOf } from './memoryWorkspace';

/** b.md: duplicates, CJK, markup at an edge, a heading path, `C#`, a `Top` and an `L10…` heading, HTML anchors. */
const B = FM('Beta') + [
  '# Beta', '## Setup', '## Setup', '## Setup', '## 故障排除 6', '## 設定', '## Core Concepts: observability', '## C# Basics',
  '## Outer', '### Inner', '## Setup <img src="x.png">', '## ![logo](l.png) Project', '## Top', '## L10 notes', '## A | B [x]',
  '## Café Ünïcode', '## 日本語の見出し', '## Summary', '## Summary', '',
  '<a id="Anchor-X"></a> <a name="legacy"></a>', '', 'A paragraph. ^blk-1', '',
].join('\n\n');
/** c.md: no `Top` heading, so `#top` is the top of the page. */
const C = FM('Gamma') + '# Gamma\n\n## Setup\n\n## Inner\n\n<a id="top-anchor"></a>\n';

const FIXED = ['top', 'TOP', 'Top', 'tops', 'L10', 'L10-L20', 'L10C5-L12C3', 'L', 'l10', 'L10-', 'L10 notes', 'l10-notes', '^blk-1', '^',
  '#', '##', 'Outer#Inner', 'outer#inner', 'Outer#Nope', 'Beta#Outer#Inner', 'Inner#', '#Inner', 'C# Basics', 'c#-basics', 'c-basics',
  'anchor-x', 'Anchor-X', 'ANCHOR-X', 'legacy', 'LEGACY', 'user-content-anchor-x', 'user-content-Anchor-X', 'user-content-',
  'user-content-legacy', 'USER-CONTENT-setup', 'user-content-user-content-setup', 'setup-', '-project', 'logo-project', 'Setup',
  'logo Project', 'setup-3', 'summary-1', 'summary-2', 'top-anchor', 'user-content-top', 'nothing', ' Setup', 'Setup '];

/** A seeded generator: the same cases on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fragments made from a heading: its slug and text in several cases, prefixed, suffixed, in a path, mangled. */
function fragmentsOf(h: Heading, next: () => number): string[] {
  const out = [h.slug, h.slug.toUpperCase(), h.text, h.text.toLowerCase(), h.text.toUpperCase(), 'user-content-' + h.slug,
    'user-content-' + h.slug.toUpperCase(), 'user-content-' + h.text, 'Outer#' + h.text, 'Beta#' + h.slug, h.slug + '-1', h.slug + '-2',
    '^' + h.slug, h.text + '#'];
  const t = h.text;
  const cut = Math.floor(next() * t.length);
  out.push(t.slice(0, cut) + t.slice(cut + 1), t.slice(0, cut) + t.charAt(cut).toUpperCase() + t.slice(cut + 1), t.replace(/ /g, '-'));
  return out;
}

describe('fragment targets: the link check and the navigation agree', () => {
  it('on every generated fragment, for every link kind, into a note with and without a Top heading', async () => {
    const probe = await indexOf({ 'b.md': B, 'c.md': C });
    const next = random(19);
    const fragments = new Set(FIXED);
    for (const file of ['b.md', 'c.md']) for (const h of probe.headingsOf(file)!) for (const f of fragmentsOf(h, next)) fragments.add(f);
    const lines: string[] = [];
    const defs: string[] = [];
    let n = 0;
    for (const target of ['b', 'c']) {
      for (const f of fragments) {
        const encoded = encodeURIComponent(f);
        // written raw when a destination allows it, else percent-encoded (the scanner decodes it)
        const dest = /^[\w\-\u0080-\uffff]+$/.test(f) && next() < 0.5 ? f : encoded;
        lines.push(`[x](${target}.md#${dest}) ![i](${target}.md#${encoded})`);
        if (!/[[\]|\n]/.test(f)) lines.push(`[[${target}#${f}]]`);
        if (!/[`\s]/.test(f)) lines.push(`see \`${target}.md#${f}\``);
        defs.push(`[r${n++}]: ${target}.md#${encoded}`);
      }
    }
    const a = FM('Alpha') + lines.join('\n\n') + '\n\n' + defs.join('\n') + '\n';
    const index = await indexOf({ 'a.md': a, 'b.md': B, 'c.md': C });
    const broken = new Set(index.diagnostics('a.md').filter(d => d.code === 'link-anchor-broken')
      .map(d => `${d.range.start.line}:${d.range.start.character}`));
    const counts: Record<string, number> = {};
    for (const link of index.note('a.md')!.scan.links) {
      if (link.fragment === undefined) continue;
      const nav = targetOf(index, 'a.md', link);
      const leads = nav.heading !== undefined || nav.place !== undefined;
      const reported = broken.has(`${link.targetRange.start.line}:${link.targetRange.start.character}`);
      assert.equal(leads, !reported, `${link.kind} ${JSON.stringify(link.raw)}: navigation ${leads ? 'leads somewhere' : 'finds nothing'}`);
      const key = `${link.kind}:${nav.heading ? 'heading' : nav.place ?? 'broken'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    // the cases cover every kind and every answer
    for (const kind of ['link', 'image', 'ref', 'wikilink']) {
      for (const answer of ['heading', 'line', 'broken', kind === 'wikilink' ? 'block' : 'top']) {
        assert.ok(counts[`${kind}:${answer}`] > 0, `${kind}:${answer} ${JSON.stringify(counts)}`);
      }
    }
    assert.ok(Object.values(counts).reduce((x, y) => x + y) > 1000);
  });
});

describe('fragmentTarget', () => {
  const headings = (text: string) => indexOf({ 'b.md': text }).then(i => ({ headings: i.headingsOf('b.md')!, anchors: i.note('b.md')!.scan.anchors }));
  const named = async (text: string, fragment: string, kind: LinkKind) => {
    const { headings: hs, anchors } = await headings(text);
    const t = fragmentTarget(headingNames(hs, anchors), fragment, kind);
    return typeof t === 'object' ? `${t.text}@${t.range.start.line}` : t;
  };

  it('names headings by GitHub id forms in Markdown links, by text and path in wikilinks', async () => {
    const b = '# B\n\n## Setup\n\n## Outer\n\n### Inner\n\n## C# Basics\n\n## Top\n\n<a id="X1"></a>\n';
    assert.equal(await named(b, 'user-content-setup', 'link'), 'Setup@2');
    assert.equal(await named(b, 'user-content-setup', 'wikilink'), undefined);
    assert.equal(await named(b, 'Outer#Inner', 'wikilink'), 'Inner@6');
    assert.equal(await named(b, 'C# Basics', 'wikilink'), 'C# Basics@8');
    // an id named top wins over the top of the page
    assert.equal(await named(b, 'TOP', 'link'), 'Top@10');
    assert.equal(await named('# B\n', 'TOP', 'link'), 'top');
    assert.equal(await named('# B\n', 'top', 'wikilink'), undefined);
    assert.equal(await named(b, 'user-content-X1', 'ref'), 'X1@12');
    assert.equal(await named(b, 'user-content-x1', 'ref'), undefined);
    assert.equal(await named(b, '^abc', 'wikilink'), 'block');
    assert.equal(await named(b, '^abc', 'link'), undefined);
    assert.equal(await named(b, 'L12', 'link'), 'line');
  });

  it('reads the line of a line fragment (1-based in the fragment, 0-based out)', () => {
    assert.equal(lineOfFragment('L12'), 11);
    assert.equal(lineOfFragment('L10-L20'), 9);
    assert.equal(lineOfFragment('L3C5-L4C1'), 2);
    assert.equal(lineOfFragment('L0'), 0);
    assert.equal(lineOfFragment('setup'), undefined);
  });
});
