import type { Root } from 'mdast';
import { parseMarkdownTree } from './remark';
import { parseInSections } from './remarkSections';
import { parseStructureTree } from './structureTree';
import { tamePathologies } from './tame';

/**
 * The mdast of a structural file (series README, coverage matrix): the fast structural parser's
 * tree when the text stays inside its subset, remark's (the reference parser) otherwise. Both agree
 * on every node type, value and position the structural parsers read. An unexpected failure of the
 * fast parser is never the user's problem: remark answers instead, on a text tamed of the shapes that would make
 * it overflow the stack or take quadratic time (see tame.ts), a section at a time (see remarkSections.ts).
 */
export function structuralTree(text: string): Root {
  let fast: Root | undefined;
  try {
    fast = parseStructureTree(text);
  } catch {
    fast = undefined;
  }
  if (fast) return fast;
  try {
    return parseInSections(tamePathologies(text), parseMarkdownTree);
  } catch {
    // remark failing even on the tamed text: the file reads as empty (no series, no table) rather than
    // taking the whole check down with it
    return { type: 'root', children: [] };
  }
}
