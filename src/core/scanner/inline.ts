import { matchEntity } from './entities';
import { matchAutolink, matchInlineHtml } from './html';
import { SpecialFinder } from './specials';
import { makeDraft, type LinkDraft, type References } from './inlineTypes';
import { EditUse, InlineState, type DelimRun } from './inlineState';
import { codeSpan } from './codeSpans';
import { delimiterRun, pairRuns } from './emphasis';
import { plainLines, plainText } from './headingText';
import { linkTail } from './linkDestinations';
import { wikilink } from './wikilinks';
import { isAsciiPunctuation, isSpaceChar } from './target';

/**
 * Inline pass of the scanner over one run of inline content (a paragraph, a heading, a table
 * cell): code spans, backslash escapes, links and images with the CommonMark bracket algorithm,
 * reference links (for their effect on brackets only), autolinks, raw HTML, wikilinks and
 * backtick `.md` references. Linear time: every search that could be repeated is memoised.
 */

/** Nothing but spaces, tabs and line endings (CommonMark's whitespace: a no-break space is text). */
const BLANK = /^[ \t\r\n]*$/;

/** ASCII characters that can start inline syntax: 1 for links and plain text, 2 for plain text only. */
const SPECIAL = new Uint8Array(128);
for (const ch of '\\`![]<') SPECIAL[ch.charCodeAt(0)] = 1;
for (const ch of '&*_~') SPECIAL[ch.charCodeAt(0)] = 2;

/** Where inline syntax can start in plain-text mode (the characters of SPECIAL, as one native search). */
const TEXT_SPECIAL = /[\\`!\[\]<&*_~]/g;

/** A link text without link syntax, up to the `](` that ends it (sticky: from just after the `[`). */
const PLAIN_LINK_TEXT = /[^[\]`<\\]*\]\(/y;
/** A destination without spaces, controls, parentheses, `<` or backslashes, and the `)` that ends it. */
const PLAIN_DESTINATION = /[^\x00-\x20\x7f()<\\]*\)/y;

/** Parses `text[from, to)` from `first` (no inline syntax before it); returns the plain text when `wantText`. */
function parse(
  st: InlineState, text: string, from: number, to: number, toSource: ((i: number) => number) | undefined,
  refs: References, drafts: LinkDraft[], wantText: boolean, first: number, finder: SpecialFinder | undefined,
  linkText: boolean,
): string {
  st.reset(text, from, to, toSource, refs, drafts, wantText, linkText);
  let result = '';
  if (finder === undefined) {
    runText(st, first);
    if (wantText) result = plainText(st);
  } else runLinks(st, first, finder);
  st.release();
  return result;
}

/** Link mode: jumps from one special character to the next (see SpecialFinder). */
function runLinks(st: InlineState, first: number, finder: SpecialFinder): void {
  const { text, to } = st;
  let i = first;
  while (i < to) {
    const j = finder.next(i);
    if (j >= to) break;
    i = special(st, j, text.charCodeAt(j));
  }
}

/** Text mode: reads every character (headings are short). */
function runText(st: InlineState, first: number): void {
  const { text, to } = st;
  let i = first;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 128 || SPECIAL[c] === 0) i++;
    else i = special(st, i, c);
  }
}

/** Reads the construct that may start at the special character `c` at `i`; returns where to go on. */
function special(st: InlineState, i: number, c: number): number {
  const { text, to } = st;
  switch (c) {
    case 92: // backslash
      if (i + 1 < to && isAsciiPunctuation(text.charCodeAt(i + 1))) {
        if (st.wantText) st.pushEdit(i, i + 1, '');
        return i + 2;
      }
      return i + 1;
    case 96: // backtick
      return codeSpan(st, i);
    case 33: // !
      if (i + 1 < to && text.charCodeAt(i + 1) === 91) {
        if (i + 2 < to && text.charCodeAt(i + 2) === 91) {
          const w = wikilink(st, i + 1);
          if (w !== -1) return w;
        } else if (!st.wantText) {
          const end = plainLink(st, i, true);
          if (end !== -1) return end;
        }
        pushOpener(st, i, 1);
        return i + 2;
      }
      return i + 1;
    case 91: // [
      if (i + 1 < to && text.charCodeAt(i + 1) === 91) {
        const w = wikilink(st, i);
        if (w !== -1) return w;
      } else if (!st.wantText) {
        const end = plainLink(st, i, false);
        if (end !== -1) return end;
      }
      pushOpener(st, i, 0);
      return i + 1;
    case 93: // ]
      return closeBracket(st, i);
    case 60: // <
      return angle(st, i);
    case 38: { // & (text mode only)
      const e = matchEntity(text, i, to);
      if (e) {
        st.pushEdit(i, i + e.length, e.value);
        return i + e.length;
      }
      return i + 1;
    }
    default: // * _ ~ (text mode only)
      return delimiterRun(st, i, c);
  }
}

