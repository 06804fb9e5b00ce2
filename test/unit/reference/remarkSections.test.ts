import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { createRng } from '../../bench/corpus';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { parseInSections } from '../../../src/core/reference/remarkSections';
import { structuralTree } from '../../../src/core/reference/tree';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { defaultConfig } from '../../../src/core/config';
import { mutateText } from '../support/mutate';
import { generatedDocuments, realDocuments, variantDocuments } from './documents';

const README = readFileSync('test/fixtures/seeds/README.md', 'utf8');
const MATRIX = readFileSync('test/fixtures/seeds/coverage_matrix.md', 'utf8');

/** The tree parsed in sections of at least `size` characters, and the sections' count (remark calls). */
function sectioned(text: string, size: number): { tree: Root; calls: number; longest: number } {
  let calls = 0;
  let longest = 0;
  const tree = parseInSections(text, t => { calls++; longest = Math.max(longest, t.length); return parseMarkdownTree(t); }, size);
  return { tree, calls, longest };
}

/** Asserts that the sections' tree is remark's tree of the whole text, positions included. */
function assertSameTree(text: string, size: number, what: string): number {
  const { tree, calls } = sectioned(text, size);
  assert.deepEqual(tree, parseMarkdownTree(text), `${what} (sections of ${size})`);
  return calls;
}

/** Blocks that run over blank lines, each followed by a blank line and lines a section could start at. */
const SPANNING = [
  '```\nfenced\n\n# not a heading\n\nstill code\n```',
  '~~~~ text\n~~~\n\nletters\n\n~~~~~',
  '   ```\nindented fence\n\nword\n   ```',
  '<!-- a comment\n\n# inside it\n\nword -->',
  '<script>\nlet a;\n\nword\n</script>',
  '<pre>\n\nword\n</PRE>',
  '<?php\n\nword ?>',
  '<!DOCTYPE\n\nword >',
  '<![CDATA[\n\nword ]]>',
  '<div>\n# html of kind 6 ends at the blank line\n\nword',
  '- a list item\n\n  continued after a blank line\n\n- another item\n\nword',
  '> a quote\n\nword',
  '    indented code\n\n    more of it\n\nword',
  '| a | b |\n| - | - |\n| 1 | 2 |\n\nword',
  'Setext heading\n===\n\nword',
];

/** A document of `n` pieces: headings, chapter lists and the spanning blocks, separated by blank lines. */
function pieced(n: number, r: () => number, eol = '\n'): string {
  const out: string[] = ['---', 'title: t', '', 'letters: after a blank line in the frontmatter', '---', ''];
  for (let k = 0; k < n; k++) {
    const roll = r();
    if (roll < 0.3) out.push(`## Heading ${k}`, '');
    else if (roll < 0.6) out.push(`- [0${k % 10}_c](a/0${k % 10}_c.md) - 必讀 - 10 min`, `- [1${k % 10}_d](a/1${k % 10}_d.md) - 重要 - 5 min`, '');
    else if (roll < 0.7) out.push(`段落 ${k} 中文開頭`, '');
    else out.push(SPANNING[Math.floor(r() * SPANNING.length)], '');
  }
  return out.join('\n').replace(/\n/g, eol);
}

describe('remark in sections (large structural files)', () => {
  it('gives remark\'s own tree for every real, variant and generated README and matrix, in sections of any size', () => {
    const docs = [...realDocuments(), ...variantDocuments()].map(d => d.text).concat(generatedDocuments(40));
    let cut = 0;
    for (const text of docs) {
      const calls = [64, 1024, 8192].map(size => assertSameTree(text, size, text.slice(0, 80)));
      if (calls[0] > 1) cut++;
    }
    // the rest are short or hold a definition
    assert.ok(cut >= docs.length / 2, `only ${cut} of ${docs.length} documents were cut into sections`);
  });

  it('gives remark\'s own tree when blocks run over blank lines, left open or closed, with LF, CRLF and CR breaks', () => {
    const r = createRng(7);
    for (let seed = 0; seed < 60; seed++) {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = pieced(20 + (seed % 30), r, eol);
        assertSameTree(text, 16 + seed * 8, `seed ${seed} ${JSON.stringify(eol)}`);
      }
    }
    // a fence or comment never closed runs to the end, over every place a section could start
    for (const open of ['```\n', '<!--\n', '<script>\n', '~~~ x\n']) {
      const text = `# T\n\n${open}\n` + 'word\n\n# Heading\n\n- item\n\n'.repeat(50);
      assertSameTree(text, 32, JSON.stringify(open));
      // a section that ends just after the opening line and a blank line
      assertSameTree(`# T\n\n${open}\n` + 'word\n\n'.repeat(20), 4, `${JSON.stringify(open)} at a section's end`);
    }
  });

  it('gives remark\'s own tree for mutated seed READMEs and matrices', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const r = createRng(seed);
      let text = seed % 2 ? README : MATRIX;
      const steps = 1 + Math.floor(r() * 5);
      for (let k = 0; k < steps; k++) text = mutateText(text, r, seed % 2 ? 'backend/README.md' : 'backend/coverage_matrix.md');
      assertSameTree(text, 256 + (seed % 7) * 512, `seed ${seed}`);
    }
  });

  it('parses a text holding `]:` (a definition another section may use) whole', () => {
    const text = '# A\n\nsee [the note][n]\n\n' + '## B\n\nword\n\n'.repeat(20) + '[n]: a/01_x.md\n';
    const { calls } = sectioned(text, 16);
    assert.equal(calls, 1);
    assert.equal(JSON.stringify(parseInSections(text, parseMarkdownTree, 16)).includes('"linkReference"'), true);
  });

  it('keeps a long README of short lists (the seed README repeated, CR breaks) in sections of tens of KB', () => {
    // the shape the mutation fuzz found: the seed README's lines repeated, with CR line breaks (11 s whole)
    const repeated = (n: number) => (README + '\n').repeat(n).replace(/\n/g, '\r');
    const big = repeated(40); // 0.56 MB here: the sections' sizes do not depend on the length
    const { calls, longest } = sectioned(big, 16 * 1024);
    assert.ok(calls >= 25, `${calls} sections`);
    assert.ok(longest < 64 * 1024, `longest section ${longest} characters`);
    // the fast parser bails on it (CR line breaks, frontmatter repeated): structuralTree gives remark's whole tree
    const smaller = repeated(12);
    assert.deepEqual(structuralTree(smaller), parseMarkdownTree(smaller));
    const model = parseSeriesReadme(smaller, 'backend/README.md', defaultConfig());
    assert.equal(model.categories.length, parseSeriesReadme(README, 'backend/README.md', defaultConfig()).categories.length * 12);
  });
});
