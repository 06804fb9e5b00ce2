// Judges the documents a scanner fuzz hunt found (the log of a failing `FUZZ_SEEDS=… fuzz.test.ts` run): for each
// least form, which of the scanner and remark reads it as CommonMark's reference implementation (commonmark.js) and
// as GitHub's parser (cmark-gfm) read it. A hunting aid, not a test: neither judge is a dependency of the project.
// The npm package cmark-gfm 0.9.0 builds cmark-gfm 0.29.0.gfm.0 (2019): GitHub runs a later release, which fixed some
// of that one's departures from CommonMark (code spans after an unclosed longer run, `<textarea` and `<!d` blocks of
// spec 0.31), so a `remark` verdict of cmark-gfm alone is checked against commonmark.js and the spec.
//   npm install --no-save commonmark@0.31.2 cmark-gfm@0.9.0     (cmark-gfm compiles a native addon)
//   FUZZ_SEEDS=400000-450000 node scripts/test-one.mjs test/unit/scanner/fuzz.test.ts > hunt.log
//   node scripts/judge-fuzz.mjs hunt.log [more logs…]      (JUDGE_VERBOSE=1 also prints the claims and GitHub's HTML)
// Per document and judge: `scanner` (every difference read as the scanner reads it), `remark`, `mixed`, or `-`
// when the judge cannot see what differs (wikilinks; heading texts to commonmark.js). The comparison is coarse:
// links by kind only (link, image), definitions by whether any is made (commonmark.js) or by the destination a use
// of each label leads to (cmark-gfm), headings by level and line, heading texts by text (cmark-gfm only), code spans
// by content; a verdict other than `scanner` is read by eye.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const load = name => { try { return require(name); } catch { return undefined; } };
const commonmark = load('commonmark');
const cmarkGfm = load('cmark-gfm');
if (!commonmark && !cmarkGfm) {
  console.error('no judge installed: npm install --no-save commonmark@0.31.2 cmark-gfm@0.9.0');
  process.exit(2);
}
const logs = process.argv.slice(2);
if (logs.length === 0) {
  console.error('usage: node scripts/judge-fuzz.mjs <fuzz log> [more logs…]');
  process.exit(2);
}

/** Each document of a log: its seed, its least form and the differences it still shows. */
function* documentsOf(log) {
  for (const block of log.split(/\n(?=seed \d+: )/).slice(1)) {
    const seed = /^seed (\d+)/.exec(block)[1];
    const at = block.indexOf('\nat least: ');
    if (at === -1) continue;
    const lines = block.slice(at + 1).split('\n');
    const least = JSON.parse(lines[0].slice('at least: '.length));
    const claims = [];
    for (const line of lines.slice(1)) {
      const m = /^(\w+): only remark (\[.*\]), only the scanner (\[.*\])$/.exec(line.trim());
      if (!m) break;
      claims.push({ what: m[1], remark: JSON.parse(m[2]), scanner: JSON.parse(m[3]), line });
    }
    yield { seed, least, claims };
  }
}

const decodeHref = h => { try { return decodeURI(h); } catch { return h; } };
const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
const squeeze = s => s.replace(/\s+/g, ' ').trim();

/** What commonmark.js reads: headings (`level|line`), link kinds, code span contents, whether any definition. */
function commonmarkFacts(src) {
  const parser = new commonmark.Parser();
  const tree = parser.parse(src);
  const facts = { heads: [], links: [], codes: [], texts: undefined, defined: undefined, definitions: Object.keys(parser.refmap).length > 0 };
  const walker = tree.walker();
  for (let ev = walker.next(); ev; ev = walker.next()) {
    if (!ev.entering) continue;
    const n = ev.node;
    if (n.type === 'heading') facts.heads.push(`${n.level}|${n.sourcepos[0][0] - 1}`);
    else if (n.type === 'link' || n.type === 'image') facts.links.push(n.type);
    else if (n.type === 'code') facts.codes.push(n.literal);
  }
  return facts;
}

