import { slug as baseSlug } from 'github-slugger';

/**
 * GitHub heading anchors: lower-case, punctuation dropped (except `-` and `_`), each space becomes
 * `-`, letters of every script (CJK included) and emoji-free text kept. Delegates to `github-slugger`,
 * the package GitHub-compatible renderers use.
 */
export function githubSlug(text: string): string {
  // fast path for ASCII text, identical to github-slugger: keep [a-z0-9_ -], spaces become '-'
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return baseSlug(text, false);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45) out += String.fromCharCode(c);
    else if (c === 32) out += '-';
  }
  return out;
}

/** Slugs for the headings of one note: a repeated slug gets `-1`, `-2` … as on GitHub. */
export class SlugCounter {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = githubSlug(text);
    let result = base;
    while (this.seen.has(result)) {
      const n = (this.seen.get(base) ?? 0) + 1;
      this.seen.set(base, n);
      result = `${base}-${n}`;
    }
    this.seen.set(result, 0);
    return result;
  }
}
