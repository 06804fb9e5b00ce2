import type { Chapter } from '../model';

/**
 * What a README chapter line links to, as a key: its workspace file, or, for a link that names none (a web page, a
 * path leaving the workspace: `file` is ''), the destination as written. Two lines are one chapter when their keys are
 * equal; two such links with different destinations are two chapters.
 */
export function chapterKey(chapter: Chapter): string {
  return chapter.file || chapter.href;
}

/**
 * The address of a chapter that links a web page (`[01](https://github.com/…/01_intro.md)`): http and https only,
 * since a README is untrusted text and other schemes (`command:`, `file:`) must not be opened. Undefined for a chapter
 * with a workspace file and for any other link.
 */
export function webAddressOf(chapter: Chapter): string | undefined {
  if (chapter.file !== '') return undefined;
  const href = chapter.href.startsWith('<') && chapter.href.endsWith('>') ? chapter.href.slice(1, -1) : chapter.href;
  return /^https?:\/\/[^\s/]/i.test(href) ? href : undefined;
}
