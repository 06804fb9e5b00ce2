import { priorityOf, statusOf, type NotesConfig } from '../config';
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

/**
 * The label to write for `priority`, in the script of `like`: one of its labels that reads back as it. A label the
 * configuration also gives an earlier priority means that one (see priorityOf, and the configuration's own problem
 * report), so writing it would say another priority. The priority's key when no label of its own is left: words to
 * show, which the quick fixes do not write (they check what a word reads back as).
 */
export function priorityLabelLike(config: NotesConfig, priority: PriorityKey, like: string | undefined): string {
  return pickWordLike(ownPriorityLabels(config, priority), like) ?? priority;
}

/** The status word to write for `status`, in the script of `like`: as priorityLabelLike, one that reads back as it. */
export function statusWordLike(config: NotesConfig, status: CoverageStatus, like: string | undefined): string {
  return pickWordLike(ownStatusWords(config, status), like) ?? status;
}

/** The labels of `priority` that read back as it, in the configured order (not those an earlier priority also has). */
export function ownPriorityLabels(config: NotesConfig, priority: PriorityKey): string[] {
  return (config.priorityLabels[priority] ?? []).filter(w => priorityOf(config, w) === priority);
}

/** The words of `status` that read back as it, in the configured order (not those an earlier status also has). */
export function ownStatusWords(config: NotesConfig, status: CoverageStatus): string[] {
  return (config.statusWords[status] ?? []).filter(w => statusOf(config, w) === status);
}
