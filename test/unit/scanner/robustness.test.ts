import { strict as assert } from 'node:assert';
import { scanNote } from '../../../src/core/scanner/scanner';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { makeBigNote } from '../../bench/corpus';

/**
 * Milliseconds of CPU time this process spends in `fn`. Wall time counts the time other processes hold the CPU
 * (a busy CI box, parallel jobs): a 100 ms scan then took 146 ms of wall time on a loaded 2-CPU machine while a
 * short calibration still ran at idle speed. CPU time leaves that out; the calibration covers a slower CPU.
 */
function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/**
 * Scans `text` (best of five runs, after a warm-up) and returns the result, the CPU milliseconds and how much
 * slower the machine is right now (see CALIBRATION_IDLE_MS). Each run follows a calibration run, so a slowdown
 * that comes and goes during the test run weighs on both alike.
 */
function timed(text: string): { ms: number; slowdown: number; result: ReturnType<typeof scanNote> } {
  let best = Infinity;
  let calibration = Infinity;
  let result = scanNote(text);
  for (let run = 0; run < 5; run++) {
    calibration = Math.min(calibration, calibrationMs());
    best = Math.min(best, cpuMs(() => { result = scanNote(text); }));
  }
  return { ms: best, slowdown: Math.max(1, calibration / CALIBRATION_IDLE_MS), result };
}

const N = 300_000;

/** The calibration workload: indexing the lines of 3 MB of prose, a fixed pure-JavaScript job. */
const CALIBRATION_TEXT = 'a line of prose with [a](b.md) link\n'.repeat(3_000_000 / 36);
/** What the calibration takes on an idle developer machine: time limits are multiplied by how much slower it runs. */
const CALIBRATION_IDLE_MS = 10;

function calibrationMs(): number {
  return cpuMs(() => new LineIndex(CALIBRATION_TEXT));
}

/** Pathological inputs: each must scan in linear time (well under 100 ms for 300k characters). */
const STORMS: Record<string, string> = {
  '[ storm': '['.repeat(N),
  'backtick storm': '`'.repeat(N),
  'alternating backtick runs': '` `` '.repeat(N / 5),
  '[[ storm': '[['.repeat(N / 2),
  '](  storm after [ storm': '['.repeat(N / 4) + ']('.repeat(N / 4),
  ']( with balanced parens storm': '['.repeat(N / 10) + '](()b'.repeat(N / 10),
  'nested brackets': '['.repeat(N / 2) + ']'.repeat(N / 2),
  'nested images': '!['.repeat(N / 4) + '](x)'.repeat(N / 8),
  '<!-- storm': '<!--'.repeat(N / 4),
  '<a x=" storm': '<a x="'.repeat(N / 6),
  // an HTML block holding one tag whose quoted value never closes: each attribute name is tried once, not once per
  // character of the rest (that took ~2 s for 40k characters)
  'HTML block tag with an unclosed value': '<div id="' + 'x'.repeat(N) + '>\n',
  'HTML block tags with unclosed values': '<div\n' + '<img a="x b=\''.repeat(N / 12) + '>\n',
  'HTML block over many lines of names': '<div\n' + 'x y z\n'.repeat(N / 6) + '>\n',
  // srcset lists: each candidate and each descriptor's parenthesis is read once
  'srcset of many candidates': '<img srcset="' + 'a.png 1x, '.repeat(N / 10) + '">\n',
  'srcset descriptor of open parentheses': '<img srcset="a.png ' + '('.repeat(N) + '">\n',
  'srcset of commas': '<source srcset="' + ','.repeat(N) + '">\n',
  'srcset of references': '<img srcset="' + 'a&amp;b.png&#32;1x&comma;'.repeat(N / 25) + '">\n',
  'tag of repeated link attributes': '<video ' + 'src="a" poster="b" '.repeat(N / 19) + '>\n',
  'autolink-ish storm': '<http:'.repeat(N / 6),
  'title storm': '[a](b "'.repeat(N / 7),
  'label storm': '[a]['.repeat(N / 4),
  'escapes': '\\['.repeat(N / 2),
  'emphasis in a heading': '# ' + '*_'.repeat(N / 2),
  'one huge line of words': 'word [a](b.md) '.repeat(N / 15),
  'definition storm': '[a]: <'.repeat(N / 6),
  // nested list markers on one line: each asks whether the rest of the line is a thematic break
  'list marker run': '- '.repeat(N / 2) + 'a\n',
  'star marker run': '* '.repeat(N / 2) + 'a\n',
  // deep nesting kept open across blank lines: every line walks the open containers
  'deep list then blank lines': '+ '.repeat(N / 8) + 'a\n' + '\n'.repeat(N / 5),
  'list staircase': Array.from({ length: 300 }, (_, k) => ' '.repeat(2 * (k % 150)) + '- a\n').join('').repeat(Math.ceil(N / 100_000)),
  // autolink literals: a run of trailing punctuation is read once, not once per character of it; each word is read
  // once for candidates, however many special characters it holds
  'literal with a run of dots': 'http://a' + '.'.repeat(N) + 'b[x](y.md)',
  'literal with a run of trailing punctuation': 'http://a/' + '!)'.repeat(N / 2) + 'x[x](y.md)',
  'literal with a run of ] before text': 'http://a/' + ']x'.repeat(N / 2) + '[x](y.md)',
  'literals storm': 'http://x['.repeat(N / 9),
  'www storm': 'www.'.repeat(N / 4) + '[x](y.md)',
  'rejected literals storm': 'http://a_b_'.repeat(N / 11) + '[x](y.md)',
  'word of openers': 'a['.repeat(N / 2),
  'literal in a heading with a run of dots': '# http://a' + '.'.repeat(N) + 'b `x`\n',
  // footnote calls in an image in a heading: each call's label is read once, nested ones up to their first `[`
  'footnote calls in an image in a heading': '# ![' + '[^a]'.repeat(N / 4) + '](i.png)\n\n[^a]: x\n',
  'nested footnote-shaped brackets in a heading': '# ![' + '[^aaaa'.repeat(N / 6) + ']'.repeat(N / 6) + '](i.png)\n',
  // underscores in email literals of a heading: each word is read once for a literal
  'email literals with underscores in a heading': '# ' + 'a_b@c.de '.repeat(N / 9) + '~~*x~~*\n',
  // an email literal before a URL literal's prefix: each `@` reads its local part back once
  'emails storm before URL prefixes': 'a@b.http://e'.repeat(N / 12) + '[x](y.md)',
  'one long local part before many @': 'a'.repeat(N / 2) + '@.http:'.repeat(N / 14) + '[x](y.md)',
  'one long email word of underscores in a heading': '# ' + 'a_'.repeat(N / 2) + '@b.c ~~*x~~*\n',
  'email literals with underscores in their domains in a heading': '# ' + 'a@b_c.de '.repeat(N / 9) + '~~*x~~*\n',
  'one long email domain of underscores that is no literal in a heading': '# a@' + '_-'.repeat(N / 2) + ' ~~*x~~*\n',
  // many small runs (table cells) before a long stretch without special characters: searches
  // for the next special character of one cell must not run to the end of the note
  'table cells before plain prose': `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(N / 20)}\n${'plain words here '.repeat(N / 34)}[a](b.md)`,
};

