import type { Heading, LinkRef, ScanResult } from '../model';
import { LineIndex } from '../text/lineIndex';
import { scanBlocks } from './blocks';
import { parseInline, type LinkDraft } from './inline';
import { SlugCounter } from './slug';
import { isExternalTarget, splitDestination } from './target';

/**
 * The fast scanner: headings and links of one note in a single linear pass over its text, with
 * CommonMark/GFM block and inline rules close enough to remark's to be differentially tested
 * against it. `bodyStart` is where the frontmatter block ends: nothing before it is read.
 */
export function scanNote(text: string, bodyStart = 0, lines = new LineIndex(text)): ScanResult {
  const { items, refDefs } = scanBlocks(text, bodyStart, lines);
  const drafts: LinkDraft[] = [];
  const headings: Heading[] = [];
  const slugs = new SlugCounter();
  for (const item of items) {
    if (item.kind === 'definition') drafts.push(item.draft);
    else if (item.kind === 'inline') parseInline(item.src, refDefs, drafts, false);
    else {
      const { text: plain = '' } = parseInline(item.src, refDefs, drafts, true);
      headings.push({ level: item.level, text: plain, slug: slugs.slug(plain), range: lines.range(item.start, item.end) });
    }
  }
  // drafts of one inline run are in closing order; the document order is by start offset
  let sorted = true;
  for (let k = 1; k < drafts.length && sorted; k++) if (drafts[k].start < drafts[k - 1].start) sorted = false;
  if (!sorted) drafts.sort((a, b) => a.start - b.start);
  return { headings, links: drafts.map(d => toLinkRef(d, lines)) };
}

function toLinkRef(d: LinkDraft, lines: LineIndex): LinkRef {
  const link: LinkRef = {
    kind: d.kind,
    raw: d.raw,
    path: '',
    external: false,
    range: lines.range(d.start, d.end),
    targetRange: lines.range(d.targetStart, d.targetEnd),
    targetStart: d.targetStart,
    targetEnd: d.targetEnd,
  };
  if (d.definition) link.definition = true;
  if (d.text !== undefined) link.text = d.text;
  if (d.kind === 'wikilink' || d.kind === 'ref') {
    const hash = d.raw.indexOf('#');
    link.path = (hash === -1 ? d.raw : d.raw.slice(0, hash)).trim();
    if (hash !== -1) link.fragment = d.raw.slice(hash + 1).trim();
    link.external = d.kind === 'ref' && isExternalTarget(d.raw);
    return link;
  }
  if (d.email) {
    link.path = d.raw;
    link.external = true;
    return link;
  }
  const { path, fragment } = splitDestination(d.raw);
  link.path = path;
  if (fragment !== undefined) link.fragment = fragment;
  link.external = isExternalTarget(path) || isExternalTarget(d.raw);
  return link;
}
