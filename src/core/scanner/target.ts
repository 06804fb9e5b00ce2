import type { LinkKind } from '../model';
import { matchEntity } from './entities';
import { percentDecode } from '../text/percent';

export { percentDecode };

/** ASCII punctuation: the characters a backslash can escape in CommonMark. */
export function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

/**
 * Unicode whitespace as the inline pass reads it (spaces of category Zs, tabs, line and form feeds): what code
 * spans and wikilinks trim, and what a delimiter run must not touch to open or close.
 */
export function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x3000
    || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Resolves backslash escapes and character references (what CommonMark does to a destination). */
export function unescapeMarkdown(s: string): string {
  if (s.indexOf('\\') === -1 && s.indexOf('&') === -1) return s;
  return resolveReferences(s, true);
}

/** Resolves character references only (what HTML does to an attribute's value: a backslash is a backslash). */
export function unescapeHtmlAttribute(s: string): string {
  return s.indexOf('&') === -1 ? s : resolveReferences(s, false);
}

/**
 * Character references resolved, as HTML does to an attribute's value, with where each character of the result
 * starts in `s` (`at[i]`, and `at[text.length]` is `s.length`): a `srcset` is split once its references are resolved
 * (`a.png&#32;2x` is a URL and a descriptor), and each URL's range is then told in `s`.
 */
export function htmlAttributeWithOffsets(s: string): { text: string; at: number[] } {
  const at: number[] = [];
  const text = resolveReferences(s, false, at);
  at.push(s.length);
  return { text, at };
}

/** `s` with its references (and, `backslashes`, its escapes) resolved; `at` gets each result character's offset in `s`. */
function resolveReferences(s: string, backslashes: boolean, at?: number[]): string {
  let out = '';
  let last = 0;
  const keep = (end: number) => {
    if (at) for (let k = last; k < end; k++) at.push(k);
    out += s.slice(last, end);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (backslashes && c === 92 /* \ */ && i + 1 < s.length && isAsciiPunctuation(s.charCodeAt(i + 1))) {
      keep(i);
      last = i + 1;
      i++;
    } else if (c === 38 /* & */) {
      const e = matchEntity(s, i, s.length);
      if (e) {
        keep(i);
        out += e.value;
        if (at) for (let k = 0; k < e.value.length; k++) at.push(i);
        i += e.length - 1;
        last = i + 1;
      }
    }
  }
  keep(s.length);
  return out;
}


/**
 * Whether a link of `kind` whose destination reads `raw` (its path decoded: `path`) is external, as the scanner marks
 * it (toLinkRef in scanner.ts): a wikilink never is, a backtick path when it reads as a URL, a Markdown link, image or
 * HTML attribute when its path does, decoded or as written.
 */
export function isExternalLink(kind: LinkKind, raw: string, path: string): boolean {
  if (kind === 'wikilink') return false;
  if (kind === 'ref') return isExternalTarget(raw);
  return isExternalTarget(path) || isExternalTarget(raw);
}

/** A URI scheme of two or more characters (`http:`, `mailto:` …) or a protocol-relative `//`. */
export function isExternalTarget(dest: string): boolean {
  if (dest.startsWith('//')) return true;
  const c0 = dest.charCodeAt(0);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return false;
  const limit = Math.min(dest.length, 33);
  for (let i = 1; i < limit; i++) {
    const c = dest.charCodeAt(i);
    if (c === 58 /* : */) return i >= 2;
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
    if (!ok) return false;
  }
  return false;
}

/** ASCII characters that a `.md` reference path cannot hold (glob and Markdown characters). */
const NOT_IN_REF_PATH = new Uint8Array(128);
for (const ch of '*?<>|"{}[]`\\') NOT_IN_REF_PATH[ch.charCodeAt(0)] = 1;

/**
 * Whether a path can name a workspace file: not one under the home folder (`~/`), an environment variable (`$HOME/`,
 * `%APPDATA%`) or a drive letter (`C:/`), which name files elsewhere (`~/.config/app/NOTES.md`).
 */
function inWorkspaceForm(path: string): boolean {
  const c0 = path.charCodeAt(0);
  if (c0 === 126 /* ~ */ || c0 === 36 /* $ */ || c0 === 37 /* % */) return false;
  const letter = (c0 | 32) >= 97 && (c0 | 32) <= 122;
  return !(letter && path.charCodeAt(1) === 58 /* : */);
}

/**
 * A code span that names a note: trimmed content without whitespace ending in `.md` (any case),
 * optionally followed by `#fragment`, with a file name before the extension and no glob characters, and no
 * home, variable or drive prefix.
 */
export function isRefPath(content: string): boolean {
  const hash = content.indexOf('#');
  const pathLength = hash === -1 ? content.length : hash;
  if (pathLength < 4) return false;
  // `.md` in any case
  if (content.charCodeAt(pathLength - 3) !== 46) return false;
  const m = content.charCodeAt(pathLength - 2) | 32;
  const d = content.charCodeAt(pathLength - 1) | 32;
  if (m !== 109 || d !== 100) return false;
  const beforeExt = content.charCodeAt(pathLength - 4);
  if (beforeExt === 47 /* / */ || beforeExt === 46 /* . */) return false;
  if (!inWorkspaceForm(content)) return false;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c <= 32 || c === 0x7f || c === 0xa0 || c === 0x3000) return false;
    if (i < pathLength && c < 128 && NOT_IN_REF_PATH[c] === 1) return false;
  }
  return true;
}
