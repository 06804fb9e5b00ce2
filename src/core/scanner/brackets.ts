import { pairRuns } from './emphasis';
import { makeDraft } from './inlineTypes';
import { EditUse, type InlineState } from './inlineState';
import { linkTail } from './linkDestinations';

/**
 * Links and images by CommonMark's bracket algorithm: `[` and `![` push openers, a `]` closes the innermost one
 * when an inline tail, a full or collapsed reference or a shortcut reference follows (a reference only when its
 * label is defined), and a formed link deactivates the link openers before it. The common plain `[text](dest)` is
 * read at its `[` by two native searches instead. References make no draft: they count for what they do to brackets.
 */

/** Nothing but spaces, tabs and line endings (CommonMark's whitespace: a no-break space is text). */
const BLANK = /^[ \t\r\n]*$/;

/** A link text without link syntax, up to the `](` that ends it (sticky: from just after the `[`). */
const PLAIN_LINK_TEXT = /[^[\]`<\\]*\]\(/y;

/** A destination without spaces, controls, parentheses, `<` or backslashes, and the `)` that ends it. */
const PLAIN_DESTINATION = /[^\x00-\x20\x7f()<\\]*\)/y;

/** A `[` (`image` 0) or `![` (`image` 1) at `pos` opens a bracket. */
export function pushOpener(st: InlineState, pos: number, image: number): void {
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
export function plainLink(st: InlineState, pos: number, image: boolean): number {
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

/** A `]` at `i` closes the innermost opener: a link or image when one is formed there; returns where to go on. */
export function closeBracket(st: InlineState, i: number): number {
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
      if (st.wantText) noteCall(st, image ? pos + 1 : pos, i);
      return i + 1;
    }
  }
  const label = shortcutLabel(st, textStart, i);
  if (label !== undefined && isDefined(st, label)) {
    dropInside(st, mark, image);
    formed(st, pos, image, i, i + 1, runs);
  } else if (st.wantText) noteCall(st, image ? pos + 1 : pos, i); // (`![^1]` that makes no image: `!` and a call)
  return i + 1;
}

/**
 * The brackets `[` at `pos` (the `[` of an image opener `![` that made no image) and `]` at `close` made no link: in
 * a heading, brackets shaped as a GFM footnote call
 * (`[^label]`, a label without whitespace or an unescaped `[`, of at most 999 characters) are noted for an image
 * whose description holds them (see dropNoteCalls). Linear: the label is read up to its first `[`, so the labels
 * read by nested brackets do not overlap.
 */
function noteCall(st: InlineState, pos: number, close: number): void {
  const { text } = st;
  if (text.charCodeAt(pos + 1) !== 94 /* ^ */ || close === pos + 2 || close - pos > 1001) return;
  for (let k = pos + 2; k < close; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 91) return;
    if (c === 92 /* \ */) {
      // (a backslash escapes a `[`, `\` or `]` after it; before anything else it is a character of the label)
      const d = text.charCodeAt(k + 1);
      if (d === 91 || d === 92 || d === 93) k++;
    }
  }
  st.noteCalls.push(pos, close + 1);
}

/**
 * A footnote call in an image's description gives its alt text nothing (remark's alt is the description's text,
 * and cmark-gfm renders no text of a footnote reference there): the calls noted since the image's opener at `pos`
 * whose label a footnote definition has are dropped from the shown text (the slug has nothing of an image).
 */
function dropNoteCalls(st: InlineState, pos: number): void {
  const calls = st.noteCalls;
  while (calls.length !== 0 && calls[calls.length - 2] > pos) {
    const end = calls.pop()!;
    const start = calls.pop()!;
    if (st.refs.definesFootnote?.(st.text.slice(start + 2, end - 1))) st.pushEdit(start, end, '', EditUse.Shown);
  }
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
  // the emphasis of its text pairs within it (CommonMark: the delimiters inside are processed, then removed),
  // strikethrough first (see pairRuns)
  if ((st.pending ?? st.delims).length > runs) pairRuns(st, runs, true, true);
  // a link leaves its text; an image leaves its alt text where headings are shown (a title reads better
  // with it), and nothing where GitHub slugs them (an <img> holds no text)
  if (image) {
    // raw HTML in its description stays as written in the alt text (CommonMark's alt is the description's plain
    // text, tags included); the edits made inside it are the last ones pushed
    const { edits, text } = st;
    for (let k = edits.length - 1; k >= 0 && edits[k].start > pos; k--) {
      const e = edits[k];
      if (e.use === EditUse.Both && e.value === '' && text.charCodeAt(e.start) === 60 /* < */) e.use = EditUse.Slug;
    }
    if (st.noteCalls.length !== 0) dropNoteCalls(st, pos);
  }
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
