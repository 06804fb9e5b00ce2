import type { Rng } from '../../bench/corpus';

/**
 * A structure-aware random Markdown generator for differential fuzzing of the scanner (fuzz.test.ts): small
 * documents that nest and combine the constructs where a line-oriented scanner goes wrong (containers with lazy
 * and under- or over-indented lines, fences and HTML blocks of every kind inside them, setext underlines that
 * could be thematic breaks or list items, tables, definitions with titles over several lines, links with nested
 * brackets, escapes and entities, code spans, emphasis around brackets, CRLF and tabs, GFM footnotes (calls, and
 * definitions as containers), strikethrough, autolink literals and images inside links). Seeded: same generator
 * state, same document.
 */

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

const WORDS = ['alpha', 'beta', 'gamma', 'note', 'see', 'the', 'x', 'a', 'foo', 'bar', 'Heading', 'Title', 'item', '1.', '2)',
  '中文', '筆記', '實作細節', '設計', '一致性', '🚀', 'Café', 'ａｂｃ', 'snake_case_word', 'a*b', 'a_b_', '--', '==', 'x|y'];

/** Labels of reference definitions: several spellings of one label (case folding, inner spaces), CJK, escapes. */
const LABELS = ['ref', 'Ref', 'REF', 'r  e f', 'r e f', 'foo bar', 'Foo  Bar', '中文', '中 文', 'ẞ', 'ss', 'SS', 'a\\]b',
  'x*y*', '`c`', '1', 'ΑΓΩ', 'αγω', 'Straße', 'STRASSE'];

/** Destinations: relative, with fragments, encoded, escaped, with parentheses, external, empty. */
const DESTS = ['a.md', 'b.md#Sec', 'dir/c.md#中文', 'x%20y.md', 'bad%zz.md', 'a&amp;b.md', '&#35;frag', 'foo(bar).md',
  'foo\\(bar.md', 'c\\_d.md', 'https://e.com/x', '#local', '../up/n.md', '筆記.md', 'a.md#x%20y', 'img.png', 'q.md?x=1#y',
  '%E4%B8%AD.md', 'mailto:a@b.co', '//host/x', 'a\\*b.md', '&eacute;.md', '&bogus;.md', 'a#b#c', 'a.md#', 'a&#40;b&#41;.md',
  'x.md#&#x110000;', 'c&#32;d.md', '&#x23;top', 'e&quot;.md'];

const TITLES = ['"t"', "'t'", '(t)', '"a \\" q"', '"multi\nline"', '"unclosed', '(a (b) c)', '"&amp;"', "'over\nthree\nlines'",
  '(a\nb)', '"a\n\nb"', '"[x](y.md)"', '"\n"'];

/** Character references: valid, unknown, without a semicolon, of brackets and parentheses, past the code points. */
const ENTITIES = ['&amp;', '&#91;', '&#x5D;', '&copy;', '&bogus;', '&#96;', '&lt;', '&nbsp;', '&#0;', '&#40;', '&#x29;', '&lsqb;',
  '&rsqb;', '&amp', '&AMP;', '&#X41;', '&ngE;', '&#x1F600;', '&#xD800;', '&#x110000;', '&#99999999;', '&#32;', '&#x23;', '&quot;'];

/** Footnote labels: some defined by the definitions the generator writes, some not. */
const NOTES = ['1', 'n', 'N', 'a b', 'x\\]y', '1.5', '中'];

const CODE_WORDS = ['a.md', 'docs/a.md', 'b.md#part', '*.md', 'x y.md', '.md', 'a.mdx', '[l](l.md)', 'a|b', '`', 'x', '\\'];

