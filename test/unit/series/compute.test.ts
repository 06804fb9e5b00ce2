import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core/config';
import { bodySize, computeRowCoverage, draftReason, fileState, MIN_WRITTEN_BODY, sameDraftReason } from '../../../src/core/coverage/compute';
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
  it('fileState: missing, draft by status, draft by a short body without a status, written', () => {
    assert.equal(fileState(undefined, config), 'missing');
    assert.equal(fileState({ frontmatter: fm('draft'), length: 5000 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm('Draft'), length: 5000 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm(), length: 100 + MIN_WRITTEN_BODY - 1 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm(), length: 100 + MIN_WRITTEN_BODY }, config), 'written');
    assert.equal(fileState({ frontmatter: { fieldRanges: {} }, length: 300 }, config), 'written');
    assert.equal(fileState({ frontmatter: { fieldRanges: {} }, length: 30 }, config), 'draft');
    assert.equal(fileState({ frontmatter: fm('review'), length: 5000 }, { ...config, draftStatuses: ['review'] }), 'draft');
  });

  it('a note whose status is not a draft status is written, however short', () => {
    assert.equal(fileState({ frontmatter: fm('active'), length: 101 }, config), 'written');
    assert.equal(draftReason({ frontmatter: fm('active'), length: 101 }, config), undefined);
    assert.deepEqual(draftReason({ frontmatter: fm('Draft'), length: 5000 }, config), { status: 'Draft' });
    // an empty status is no status: the body decides
    assert.deepEqual(draftReason({ frontmatter: fm(' '), length: 150 }, config), { chars: 50 });
  });

  it('bodySize counts the trimmed body after the frontmatter; CJK characters weigh two', () => {
    const head = '---\ntitle: x\n---\n';
    assert.deepEqual(bodySize(head + '\n  hello  \n\n', head.length), { chars: 5, weight: 5 });
    assert.deepEqual(bodySize(head + '冪等性 ok', head.length), { chars: 6, weight: 9 });
    // the audit's note: 5 × 29 CJK characters and a heading, 154 UTF-16 characters, weighs over the threshold
    const cjk = '# 快速參考\n\n' + '冪等性設計：每個請求帶唯一鍵，伺服器端以鍵去重，重試安全。'.repeat(5) + '\n';
    assert.equal(cjk.length, 154);
    assert.ok(bodySize(cjk, 0).weight >= MIN_WRITTEN_BODY);
    // 80 CJK characters: 160, still short
    assert.deepEqual(bodySize('中'.repeat(80), 0), { chars: 80, weight: 160 });
    // counting stops at the threshold: a 10 MB body costs no more than a short one
    assert.equal(bodySize('x'.repeat(10_000_000), 0).weight, MIN_WRITTEN_BODY);
    const note = { frontmatter: fm(undefined, head.length), length: head.length + 90, body: bodySize('中'.repeat(80), 0) };
    assert.equal(fileState(note, config), 'draft');
    assert.deepEqual(draftReason(note, config), { chars: 80 });
    assert.equal(fileState({ ...note, body: bodySize('中'.repeat(100), 0) }, config), 'written');
  });

  it('computeRowCoverage: all written → done, all missing → pending, else in progress', () => {
    const states: Record<string, FileState> = { w: 'written', w2: 'written', m: 'missing', m2: 'missing', d: 'draft' };
    const out = computeRowCoverage([row('w', 'w2'), row('m', 'm2'), row('w', 'm'), row('d'), row()], f => states[f]);
    assert.deepEqual(out.map(r => r.computed), ['done', 'pending', 'in-progress', 'in-progress', 'pending']);
    assert.deepEqual(out[2].fileStates, ['written', 'missing']);
    assert.equal(out[0].row.files[0].file, 'w');
  });

  it('computeRowCoverage: a file nothing is known about never contradicts the declared status, a known one does', () => {
    // h, h2: hidden (taken to exist, so written); w written, m missing, d draft
    const states: Record<string, FileState> = { h: 'written', h2: 'written', w: 'written', m: 'missing', d: 'draft' };
    const unknown = (f: string) => f.startsWith('h');
    const declared = (status: 'pending' | 'in-progress' | 'done', r: MatrixRow): MatrixRow => ({ ...r, declared: status, declaredText: status });
    const rows = [
      declared('pending', row('h')), // the guess (written) would say done: the row may well be pending
      declared('pending', row('h', 'm')),
      declared('in-progress', row('h', 'h2')), // one of them may be a draft
      declared('done', row('h', 'w')),
      declared('done', row('h', 'm')), // m is known to be missing: not done
      declared('pending', row('h', 'w')), // w is known to be written: not pending
      declared('done', row('h', 'd')), // d is a known draft
      declared('in-progress', row('w')), // nothing unknown: the files decide
    ];
    assert.deepEqual(computeRowCoverage(rows, f => states[f], unknown).map(r => r.computed),
      ['pending', 'pending', 'in-progress', 'done', 'in-progress', 'done', 'in-progress', 'done']);
    // the states themselves are what stateOf says; without `unknown` the guess decides, as before
    assert.deepEqual(computeRowCoverage(rows, f => states[f], unknown)[0].fileStates, ['written']);
    assert.deepEqual(computeRowCoverage(rows, f => states[f]).map(r => r.computed),
      ['done', 'in-progress', 'done', 'done', 'in-progress', 'done', 'in-progress', 'done']);
    // a row without a declared status gets the computed one (Sync writes it)
    assert.equal(computeRowCoverage([{ ...row('h'), declared: undefined, declaredText: '' }], f => states[f], unknown)[0].computed, 'done');
  });

  // Mutation testing: with the surrogate pair not skipped as one character in bodySize, an emoji counted as two
  // characters weighing three, and every test passed. A character outside the BMP is one character weighing two.
  it('bodySize counts a character outside the BMP (an emoji) as one character weighing two', () => {
    assert.deepEqual(bodySize('😀😀 a', 0), { chars: 4, weight: 6 });
  });

  // Mutation testing: with sameDraftReason ignoring the character counts, every test passed, yet the index would keep
  // a matrix message saying "only 78 characters of body" after the draft grew to 120.
  it('sameDraftReason: two short drafts with different body sizes are different reasons', () => {
    assert.equal(sameDraftReason({ chars: 78 }, { chars: 78 }), true);
    assert.equal(sameDraftReason({ chars: 78 }, { chars: 120 }), false);
    assert.equal(sameDraftReason({ status: 'draft' }, { chars: 78 }), false);
    assert.equal(sameDraftReason({ status: 'draft' }, { status: 'Draft' }), false);
    assert.equal(sameDraftReason(undefined, { chars: 1 }), false);
  });
});
