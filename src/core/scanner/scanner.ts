import type { Anchor, Heading, LinkRef, Range, ScanResult } from '../model';
import { readHtmlTags, type HtmlTagSink } from './htmlTags';
import { lastAtOrBefore, LineIndex } from '../text/lineIndex';
import { scanBlocks } from './blocks';
import type { BlockSink } from './blockState';
import { parseHeading, parseInline } from './inline';
import { makeDraft, normalizeLabel, type LinkDraft, type References } from './inlineTypes';
import { SlugCounter } from './slug';
import { SpecialFinder } from './specials';
import { isExternalTarget, percentDecode, unescapeHtmlAttribute, unescapeMarkdown } from './target';
import { detach } from '../text/detach';

/**
 * The fast scanner: headings and links of one note in a single linear pass over its text, with
 * CommonMark/GFM block and inline rules close enough to remark's to be differentially tested
 * against it. `bodyStart` is where the frontmatter block ends: nothing before it is read.
 */
/** What a scan keeps beyond what checking needs. */
export interface ScanOptions {
  /** link texts and wikilink aliases (default true); a one-shot check leaves them out */
  linkText?: boolean;
}

export function scanNote(text: string, bodyStart = 0, lines = new LineIndex(text), options: ScanOptions = {}): ScanResult {
  const linkText = options.linkText !== false;
  let found = new Collector(text, lines, undefined, undefined, linkText);
  scanBlocks(text, bodyStart, lines, found);
  found.endHtmlBlock();
  if ((found.refsConsulted && found.labels.size !== 0) || (found.notesConsulted && found.notes.size !== 0)) {
    // a bracket asked for a definition (or a footnote call in an image, for a footnote definition) before every
    // definition was known (CommonMark lets a definition come after its use): scan again, knowing all of them
    found = new Collector(text, lines, found.labels, found.notes, linkText);
    scanBlocks(text, bodyStart, lines, found);
    found.endHtmlBlock();
  }
  const { drafts, plains, slugTexts, headingFacts } = found;
  // drafts of one inline run are in closing order; the document order is by start offset
  let sorted = true;
  for (let k = 1; k < drafts.length && sorted; k++) if (drafts[k].start < drafts[k - 1].start) sorted = false;
  if (!sorted) drafts.sort((a, b) => a.start - b.start);

  // destinations (nearly always ASCII: one byte a character) apart from texts (often CJK: two bytes)
  const raws = new StringPack();
  const texts = new StringPack();
  for (const d of drafts) {
    raws.add(d.raw);
    if (linkText && d.text !== undefined) texts.add(d.text);
  }
  for (const plain of plains) texts.add(plain);
  raws.seal();
  texts.seal();

  const links: LinkRef[] = new Array(drafts.length);
  const positions = new Positions(lines);
  for (let k = 0; k < drafts.length; k++) links[k] = toLinkRef(drafts[k], positions, raws, linkText ? texts : undefined);
  const headings: Heading[] = new Array(plains.length);
  const slugs = plains.length === 0 ? undefined : new SlugCounter();
  for (let k = 0, f = 0; k < plains.length; k++, f += 5) {
    const headingText = texts.next(plains[k].length);
    // (a slug of a text of its own, which may be a view into the note, is copied: see detach)
    const slug = slugTexts[k] === plains[k] ? slugs!.slug(headingText) : detach(slugs!.slug(slugTexts[k]));
    headings[k] = new ScannedHeading(headingFacts[f], headingText, slug,
      headingFacts[f + 1], headingFacts[f + 2], headingFacts[f + 3], headingFacts[f + 4]);
  }
  const result: ScanResult = { headings, links };
  if (found.anchorFacts.length !== 0) result.anchors = anchorsOf(found.anchorIds, found.anchorFacts, lines);
  return result;
}

/**
 * The lines `[bounds[2k], bounds[2k + 1])` of `text` joined by line feeds, and the map from an offset in the joined
 * text to the note's (a line feed maps to the end of its line).
 */
function joinLines(text: string, bounds: readonly number[]): { text: string; toSource: (i: number) => number } {
  const starts: number[] = [];
  let joined = '';
  for (let k = 0; k < bounds.length; k += 2) {
    if (k > 0) joined += '\n';
    starts.push(joined.length);
    joined += text.slice(bounds[k], bounds[k + 1]);
  }
  const toSource = (i: number): number => {
    const k = lastAtOrBefore(starts, i);
    return Math.min(bounds[2 * k] + (i - starts[k]), bounds[2 * k + 1]);
  };
  return { text: joined, toSource };
}

