import { ForwardFinder } from './search';
import type { LinkDraft, References } from './inlineTypes';

/**
 * The state of the inline parser over one run of inline content, shared by the modules that read its constructs
 * (code spans, brackets, destinations, wikilinks, emphasis, heading text): each of them is a set of functions over
 * this one object, so that the parser is split by construct without a call through anything but a plain function.
 * It holds the run and its options, the buffers the constructs fill (bracket openers, heading edits, delimiter
 * runs) and the tables they build lazily to stay linear; the few helpers here are the ones every construct uses.
 */

/**
 * Which plain text of a heading an edit belongs to: both, the text shown to users (an image there keeps its alt
 * text) or the text GitHub slugs (an image gives nothing there).
 */
export const enum EditUse {
  Both,
  Shown,
  Slug,
}

/** `text[start, end)` becomes `value` in the plain text of a heading. */
export interface Edit {
  start: number;
  end: number;
  value: string;
  use: EditUse;
}

/** A run of `*`, `_` or `~` that can open or close emphasis or strikethrough (headings only). */
export interface DelimRun {
  pos: number;
  len: number;
  ch: number;
  canOpen: boolean;
  canClose: boolean;
  /** its characters left when paired ones are removed from the plain text */
  left: number;
}

const NO_REFS: References = { defines: () => false };
const NO_DRAFTS: LinkDraft[] = [];

/**
 * One parser is reused for every run of inline content (parsing is not re-entrant): its state is
 * reset per run and its buffers are allocated only when a run needs them.
 */
export class InlineState {
  text = '';
  from = 0;
  to = 0;
  toSource: ((i: number) => number) | undefined = undefined;
  refs: References = NO_REFS;
  drafts: LinkDraft[] = NO_DRAFTS;
  wantText = false;
  /** the text GitHub slugs, of the last heading parsed with `wantText` (see takeSlugText) */
  slugText = '';
  /** whether the run has edits for one plain text only (an image's) */
  oneSided = false;
  /** whether the run holds line endings (a setext heading of several lines) */
  multiline = false;
  /** keep the texts of links and the aliases of wikilinks (else '' and undefined) */
  linkText = true;
  finder: ForwardFinder | undefined = undefined;
  // bracket openers (`[` or `![`) in parallel number arrays: storms of 300k openers allocate nothing
  readonly openerPos: number[] = [];
  readonly openerImage: number[] = [];
  /** number of drafts when the opener was seen (an image drops what its description produced) */
  readonly openerMark: number[] = [];
  /** number of pending delimiter runs when the opener was seen (headings only: links have no runs) */
  readonly openerRuns: number[] = [];
  /** start and end of each bracket shaped as a footnote call, `[^label]`, that made no link (headings only) */
  readonly noteCalls: number[] = [];
  /** link openers before this index are inactive (a link cannot contain a link) */
  deactivatedBefore = -1;
  readonly edits: Edit[] = [];
  readonly delims: DelimRun[] = [];
  /**
   * The runs not yet paired up (a link's runs are paired when it is formed: they cannot pair outside it);
   * undefined while they are `delims` (until a link with runs in its text is formed: most headings have none).
   */
  pending: DelimRun[] | undefined = undefined;
  /** the character of the first run of `*`, `_` or `~` (one or two) in the content, 0 before one */
  firstRun = 0;
  /** the end of the last email literal found by inEmailLiteral (-1: none) */
  emailEnd = -1;
  // code span closers: maximal backtick runs by length, with a forward pointer per length
  codeRuns: Map<number, number[]> | undefined = undefined;
  codePtr: Map<number, number> | undefined = undefined;
  // raw destination ends: parenthesis events and next-smaller-depth links
  parenPos: Int32Array | undefined = undefined;
  parenDepth: Int32Array | undefined = undefined;
  parenNext: Int32Array | undefined = undefined;
  wsFrom = -1;
  wsAt = -1;
  // autolink literals (see literalAt): where the words read for them end, and the last literal found
  literalTo = 0;
  literalStart = -1;
  literalEnd = -1;
  /** the end of the last email literal literalAt read (no URL literal starts inside it) */
  literalEmailEnd = -1;
  // the last link tail read by linkTail
  tailEnd = 0;
  destStart = 0;
  destEnd = 0;

  reset(
    text: string, from: number, to: number, toSource: ((i: number) => number) | undefined,
    refs: References, drafts: LinkDraft[], wantText: boolean, linkText: boolean,
  ): void {
    this.text = text;
    this.from = from;
    this.to = to;
    this.toSource = toSource;
    this.refs = refs;
    this.drafts = drafts;
    this.wantText = wantText;
    this.linkText = linkText || wantText;
    this.deactivatedBefore = -1;
    this.oneSided = false;
    this.firstRun = 0;
    this.emailEnd = -1;
    this.wsFrom = -1;
    this.wsAt = -1;
    this.literalTo = from;
    this.literalStart = -1;
    this.literalEnd = -1;
    this.literalEmailEnd = -1;
    this.clearBuffers(); // a run that threw may have left its state behind
  }

  /** Drops the state and the references of the last run (buffers are emptied only when used). */
  release(): void {
    this.text = '';
    this.toSource = undefined;
    this.refs = NO_REFS;
    this.drafts = NO_DRAFTS;
    this.clearBuffers();
  }

  /** Empties the per-run buffers (only those that were used) and forgets the lazily built tables. */
  private clearBuffers(): void {
    this.finder = undefined;
    if (this.openerPos.length !== 0) {
      this.openerPos.length = 0;
      this.openerImage.length = 0;
      this.openerMark.length = 0;
      this.openerRuns.length = 0;
    }
    if (this.edits.length !== 0) this.edits.length = 0;
    if (this.delims.length !== 0) this.delims.length = 0;
    if (this.noteCalls.length !== 0) this.noteCalls.length = 0;
    this.pending = undefined;
    this.codeRuns = undefined;
    this.codePtr = undefined;
    this.parenPos = undefined;
    this.parenDepth = undefined;
    this.parenNext = undefined;
  }

  map(i: number): number {
    return this.toSource === undefined ? i : this.toSource(i);
  }

  getFinder(): ForwardFinder {
    return this.finder ??= new ForwardFinder(this.text, this.to);
  }

  /** In the plain text (headings), `text[start, end)` becomes `value`. */
  pushEdit(start: number, end: number, value: string, use = EditUse.Both): void {
    this.edits.push({ start, end, value, use });
  }

  /** The text GitHub slugs of the heading parsed last (the parser then forgets it). */
  takeSlugText(): string {
    const slugText = this.slugText;
    this.slugText = '';
    return slugText;
  }
}