function pushOpener(st: InlineState, pos: number, image: number): void {
  st.openerPos.push(pos);
  st.openerImage.push(image);
  st.openerMark.push(st.drafts.length);
  if (st.wantText) st.openerRuns.push((st.pending ?? st.delims).length); // (headings only)
}

/**
 * The common link `[text](dest)` (or image `![text](dest)`) opening at `pos`, read by two native
 * searches: a text without link syntax (no brackets, backticks, `<` or backslashes) and a bare
 * destination (no spaces, parentheses, `<` or backslashes) right after it. Returns its end, or -1
 * when the link is anything else (the bracket algorithm then reads it). Links mode only: the
 * result is what pushing the opener and closing it at its `]` would give, since nothing
 * between them is special and the opener is the innermost one.
 */
function plainLink(st: InlineState, pos: number, image: boolean): number {
  const { text, to } = st;
  const textStart = pos + (image ? 2 : 1);
  PLAIN_LINK_TEXT.lastIndex = textStart;
  if (!PLAIN_LINK_TEXT.test(text)) return -1;
  const destStart = PLAIN_LINK_TEXT.lastIndex;
  if (destStart > to) return -1;
  PLAIN_DESTINATION.lastIndex = destStart;
  if (!PLAIN_DESTINATION.test(text)) return -1;
  const end = PLAIN_DESTINATION.lastIndex;
  if (end > to) return -1;
  const close = destStart - 2;
  const destEnd = end - 1;
  st.drafts.push(makeDraft(
    image ? 'image' : 'link', text.slice(destStart, destEnd), st.linkText ? text.slice(textStart, close) : '',
    st.map(pos), st.map(end - 1) + 1,
    st.map(destStart), destEnd > destStart ? st.map(destEnd - 1) + 1 : st.map(destStart), false, false,
  ));
  if (!image) st.deactivatedBefore = pos;
  return end;
}

function closeBracket(st: InlineState, i: number): number {
  const { text, to } = st;
  const pos = st.openerPos.pop();
  if (pos === undefined) return i + 1;
  const image = st.openerImage.pop() === 1;
  const mark = st.openerMark.pop()!;
  const runs = st.wantText ? st.openerRuns.pop()! : 0;
  if (!image && pos < st.deactivatedBefore) return i + 1;
  const textStart = pos + (image ? 2 : 1);
  const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
  if (next === 40 /* ( */ && linkTail(st, i + 1)) {
    const { tailEnd, destStart, destEnd } = st;
    dropInside(st, mark, image);
    st.drafts.push(makeDraft(
      image ? 'image' : 'link', text.slice(destStart, destEnd), st.linkText ? text.slice(textStart, i) : '',
      st.map(pos), st.map(tailEnd - 1) + 1,
      st.map(destStart), destEnd > destStart ? st.map(destEnd - 1) + 1 : st.map(destStart), false, false,
    ));
    formed(st, pos, image, i, tailEnd, runs);
    return tailEnd;
  }
  if (next === 91 /* [ */) {
    const labelEnd = linkLabelEnd(st, i + 1);
    if (labelEnd !== -1) {
      const label = labelEnd === i + 2 ? shortcutLabel(st, textStart, i) : text.slice(i + 2, labelEnd);
      if (label !== undefined && isDefined(st, label)) {
        dropInside(st, mark, image);
        formed(st, pos, image, i, labelEnd + 1, runs);
        return labelEnd + 1;
      }
      return i + 1;
    }
  }
  const label = shortcutLabel(st, textStart, i);
  if (label !== undefined && isDefined(st, label)) {
    dropInside(st, mark, image);
    formed(st, pos, image, i, i + 1, runs);
  }
  return i + 1;
}

/**
 * What the text of a link or image that was just formed (its drafts from `mark` on) no longer means: an image's
 * alt text holds no links at all; a link's text keeps its images and wikilinks, but a code span in it is the
 * link's label (`` [`a.md`](../docs/a.md) ``), not a backtick reference of its own.
 */
function dropInside(st: InlineState, mark: number, image: boolean): void {
  const { drafts } = st;
  if (image) {
    drafts.length = mark;
    return;
  }
  let kept = mark;
  for (let k = mark; k < drafts.length; k++) if (drafts[k].kind !== 'ref') drafts[kept++] = drafts[k];
  drafts.length = kept;
}

