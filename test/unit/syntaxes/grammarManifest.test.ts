import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';

const grammars = (JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] };
}).contributes.grammars;

interface Rule { match?: string; begin?: string; name?: string; patterns?: Rule[]; captures?: Record<string, Rule> }
interface GrammarFile { scopeName: string; injectionSelector: string; patterns: Rule[]; repository?: Record<string, Rule> }

const files = grammars.map(g => ({ path: g.path, file: JSON.parse(readFileSync(g.path, 'utf8')) as GrammarFile }));

/** Every rule of a grammar file: its patterns and its repository, nested ones too. */
function rulesOf(file: GrammarFile): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule): void => {
    out.push(r);
    r.patterns?.forEach(visit);
    Object.values(r.captures ?? {}).forEach(visit);
  };
  file.patterns.forEach(visit);
  Object.values(file.repository ?? {}).forEach(visit);
  return out;
}

/**
 * The characters of a regex that are its syntax (neither escaped nor inside a character class), each with how many
 * groups are open before it.
 */
function syntaxOf(regex: string): { at: number; c: string; depth: number }[] {
  const out: { at: number; c: string; depth: number }[] = [];
  let depth = 0;
  let inClass = false;
  for (let at = 0; at < regex.length; at++) {
    const c = regex[at];
    if (c === '\\') { at++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') { inClass = true; continue; }
    out.push({ at, c, depth });
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return out;
}

/** Where the group that opens at `regex[open]` closes (its `)`), or -1. */
function closeOf(syntax: { at: number; c: string; depth: number }[], open: number): number {
  const depth = syntax.find(s => s.at === open)!.depth;
  return syntax.find(s => s.at > open && s.c === ')' && s.depth === depth + 1)?.at ?? -1;
}

const isLookBehind = (text: string, at = 0): boolean => text.startsWith('(?<=', at) || text.startsWith('(?<!', at);

/**
 * The look-behinds of a regex, `(?<=…)` and `(?<!…)`, each as written (nested groups included), and whether a
 * quantifier (`*`, `+`, `?`, `{…}`) stands in one.
 */
function lookBehinds(regex: string): { body: string; quantified: boolean }[] {
  const syntax = syntaxOf(regex);
  return syntax.filter(s => s.c === '(' && isLookBehind(regex, s.at)).map(s => {
    const close = closeOf(syntax, s.at);
    const inside = syntax.filter(x => x.at > s.at + 3 && x.at < close);
    const quantified = inside.some(x => '*+{'.includes(x.c) || (x.c === '?' && regex[x.at - 1] !== '('));
    return { body: regex.slice(s.at, close + 1), quantified };
  });
}

/** `text` split at its own `|` (not those inside its groups). */
function splitBranches(text: string): string[] {
  const cuts = syntaxOf(text).filter(s => s.c === '|' && s.depth === 0).map(s => s.at);
  return [-1, ...cuts].map((cut, i) => text.slice(cut + 1, i < cuts.length ? cuts[i] : text.length));
}

/** What a match of `regex` can begin with: each of its branches, or of the branches of a group that begins one. */
function leadingBranches(regex: string): string[] {
  return splitBranches(regex).flatMap(b => {
    const open = /^\((?:\?[a-z]*:)?/i.exec(b);
    if (!open || /^\(\?[<=!]/.test(b)) return [b];
    const close = closeOf(syntaxOf(b), 0);
    return close === -1 ? [b] : leadingBranches(b.slice(open[0].length, close));
  });
}

describe('grammars in the manifest (checked without VS Code)', () => {
  it('each names its file and scope, is injected into Markdown, and never applies in code, the frontmatter, comments or HTML tags', () => {
    assert.ok(grammars.length > 0);
    for (const g of grammars) {
      const file = JSON.parse(readFileSync(g.path, 'utf8')) as { scopeName: string; injectionSelector: string };
      assert.equal(file.scopeName, g.scopeName, g.path);
      assert.deepEqual(g.injectTo, ['text.html.markdown'], g.path);
      for (const excluded of ['-markup.fenced_code', '-markup.raw', '-markup.inline.raw', '-meta.embedded', '-meta.tag', '-comment']) {
        assert.ok(file.injectionSelector.split(/\s+/).includes(excluded), `${g.path}: selector lacks ${excluded}`);
      }
    }
  });

  it('tries the chapter-line priority labels only in list items\' paragraphs: they are no regexes that every token of a long table row (or any line) pays for', () => {
    const holders = files.filter(f => rulesOf(f.file).some(r => /\.priority\.(must-read|important|skippable)\./.test(r.name ?? '')));
    assert.ok(holders.length > 0, 'no grammar colours priority labels');
    for (const { path, file } of holders) {
      assert.ok(file.injectionSelector.startsWith('L:text.html.markdown markup.list meta.paragraph.markdown '), `${path}: ${file.injectionSelector}`);
    }
  });

  it('keeps the grammar that applies to every line (table rows too) to a few regexes: two for the three status words', () => {
    // In a table row VS Code's TextMate engine searches with this grammar's scanner both the row and each cell it
    // re-tokenizes, so the search cache of vscode-oniguruma is lost at every cell and each regex of the scanner scans
    // the rest of the row again: the cost of a row grows with its length squared, times the number of regexes.
    const everywhere = files.filter(f => f.file.injectionSelector.startsWith('L:text.html.markdown -'));
    assert.equal(everywhere.length, 1, everywhere.map(f => f.path).join());
    const regexes = rulesOf(everywhere[0].file).filter(r => r.match !== undefined || r.begin !== undefined);
    const status = regexes.filter(r => Object.values(r.captures ?? {}).some(c => /\.status\./.test(c.name ?? '')) || /\.status\./.test(r.name ?? ''));
    assert.ok(status.length <= 2, `status patterns: ${status.length}`);
    assert.ok(regexes.length <= 6, `${regexes.length} regexes: ${regexes.map(r => (r.match ?? r.begin)!.slice(0, 30)).join(' · ')}`);
  });

  it('starts the URL pattern, tried at every token of every line, with one character class that Oniguruma can skip ahead to', () => {
    // led by look-behinds and (?i:https?://), Oniguruma found no first character to search for and tried every
    // position: in a long table row, where every token searches the rest of the row, that cost more than all the
    // other patterns together
    const main = files.find(f => f.file.injectionSelector.startsWith('L:text.html.markdown -'));
    const url = main?.file.repository?.url?.match;
    assert.ok(url?.startsWith('[hHwW]'), url);
  });

  it('uses look-behinds of a fixed length only (branches of several fixed lengths are fine)', () => {
    // Oniguruma tries a look-behind of variable length from every earlier position of the line; VS Code's engine
    // searches a long line again at each token, so a table row with a status word in each cell, or a list line with
    // many labels, took seconds
    for (const { path, file } of files) {
      for (const r of rulesOf(file)) {
        for (const lb of lookBehinds(r.match ?? r.begin ?? '')) assert.ok(!lb.quantified, `${path}: ${lb.body}`);
      }
    }
  });

  it('begins no regex with alternatives that each begin with a look-behind, which leave Oniguruma nothing to skip ahead to', () => {
    // it then tries every position of the line, and a long table row searched again at each token took three times
    // longer (the status words in one such pattern) or more (the bare URL led by (?<![A-Za-z]) and (?<![^ …]))
    for (const { path, file } of files) {
      for (const r of rulesOf(file)) {
        const regex = r.match ?? r.begin;
        if (regex === undefined) continue;
        const led = leadingBranches(regex).filter(b => isLookBehind(b));
        assert.ok(led.length <= 1, `${path}: ${regex}`);
      }
    }
  });
});