/** The anchors found, in document order, with their ranges. */
function anchorsOf(ids: readonly string[], offsets: readonly number[], lines: LineIndex): Anchor[] {
  const order = ids.map((_, k) => k).sort((a, b) => offsets[2 * a] - offsets[2 * b]);
  return order.map(k => ({ id: detach(ids[k]), range: { start: lines.positionAt(offsets[2 * k]), end: lines.positionAt(offsets[2 * k + 1]) } }));
}

/**
 * What the block pass hands over, parsed as it comes: the links (drafts) of every run of inline
 * content, and the plain text, level and range of every heading. Inline content is parsed with the
 * definitions seen so far; whether any bracket asked for one is recorded, so that scanNote can
 * tell when that answer might have been premature.
 */
class Collector implements BlockSink, References, HtmlTagSink {
  readonly drafts: LinkDraft[] = [];
  /** the headings' plain texts, the texts their slugs are made from, and level and range (5 numbers) each */
  readonly plains: string[] = [];
  readonly slugTexts: string[] = [];
  readonly headingFacts: number[] = [];
  /** HTML anchor ids, and the note offsets of each one's value (2 numbers each) */
  readonly anchorIds: string[] = [];
  readonly anchorFacts: number[] = [];
  /** normalised labels of the definitions (all of them from the start when `known` was given) */
  readonly labels: Set<string>;
  refsConsulted = false;
  /** normalised labels of the footnote definitions (all of them from the start when `knownNotes` was given) */
  readonly notes: Set<string>;
  notesConsulted = false;
  private readonly finder: SpecialFinder;
  private readonly headingPositions: Positions;
  /** the lines of the open HTML block of tags: from, to (note offsets) each */
  private readonly htmlLines: number[] = [];
  /** while reading HTML tags: maps their offsets to the note's (undefined: they are the note's) */
  private tagMap: ((i: number) => number) | undefined = undefined;

  constructor(
    private readonly text: string, lines: LineIndex, private readonly known: Set<string> | undefined,
    private readonly knownNotes: Set<string> | undefined,
    /** keep the texts of links (else the drafts' texts are '' or undefined) */
    private readonly linkText: boolean,
  ) {
    this.labels = known ?? new Set();
    this.notes = knownNotes ?? new Set();
    this.finder = new SpecialFinder(text);
    this.headingPositions = new Positions(lines);
  }

  inline(text: string, from: number, to: number, toSource: ((i: number) => number) | undefined): void {
    parseInline(text, from, to, toSource, this, this.drafts, text === this.text ? this.finder : undefined, this.linkText);
  }

  heading(level: number, text: string, from: number, to: number, toSource: ((i: number) => number) | undefined, start: number, end: number): void {
    this.plains.push(parseHeading(text, from, to, toSource, this, this.drafts, this.slugTexts));
    const p = this.headingPositions;
    p.start(start);
    this.headingFacts.push(level, p.line, p.character);
    p.at(end);
    this.headingFacts.push(p.line, p.character);
  }

  definition(draft: LinkDraft, label: string): void {
    if (this.known === undefined) this.labels.add(normalizeLabel(label));
    this.drafts.push(draft);
  }

  footnote(label: string): void {
    if (this.knownNotes === undefined) this.notes.add(normalizeLabel(label));
  }

  definesFootnote(label: string): boolean {
    this.notesConsulted = true;
    return this.notes.size !== 0 && this.notes.has(normalizeLabel(label));
  }

  htmlLine(from: number, to: number, first: boolean): void {
    if (first) this.endHtmlBlock();
    if (from < to) this.htmlLines.push(from, to);
    else this.endHtmlBlock();
  }

  /**
   * Reads the tags of the HTML block whose lines were handed over (a tag or a comment may span lines): a block of one
   * line where it stands, a longer one as its lines joined by line feeds (the containers' markers left out).
   */
  endHtmlBlock(): void {
    const bounds = this.htmlLines;
    if (bounds.length === 0) return;
    if (bounds.length === 2) {
      this.tagMap = undefined;
      readHtmlTags(this.text, bounds[0], bounds[1], this);
    } else {
      const joined = joinLines(this.text, bounds);
      this.tagMap = joined.toSource;
      readHtmlTags(joined.text, 0, joined.text.length, this);
    }
    bounds.length = 0;
  }

