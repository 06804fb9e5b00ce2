import type { Root } from 'mdast';
import { parseMarkdownTree } from './remark';
import { parseStructureTree } from './structureTree';

/**
 * The mdast of a structural file (series README, coverage matrix): the fast structural parser's
 * tree when the text stays inside its subset, remark's (the reference parser) otherwise. Both agree
 * on every node type, value and position the structural parsers read.
 */
export function structuralTree(text: string): Root {
  return parseStructureTree(text) ?? parseMarkdownTree(text);
}
