/**
 * Percent-decoding that never throws. A destination with a malformed escape (`my%20note%.md`) still has its
 * well-formed ones decoded, as a browser does: each run of `%XX` escapes that forms valid UTF-8 is decoded,
 * and everything else is kept as written.
 */
export function percentDecode(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, decodeRun);
  }
}

function decodeRun(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    return run;
  }
}
