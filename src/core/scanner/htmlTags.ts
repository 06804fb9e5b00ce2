/**
 * What the scanner reads in HTML tags (in HTML blocks, where a tag or a comment may span lines, and in inline raw HTML):
 * - fragment targets: an `id` on any tag (`<h2 id="setup">`, `<span id="x">`) and a `name` on an `<a>` tag
 *   (`<a name="legacy"></a>`). GitHub keeps both (prefixed `user-content-`, and `#x` scrolls to them), so a link's
 *   `#x` may name one of them instead of a heading;
 * - links: the `href` of an `<a>` tag and the `src` of an `<img>` tag (`<img src="diagram.png" width="600">`, the
 *   usual way to size an image), which GitHub and VS Code's preview resolve from the note's folder as they do a
 *   Markdown link's destination.
 * Comments are skipped (`<!-- <img src="old.png"> -->` is not rendered), as is a value that holds a line break.
 */

/** What readHtmlTags finds, with note offsets. */
export interface HtmlTagSink {
  anchor(id: string, start: number, end: number): void;
  /**
   * `value` as written (not empty, no line break), [valueStart, valueEnd) its offsets (between the quotes, or after
   * `=`); the tag is [tagStart, tagEnd)
   */
  link(kind: 'link' | 'image', value: string, tagStart: number, tagEnd: number, valueStart: number, valueEnd: number): void;
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
    const linkAttr = name === 'a' ? 'href' : name === 'img' ? 'src' : undefined;
    let linked = false;
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
      } else if (attr === linkAttr && !linked) {
        linked = true; // (the first of a repeated attribute counts, as in HTML)
        readLink(sink, name === 'a' ? 'link' : 'image', value, valueAt, tagAt, tagAt + tag[0].length);
      }
    }
  }
}

/** `[A-Za-z_:]`: where an attribute's name may start. */
function isNameStart(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 58;
}

function readLink(sink: HtmlTagSink, kind: 'link' | 'image', value: string, valueAt: number, tagStart: number, tagEnd: number): void {
  if (value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1) return;
  if (value.trim() === '') return; // `href=""`: the page itself, nothing to check
  sink.link(kind, value, tagStart, tagEnd, valueAt, valueAt + value.length);
}