/** One inline destination, as written between `(` and `)` (sometimes invalid on purpose). */
function destination(rng: Rng): string {
  const d = pick(rng, DESTS);
  const r = rng();
  let out: string;
  if (r < 0.15) out = `<${d}>`;
  else if (r < 0.2) out = `<${d} with space>`;
  else if (r < 0.23) out = '<>';
  else if (r < 0.26) out = `${d} space`;
  else if (r < 0.29) out = `<${d}`;
  else if (r < 0.32) out = `${d}(unbalanced`;
  else if (r < 0.34) out = '';
  else out = d;
  if (chance(rng, 0.2)) out += ` ${pick(rng, TITLES)}`;
  if (chance(rng, 0.1)) out = ` ${out} `;
  if (chance(rng, 0.05)) out = `\n${out}`;
  return out;
}

function codeSpan(rng: Rng): string {
  const ticks = '`'.repeat(pick(rng, [1, 1, 1, 2, 3]));
  const body = pick(rng, CODE_WORDS);
  const pad = body.startsWith('`') || body.endsWith('`') || chance(rng, 0.2) ? ' ' : '';
  if (chance(rng, 0.08)) return `${ticks}${pad}${body}`; // unclosed
  if (chance(rng, 0.05)) return `${ticks}${body}${ticks}\``; // longer closing run
  return `${ticks}${pad}${body}${pad}${ticks}`;
}

/** Inline content: `depth` limits how deep links and emphasis nest. */
function inline(rng: Rng, depth: number, parts = int(rng, 1, 6)): string {
  const out: string[] = [];
  for (let p = 0; p < parts; p++) out.push(inlinePart(rng, depth));
  let s = '';
  for (const part of out) s += s === '' || chance(rng, 0.25) ? part : ` ${part}`;
  return s;
}

function linkText(rng: Rng, depth: number): string {
  const r = rng();
  if (depth <= 0 || r < 0.4) return pick(rng, WORDS);
  if (r < 0.5) return '';
  if (r < 0.6) return `${pick(rng, WORDS)} [${pick(rng, WORDS)}] ${pick(rng, WORDS)}`;
  if (r < 0.67) return `![${pick(rng, WORDS)}](${pick(rng, DESTS)})`;
  if (r < 0.7) {
    // an image in the link text in another form: by reference, with a link in its own description, nested
    return pick(rng, [`![${pick(rng, WORDS)}][${pick(rng, LABELS)}]`, `![${pick(rng, LABELS)}]`, `![a [b](${pick(rng, DESTS)}) c](i.png)`,
      `![![${pick(rng, WORDS)}](i.png)](j.png)`, `![${pick(rng, ENTITIES)}](i.png)`]);
  }
  if (r < 0.75) return `${pick(rng, WORDS)} ${pick(rng, ENTITIES)}${pick(rng, ['', ' ', pick(rng, WORDS)])}`;
  return inline(rng, depth - 1, int(rng, 1, 3));
}

