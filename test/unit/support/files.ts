import { readdirSync, statSync } from 'node:fs';
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
