import { strict as assert } from 'node:assert';
import type { CoverageModel, CrossRef, XrefSide } from '../../../src/core/model';
import { checkXrefs } from '../../../src/core/rules/xref';

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const side = (raw: string): XrefSide => ({ raw, range: R });
const matrix = (xrefs: CrossRef[]): CoverageModel => ({ file: 'coverage_matrix.md', folder: '', rows: [], xrefs, gaps: '', problems: [] });

describe('xref-missing-link rule', () => {
  it('asks nothing of a note cross-referenced with itself', () => {
    const cov = matrix([{ a: side('a.md'), b: side('a.md'), range: R }]);
    assert.deepEqual(checkXrefs(cov, { filesOf: () => ['a.md'], targetsOf: () => new Set(), planned: new Set(), hasFolder: () => true }), []);
  });

  it('reads each note\'s targets once per side: two spans of 2,000 chapters cost their links, not their product', () => {
    const left = Array.from({ length: 2000 }, (_, i) => `l/${i}.md`);
    const right = Array.from({ length: 2000 }, (_, i) => `r/${i}.md`);
    let reads = 0;
    const findings = checkXrefs(matrix([{ a: side('l/1-2000'), b: side('r/1-2000'), range: R }]), {
      filesOf: s => (s.raw.startsWith('l/') ? left : right),
      targetsOf: f => { reads++; return new Set(f === 'r/1999.md' ? ['l/0.md'] : []); },
      planned: new Set(), hasFolder: () => true,
    });
    // no left chapter links right (every left note read once); the last right chapter links left (all read, found last)
    assert.deepEqual(findings.map(f => f.data?.from), ['l/0.md']);
    assert.equal(reads, 4000);
  });
});
