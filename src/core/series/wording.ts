import type { NotesConfig } from '../config';
import type { CoverageStatus, PriorityKey } from '../model';

/**
 * Picking the word to write (a priority label, a matrix status word) in the same language as the
 * text it replaces or sits beside: Chinese in, Chinese out; English otherwise.
 */

/** True when the text holds a CJK ideograph, kana, hangul or full-width form. */
export function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) return true;
  }
  return false;
}

/** The first of `words` written in the same script family (CJK or not) as `like`; English when `like` is empty. */
export function pickWordLike(words: readonly string[], like: string | undefined): string | undefined {
  if (words.length === 0) return undefined;
  const cjk = like !== undefined && like.trim() !== '' && hasCjk(like);
  return words.find(w => hasCjk(w) === cjk) ?? words[0];
}

export function priorityLabelLike(config: NotesConfig, priority: PriorityKey, like: string | undefined): string {
  return pickWordLike(config.priorityLabels[priority], like) ?? priority;
}

export function statusWordLike(config: NotesConfig, status: CoverageStatus, like: string | undefined): string {
  return pickWordLike(config.statusWords[status], like) ?? status;
}