  htmlTag(text: string, from: number, to: number, toSource: ((i: number) => number) | undefined): void {
    // a comment, processing instruction, declaration or CDATA section holds no tags
    const second = text.charCodeAt(from + 1);
    if (second === 33 /* ! */ || second === 63 /* ? */) return;
    this.tagMap = toSource;
    readHtmlTags(text, from, to, this);
  }

  /** HtmlTagSink: offsets are in the note (htmlLine) or in the inline run, mapped by `tagMap` (htmlTag). */
  anchor(id: string, start: number, end: number): void {
    const map = this.tagMap;
    this.anchorIds.push(id);
    this.anchorFacts.push(map ? map(start) : start, map ? map(end - 1) + 1 : end);
  }

  link(kind: 'link' | 'image', value: string, tagStart: number, tagEnd: number, valueStart: number, valueEnd: number, attribute: string): void {
    const map = this.tagMap;
    const at = (i: number) => (map ? map(i) : i);
    const after = (i: number) => (map ? map(i - 1) + 1 : i);
    this.drafts.push(makeDraft(kind, value, undefined, at(tagStart), after(tagEnd), at(valueStart), after(valueEnd), false, false, attribute));
  }

  mayHoldLinks(from: number, to: number): boolean {
    return this.finder.next(from) < to;
  }

  defines(label: string): boolean {
    this.refsConsulted = true;
    return this.labels.size !== 0 && this.labels.has(normalizeLabel(label));
  }
}

/**
 * The strings a scan result keeps (link destinations and texts, heading texts), copied into one
 * fresh string and handed out again, in the order they were added, as slices of it. Kept strings
 * must not be views into the note (that would keep every note alive, see `detach`); one copy for
 * all costs much less than one per string.
 */
class StringPack {
  private parts: string[] = [];
  private packed = '';
  private at = 0;

  add(s: string): void {
    this.parts.push(s);
  }

  /** Makes the copy (a join of two or more strings is a fresh flat string; one is returned as is). */
  seal(): void {
    const { parts } = this;
    this.packed = parts.length === 1 ? detach(parts[0]) : parts.join('');
    this.parts = [];
  }

  /** The next string added, `length` characters long. */
  next(length: number): string {
    const s = this.packed.slice(this.at, this.at + length);
    this.at += length;
    return s;
  }
}

/**
 * A link of a scan result. The index keeps every link of the workspace, so its four positions are
 * stored as numbers and `range` / `targetRange` are built when read (a plain LinkRef would hold six
 * small objects per link). Reading them allocates a fresh Range each time: callers may keep or
 * change it without touching the link.
 */
export class ScannedLink implements LinkRef {
  constructor(
    readonly kind: LinkRef['kind'],
    readonly raw: string,
    readonly path: string,
    readonly fragment: string | undefined,
    readonly text: string | undefined,
    readonly external: boolean,
    readonly definition: true | undefined,
    readonly html: string | undefined,
    readonly targetStart: number,
    readonly targetEnd: number,
    // line and character of the range's start and end, and of the target's start and end
    private readonly sl: number,
    private readonly sc: number,
    private readonly el: number,
    private readonly ec: number,
    private readonly tsl: number,
    private readonly tsc: number,
    private readonly tel: number,
    private readonly tec: number,
  ) {}

  get range(): Range {
    return { start: { line: this.sl, character: this.sc }, end: { line: this.el, character: this.ec } };
  }

  get targetRange(): Range {
    return { start: { line: this.tsl, character: this.tsc }, end: { line: this.tel, character: this.tec } };
  }
}

/** A heading of a scan result; like ScannedLink, its range is stored as numbers and built when read. */
export class ScannedHeading implements Heading {
  constructor(
    readonly level: number,
    readonly text: string,
    readonly slug: string,
    private readonly sl: number,
    private readonly sc: number,
    private readonly el: number,
    private readonly ec: number,
  ) {}

  get range(): Range {
    return { start: { line: this.sl, character: this.sc }, end: { line: this.el, character: this.ec } };
  }
}

/** How many lines a position lookup walks forward before it falls back to a binary search. */
const WALK_LIMIT = 8;

/**
 * Positions of offsets that mostly come in increasing order (the links of a note, sorted by
 * start). The line of the last range start is kept with its bounds: an offset on that line costs
 * a subtraction; a later one walks forward a few lines at most and otherwise falls back to the
 * LineIndex's binary search. Same answers as LineIndex.positionAt. A lookup writes its answer to
 * `line` and `character` (no object per position).
 */