describe('scanner robustness and speed', () => {
  for (const [name, text] of Object.entries(STORMS)) {
    it(`${name} (${text.length} chars) scans in well under 100 ms`, () => {
      const { ms, slowdown, result } = timed(text);
      assert.ok(ms < 100 * slowdown, `${name}: ${ms.toFixed(1)} ms (machine slowdown ${slowdown.toFixed(1)})`);
      assert.ok(Array.isArray(result.links) && Array.isArray(result.headings));
    });
  }

  it('finds the real links around a storm', () => {
    // (a line that starts with ``` would open a code fence running to the end: the storm follows text)
    const text = `[a](a.md)\n\n${'['.repeat(N)}\n\nx ${'`'.repeat(N)}\n\n[b](b.md)\n`;
    const { result } = timed(text);
    assert.deepEqual(result.links.map(l => [l.path, l.range.start.line]), [['a.md', 0], ['b.md', 6]]);
  });

  it('the ]( storm yields the links CommonMark makes of it', () => {
    // `[[[](](](` : each `](` closes the nearest `[` with an unbalanced destination, so nothing is a link
    assert.deepEqual(scanNote('['.repeat(1000) + ']('.repeat(1000)).links, []);
    // the first `](x)` makes a link; a link cannot contain a link, so the outer `[`s stay text
    const links = scanNote('['.repeat(1000) + '](x)'.repeat(1000)).links;
    assert.equal(links.length, 1);
    assert.equal(links[0].range.start.character, 999);
  });

  it('a staircase of 1,100 nested list items (1.2 MB, most of it indentation) scans in well under 100 ms', () => {
    // past the most containers kept open, every line continues a hundred of them: its indentation is crossed once,
    // not once per container (it was: ~260 ms here)
    const text = Array.from({ length: 1100 }, (_, k) => ' '.repeat(2 * k) + `- [x${k}](x${k}.md)\n`).join('');
    const { ms, slowdown, result } = timed(text);
    assert.ok(ms < 100 * slowdown, `${ms.toFixed(1)} ms (machine slowdown ${slowdown.toFixed(1)})`);
    // every item holds its link, as commonmark.js finds them
    assert.equal(result.links.length, 1100);
  });

  it('scans a 10 MB note in under 2 s with every section found', function () {
    this.timeout(60_000);
    const text = makeBigNote(10_000_000);
    assert.ok(text.length >= 10_000_000);
    let calibration = Infinity;
    for (let run = 0; run < 3; run++) calibration = Math.min(calibration, calibrationMs());
    const slowdown = Math.max(1, calibration / CALIBRATION_IDLE_MS);
    let result!: ReturnType<typeof scanNote>;
    const ms = cpuMs(() => { result = scanNote(text, findFrontmatterBlock(text)!.end); });
    assert.ok(ms < 2000 * slowdown, `10 MB: ${ms.toFixed(0)} ms (machine slowdown ${slowdown.toFixed(1)})`);
    const sections = text.split('\n## Section ').length - 1;
    assert.equal(result.headings.length, sections + 1);
    assert.ok(result.links.length > sections * 3);
  });
});
