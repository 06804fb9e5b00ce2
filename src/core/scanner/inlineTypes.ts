/**
 * What the inline pass takes and gives, apart from how it parses: the run of inline content it reads, the link
 * drafts it produces (the block pass's definitions produce them too), and the reference definitions it consults,
 * whose labels match once normalised. A module of its own, so that the block pass, the definitions and the
 * scanner depend on these shapes without depending on the parser.
 */

/** Inline content to parse: `text[from, to)`; `toSource` maps an index of `text` to a note offset. */
export interface InlineSource {
  text: string;
  from: number;
  to: number;
  /** undefined when `text` is the note itself (indices are note offsets) */
  toSource?: (i: number) => number;
}

/** A link found by the scanner, in note offsets, before positions are computed. */
export interface LinkDraft {
  kind: 'link' | 'image' | 'ref' | 'wikilink';
  definition?: boolean;
  /** destination as written (angle brackets stripped) */
  raw: string;
  /** autolink e-mail address (`<a@b.c>`), whose destination is `mailto:` + raw */
  email?: boolean;
  text?: string;
  start: number;
  end: number;
  targetStart: number;
  targetEnd: number;
  /**
   * for a link in an HTML tag, the element and attribute (`img src`: see HTML_LINK_ATTRIBUTES), else '': character
   * references are decoded, backslashes are not escapes
   */
  html: string;
}

/** The reference definitions a run of inline content can use. */
export interface References {
  /** Whether a definition has this label (as written: the implementation normalises it). */
  defines(label: string): boolean;
  /** Whether a GFM footnote definition has this label (as written, without its `^`). */
  definesFootnote?(label: string): boolean;
  /** An inline HTML tag `text[from, to)` (`toSource` as for the run): it may hold an anchor. */
  htmlTag?(text: string, from: number, to: number, toSource: ((i: number) => number) | undefined): void;
}

/**
 * Normalised reference label: case-folded, whitespace (spaces, tabs, line endings: not a no-break space)
 * collapsed and stripped from the ends, as micromark matches labels.
 */
export function normalizeLabel(label: string): string {
  return label.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/** A draft with every field set, so that all drafts share one object shape. */
export function makeDraft(
  kind: LinkDraft['kind'], raw: string, text: string | undefined, start: number, end: number,
  targetStart: number, targetEnd: number, definition: boolean, email: boolean, html = '',
): LinkDraft {
  return { kind, definition, raw, email, text, start, end, targetStart, targetEnd, html };
}
