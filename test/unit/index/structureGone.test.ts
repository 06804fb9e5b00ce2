import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { FM, indexOf, observe } from './memoryWorkspace';

/**
 * A series README or coverage matrix whose text the index loses without the file going: it becomes unreadable (not
 * UTF-8, binary), or the config names another matrix file. The incremental index must then say what a fresh check
 * of the same files says: no series (or no matrix) from the text that is gone.
 */

const README = `${FM('S')}# S\n\n## Chapters\n\n- [01_a](01_a.md) - 必讀 - 10 min\n`;
const MATRIX = `${FM('M')}# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | a | \`01_a.md\` | Done |\n`;
const files = (): Record<string, string | Uint8Array> => ({ 's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/01_a.md': FM('A') + 'Body.\n' });

describe('a series README or matrix whose text is gone', () => {
  it('an unreadable series README leaves no series behind', async () => {
    const ws = files();
    const index = await indexOf(ws);
    assert.equal(index.series().length, 1);
    index.setUnreadable('s/README.md', 'file is binary');
    assert.deepEqual(index.series(), []);
    assert.deepEqual(observe(index, Object.keys(ws)), observe(await indexOf({ ...ws, 's/README.md': new Uint8Array([0x23, 0, 0x0a]) }), Object.keys(ws)));
  });

  it('an unreadable coverage matrix leaves no coverage behind', async () => {
    const ws = files();
    const index = await indexOf(ws);
    assert.ok(index.coverage(index.series()[0]));
    index.setUnreadable('s/coverage_matrix.md', 'file is binary');
    assert.equal(index.coverage(index.series()[0]), undefined);
    assert.deepEqual(observe(index, Object.keys(ws)), observe(await indexOf({ ...ws, 's/coverage_matrix.md': new Uint8Array([0xff]) }), Object.keys(ws)));
  });

  it('a series README that is readable again is a series again', async () => {
    const ws = files();
    const index = await indexOf(ws);
    index.setUnreadable('s/README.md', 'file is binary');
    index.updateNote('s/README.md', README);
    assert.equal(index.series().length, 1);
    assert.ok(index.coverage(index.series()[0]));
  });

  it('a matrix the config no longer names is forgotten when it is checked again', async () => {
    const ws = files();
    const index = await indexOf(ws);
    const config = { ...defaultConfig(), matrixFileName: 'matrix.md' };
    // as the editor reloads a changed config: the new config, then every note again
    index.setConfig(config);
    for (const f of Object.keys(ws).sort()) index.updateNote(f, ws[f] as string);
    assert.equal(index.coverage(index.series()[0]), undefined);
    assert.deepEqual(observe(index, Object.keys(ws)), observe(await indexOf(ws, config), Object.keys(ws)));
  });

  it('the newly named matrix, read before the old one, stays the series matrix', async () => {
    const ws: Record<string, string | Uint8Array> = { ...files(), 's/a_matrix.md': MATRIX };
    const index = await indexOf(ws);
    const config = { ...defaultConfig(), matrixFileName: 'a_matrix.md' };
    index.setConfig(config);
    // a_matrix.md comes before coverage_matrix.md: forgetting the old matrix must not forget the new one
    for (const f of Object.keys(ws).sort()) index.updateNote(f, ws[f] as string);
    assert.equal(index.coverage(index.series()[0])?.file, 's/a_matrix.md');
    assert.deepEqual(observe(index, Object.keys(ws)), observe(await indexOf(ws, config), Object.keys(ws)));
  });

  it('of two series READMEs in one folder (README.MD beside README.md), the first in code-unit order is the series, in whatever order they come', async () => {
    // on a case-sensitive file system: the one read last was the series, and the other kept the series findings it
    // had (the incremental index) or got none at all, not even its broken link (a fresh load)
    const readme = (gone: string) => README.replace('## Chapters', `[gone](${gone}.md)\n\n## Chapters`);
    const ws: Record<string, string | Uint8Array> = { 's/README.MD': readme('missing1'), 's/README.md': readme('missing2') };
    const fresh = await indexOf(ws);
    assert.deepEqual(fresh.series().map(s => s.readme), ['s/README.MD']);
    assert.deepEqual(fresh.diagnostics('s/README.md').map(d => d.code), ['link-broken', 'link-broken'], 'the other README is checked as a note');
    const later = await indexOf({ 's/README.md': ws['s/README.md'] });
    later.updateNote('s/README.MD', ws['s/README.MD'] as string);
    assert.deepEqual(observe(later, Object.keys(ws)), observe(fresh, Object.keys(ws)));
    const earlier = await indexOf({ 's/README.MD': ws['s/README.MD'] });
    earlier.updateNote('s/README.md', ws['s/README.md'] as string);
    assert.deepEqual(observe(earlier, Object.keys(ws)), observe(fresh, Object.keys(ws)));
    // the series README goes: the other one is the series
    earlier.removeFile('s/README.MD');
    delete ws['s/README.MD'];
    assert.deepEqual(observe(earlier, Object.keys(ws)), observe(await indexOf(ws), Object.keys(ws)));
  });
});