function inlinePart(rng: Rng, depth: number): string {
  const r = rng();
  if (r < 0.25) return pick(rng, WORDS);
  if (r < 0.37) return `[${linkText(rng, depth)}](${destination(rng)})`;
  if (r < 0.42) return `![${linkText(rng, depth)}](${destination(rng)})`;
  if (r < 0.5) {
    const label = pick(rng, LABELS);
    const form = rng();
    if (form < 0.4) return `[${linkText(rng, depth)}][${label}]`;
    if (form < 0.7) return `[${label}][]`;
    return `[${label}]`;
  }
  if (r < 0.56) return codeSpan(rng);
  if (r < 0.6) {
    const delim = pick(rng, ['*', '_', '**', '__', '~~', '~', '***', '~~', '~~~', '_~~', '~~*']);
    const inner = depth > 0 ? inline(rng, depth - 1, int(rng, 1, 2)) : pick(rng, WORDS);
    const close = chance(rng, 0.8) ? delim : pick(rng, ['*', '_', '']);
    return `${delim}${inner}${close}`;
  }
  if (r < 0.63) return pick(rng, ['<https://e.com/a>', '<mailto:a@b.co>', '<a@b.co>', '<not a link>', '<x:y>', '<http://a.b/[x](y.md)>', '<a.md>']);
  if (r < 0.67) return pick(rng, ['\\[', '\\]', '\\*', '\\`', '\\!', '\\\\', '\\#', '\\|', '\\_', '\\<', '\\a']);
  if (r < 0.7) return pick(rng, ENTITIES);
  if (r < 0.74) {
    return pick(rng, ['<span>', '</span>', '<a href="[x](y.md)">', '</a>', '<!-- [c](c.md) -->', '<b>', '<img src="i.png">',
      '<br/>', '<x-y z=\'`\'>', '<?p [a](a.md) ?>', '<!-- unclosed', '<a name="n">']);
  }
  if (r < 0.78) return pick(rng, ['[[target]]', '[[t#h|alias]]', '[[a|b]]', '[[ x ]]', '[[', ']]', '[[a]b]]']);
  if (r < 0.84) return pick(rng, ['[', ']', '(', ')', '!', '![', '](', '[]', '()', '[x]', '*', '_', '`', '|', '#', '\\']);
  if (r < 0.87) {
    return pick(rng, ['www.e.com', 'https://e.com/x.md', 'a@b.com', 'http://x.y/(z)', 'a.b-c_d@a.b.', 'x@y_z.w', 'mailto:a@b.co',
      'www.e.com/a_b_', 'https://e.com/(a)).', 'www.e.com/a?b=c&amp;', 'http://e.com/x*y*', 'HTTPS://E.COM', 'www.e_x.com']);
  }
  if (r < 0.9) {
    // a footnote call, and brackets after one
    const call = `[^${pick(rng, NOTES)}]`;
    return pick(rng, [call, call, `${call}[${pick(rng, LABELS)}]`, `${call}[]`, `[${pick(rng, WORDS)} ${call}](${pick(rng, DESTS)})`,
      `!${call}`, `[^]`, `[^ 1]`, `[${call}]`]);
  }
  if (r < 0.94) return pick(rng, ['\\\n', '  \n', '\n', '\t']) + pick(rng, WORDS);
  return pick(rng, ['中文', '，', '。', '「引用」', '😀', '\u00a0', '\u3000', 'ǅ']);
}

/**
 * A paragraph (one to three lines of inline content). With `remarkSafe`, no line starts with `<` (it may be a lazy
 * line: see lazy).
 */
function paragraph(rng: Rng, opts: FuzzOptions): string[] {
  const lines = inline(rng, 2).split('\n');
  while (chance(rng, 0.3)) lines.push(...inline(rng, 1).split('\n'));
  return lines.map(l => (chance(rng, 0.1) ? ' '.repeat(int(rng, 1, 3)) : '') + (lazy(l, opts) ? l : `x ${l}`));
}

function atxHeading(rng: Rng): string[] {
  const level = chance(rng, 0.05) ? 7 : int(rng, 1, 6);
  const indent = chance(rng, 0.15) ? ' '.repeat(int(rng, 1, 4)) : '';
  const content = chance(rng, 0.1) ? '' : inline(rng, 1, int(rng, 1, 4)).replace(/\n/g, ' ');
  const gap = chance(rng, 0.05) ? '' : pick(rng, [' ', ' ', '  ', '\t']);
  let closing = '';
  if (chance(rng, 0.3)) closing = pick(rng, [' #', ' ##', ' #######', '#', ' \\#', ' # ', ' #x', '  ###   ']);
  return [`${indent}${'#'.repeat(level)}${gap}${content}${closing}`];
}

function setextHeading(rng: Rng, opts: FuzzOptions): string[] {
  const lines = paragraph(rng, opts);
  const ch = pick(rng, ['=', '-']);
  const indent = chance(rng, 0.15) ? ' '.repeat(int(rng, 1, 4)) : '';
  const trail = chance(rng, 0.2) ? pick(rng, [' ', '  ', '\t', ' x', ` ${ch}`]) : '';
  lines.push(`${indent}${ch.repeat(int(rng, 1, 5))}${trail}`);
  return lines;
}

