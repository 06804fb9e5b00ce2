/**
 * A copy of `s` that does not keep a larger string alive. V8 represents `text.slice(a, b)` (13 characters or
 * more) as a view into `text`, so one short link path kept in the index would retain its whole note. Building
 * a cons string and slicing it back forces a fresh flat copy of just these characters.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}
