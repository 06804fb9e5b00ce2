import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// src/core must stay pure: no VS Code API, no direct file-system access.
describe('architecture', () => {
  it('src/core imports neither vscode nor fs', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const src = readFileSync(p, 'utf8');
          if (/(from\s+|require\(\s*|import\(\s*)['"](vscode|fs|node:fs|fs\/promises|node:fs\/promises|child_process|node:child_process|http|https|net)['"]/.test(src)) offenders.push(p);
        }
      }
    };
    walk('src/core');
    assert.deepEqual(offenders, []);
  });
});