function fencedCode(rng: Rng): string[] {
  const ch = pick(rng, ['`', '~']);
  const len = int(rng, 3, 5);
  const indent = chance(rng, 0.15) ? ' '.repeat(int(rng, 1, 3)) : '';
  const info = pick(rng, ['', 'js', ' md', 'a b', '`x`', '~x', '{.c}']);
  const out = [`${indent}${ch.repeat(len)}${info}`];
  const n = int(rng, 0, 3);
  for (let k = 0; k < n; k++) {
    out.push(pick(rng, ['[in code](no.md)', '`no.md`', '# not heading', '', `${ch.repeat(len - 1)}`, '    [x](x.md)',
      `${ch === '`' ? '~~~' : '```'}`, '> quote', '- item', '<div>', `${ch.repeat(len)} x`]));
  }
  const close = rng();
  if (close < 0.6) out.push(`${chance(rng, 0.2) ? ' '.repeat(int(rng, 1, 4)) : ''}${ch.repeat(len + (chance(rng, 0.3) ? int(rng, 1, 2) : 0))}${chance(rng, 0.1) ? ' ' : ''}`);
  else if (close < 0.7) out.push(ch.repeat(len - 1));
  // else: unclosed (ends with its container or the document)
  return out;
}

function indentedCode(rng: Rng): string[] {
  const out: string[] = [];
  const n = int(rng, 1, 3);
  for (let k = 0; k < n; k++) {
    out.push(pick(rng, ['    ', '\t', '     ', '  \t', '      ']) + pick(rng, ['[code](no.md)', '`no.md`', '# h', 'text', '- x']));
    if (chance(rng, 0.2)) out.push('');
  }
  return out;
}

function htmlBlock(rng: Rng): string[] {
  const body = (): string[] => (chance(rng, 0.7) ? [inline(rng, 1, 2).replace(/\n/g, ' ')] : []);
  switch (int(rng, 1, 7)) {
    case 1: {
      const tag = pick(rng, ['script', 'pre', 'style', 'textarea', 'PRE']);
      const out = [`<${tag}${pick(rng, ['>', ' class="x">', ''])}`, ...body(), ''];
      if (chance(rng, 0.7)) out.push(`${pick(rng, ['', 'text '])}</${tag}>${pick(rng, ['', ' [after](after.md)'])}`);
      return out;
    }
    case 2:
      return [`<!--${pick(rng, ['', ' c', ' [x](x.md)'])}`, ...body(), ...(chance(rng, 0.7) ? [`${pick(rng, ['', 'a '])}-->${pick(rng, ['', ' [t](t.md)'])}`] : [])];
    case 3:
      return [`<?php ${pick(rng, ['', '[x](x.md)'])}`, ...body(), ...(chance(rng, 0.7) ? ['?>'] : [])];
    case 4:
      return [pick(rng, ['<!DOCTYPE html>', '<!ELEMENT x>', '<!doctype']), ...body()];
    case 5:
      return ['<![CDATA[', ...body(), ...(chance(rng, 0.7) ? [']]>'] : [])];
    case 6: {
      const tag = pick(rng, ['div', 'table', 'details', 'p', 'section', 'DIV', 'h1', 'ul', 'summary']);
      return [`${pick(rng, ['', ' '])}<${pick(rng, ['', '/'])}${tag}${pick(rng, ['>', ' id="a">', '', '/>'])}`, ...body(),
        ...(chance(rng, 0.5) ? [`</${tag}>`] : [])];
    }
    default:
      return [pick(rng, ['<span class="x">', '<a href="x.md">', '</b>', '<custom-tag>', '<a href="[x](y.md)"', '<img src="i.png" />',
        '<span>[x](x.md)</span>']), ...body()];
  }
}

