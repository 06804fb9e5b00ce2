import { pairRuns } from './emphasis';
import { EditUse, type InlineState } from './inlineState';

/**
 * The plain text of a heading, once its inline content is parsed: the content with the edits the constructs left
 * (a code span's content, a link's text, an entity's character …) and the paired emphasis runs applied. Two texts
 * come out: the one users see (lines trimmed, an image's alt text kept) and the one GitHub makes the slug from
 * (what markup leaves at the edges stays, an image gives nothing); they differ only when an image is in it.
 */

/**
 * Plain text of inline content without any markup, as headings show it: each line trimmed, then the whole
 * (also what markup left at the edges: `## Title <a name="t"></a>` shows `Title`).
 */
export function plainLines(s: string): string {
  // (native searches: headings are single lines, and a loop in JavaScript costs more)
  if (s.indexOf('\n') === -1 && s.indexOf('\r') === -1) return s.trim();
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(s.slice(start, i).trim());
      if (c === 13 && i + 1 < s.length && s.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(s.slice(start).trim());
  return lines.join('\n').trim();
}

/**
 * The text GitHub slugs of heading content `s` that holds no markup, given `plain`, its plainLines: CommonMark strips
 * only spaces and tabs (at the edges, and around the line endings of a setext heading), so other whitespace stays
 * and counts (`## \u3000 Title` slugs to `-title`). Nearly always `plain` itself.
 */
export function slugLines(s: string, plain: string): string {
  if (s.length === plain.length) return plain; // (nothing was trimmed: the usual heading)
  const t = stripSpaces(s, true, true, true);
  // (only a character trim() drops and this keeps can make them differ)
  return t.length === plain.length ? plain : t;
}

/** The plain text users see of the heading just parsed; the text GitHub slugs goes to `st.slugText`. */
export function plainText(st: InlineState): string {
  const { edits, delims, text } = st;
  if (edits.length === 0 && delims.length === 0) {
    const run = text.slice(st.from, st.to);
    const plain = plainLines(run);
    st.slugText = slugLines(run, plain);
    return plain;
  }
  if ((st.pending ?? st.delims).length !== 0) pairRuns(st, 0, st.firstRun === 126, false);
  // the other edits in order (they are pushed as constructs close), then merged with the paired
  // runs (in order by construction); an edit inside one already applied is skipped
  let sorted = true;
  for (let k = 1; k < edits.length && sorted; k++) {
    const a = edits[k - 1];
    const b = edits[k];
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) sorted = false;
  }
  if (!sorted) edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const run = text.slice(st.from, st.to);
  st.multiline = run.indexOf('\n') !== -1 || run.indexOf('\r') !== -1;
  st.slugText = joinText(st, EditUse.Slug);
  // the slug's text differs from the shown one only in whitespace that plainLines drops anyway, unless an
  // image left its alt text on one side only
  return plainLines(st.oneSided ? joinText(st, EditUse.Shown) : st.slugText);
}

/** The content with the edits for `use` and the paired delimiter runs applied (edits sorted). */
function joinText(st: InlineState, use: EditUse.Shown | EditUse.Slug): string {
  const { edits, delims, text, from, to } = st;
  const slug = use === EditUse.Slug;
  const parts: string[] = [];
  let last = from;
  let e = 0;
  let r = 0;
  for (;;) {
    while (r < delims.length && delims[r].left === delims[r].len) r++;
    while (e < edits.length && edits[e].use !== EditUse.Both && edits[e].use !== use) e++;
    let start: number;
    let end: number;
    let value = '';
    const run = r < delims.length ? delims[r] : undefined;
    const edit = e < edits.length ? edits[e] : undefined;
    if (edit && (!run || edit.start < run.pos || (edit.start === run.pos && edit.end <= run.pos + run.len))) {
      start = edit.start;
      end = edit.end;
      value = edit.value;
      e++;
    } else if (run) {
      start = run.pos;
      end = run.pos + run.len;
      if (run.left !== 0) value = text.slice(start, start + run.left); // (the characters not paired: all alike)
      r++;
    } else break;
    if (start < last) continue;
    if (start > last) parts.push(slug ? slugSource(st, last, start) : text.slice(last, start));
    if (value !== '') parts.push(value);
    last = end;
  }
  parts.push(slug ? slugSource(st, last, to) : text.slice(last, to));
  return parts.join('');
}

/**
 * Source text `text[a, b)` of a heading, between markup, as GitHub's heading text keeps it: the spaces and tabs
 * around its line endings go (CommonMark strips them), and those at the start and end of the content; what is
 * next to markup stays (`## Section <a name="s"></a>` is `Section ` there, slug `section-`).
 */
function slugSource(st: InlineState, a: number, b: number): string {
  return stripSpaces(st.text.slice(a, b), a === st.from, b === st.to, st.multiline);
}

/**
 * `s` without the spaces and tabs around its line endings (when it may hold some: `lines`), nor those at its start
 * and end when asked.
 */
function stripSpaces(s: string, start: boolean, end: boolean, lines: boolean): string {
  if (lines && (s.indexOf('\n') !== -1 || s.indexOf('\r') !== -1)) s = s.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, '\n');
  let i = 0;
  let j = s.length;
  if (start) while (i < j && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  if (end) while (j > i && (s.charCodeAt(j - 1) === 32 || s.charCodeAt(j - 1) === 9)) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}
