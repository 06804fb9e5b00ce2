/** What the index derives from a note's text besides its scan: its title and hover preview. */
import type { Heading } from '../model';
import { stem } from '../paths';
import { detach } from '../text/detach';

/** The title a note answers to: its frontmatter `title`, else its first `#` heading, else its file name. */
export function titleOf(file: string, fmTitle: unknown, headings: Heading[]): string {
  if (typeof fmTitle === 'string' && fmTitle.trim() !== '') return fmTitle.trim();
  const h1 = headings.find(h => h.level === 1);
  if (h1 && h1.text.trim() !== '') return h1.text.trim();
  return stem(file);
}

/** Whether two scans of a note have the same heading slugs in the same order (links into it resolve alike). */
export function sameHeadings(a: Heading[], b: Heading[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].slug !== b[i].slug) return false;
  return true;
}

/** The first few non-empty lines of the body, for hover previews (at most ~400 characters). */
export function previewOf(text: string, bodyStart: number): string {
  const out: string[] = [];
  let total = 0;
  let pos = bodyStart;
  while (pos < text.length && out.length < 8 && total < 400) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, Math.min(end, pos + 400)).replace(/\r$/, '').trimEnd();
    if (line.trim() !== '') {
      out.push(line);
      total += line.length;
    }
    pos = end + 1;
  }
  const joined = out.join('\n');
  return detach(joined.length > 400 ? joined.slice(0, 400) + '…' : joined);
}