function table(rng: Rng): string[] {
  const cols = int(rng, 1, 4);
  const edge = (cells: string[]): string => {
    const lead = chance(rng, 0.8) ? '| ' : '';
    const trail = chance(rng, 0.8) ? ' |' : '';
    return `${lead}${cells.join(' | ')}${trail}`;
  };
  const cell = (): string => {
    const r = rng();
    if (r < 0.2) return pick(rng, ['`a|b`', '`a\\|b`', '[p\\|q](pq.md)', 'a \\| b', '[x](a|b.md)', '`x.md`']);
    if (r < 0.25) return '';
    return inline(rng, 1, int(rng, 1, 2)).replace(/\n/g, ' ');
  };
  const out = [edge(Array.from({ length: cols }, cell))];
  const delimCols = chance(rng, 0.85) ? cols : int(rng, 1, 4);
  out.push(edge(Array.from({ length: delimCols }, () => pick(rng, ['---', ':-:', '-:', ':--', '-', '--- ']))));
  const rows = int(rng, 0, 3);
  for (let k = 0; k < rows; k++) out.push(edge(Array.from({ length: int(rng, Math.max(1, cols - 1), cols + 1) }, cell)));
  return out;
}

function definition(rng: Rng, opts: FuzzOptions): string[] {
  const label = pick(rng, LABELS);
  const dest = pick(rng, DESTS);
  const angle = chance(rng, 0.15) ? `<${dest}>` : dest;
  const indent = chance(rng, 0.15) ? ' '.repeat(int(rng, 1, 4)) : '';
  const r = rng();
  if (r < 0.4) return [`${indent}[${label}]: ${angle}${chance(rng, 0.3) ? ` ${pick(rng, TITLES)}` : ''}`].join('\n').split('\n');
  if (r < 0.55) return [`${indent}[${label}]:`, `  ${angle}`, ...(chance(rng, 0.5) ? [`  ${pick(rng, TITLES)}`] : [])].join('\n').split('\n');
  if (r < 0.65) return [`${indent}[${label}]: ${angle} "title`, 'continues here"'];
  if (r < 0.72) return [`${indent}[${label}]: ${angle} "title`, '', 'broken by a blank"'];
  if (r < 0.8) return [`${indent}[${label}]: ${angle} "t" trailing`];
  if (r < 0.86) return [`${indent}[${label}]:${angle}`];
  if (r < 0.9) return [`${indent}[${label}]: ${angle}`, `[${pick(rng, LABELS)}]: ${pick(rng, DESTS)}`, pick(rng, ['===', '---', 'text'])];
  if (r < 0.93) return [`${indent}[${label}]`, `: ${angle}`];
  if (r < 0.95) return [`${indent}[${pick(rng, WORDS)}`, `${label}]: ${angle}`, ...(chance(rng, 0.5) ? [`[${pick(rng, WORDS)} ${label}]`] : [])];
  if (r < 0.97) return [`${indent}[${label}]:`, angle, ...`${pick(rng, TITLES)}`.split('\n'), ...(chance(rng, 0.5) ? [pick(rng, ['===', '---'])] : [])];
  if (opts.inFootnote) return [`${indent}[${label}]: ${angle}`];
  return [`${indent}[^${pick(rng, NOTES)}]: ${inline(rng, 1, 2).replace(/\n/g, ' ')}`];
}

function thematicBreak(rng: Rng): string[] {
  return [pick(rng, ['***', '---', '___', '- - -', ' * * *', '_ _ _ _', '-- -', '***x', '    ---', '+++', '===', '*\t*\t*'])];
}

