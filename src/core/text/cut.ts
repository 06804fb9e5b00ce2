/**
 * `s` cut to at most `length` UTF-16 units, one fewer when the cut would fall between the two halves of a surrogate
 * pair (an emoji, a rare CJK character): half a character is no text (it shows as `�`, and some writers refuse it).
 */
export function cutText(s: string, length: number): string {
  return s.length <= length ? s : s.slice(0, cutIndex(s, length));
}

/** `at`, or `at - 1` when `s[at - 1]` and `s[at]` are a surrogate pair. */
export function cutIndex(s: string, at: number): number {
  if (at <= 0 || at >= s.length) return at;
  const before = s.charCodeAt(at - 1);
  const after = s.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? at - 1 : at;
}