/** What cmark-gfm reads (tables, strikethrough, autolinks, footnotes), from its HTML with source positions. */
function gfmFacts(src) {
  // an unreferenced footnote definition is not rendered: each one is called at the end; and each label that may be
  // defined is used there, so that a definition shows as a link (to the destination it defines)
  const notes = [...src.matchAll(/\[\^([^\]\s]+)\]:/g)].map(m => `r[^${m[1]}]`);
  const uses = [...src.matchAll(/\[([^\]\[^][^\][]*)\]:/g)].map(m => `[${m[1]}]`);
  const tail = [...notes, ...(uses.length === 0 ? [] : ['DEFINED', ...uses])];
  const body = tail.length === 0 ? src : `${src}\n\n\n${tail.join(' ')}\n`;
  const html = cmarkGfm.renderHtmlSync(body, {
    extensions: { table: true, strikethrough: true, autolink: true }, footnotes: true, unsafe: true, sourcepos: true,
  });
  const heads = [...html.matchAll(/<h([1-6]) data-sourcepos="(\d+):/g)].map(m => `${m[1]}|${m[2] - 1}`);
  const texts = [...html.matchAll(/<h[1-6] data-sourcepos="[^"]*">([\s\S]*?)<\/h[1-6]>/g)]
    .map(m => squeeze(unescape(m[1].replace(/<img [^>]*alt="([^"]*)"[^>]*>/g, '$1').replace(/<[^>]*>/g, ''))));
  const links = [];
  for (const m of html.matchAll(/<a href="[^"]*"( id="fnref| class="footnote)?/g)) if (!m[1]) links.push('link');
  for (const _ of html.matchAll(/<img /g)) links.push('image');
  const codes = [...html.matchAll(/<code>([^<]*)<\/code>/g)].map(m => unescape(m[1]));
  // the destinations the labels used after DEFINED lead to (definitions: the claim names the destination)
  const used = /DEFINED([\s\S]*?)<\/p>/.exec(html);
  const defined = used ? [...used[1].matchAll(/<a href="([^"]*)"/g)].map(m => decodeHref(unescape(m[1]))) : undefined;
  return { heads, links, codes, texts, defined, html };
}

/** `scanner`, `remark`, `mixed` or `-`: whose reading of each difference the judge's facts confirm. */
function verdict(facts, claims) {
  const votes = [];
  const vote = (found, side) => votes.push(found === undefined ? '?' : found ? side : side === 'S' ? 'R' : 'S');
  for (const c of claims) {
    for (const [side, items] of [['S', c.scanner], ['R', c.remark]]) {
      for (const item of items) {
        if (c.what === 'headings') vote(facts.heads.includes(item), side);
        else if (c.what === 'texts') {
          // by text alone: a setext heading's source starts at a definition before it in cmark-gfm
          vote(facts.texts?.includes(squeeze(item.slice(item.indexOf('|') + 1))), side);
        } else if (c.what === 'refs') vote(facts.codes.includes(item.slice(0, item.lastIndexOf('|'))), side);
        else if (c.what === 'links') {
          const kind = item.split('|')[0];
          const found = kind === 'wikilink' ? undefined
            : kind !== 'definition' ? facts.links.includes(kind)
              : facts.defined ? facts.defined.includes(decodeHref(item.slice(item.indexOf('|') + 1, item.lastIndexOf('|'))))
                : facts.definitions;
          vote(found, side);
        }
      }
    }
  }
  const known = votes.filter(v => v !== '?');
  if (known.length === 0) return '-';
  return known.every(v => v === 'S') ? 'scanner' : known.every(v => v === 'R') ? 'remark' : 'mixed';
}

const tally = {};
console.log(['seed', 'commonmark.js', 'cmark-gfm', 'least form'].join('\t'));
for (const file of logs) {
  for (const doc of documentsOf(readFileSync(file, 'utf8'))) {
    const cm = commonmark ? verdict(commonmarkFacts(doc.least), doc.claims) : 'n/a';
    const gfm = cmarkGfm ? gfmFacts(doc.least) : undefined;
    const gh = gfm ? verdict(gfm, doc.claims) : 'n/a';
    tally[`${cm}/${gh}`] = (tally[`${cm}/${gh}`] ?? 0) + 1;
    console.log([doc.seed, cm, gh, JSON.stringify(doc.least)].join('\t'));
    if (process.env.JUDGE_VERBOSE === '1') console.log(doc.claims.map(c => c.line).join('\n') + (gfm ? `\n${gfm.html}` : '') + '\n');
  }
}
console.log('\ncommonmark.js/cmark-gfm verdicts:', Object.entries(tally).sort().map(([k, n]) => `${k} ${n}`).join(', '));
