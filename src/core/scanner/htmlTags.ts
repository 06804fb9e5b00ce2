import { htmlAttributeWithOffsets } from './target';

/**
 * What the scanner reads in HTML tags (in HTML blocks, where a tag or a comment may span lines, and in inline raw HTML):
 * - fragment targets: an `id` on any tag (`<h2 id="setup">`, `<span id="x">`) and a `name` on an `<a>` tag
 *   (`<a name="legacy"></a>`). GitHub keeps both (prefixed `user-content-`, and `#x` scrolls to them), so a link's
 *   `#x` may name one of them instead of a heading;
 * - links: the attributes of HTML_LINK_ATTRIBUTES, an `<a>`'s `href` and the files a tag embeds
 *   (`<img src="diagram.png" width="600">`, the usual way to size an image; `<video src>` and its `poster`,
 *   `<audio src>`, `<source src>`, `<track src>`, and each candidate URL of a `srcset`, as in
 *   `<picture><source srcset="dark.png" media="(prefers-color-scheme: dark)"><img src="light.png"></picture>`),
 *   which GitHub and VS Code's preview resolve from the note's folder as they do a Markdown link's destination.
 * Comments are skipped (`<!-- <img src="old.png"> -->` is not rendered), as is a value that holds a line break.
 */

/**
 * The attributes that hold a link, by element (lower case): an `<a>`'s `href` is a link, every other one names a file
 * the page embeds, an image or a media file (kind 'image'). A `srcset` holds a list of candidate URLs.
 */
export const HTML_LINK_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['a', ['href']],
  ['img', ['src', 'srcset']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['source', ['src', 'srcset']],
  ['track', ['src']],
]);

/** What readHtmlTags finds, with note offsets. */
export interface HtmlTagSink {
  anchor(id: string, start: number, end: number): void;
  /**
   * `value` as written (not empty, no line break; in a `srcset`, one candidate's URL), [valueStart, valueEnd) its
   * offsets (between the quotes, or after `=`); the tag is [tagStart, tagEnd); `attribute` says where it stands: the
   * element and attribute, lower case (`img src`, `source srcset`)
   */
  link(kind: 'link' | 'image', value: string, tagStart: number, tagEnd: number, valueStart: number, valueEnd: number, attribute: string): void;
}

/** A comment (to its end, or the end of the text when it is not closed), or an opening tag with its attributes. */
const TAG = /<!--[\s\S]*?(?:-->|$)|<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?\/?>/g;
/** One attribute with a value, double-quoted, single-quoted or unquoted, where its name starts (sticky). */
const ATTR = /([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/y;
/** The rest of a name (sticky): a name without a value is passed over whole. */
const NAME_REST = /[\w.:-]*/y;

/** Calls `sink` with each anchor and link in the tags of `text[from, to)`. */
export function readHtmlTags(text: string, from: number, to: number, sink: HtmlTagSink): void {
  const html = text.slice(from, to);
  if (html.indexOf('=') === -1) return;
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(html); tag; tag = TAG.exec(html)) {
    const attrs = tag[2];
    if (attrs === undefined) continue; // a comment, or a tag without attributes
    const name = tag[1].toLowerCase();
    const linkAttrs = HTML_LINK_ATTRIBUTES.get(name);
    let linked: string[] | undefined;
    const tagAt = from + tag.index;
    const attrsAt = tagAt + 1 + tag[1].length;
    for (let at = 0; at < attrs.length;) {
      const c = attrs.charCodeAt(at);
      if (!isNameStart(c)) { at++; continue; }
      ATTR.lastIndex = at;
      const a = ATTR.exec(attrs);
      if (!a) {
        // no attribute with a value starts anywhere in this name either: go past it (the search stays linear, where
        // trying each of its characters in turn took the square of a long unclosed value's length)
        NAME_REST.lastIndex = at + 1;
        NAME_REST.exec(attrs);
        at = NAME_REST.lastIndex;
        continue;
      }
      at = ATTR.lastIndex;
      const attr = a[1].toLowerCase();
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      const valueAt = attrsAt + a.index + a[0].length - value.length - (a[4] === undefined ? 1 : 0);
      if (attr === 'id' || (name === 'a' && attr === 'name')) {
        if (value !== '') sink.anchor(value, valueAt, valueAt + value.length);
      } else if (linkAttrs?.includes(attr) && !linked?.includes(attr)) {
        (linked ??= []).push(attr); // (the first of a repeated attribute counts, as in HTML)
        const kind = name === 'a' ? 'link' : 'image';
        const where = `${name} ${attr}`;
        const tagEnd = tagAt + tag[0].length;
        readLinks(sink, kind, value, valueAt, tagAt, tagEnd, where, attr === 'srcset');
      }
    }
  }
}

/** `[A-Za-z_:]`: where an attribute's name may start. */
function isNameStart(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 58;
}

/** The link of an attribute's value, or in a `srcset` one per candidate URL, each with its own range (see srcsetUrls). */
function readLinks(sink: HtmlTagSink, kind: 'link' | 'image', value: string, valueAt: number, tagStart: number, tagEnd: number,
  attribute: string, srcset: boolean): void {
  if (value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1) return;
  if (!srcset) {
    // (`href=""`: the page itself, nothing to check)
    if (value.trim() !== '') sink.link(kind, value, tagStart, tagEnd, valueAt, valueAt + value.length, attribute);
    return;
  }
  // HTML resolves the value's character references before it splits it: `&#32;` or `&comma;` separate as written ones do
  const decoded = value.indexOf('&') === -1 ? undefined : htmlAttributeWithOffsets(value);
  const urls = srcsetUrls(decoded ? decoded.text : value);
  for (let k = 0; k < urls.length; k += 2) {
    // each URL as written (a reference cannot straddle its ends: none resolves to whitespace or a comma among others)
    const start = decoded ? decoded.at[urls[k]] : urls[k];
    const end = decoded ? decoded.at[urls[k + 1]] : urls[k + 1];
    sink.link(kind, value.slice(start, end), tagStart, tagEnd, valueAt + start, valueAt + end, attribute);
  }
}

/**
 * Where the candidate URLs of a `srcset` value (`small.png 480w, large.png 2x`) lie, as [start, end) pairs, as HTML
 * splits it: past whitespace and commas a URL runs to the next whitespace (commas inside it are its own, trailing ones
 * end the candidate), and its descriptors to the next comma outside parentheses.
 */
export function srcsetUrls(value: string): number[] {
  const out: number[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(value.charCodeAt(i)) || value.charCodeAt(i) === 44 /* , */)) i++;
    if (i === n) break;
    const start = i;
    while (i < n && !isSpace(value.charCodeAt(i))) i++;
    let end = i;
    if (value.charCodeAt(end - 1) === 44) {
      while (end > start && value.charCodeAt(end - 1) === 44) end--; // `a.png,`: no descriptors follow
    } else {
      // the descriptors: up to a comma outside parentheses
      let depth = 0;
      for (; i < n; i++) {
        const c = value.charCodeAt(i);
        if (c === 40 /* ( */) depth++;
        else if (c === 41 /* ) */ && depth > 0) depth--;
        else if (c === 44 && depth === 0) break;
      }
    }
    out.push(start, end);
  }
  return out;
}

/** HTML's ASCII whitespace: space, tab, line feed, form feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}
