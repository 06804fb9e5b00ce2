/**
 * Character tests and the "outside the subset" signal shared by the structure parser's block and inline
 * passes (see structureTree.ts, structureLines.ts and structureTable.ts).
 */

/** Thrown (and caught by parseStructureTree) when the text holds something outside the subset. */
export const UNSUPPORTED = { unsupported: true };

export function unsupported(): never {
  throw UNSUPPORTED;
}

export const SPACE = 32;
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const BACKTICK = 96;
export const BACKSLASH = 92;
export const PIPE = 124;

export function isSpaceOrTab(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isEol(c: number): boolean {
  return c === LF || c === CR;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
