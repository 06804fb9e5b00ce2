import { slug as baseSlug } from 'github-slugger';

/**
 * GitHub heading anchors: lower-case, punctuation dropped (except `-` and `_`), each space becomes
 * `-`, letters of every script (CJK included) and emoji-free text kept. Delegates to `github-slugger`,
 * the package GitHub-compatible renderers use.
 */
export function githubSlug(text: string): string {
  // fast path for text of ASCII and CJK ideographs (U+4E00-U+9FFC), identical to github-slugger:
  // keep [a-z0-9_-] and the ideographs, drop other characters, spaces become '-', upper case is
  // lowered. The codes go to a plain array: String.fromCharCode.apply takes it as is (a typed
  // array's subarray costs an object and a copy per heading).
  const n = text.length;
  const out: number[] = new Array(n); // (sized once; cut to the slug's length below)
  let k = 0;
  let same = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45 || (c >= 0x4e00 && c <= 0x9ffc)) out[k++] = c;
    else if (c >= 65 && c <= 90) { out[k++] = c + 32; same = false; }
    else if (c >= 128) return baseSlug(text, false);
    else {
      if (c === 32) out[k++] = 45;
      same = false;
    }
  }
  if (same) return text;
  out.length = k;
  if (k <= CHUNK) return String.fromCharCode.apply(null, out);
  let result = '';
  for (let a = 0; a < k; a += CHUNK) result += String.fromCharCode.apply(null, out.slice(a, a + CHUNK));
  return result;
}

/** Codes passed to String.fromCharCode at once (an argument list of bounded size). */
const CHUNK = 4096;

/** Slugs for the headings of one note: a repeated slug gets `-1`, `-2` … as on GitHub. */
export class SlugCounter {
  // slug -> number of repeats so far; a short list first (a note has a few headings), a Map beyond
  private readonly keys: string[] = [];
  private readonly counts: number[] = [];
  private map: Map<string, number> | undefined;

  private get(key: string): number | undefined {
    if (this.map) return this.map.get(key);
    const k = this.keys.indexOf(key);
    return k === -1 ? undefined : this.counts[k];
  }

  private set(key: string, n: number): void {
    if (this.map) {
      this.map.set(key, n);
      return;
    }
    const k = this.keys.indexOf(key);
    if (k !== -1) {
      this.counts[k] = n;
      return;
    }
    this.keys.push(key);
    this.counts.push(n);
    if (this.keys.length > SHORT_LIST) {
      this.map = new Map();
      for (let i = 0; i < this.keys.length; i++) this.map.set(this.keys[i], this.counts[i]);
    }
  }

  slug(text: string): string {
    const base = githubSlug(text);
    let result = base;
    while (this.get(result) !== undefined) {
      const n = (this.get(base) ?? 0) + 1;
      this.set(base, n);
      result = `${base}-${n}`;
    }
    this.set(result, 0);
    return result;
  }
}

/** Slugs kept in a list before they move to a Map. */
const SHORT_LIST = 16;
