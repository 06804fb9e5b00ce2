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
  return chapter.file !== '' ? undefined : webAddress(chapter.href);
}

/** A link destination as a web address (http or https, with a host; `<…>` unwrapped), else undefined. */
export function webAddress(destination: string): string | undefined {
  const href = destination.startsWith('<') && destination.endsWith('>') ? destination.slice(1, -1) : destination;
  return /^https?:\/\/[^\s/]/i.test(href) ? href : undefined;
}
