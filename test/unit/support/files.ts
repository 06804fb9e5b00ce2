import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir` whose name ends with `ext`, in sorted order (for tests that read source or notes). */
export function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(ext)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every file below `root` with its text, by its path relative to `root` (POSIX separators), as a workspace in memory. */
export function readTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of filesUnder(root, '')) out[path.relative(root, p).split(path.sep).join('/')] = readFileSync(p, 'utf8');
  return out;
}