export interface FuzzOptions {
  /**
   * Leave out the list items where remark (micromark) takes a list for one that interrupts a paragraph when there
   * is none to interrupt (after indented code, or a paragraph outside a container the list opens in), and so
   * rejects an ordered list that does not start at 1 or an item that starts with a blank line: see
   * micromark/micromark#228 and the accepted differences in differential.test.ts. Every ordered list marker is
   * `1.` or `1)` and no item starts empty. Also left out: the inline shapes where remark departs from GitHub in
   * ways the differential test accepts (a footnote call right before `(` or `[`, an email literal right after `_`),
   * and footnote definitions inside footnote definitions (remark continues the inner one by the outer one's
   * indentation).
   */
  remarkSafe?: boolean;
  /** (inside a footnote definition, with `remarkSafe`: no footnote definition opens) */
  inFootnote?: boolean;
}

/** One block of any kind, as its lines without container prefixes. */
function block(rng: Rng, depth: number, opts: FuzzOptions): string[] {
  const r = rng();
  if (depth > 0 && r < 0.13) return blockQuote(rng, depth - 1, opts);
  if (depth > 0 && r < 0.27) return list(rng, depth - 1, opts);
  if (depth > 0 && r < 0.3 && !opts.inFootnote) return footnote(rng, depth - 1, opts);
  if (r < 0.45) return paragraph(rng, opts);
  if (r < 0.53) return atxHeading(rng);
  if (r < 0.6) return setextHeading(rng, opts);
  if (r < 0.67) return fencedCode(rng);
  if (r < 0.71) return indentedCode(rng);
  if (r < 0.77) return htmlBlock(rng);
  if (r < 0.83) return table(rng);
  if (r < 0.93) return definition(rng, opts);
  if (r < 0.97) return thematicBreak(rng);
  return [''];
}

/** A sequence of blocks, with or without blank lines between them. */
function blocks(rng: Rng, depth: number, count: number, opts: FuzzOptions): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const gap = k > 0 && chance(rng, 0.6) ? (chance(rng, 0.9) ? '' : pick(rng, [' ', '  ', '\t'])) : undefined;
    const next = block(rng, depth, opts);
    // (with `remarkSafe`, a line starting with `<` never follows a container's paragraph: see lazy)
    if (gap !== undefined) out.push(gap);
    else if (k > 0 && !lazy(next[0], opts)) out.push('');
    out.push(...next);
  }
  return out;
}

/**
 * Whether a container's line may go without its prefix or with too little indentation (as a lazy line). Not a line
 * that starts with `<` with `remarkSafe`: remark ends the paragraph there as if an HTML block could interrupt it
 * (see ACCEPTED in differential.test.ts).
 */
function lazy(line: string, opts: FuzzOptions): boolean {
  return !opts.remarkSafe || !/^[ \t]*</.test(line);
}

function blockQuote(rng: Rng, depth: number, opts: FuzzOptions): string[] {
  const inner = blocks(rng, depth, int(rng, 1, 3), opts);
  return inner.map((l, k) => {
    // lazy continuation: an inner line without its marker
    if (k > 0 && l !== '' && chance(rng, 0.15) && lazy(l, opts)) return l;
    const marker = pick(rng, ['> ', '> ', '>', ' > ', '>\t', '   > ']);
    return l === '' && chance(rng, 0.5) ? '>' : marker + l;
  });
}

function list(rng: Rng, depth: number, opts: FuzzOptions): string[] {
  const ordered = chance(rng, 0.4);
  const bullet = pick(rng, ['-', '*', '+']);
  const delim = pick(rng, ['.', ')']);
  const start = opts.remarkSafe ? 1 : pick(rng, [1, 1, 0, 2, 10, 123456789]);
  const items = int(rng, 1, 3);
  const out: string[] = [];
  for (let k = 0; k < items; k++) {
    if (k > 0 && chance(rng, 0.3)) out.push('');
    const changed = chance(rng, 0.1);
    const marker = ordered ? `${start + k}${changed ? (delim === '.' ? ')' : '.') : delim}` : (changed ? pick(rng, ['-', '*', '+']) : bullet);
    const gap = pick(rng, [' ', ' ', ' ', '  ', '   ', '    ', '     ', '\t']);
    const inner = chance(rng, opts.remarkSafe ? 0 : 0.08) ? [''] : blocks(rng, depth, int(rng, 1, 3), opts);
    if (opts.remarkSafe && inner[0] === '') inner[0] = pick(rng, WORDS);
    const width = marker.length + (gap === '\t' ? 2 : gap.length > 4 ? 1 : gap.length);
    containerLines(rng, inner, marker, gap, width, opts, out);
  }
  return out;
}

