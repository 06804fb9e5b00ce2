/**
 * Fragment targets written in HTML: an `id` on any tag (`<h2 id="setup">`, `<span id="x">`) and a `name` on an
 * `<a>` tag (`<a name="legacy"></a>`). GitHub keeps both (prefixed `user-content-`, and `#x` scrolls to them), so a
 * link's `#x` may name one of them instead of a heading.
 */

/** An opening tag with its attributes: name, and everything up to `>`. */
const TAG = /<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?\/?>/g;
/** One attribute with a value: double-quoted, single-quoted or unquoted. */
const ATTR = /([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** Calls `found` with each anchor id in the tags of `text[from, to)` and the offsets of its value. */
export function findHtmlAnchors(text: string, from: number, to: number, found: (id: string, start: number, end: number) => void): void {
  const html = text.slice(from, to);
  if (html.indexOf('=') === -1) return;
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(html); tag; tag = TAG.exec(html)) {
    const attrs = tag[2];
    if (attrs === undefined) continue;
    const isA = tag[1].toLowerCase() === 'a';
    const attrsAt = from + tag.index + 1 + tag[1].length;
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      const name = a[1].toLowerCase();
      if (name !== 'id' && !(isA && name === 'name')) continue;
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      if (value === '') continue;
      const valueAt = attrsAt + a.index + a[0].length - value.length - (a[4] === undefined ? 1 : 0);
      found(value, valueAt, valueAt + value.length);
    }
  }
}