function isDefined(st: InlineState, label: string): boolean {
  return st.refs.defines(label);
}

function shortcutLabel(st: InlineState, textStart: number, close: number): string | undefined {
  if (close - textStart > 999) return undefined;
  const label = st.text.slice(textStart, close);
  return BLANK.test(label) ? undefined : label;
}

/**
 * A link or image was formed from the opener at `pos` whose text ends at `close`, the construct at `end`;
 * `runs` delimiter runs were pending at its opener.
 */
function formed(st: InlineState, pos: number, image: boolean, close: number, end: number, runs: number): void {
  if (!image) st.deactivatedBefore = pos;
  if (!st.wantText) return;
  // the emphasis of its text pairs within it (CommonMark: the delimiters inside are processed, then removed)
  if ((st.pending ?? st.delims).length > runs) pairRuns(st, runs, false, true);
  // a link leaves its text; an image leaves its alt text where headings are shown (a title reads better
  // with it), and nothing where GitHub slugs them (an <img> holds no text)
  const use = image ? EditUse.Shown : EditUse.Both;
  st.pushEdit(pos, pos + (image ? 2 : 1), '', use);
  st.pushEdit(close, end, '', use);
  if (image) {
    st.pushEdit(pos, end, '', EditUse.Slug);
    st.oneSided = true;
  }
}

/** `]` of a link label starting at `text[i] === '['`, or -1 (no unescaped `[`, at most 999 characters). */
function linkLabelEnd(st: InlineState, i: number): number {
  const { text, to } = st;
  const limit = Math.min(to, i + 1001);
  for (let j = i + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 && j + 1 < limit) j++;
    else if (c === 91) return -1;
    else if (c === 93) return j;
  }
  return -1;
}

function angle(st: InlineState, i: number): number {
  const { text, to } = st;
  const auto = matchAutolink(text, i, to);
  if (auto) {
    const raw = text.slice(i + 1, auto.end - 1);
    st.drafts.push(makeDraft('link', raw, raw, st.map(i), st.map(auto.end - 1) + 1,
      st.map(i + 1), st.map(auto.end - 2) + 1, false, auto.email));
    if (st.wantText) st.pushEdit(i, auto.end, raw);
    return auto.end;
  }
  const html = matchInlineHtml(text, i, to, st.getFinder());
  if (html !== -1) {
    if (st.wantText) st.pushEdit(i, html, '');
    st.refs.htmlTag?.(text, i, html, st.toSource);
    return html;
  }
  return i + 1;
}

const parser = new InlineState();

/**
 * Parses one run of inline content, `text[from, to)` (`toSource` maps its indices to note offsets,
 * undefined when `text` is the note), appending the links it holds to `drafts` (in the order they
 * close). `finder` (for `text`, made when not given) skips the prose between special characters.
 * Without `linkText`, the drafts' texts are left out ('').
 */
export function parseInline(
  text: string, from: number, to: number, toSource: ((i: number) => number) | undefined,
  refs: References, drafts: LinkDraft[], finder?: SpecialFinder, linkText = true,
): void {
  finder ??= new SpecialFinder(text);
  const first = finder.next(from);
  if (first >= to) return;
  parse(parser, text, from, to, toSource, refs, drafts, false, first, finder, linkText);
}

/**
 * Parses a heading's inline content as parseInline does (reading every character) and returns its plain
 * text as users see it: lines trimmed, an image's alt text kept. `slugTexts` receives the text GitHub
 * makes its slug from (the same string when they agree, as they nearly always do): what markup leaves at
 * the edges stays (`## [ Foo ](x.md)` slugs to `-foo-`) and an image gives nothing.
 */
export function parseHeading(
  text: string, from: number, to: number, toSource: ((i: number) => number) | undefined,
  refs: References, drafts: LinkDraft[], slugTexts: string[],
): string {
  // the run as a string of its own, so that a native search for its first special character
  // stops at its end (most headings hold none: their plain text is the run itself)
  const run = text.slice(from, to);
  TEXT_SPECIAL.lastIndex = 0;
  if (!TEXT_SPECIAL.test(run)) {
    const plain = plainLines(run);
    slugTexts.push(plain);
    return plain;
  }
  const plain = parse(parser, text, from, to, toSource, refs, drafts, true, from + TEXT_SPECIAL.lastIndex - 1, undefined, true);
  slugTexts.push(parser.takeSlugText());
  return plain;
}
