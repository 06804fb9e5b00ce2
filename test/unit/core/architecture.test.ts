import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { filesUnder } from '../support/files';

// src/core must stay pure: no VS Code API, no direct file-system access.
describe('architecture', () => {
  it('src/core imports neither vscode nor fs', () => {
    const offenders = filesUnder('src/core', '.ts').filter(p =>
      /(from\s+|require\(\s*|import\(\s*)['"](vscode|fs|node:fs|fs\/promises|node:fs\/promises|child_process|node:child_process|http|https|net)['"]/.test(readFileSync(p, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