class Positions {
  /** the answer of the last lookup */
  line = 0;
  character = 0;
  /** the kept line and its bounds */
  private kept = 0;
  private keptStart = 0;
  /** start of the line after the kept one (the text's length + 1 after the last line) */
  private nextStart: number;
  private readonly count: number;
  private readonly length: number;

  constructor(private readonly lines: LineIndex) {
    this.count = lines.lineCount;
    this.length = lines.text.length;
    this.nextStart = this.count > 1 ? lines.lineStart(1) : this.length + 1;
  }

  /** Line of the offset `o` (already clamped), not on the kept line. */
  private lineOf(o: number): number {
    const { lines, count } = this;
    if (o < this.keptStart) return lines.lineAt(o);
    let l = this.kept + 1;
    for (let steps = 0; l + 1 < count && lines.lineStart(l + 1) <= o; l++) {
      if (++steps > WALK_LIMIT) return lines.lineAt(o);
    }
    return l;
  }

  private clamp(offset: number): number {
    return offset < 0 ? 0 : offset > this.length ? this.length : offset;
  }

  /** Position of the start of a range: the kept line moves there. */
  start(offset: number): void {
    const o = this.clamp(offset);
    if (o < this.keptStart || o >= this.nextStart) {
      const l = this.lineOf(o);
      this.kept = l;
      this.keptStart = this.lines.lineStart(l);
      this.nextStart = l + 1 < this.count ? this.lines.lineStart(l + 1) : this.length + 1;
    }
    this.line = this.kept;
    this.character = o - this.keptStart;
  }

  /** Position of another offset (the kept line stays). */
  at(offset: number): void {
    const o = this.clamp(offset);
    if (o >= this.keptStart && o < this.nextStart) {
      this.line = this.kept;
      this.character = o - this.keptStart;
    } else {
      const l = this.lineOf(o);
      this.line = l;
      this.character = o - this.lines.lineStart(l);
    }
  }
}

/** What unescapeMarkdown and percentDecode may change in a destination: `\\`, `&` and `%`. */
const ENCODED = /[\\&%]/;

function toLinkRef(d: LinkDraft, p: Positions, raws: StringPack, texts: StringPack | undefined): LinkRef {
  const raw = raws.next(d.raw.length);
  const text = d.text === undefined || !texts ? undefined : texts.next(d.text.length);
  let path: string;
  let fragment: string | undefined;
  let external: boolean;
  if (d.kind === 'wikilink' || d.kind === 'ref') {
    const hash = raw.indexOf('#');
    path = (hash === -1 ? raw : raw.slice(0, hash)).trim();
    if (hash !== -1) fragment = raw.slice(hash + 1).trim();
    external = d.kind === 'ref' && isExternalTarget(raw);
  } else if (d.email) {
    path = raw;
    external = true;
  } else if (d.html) {
    // browsers strip ASCII whitespace from both ends of a URL; the value as written stays the raw (a rename rewrites it)
    const dest = unescapeHtmlAttribute(raw).replace(/^[ \t\f]+|[ \t\f]+$/g, '');
    const hash = dest.indexOf('#');
    path = percentDecode(hash === -1 ? dest : dest.slice(0, hash));
    if (hash !== -1) fragment = percentDecode(dest.slice(hash + 1));
    external = isExternalTarget(path) || isExternalTarget(raw);
  } else if (!ENCODED.test(raw)) {
    // the usual destination, without escapes, character or percent references: as written
    const hash = raw.indexOf('#');
    path = hash === -1 ? raw : raw.slice(0, hash);
    if (hash !== -1) fragment = raw.slice(hash + 1);
    external = isExternalTarget(path); // (a scheme or `//` before a `#` is the path's too)
  } else {
    // split the destination into path and fragment, both percent-decoded
    const dest = unescapeMarkdown(raw);
    const hash = dest.indexOf('#');
    path = percentDecode(hash === -1 ? dest : dest.slice(0, hash));
    if (hash !== -1) fragment = percentDecode(dest.slice(hash + 1));
    external = isExternalTarget(path) || isExternalTarget(raw);
  }
  p.start(d.start);
  const sl = p.line;
  const sc = p.character;
  p.at(d.end);
  const el = p.line;
  const ec = p.character;
  p.at(d.targetStart);
  const tsl = p.line;
  const tsc = p.character;
  p.at(d.targetEnd);
  return new ScannedLink(d.kind, raw, path, fragment, text, external, d.definition ? true : undefined, d.html === '' ? undefined : d.html,
    d.targetStart, d.targetEnd, sl, sc, el, ec, tsl, tsc, p.line, p.character);
}
