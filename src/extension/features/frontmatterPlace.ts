import * as vscode from 'vscode';
import { findFrontmatterBlock } from '../../core/frontmatter/block';
import { isYamlLanguage } from '../../core/frontmatter/parse';
import type { FrontmatterBlock } from '../../core/model';

/**
 * Where a line of a document is relative to its frontmatter block, as the core finds the block (`---`, `---yaml`,
 * `---js`, `+++` TOML …): in its 'content' (`yaml` when the core reads it), on a 'fence' line, or in the 'body' (which
 * starts at `bodyStart`).
 */
export type FrontmatterPlace =
  | { kind: 'content'; yaml: boolean }
  | { kind: 'fence' }
  | { kind: 'body'; bodyStart: number };

export function frontmatterPlaceOf(document: vscode.TextDocument, line: number): FrontmatterPlace {
  const block = blockAbove(document, line);
  if (!block) return { kind: 'body', bodyStart: 0 };
  const lineStart = document.offsetAt(new vscode.Position(line, 0));
  if (lineStart < block.contentStart) return { kind: 'fence' };
  if (!block.closed || lineStart < block.contentEnd) return { kind: 'content', yaml: isYamlLanguage(block.language) };
  return lineStart < block.end ? { kind: 'fence' } : { kind: 'body', bodyStart: block.end };
}

/**
 * The frontmatter block as far as the document's lines up to `line` show it: the block itself when it closes there,
 * else one running past `line`. Reads the document no further than the block reaches (a few lines at a time, more
 * each time): a keystroke far below a short block reads that block, not the note above the cursor.
 */
function blockAbove(document: vscode.TextDocument, line: number): FrontmatterBlock | undefined {
  for (let lines = 16; ; lines *= 4) {
    const upTo = Math.min(line + 1, lines);
    const block = findFrontmatterBlock(document.getText(new vscode.Range(0, 0, upTo, 0)));
    if (!block || block.closed || upTo === line + 1) return block;
  }
}
