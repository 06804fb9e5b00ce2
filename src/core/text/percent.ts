/** Percent-decoding that never throws: a malformed `%` escape leaves the text as it was. */
export function percentDecode(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
