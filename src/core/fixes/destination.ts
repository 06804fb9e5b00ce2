import type { LinkRef } from '../model';
import { isExternalTarget, isRefPath } from '../scanner/target';

/**
 * Writing a workspace path as the destination of a Markdown link, image or reference definition so that it reads
 * back as the same path. A plain destination ends at a space and must balance its parentheses; an `<angle>`
 * destination may hold spaces but not `<`, `>` or a line break; an HTML attribute's value (`<img src="…">`) ends at
 * its quote, or unquoted at a space, and a URL of a `srcset` at a space (a comma may end it too). All are
 * percent-decoded and have character references resolved (the Markdown forms backslash escapes too), `#` starts
 * the fragment and `?` the query, so those characters are escaped too.
 */

export type DestinationStyle = 'plain' | 'angle' | 'attribute' | 'srcset';

/**
 * The style of the destination `link` has in `text` (its target range excludes the angle brackets): `attribute` for
 * the `href` or `src` of an HTML tag, whose value may be quoted either way or not at all, `srcset` for a URL of a
 * `srcset` attribute.
 */
export function destinationStyleOf(text: string | undefined, link: LinkRef): DestinationStyle {
  if (text === undefined || link.kind === 'ref' || link.kind === 'wikilink') return 'plain';
  if (link.html) return attributeStyle(link.html);
  return text.charCodeAt(link.targetStart - 1) === 60 /* < */ && text.charCodeAt(link.targetEnd) === 62 /* > */ ? 'angle' : 'plain';
}

/** The style of a value of an HTML link attribute (`img src`, `source srcset`: element and attribute, as LinkRef's html). */
export function attributeStyle(attribute: string): 'attribute' | 'srcset' {
  return attribute.endsWith(' srcset') ? 'srcset' : 'attribute';
}

/**
 * Characters escaped in every destination: `%` (decoding), `#` (fragment), `?` (a query: resolution drops it, as
 * browsers and VS Code do), `<` `>` (angle form), `\` (escapes), `|` (a table cell would end there), control characters.
 */
const ALWAYS = /[%#?<>\\|\u0000-\u001f\u007f]/;
/** Characters a plain destination cannot hold as written: whitespace ends it, parentheses must balance. */
const PLAIN_ONLY = /[ ()]/;
/**
 * Characters an attribute value cannot hold in one of its forms (a space or `=` ends an unquoted one, a quote a quoted
 * one) or that HTML reads as a character reference (`&`): escaped so that the value reads back in every form.
 */
const ATTRIBUTE_ONLY = /[ "'`=&]/;
/** A `srcset` URL: an attribute value, of which a comma at either end would be read as the list's separator. */
const SRCSET_ONLY = /[ "'`=&,]/;

/**
 * A relative path as a link destination must read it: with `./` before a first segment that reads as a URL scheme
 * (`Kafka: intro.md`), which would make the link external, encoded or not (the scanner asks the decoded path too).
 */
export function notAnUrl(p: string): string {
  return isExternalTarget(p) ? './' + p : p;
}

/**
 * A path encoded for a link destination of the given style; readable characters (CJK, `_`, `-` …) stay as they are,
 * unless `nonAscii` asks for every character beyond ASCII as percent-encoded UTF-8 bytes (the author's style: see
 * percentEncodesNonAscii). A path that would read as a URL starts with `./` (see notAnUrl).
 */
export function encodeLinkPath(p: string, style: DestinationStyle = 'plain', nonAscii = false): string {
  p = notAnUrl(p);
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (nonAscii && c.charCodeAt(0) >= 0x80) {
      const point = String.fromCodePoint(p.codePointAt(i)!);
      i += point.length - 1;
      out += isWellFormed(point) ? encodeURIComponent(point) : point;
    } else if (ALWAYS.test(c) || (style === 'plain' && PLAIN_ONLY.test(c)) || (style === 'attribute' && ATTRIBUTE_ONLY.test(c))
      || (style === 'srcset' && SRCSET_ONLY.test(c))
      || (c === '&' && startsCharacterReference(p, i))) out += percentByte(c);
    else out += c;
  }
  return out;
}

/** Not a lone surrogate (which has no UTF-8 bytes to percent-encode). */
function isWellFormed(point: string): boolean {
  const c = point.charCodeAt(0);
  return point.length === 2 || c < 0xd800 || c > 0xdfff;
}

/** Whether a destination as written percent-encodes characters beyond ASCII (`%E7%AD%86.md`): a rewrite keeps doing so. */
export function percentEncodesNonAscii(raw: string): boolean {
  return /%[89A-Fa-f][0-9A-Fa-f]/.test(raw);
}

/** `&name;`, `&#NN;` or `&#xHH;` at `i` would be read as a character reference. */
function startsCharacterReference(p: string, i: number): boolean {
  return /^&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/.test(p.slice(i, i + 40));
}

function percentByte(c: string): string {
  return '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}

/** Whether `path#fragment` can stand in a backtick reference (they have no escapes: no space, no `#` in the path …). */
export function fitsRef(path: string, fragment: string | undefined): boolean {
  return !path.includes('#') && isRefPath(fragment === undefined ? path : path + '#' + fragment);
}

/** Whether a note name can stand in `[[…]]` before the `#heading` / `|alias` (no escapes there either). */
export function fitsWikilinkName(name: string): boolean {
  return name.trim() !== '' && !/[#|[\]\r\n]/.test(name);
}
