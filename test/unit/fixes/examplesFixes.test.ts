import { strict as assert } from 'node:assert';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { fixesFor } from '../../../src/core/fixes/index';
import type { Diagnostic } from '../../../src/core/model';
import { indexOf } from '../index/memoryWorkspace';
import { readTree } from '../support/files';

/**
 * Every quick fix the example notes offer, applied in memory: the preferred one makes its diagnostic go away, and
 * no fix adds an error or a warning anywhere in the workspace (but for the matrix status of a note just created).
 */

const key = (d: Diagnostic) => `${d.file} ${d.code} ${d.message}`;

describe('quick fixes on examples/notes', () => {
  it('each fix resolves its diagnostic (the preferred one) and adds no error or warning', async function () {
    this.timeout(120000);
    const files = readTree('examples/notes');
    const index = await indexOf(files);
    const before = [...index.allDiagnostics().values()].flat();
    const known = new Set(before.map(key));
    const problems: string[] = [];
    let applied = 0;
    for (const d of before) {
      for (const fix of fixesFor(index, d, files[d.file], '2026-11-22', f => files[f])) {
        const after = { ...files };
        for (const fe of fix.edits) after[fe.file] = applyTextEdits(fe.create ? '' : files[fe.file], fe.edits);
        const now = [...(await indexOf(after)).allDiagnostics().values()].flat();
        const what = `${d.file}:${d.range.start.line + 1} ${d.code} "${fix.title}"`;
        if (fix.preferred && now.some(x => key(x) === key(d) && x.range.start.line === d.range.start.line)) problems.push(`${what}: still reported`);
        // a created note makes the matrix rows that list it out of date (Pending, now a draft): Sync's job
        const creates = fix.edits.some(fe => fe.create);
        for (const x of now) {
          if (creates && x.code === 'coverage-status-mismatch') continue;
          if (x.severity !== 'information' && !known.has(key(x))) problems.push(`${what}: adds ${x.file}:${x.range.start.line + 1} ${x.code} ${x.message}`);
        }
        applied++;
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(applied > 100, `only ${applied} fixes`);
  });
});
