import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { computeRowCoverage, fileState, MIN_WRITTEN_BODY } from '../../../src/core/coverage/compute';
import type { FileState, FrontmatterResult, MatrixRow } from '../../../src/core/model';

const config = defaultConfig();
const fm = (status?: string, end = 100): FrontmatterResult => ({
  block: { start: 0, end, contentStart: 4, contentEnd: end - 4, language: '', closed: true },
  data: status === undefined ? {} : { status },
  fieldRanges: {},
});

function row(...files: string[]): MatrixRow {
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { area: 'A', topic: 'T', files: files.map(f => ({ href: f, file: f, range: r })), declaredText: 'Pending', declared: 'pending', range: r };
}

describe('computed coverage', () => {
  it('fileState: missing, draft by status, draft by short body, written', () => {
    assert.equal(fileState(undefined, config), 'missing');
    assert.equal(fileState({ frontmatter: fm('draft'), length: 5000 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm('Draft'), length: 5000 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm('active'), length: 100 + MIN_WRITTEN_BODY - 1 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm('active'), length: 100 + MIN_WRITTEN_BODY }, config), 'written');
    assert.equal(fileState({ frontmatter: { fieldRanges: {} }, length: 300 }, config), 'written');
    assert.equal(fileState({ frontmatter: fm('review'), length: 5000 }, { ...config, draftStatuses: ['review'] }), 'draft');
  });

  it('computeRowCoverage: all written → done, all missing → pending, else in progress', () => {
    const states: Record<string, FileState> = { w: 'written', w2: 'written', m: 'missing', m2: 'missing', d: 'draft' };
    const out = computeRowCoverage([row('w', 'w2'), row('m', 'm2'), row('w', 'm'), row('d'), row()], f => states[f]);
    assert.deepEqual(out.map(r => r.computed), ['done', 'pending', 'in-progress', 'in-progress', 'pending']);
    assert.deepEqual(out[2].fileStates, ['written', 'missing']);
    assert.equal(out[0].row.files[0].file, 'w');
  });
});
