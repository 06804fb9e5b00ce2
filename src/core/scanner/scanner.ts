import type { Heading, LinkRef, Position, Range, ScanResult } from '../model';
import { LineIndex } from '../text/lineIndex';
import { ItemKind, scanBlocks } from './blocks';
import { parseInline, type LinkDraft } from './inline';
import { SlugCounter } from './slug';
import { SpecialFinder } from './specials';
import { isExternalTarget, percentDecode, unescapeMarkdown } from './target';
import { detach } from '../text/detach';

/**
 * The fast scanner: headings and links of one note in a single linear pass over its text, with
 * CommonMark/GFM block and inline rules close enough to remark's to be differentially tested
 * against it. `bodyStart` is where the frontmatter block ends: nothing before it is read.
 */
export function scanNote(text: string, bodyStart = 0, lines = new LineIndex(text)): ScanResult {
  const { items, refDefs } = scanBlocks(text, bodyStart, lines);
  const drafts: LinkDraft[] = [];
  const headings: Heading[] = [];
  let slugs: SlugCounter | undefined;
  const headingPositions = new Positions(lines);
  const finder = new SpecialFinder(text);
  for (const item of items) {
    if (item.kind === ItemKind.Definition) drafts.push(item.draft!);
    else if (item.kind === ItemKind.Inline) parseInline(item, refDefs, drafts, false, item.text === text ? finder : undefined);
    else {
      const plain = parseInline(item, refDefs, drafts, true);
      slugs ??= new SlugCounter();
      headings.push({ level: item.level, text: detach(plain), slug: slugs.slug(plain), range: headingPositions.range(item.start, item.end) });
    }
  }
  // drafts of one inline run are in closing order; the document order is by start offset
  let sorted = true;
  for (let k = 1; k < drafts.length && sorted; k++) if (drafts[k].start < drafts[k - 1].start) sorted = false;
  if (!sorted) drafts.sort((a, b) => a.start - b.start);
  const links: LinkRef[] = new Array(drafts.length);
  const positions = new Positions(lines);
  for (let k = 0; k < drafts.length; k++) links[k] = toLinkRef(drafts[k], positions);
  return { headings, links };
}

/** How many lines a position lookup walks forward before it falls back to a binary search. */
const WALK_LIMIT = 8;

/**
 * Positions of offsets that mostly come in increasing order (the links of a note, sorted by
 * start). The line of the last range start is kept with its bounds: an offset on that line costs
 * a subtraction; a later one walks forward a few lines at most and otherwise falls back to the
 * LineIndex's binary search. Same answers as LineIndex.positionAt.
 */
class Positions {
  private line = 0;
  private lineStart = 0;
  /** start of the next line (the text's length + 1 after the last line) */
  private nextStart: number;
  private readonly count: number;
  private readonly length: number;

  constructor(private readonly lines: LineIndex) {
    this.count = lines.lineCount;
    this.length = lines.text.length;
    this.nextStart = this.count > 1 ? lines.lineStart(1) : this.length + 1;
  }

  /** Line of the offset `o` (clamped). */
  private lineOf(o: number): number {
    if (o >= this.lineStart && o < this.nextStart) return this.line;
    const { lines, count } = this;
    if (o < this.lineStart) return lines.positionAt(o).line;
    let l = this.line + 1;
    for (let steps = 0; l + 1 < count && lines.lineStart(l + 1) <= o; l++) {
      if (++steps > WALK_LIMIT) return lines.positionAt(o).line;
    }
    return l;
  }

  private clamp(offset: number): number {
    return offset < 0 ? 0 : offset > this.length ? this.length : offset;
  }

  /** Position of the start of a range: the kept line moves there. */
  start(offset: number): Position {
    const o = this.clamp(offset);
    const l = this.lineOf(o);
    if (l !== this.line) {
      this.line = l;
      this.lineStart = this.lines.lineStart(l);
      this.nextStart = l + 1 < this.count ? this.lines.lineStart(l + 1) : this.length + 1;
    }
    return { line: l, character: o - this.lineStart };
  }

  /** Position of another offset (the kept line stays). */
  at(offset: number): Position {
    const o = this.clamp(offset);
    if (o >= this.lineStart && o < this.nextStart) return { line: this.line, character: o - this.lineStart };
    const l = this.lineOf(o);
    return { line: l, character: o - this.lines.lineStart(l) };
  }

  range(start: number, end: number): Range {
    return { start: this.start(start), end: this.at(end) };
  }
}

function toLinkRef(d: LinkDraft, positions: Positions): LinkRef {
  const range = positions.range(d.start, d.end);
  const targetRange = { start: positions.at(d.targetStart), end: positions.at(d.targetEnd) };
  // strings kept in the index must not be views into the note's text (that would keep every note alive)
  const raw = detach(d.raw);
  const link: LinkRef = {
    kind: d.kind,
    raw,
    path: '',
    external: false,
    range,
    targetRange,
    targetStart: d.targetStart,
    targetEnd: d.targetEnd,
  };
  if (d.definition) link.definition = true;
  if (d.text !== undefined) link.text = detach(d.text);
  if (d.kind === 'wikilink' || d.kind === 'ref') {
    const hash = raw.indexOf('#');
    link.path = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (hash !== -1) link.fragment = raw.slice(hash + 1).trim();
    link.external = d.kind === 'ref' && isExternalTarget(raw);
    return link;
  }
  if (d.email) {
    link.path = raw;
    link.external = true;
    return link;
  }
  // split the destination into path and fragment, both percent-decoded
  const dest = unescapeMarkdown(raw);
  const hash = dest.indexOf('#');
  const path = percentDecode(hash === -1 ? dest : dest.slice(0, hash));
  link.path = path;
  if (hash !== -1) link.fragment = percentDecode(dest.slice(hash + 1));
  link.external = isExternalTarget(path) || isExternalTarget(raw);
  return link;
}