/**
 * A GFM footnote definition as a container: `[^label]:` and its first block, its other lines indented by four (or
 * less, down to lazy, or more), blank lines and indented code inside.
 */
function footnote(rng: Rng, depth: number, opts: FuzzOptions): string[] {
  const inner = blocks(rng, depth, int(rng, 1, 3), opts.remarkSafe ? { ...opts, inFootnote: true } : opts);
  const out: string[] = [];
  const marker = `${chance(rng, 0.1) ? ' '.repeat(int(rng, 1, 3)) : ''}[^${pick(rng, NOTES)}]:`;
  containerLines(rng, inner, marker, pick(rng, [' ', ' ', '', '  ', '\t', '     ']), 4, opts, out);
  return out;
}

/**
 * The lines of a container's content `inner` onto `out`: the first after the container's `marker` and `gap`, the
 * others indented by its `width`, or less (down to lazy), more, or by a tab; blank lines as they are.
 */
function containerLines(rng: Rng, inner: string[], marker: string, gap: string, width: number, opts: FuzzOptions, out: string[]): void {
  inner.forEach((l, j) => {
    if (j === 0) {
      out.push(l === '' ? marker : `${marker}${gap}${l}`);
      return;
    }
    if (l === '') {
      out.push('');
      return;
    }
    const r = lazy(l, opts) ? rng() : 1;
    if (r < 0.1) out.push(l);
    else if (r < 0.18) out.push(' '.repeat(int(rng, Math.max(0, width - 3), width - 1)) + l);
    else if (r < 0.24) out.push(' '.repeat(width + int(rng, 1, 4)) + l);
    else if (r < 0.28) out.push('\t' + l);
    else out.push(' '.repeat(width) + l);
  });
}

/** One random document. */
export function fuzzDocument(rng: Rng, opts: FuzzOptions = {}): string {
  const lines = blocks(rng, 3, int(rng, 1, 8), opts);
  if (chance(rng, 0.05)) lines.unshift('---', 'title: x', '---');
  // (a note that opens with an unclosed `---` is no case to test: remark-frontmatter then reads the next line as
  // paragraph text, where CommonMark and the scanner see a thematic break and a new block)
  else if (/^---[ \t]*$/.test(lines[0])) lines.unshift('start', '');
  let text = lines.join('\n');
  // (every ordered list marker, generated or from a word at a line's start, counts from 1: see remarkSafe)
  // and holds something
  if (opts.remarkSafe) {
    text = text.replace(/^([ \t>*+-]*)\d+(?=[.)])/gm, '$11').replace(/^([ \t>*+-]*1[.)])(?=[ \t]*$)/gm, '$1 x');
    // (`[^1](x.md)` and `[^1][r]` are links on GitHub, footnote calls to remark; `_a@b.c._` is emphasis on GitHub,
    // where remark's email literal takes the `_`: see ACCEPTED in differential.test.ts)
    text = text.replace(/(\[\^[^\]\n]*\])(?=[([])/g, '$1 ').replace(/(?<![A-Za-z0-9.+_-])_+(?=[A-Za-z0-9.+_-]*@)/g, '$& ');
  }
  if (chance(rng, 0.7)) text += '\n';
  const eol = rng();
  if (eol < 0.12) text = text.replace(/\n/g, '\r\n');
  else if (eol < 0.15) text = text.replace(/\n/g, '\r');
  if (chance(rng, 0.1)) text = text.replace(/^( {4})/gm, '\t');
  return text;
}
