import { closeBracket, plainLink, pushOpener } from './brackets';
import { codeSpan } from './codeSpans';
import { delimiterRun } from './emphasis';
import { matchEntity } from './entities';
import { plainLines, plainText, slugLines } from './headingText';
import { matchAutolink, matchInlineHtml } from './html';
import { InlineState } from './inlineState';
import { makeDraft, type LinkDraft, type References } from './inlineTypes';
import { SpecialFinder } from './specials';
import { literalAt } from './literals';
import { isAsciiPunctuation } from './target';
import { wikilink } from './wikilinks';

/**
 * Inline pass of the scanner over one run of inline content (a paragraph, a heading, a table
 * cell): code spans, backslash escapes, links and images with the CommonMark bracket algorithm,
 * reference links (for their effect on brackets only), autolinks, raw HTML, wikilinks and
 * backtick `.md` references. Linear time: every search that could be repeated is memoised.
 *
 * This module is the driver: the entry points, the loop from one special character to the next and
 * the dispatch on that character, with the constructs too small for a module of their own (backslash
 * escapes, entities, autolinks and raw HTML, whose matchers are in html.ts). The others each have one:
 * codeSpans, brackets (with linkDestinations), wikilinks, emphasis and headingText, all functions over
 * the one InlineState.
 */

/** ASCII characters that can start inline syntax: 1 for links and plain text, 2 for plain text only. */
const SPECIAL = new Uint8Array(128);
for (const ch of '\\`![]<') SPECIAL[ch.charCodeAt(0)] = 1;
for (const ch of '&*_~') SPECIAL[ch.charCodeAt(0)] = 2;

/** Where inline syntax can start in plain-text mode (the characters of SPECIAL, as one native search). */
const TEXT_SPECIAL = /[\\`!\[\]<&*_~]/g;

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
  // where the text read as text starts (after the last construct): an autolink literal there holds its characters
  let plain = st.from;
  while (i < to) {
    const j = finder.next(i);
    if (j >= to) break;
    if (j !== plain && !isBlank(text.charCodeAt(j - 1))) {
      const literal = literalAt(st, j, plain);
      if (literal !== -1) {
        i = plain = literal;
        continue;
      }
    }
    i = plain = special(st, j, text.charCodeAt(j));
  }
}

/** Text mode: reads every character (headings are short). */
function runText(st: InlineState, first: number): void {
  const { text, to } = st;
  let i = first;
  let plain = st.from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= 128 || SPECIAL[c] === 0) i++;
    else {
      const literal = i === plain || isBlank(text.charCodeAt(i - 1)) ? -1 : literalAt(st, i, plain);
      i = plain = literal !== -1 ? literal : special(st, i, c);
    }
  }
}

/** A space, tab or line ending: no autolink literal holds what follows one (the usual ` [link](…)`). */
function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Reads the construct that may start at the special character `c` at `i`; returns where to go on. */
function special(st: InlineState, i: number, c: number): number {
  const { text, to } = st;
  switch (c) {
    case 92: { // backslash
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (isAsciiPunctuation(next)) {
        if (st.wantText) st.pushEdit(i, i + 1, '');
        return i + 2;
      }
      // before a line ending (in a setext heading of several lines), a hard line break: the backslash goes
      if ((next === 10 || next === 13) && st.wantText) st.pushEdit(i, i + 1, '');
      return i + 1;
    }
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

/** At a `<`: an autolink (a link) or raw HTML (a tag may hold an anchor); returns where to go on. */
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
    slugTexts.push(slugLines(run, plain));
    return plain;
  }
  const plain = parse(parser, text, from, to, toSource, refs, drafts, true, from + TEXT_SPECIAL.lastIndex - 1, undefined, true);
  slugTexts.push(parser.takeSlugText());
  return plain;
}
