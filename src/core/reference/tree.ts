import type { Root } from 'mdast';
import { parseMarkdownTree } from './remark';
import { parseStructureTree } from './structureTree';

/**
 * The mdast of a structural file (series README, coverage matrix): the fast structural parser's
 * tree when the text stays inside its subset, remark's (the reference parser) otherwise. Both agree
 * on every node type, value and position the structural parsers read. An unexpected failure of the
 * fast parser is never the user's problem: remark answers instead.
 */
export function structuralTree(text: string): Root {
  let fast: Root | undefined;
  try {
    fast = parseStructureTree(text);
  } catch {
    fast = undefined;
  }
  return fast ?? parseMarkdownTree(text);
}
