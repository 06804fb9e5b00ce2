/**
 * POSIX path helpers for workspace-relative paths (no leading `/`, no `./`). Pure string work:
 * `normalize` returns undefined when a path climbs above the workspace root.
 */

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `a/b/01_x.md` → `01_x` */
export function stem(p: string): string {
  const b = basename(p);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(0, dot) : b;
}

export function extname(p: string): string {
  const b = basename(p);
  const dot = b.lastIndexOf('.');
  return dot > 0 ? b.slice(dot) : '';
}

export function isMarkdown(p: string): boolean {
  return /\.md$/i.test(p);
}

/**
 * The workspace-relative path a typed answer names (`\\` read as a folder separator, `.` and `..` resolved, '' for the
 * folder itself); undefined for a place outside it: an absolute path (`/x`, `C:\\x`, `C:x`), a URI (`file:///x`), a
 * home folder (`~/x`) or a path climbing out (`../x`). New Note's path and Create Series' folder are read so.
 */
export function typedRelativePath(typed: string): string | undefined {
  const t = typed.trim().replace(/\\/g, '/');
  if (t.startsWith('/') || t.startsWith('~') || /^[a-zA-Z]:/.test(t) || /^[a-zA-Z][a-zA-Z0-9+.-]*:\//.test(t)) return undefined;
  return t === '' ? '' : normalize(t);
}

/** Joins a folder and a relative path and normalises `.`/`..`; undefined when it leaves the root. */
export function join(folder: string, rel: string): string | undefined {
  if (rel.startsWith('/')) return normalize(rel.slice(1));
  // fast path for the common `../x`, `./x` and `x/y` forms: climb with lastIndexOf, no splitting
  let base = folder;
  let i = 0;
  for (;;) {
    if (rel.startsWith('../', i)) {
      if (base === '') return undefined;
      const slash = base.lastIndexOf('/');
      base = slash === -1 ? '' : base.slice(0, slash);
      i += 3;
    } else if (rel.startsWith('./', i)) i += 2;
    else break;
  }
  const rest = i === 0 ? rel : rel.slice(i);
  if (rest === '..') {
    if (base === '') return undefined;
    const slash = base.lastIndexOf('/');
    return slash === -1 ? '' : base.slice(0, slash);
  }
  return normalize(base === '' ? rest : rest === '' || rest === '.' ? base : base + '/' + rest);
}

export function normalize(p: string): string | undefined {
  if (p.indexOf('\\') !== -1) p = p.replace(/\\/g, '/');
  // fast path: nothing to resolve
  if (p.indexOf('./') === -1 && p.indexOf('//') === -1 && !p.endsWith('/.') && !p.endsWith('/..') && p !== '.' && p !== '..') {
    return p.endsWith('/') ? p.slice(0, -1) : p;
  }
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** Relative path from folder `from` to file `to` (both workspace-relative). */
export function relative(from: string, to: string): string {
  const a = from === '' ? [] : from.split('/');
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  const rest = b.slice(i).join('/');
  return up === 0 ? rest : '../'.repeat(up) + rest;
}

/** True when `file` is inside `folder` ('' = the root holds everything). */
export function isInside(file: string, folder: string): boolean {
  return folder === '' || file.startsWith(folder + '/');
}

/** Orders strings by UTF-16 code units, the same on every machine (`localeCompare` follows the user's locale). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
