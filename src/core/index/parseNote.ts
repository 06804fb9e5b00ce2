import { parseFrontmatter } from '../frontmatter/parse';
import type { FrontmatterResult, ScanResult } from '../model';
import { scanNote } from '../scanner/scanner';
import { LineIndex } from '../text/lineIndex';

/** A note's text read once: its line starts, its frontmatter and what the scanner found after it. */
export interface ParsedNote {
  lines: LineIndex;
  frontmatter: FrontmatterResult;
  scan: ScanResult;
}

/** Parses the frontmatter and scans the body of one note (`linkText`: keep each link's text, for hovers). */
export function parseNote(text: string, opts: { linkText: boolean }): ParsedNote {
  const lines = new LineIndex(text);
  const frontmatter = parseFrontmatter(text, lines);
  const scan = scanNote(text, frontmatter.block ? frontmatter.block.end : 0, lines, opts);
  return { lines, frontmatter, scan };
}
