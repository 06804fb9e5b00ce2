import type { Heading } from '../../core/model';

/**
 * How VS Code's own Markdown support (vscode-markdown-languageservice, its `githubSlugifier`) matches a link's
 * `#fragment` to a heading: it slugs both and compares. This is not GitHub's slug that our fragmentTarget follows: it
 * removes `_` and CJK punctuation that GitHub keeps or drops otherwise, and knows no `user-content-` prefix. (It then
 * percent-encodes the slug with `encodeURI`, on both sides alike, which changes no comparison and is left out here.)
 */
const PUNCTUATION = /[\][!/'"#$%&()*+,.:;<=>?@\\^_{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g;

/** The built-in's slug of a heading's text or of a (decoded) fragment. */
export function builtInSlug(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '-').replace(PUNCTUATION, '').replace(/^-+/, '').replace(/-+$/, '');
}

/**
 * The built-in's slug of each of a note's headings, in order: of its text as plain text (the lines of a setext
 * heading's text joined with nothing between them, as its soft breaks read), a heading whose slug came before getting
 * `-1`, `-2` … appended (and slugged again), as its table of contents does.
 */
export function builtInHeadingSlugs(headings: readonly Heading[]): string[] {
  const seen = new Map<string, number>();
  return headings.map(h => {
    const slug = builtInSlug(h.text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ''));
    const count = seen.get(slug);
    if (count === undefined) {
      seen.set(slug, 0);
      return slug;
    }
    seen.set(slug, count + 1);
    return builtInSlug(`${slug}-${count + 1}`);
  });
}
