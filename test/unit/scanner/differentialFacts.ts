import { strict as assert } from 'node:assert';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import GithubSlugger from 'github-slugger';
import type { Node, Parent } from 'unist';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';
import { parseMarkdownTree } from '../../../src/core/reference/remark';
import { scanNote } from '../../../src/core/scanner/scanner';
import { isRefPath, percentDecode } from '../../../src/core/scanner/target';

/**
 * What the differential tests (differential.test.ts, fuzz.test.ts) compare of the fast scanner and the reference
 * parser (unified + remark-parse + remark-gfm + remark-frontmatter), as multisets: links, images and definitions
 * (kind, decoded destination, start line), headings (depth, start line), their texts (start
 * line, text: see shownText) and slugs (start line, slug as GitHub makes it from remark's heading: see
 * githubText), backtick `.md` references (content, start line), and the links of HTML tags (`<a href>`, `<img src>`:
 * kind, decoded destination, line of the tag's start) in the HTML remark finds (see htmlLinks). On the scanner's
 * side alone, each link's target range is checked against its destination as written (see Facts.targets).
 */

export interface Facts {
  links: string[];
  headings: string[];
  /** the heading texts users see (titles, outline) */
  texts: string[];
  slugs: string[];
  refs: string[];
  html: string[];
  /**
   * links whose target range does not hold their destination as written (scanner only; remark's side is always
   * empty): a rename and a quick fix rewrite exactly that range, and in a block quote or list item the scanner reads
   * a paragraph without its container's marks and maps each offset back, so the range can go wrong where `raw` is right
   */
  targets: string[];
}

interface MdNode extends Node {
  url?: string;
  depth?: number;
  value?: string;
  label?: string;
  alt?: string;
  children?: MdNode[];
}

/**
 * The text GitHub makes a heading's slug from, the text of the rendered heading: text and code as they are
 * (nothing trimmed), no raw HTML, nothing of an image. (A footnote reference, which GitHub shows as the
 * footnote's number, is taken as written.)
 */
function githubText(node: MdNode): string {
  return headingText(node, false);
}

/**
 * The text a heading shows users: as GitHub's, but an image gives its alt text, and each line (whatever its line
 * ending: mdast keeps them as written) is trimmed.
 */
function shownText(node: MdNode): string {
  return headingText(node, true).split(/\r\n?|\n|\u2028/).map(line => line.trim()).join('\n').trim();
}

/** The text of a heading's content: with `alt`, an image gives its alt text. */
function headingText(node: MdNode, alt: boolean): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'inlineCode':
      // mdast keeps a code span's line endings; rendered (CommonMark), each is a space
      return (node.value ?? '').replace(/\r\n?|\n/g, ' ');
    case 'html':
      return '';
    case 'image':
    case 'imageReference':
      return alt ? node.alt ?? '' : '';
    case 'break':
      // (a line ending of its own in the shown text: after a text that ends with a lone CR, a LF would make a CRLF)
      return alt ? '\u2028' : '\n';
    case 'footnoteReference':
      return `[^${node.label}]`;
    default:
      return (node.children ?? []).map(child => headingText(child, alt)).join('');
  }
}

/**
 * The facts remark finds in `text`. The start lines of the headings that the scanner reads apart on purpose go to
 * `accepted` when it is given (see readApart).
 */
export function remarkFacts(text: string, accepted?: Set<string>): Facts {
  const tree = parseMarkdownTree(text) as unknown as MdNode;
  const facts: Facts = { links: [], headings: [], texts: [], slugs: [], refs: [], html: [], targets: [] };
  const slugger = new GithubSlugger();
  // the last line of the last definition seen
  let definitionEnd = -1;
  // a code span in a link's text is the link's label, not a backtick reference
  const visit = (node: MdNode, inLink = false, parent?: MdNode) => {
    const start = node.position?.start;
    const line = start ? start.line - 1 : -1;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && start) {
      const opening = text[start.offset!];
      // GFM autolink literals (bare www.x.com, https://x, a@b.c) are not links for the scanner
      const literal = node.type === 'link' && opening !== '[' && opening !== '<';
      if (!literal) {
        let url = node.url ?? '';
        const source = text.slice(start.offset!, node.position!.end.offset!);
        if (node.type === 'link' && opening === '<' && url.startsWith('mailto:') && !source.includes('mailto:')) url = url.slice(7);
        facts.links.push(`${node.type}|${percentDecode(url)}|${line}`);
      }
      if (node.type === 'definition') definitionEnd = node.position!.end.line - 1;
    } else if (node.type === 'heading' && start) {
      // (mdast starts a setext heading that follows definitions in its paragraph at the definitions: its text
      // starts where the scanner starts it, or after the definitions when its text has no position, as the nodes
      // remark-gfm makes of an autolink literal have none)
      const first = node.children?.[0]?.position?.start;
      const setext = text[start.offset!] !== '#';
      const at = setext && first ? first.line - 1 : setext && definitionEnd >= line ? definitionEnd + 1 : line;
      facts.headings.push(`${node.depth}|${at}`);
      facts.texts.push(`${at}|${shownText(node)}`);
      facts.slugs.push(`${at}|${slugger.slug(githubText(node))}`);
      if (accepted && readApart(node, text)) accepted.add(String(at));
    } else if (node.type === 'inlineCode' && start && !inLink && isRefPath((node.value ?? '').trim())) {
      facts.refs.push(`${(node.value ?? '').trim()}|${line}`);
    } else if (node.type === 'html' && start) {
      facts.html.push(...htmlLinks(node.value ?? '', line, FLOW_PARENTS.has(parent?.type ?? '')));
    }
    const linkText = inLink || node.type === 'link' || node.type === 'linkReference';
    for (const child of (node as Parent as MdNode).children ?? []) visit(child, linkText, node);
  };
  visit(tree);
  return sortFacts(facts);
}

/**
 * Whether the scanner reads heading `node` apart from remark as the differential test accepts (see ACCEPTED in
 * differential.test.ts), by its source: a wikilink (`[[`), a code span with an indented line, or one indented
 * after its quote marker (remark keeps the indentation), an image whose description has a line ending after a backslash, two spaces or in a code span
 * (remark's alt text drops a hard break and keeps a code span's line ending).
 */
function readApart(node: MdNode, text: string): boolean {
  const source = (n: MdNode) => text.slice(n.position!.start.offset!, n.position!.end.offset!);
  if (node.type === 'heading' && source(node).includes('[[')) return true;
  if (node.type === 'inlineCode' && node.position) return /(?:\r\n?|\n)(?:[ \t]|[ \t]*>+(?:\t| {2}))/.test(source(node));
  if (node.type === 'image' && node.position) return /(?:\\| {2}|`[^`]*)(?:\r\n?|\n)/.test(source(node));
  return (node.children ?? []).some(child => readApart(child, text));
}

export function scannerFacts(text: string): Facts {
  const block = findFrontmatterBlock(text);
  const body = block && block.closed && block.language === '' ? block.end : 0;
  const result = scanNote(text, body);
  const facts: Facts = { links: [], headings: [], texts: [], slugs: [], refs: [], html: [], targets: [] };
  for (const l of result.links) {
    const line = l.range.start.line;
    const written = text.slice(l.targetStart, l.targetEnd);
    if (written !== l.raw) facts.targets.push(`${l.kind}|${line}|${JSON.stringify(l.raw)} at ${JSON.stringify(written)}`);
    if (l.kind === 'ref') facts.refs.push(`${l.raw}|${line}`);
    else if (l.kind === 'link' || l.kind === 'image') {
      const dest = l.fragment === undefined ? l.path : `${l.path}#${l.fragment}`;
      if (l.html) facts.html.push(`${l.kind}|${dest}|${line}`);
      else facts.links.push(`${l.definition ? 'definition' : l.kind}|${dest}|${line}`);
    }
  }
  for (const h of result.headings) {
    facts.headings.push(`${h.level}|${h.range.start.line}`);
    facts.texts.push(`${h.range.start.line}|${h.text}`);
    facts.slugs.push(`${h.range.start.line}|${h.slug}`);
  }
  return sortFacts(facts);
}

function sortFacts(f: Facts): Facts {
  return { links: f.links.sort(), headings: f.headings.sort(), texts: f.texts.sort(), slugs: f.slugs.sort(), refs: f.refs.sort(), html: f.html.sort(), targets: f.targets.sort() };
}

/** mdast parents of HTML blocks (flow HTML); any other parent holds inline HTML, one tag (or comment …) a node. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * The links the HTML of one `html` node gives, as facts, with the reading the SPEC's link rules ask for: an `<a>`'s
 * first `href`, an `<img>`'s first `src`, character references decoded and ASCII whitespace trimmed, percent-decoded
 * path and fragment; not in a comment, not a value that is empty or holds a line break. An HTML block is read whole
 * (a tag or a comment may span its lines), and not at all when it is a comment, processing instruction, declaration,
 * CDATA section or `<pre>`, `<script>`, `<style>` or `<textarea>` block (CommonMark's kinds 1-5, whose content is not
 * HTML tags to follow); an inline node is one construct, read whole unless it is a comment or the like.
 */
function htmlLinks(value: string, line: number, flow: boolean): string[] {
  // (an HTML block keeps the up to 3 spaces of indentation before its start)
  const opening = value.trimStart();
  if (/^<(?:!|\?)/.test(opening)) return [];
  if (flow && /^<(?:pre|script|style|textarea)(?:[\s>]|$)/i.test(opening)) return [];
  const out: string[] = [];
  const uncommented = value.replace(/<!--[\s\S]*?(?:-->|$)/g, m => m.replace(/[^\r\n]/g, ' '));
  for (const tag of uncommented.matchAll(/<(a|img|video|audio|source|track)(\s[^<>]*)?\/?>/gi)) {
    const name = tag[1].toLowerCase();
    const wanted = LINK_ATTRIBUTES[name];
    const kind = name === 'a' ? 'link' : 'image';
    const tagLine = line + (uncommented.slice(0, tag.index).match(/\r\n|\r|\n/g) ?? []).length;
    const seen = new Set<string>();
    for (const attr of (tag[2] ?? '').matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
      const attrName = attr[1].toLowerCase();
      if (!wanted.includes(attrName) || seen.has(attrName)) continue;
      seen.add(attrName); // (the first of a repeated attribute counts)
      const raw = attr[2] ?? attr[3] ?? attr[4] ?? '';
      if (/[\r\n]/.test(raw) || raw.trim() === '') continue;
      // (HTML resolves a value's references before it splits a srcset: each URL is then as resolved)
      for (const value of attrName === 'srcset' ? srcsetCandidates(decodeReferences(raw)) : [decodeReferences(raw)]) {
        const url = value.replace(/^[ \t\f]+|[ \t\f]+$/g, '');
        const hash = url.indexOf('#');
        const dest = hash === -1 ? percentDecode(url) : `${percentDecode(url.slice(0, hash))}#${percentDecode(url.slice(hash + 1))}`;
        out.push(`${kind}|${dest}|${tagLine}`);
      }
    }
  }
  return out;
}

/** The attributes whose values are links, by element (as the SPEC's link rules read HTML: see README "Links"). */
const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'], img: ['src', 'srcset'], video: ['src', 'poster'], audio: ['src'], source: ['src', 'srcset'], track: ['src'],
};

/**
 * The candidate URLs of a srcset, by HTML's steps written as patterns: separators (whitespace, commas), then a URL
 * (no whitespace; commas at its end end the candidate), then descriptors up to a comma outside parentheses.
 */
function srcsetCandidates(value: string): string[] {
  const out: string[] = [];
  const url = /[\s,]*([^\s]+)/y;
  const descriptors = /(?:[^,(]|\([^)]*\)?)*/y;
  let at = 0;
  while (at < value.length) {
    url.lastIndex = at;
    const m = url.exec(value);
    if (!m) break;
    at = url.lastIndex;
    const trimmed = m[1].replace(/,+$/, '');
    if (trimmed === m[1]) {
      descriptors.lastIndex = at;
      descriptors.exec(value);
      at = descriptors.lastIndex;
    }
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/** HTML's character references with a `;` (named, decimal, hexadecimal); an unknown name stays as written. */
function decodeReferences(s: string): string {
  return s.replace(/&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g, (m, hex, dec, name) => {
    if (name !== undefined) {
      const v = decodeNamedCharacterReference(name);
      return v === false ? m : v;
    }
    const code = parseInt(hex ?? dec, hex !== undefined ? 16 : 10);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

/** Compares both parsers on one text; returns how many facts remark found. */
export function compare(name: string, text: string): number {
  const expected = remarkFacts(text);
  const actual = scannerFacts(text);
  assert.deepEqual(actual, expected, `scanner and remark disagree on ${name}`);
  return expected.links.length + expected.headings.length + expected.refs.length + expected.html.length;
}

/**
 * How the scanner and remark disagree on a text: for each kind of fact that differs, what only remark found and
 * what only the scanner found ('' when they agree), and how many facts remark found. With `skipAccepted`, the
 * headings the two read apart as the differential test accepts, the ones that come up often (see readApart), are
 * left out: their texts, and then all slugs.
 */
export function disagreement(text: string, skipAccepted = false): { differences: string; facts: number } {
  const accepted = skipAccepted ? new Set<string>() : undefined;
  const expected = remarkFacts(text, accepted);
  const actual = scannerFacts(text);
  if (accepted && accepted.size !== 0) {
    for (const facts of [expected, actual]) {
      facts.texts = facts.texts.filter(t => !accepted.has(t.slice(0, t.indexOf('|'))));
      // (the other slugs too: a slug the two read differently shifts the numbers of the repeated ones after it)
      facts.slugs = [];
    }
  }
  const out: string[] = [];
  for (const kind of Object.keys(expected) as (keyof Facts)[]) {
    const remarkOnly = without(expected[kind], actual[kind]);
    const scannerOnly = without(actual[kind], expected[kind]);
    if (remarkOnly.length + scannerOnly.length !== 0) {
      out.push(`${kind}: only remark ${JSON.stringify(remarkOnly)}, only the scanner ${JSON.stringify(scannerOnly)}`);
    }
  }
  return { differences: out.join('\n'), facts: expected.links.length + expected.headings.length + expected.refs.length + expected.html.length };
}

/** The multiset `a` less `b`. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter(x => {
    const k = left.indexOf(x);
    if (k === -1) return true;
    left.splice(k, 1);
    return false;
  });
}
