import { strict as assert } from 'node:assert';
import { computeRowCoverage } from '../../../src/core/coverage/compute';
import { syncStatusEdits } from '../../../src/core/coverage/sync';
import { fileStateOf } from '../../../src/core/coverage/viewModel';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { parseCoverageMatrix } from '../../../src/core/series/matrix';
import { FakeIndex } from './fakeIndex';

// The pipeline the Sync status command runs: parse the matrix text as it is now (unsaved buffer),
// compute each row from the index's file states, and replace only the Status cells.
function sync(index: FakeIndex, text: string): string {
  const cov = parseCoverageMatrix(text, 'b/coverage_matrix.md', index.config);
  const rows = computeRowCoverage(cov.rows, f => fileStateOf(index, f));
  return applyTextEdits(text, syncStatusEdits(text, cov, rows, index.config));
}

describe('sync status pipeline (view-model file states → matrix edit)', () => {
  const index = () => new FakeIndex()
    .addNote('b/a.md', { status: 'active' })
    .addNote('b/b.md', { status: 'draft' })
    .addNote('b/c|d.md', { status: 'active' });

  it('rewrites only the Status cells of a CRLF table with CJK, an escaped pipe and an extra column', () => {
    const text = [
      '# Matrix', '',
      '| Capability Area | Required Topic | Notes | Coverage Files | Status |',
      '| :-- | --- | --- | --- | ---: |',
      '| 系統設計 | 可擴展性 | 中文 \\| 說明 | `a.md` | 待建立 |',
      '| 系統設計 | Pipes | x | `c\\|d.md` | Pending   |',
      '| Dist | Draft one | y | `b.md`, `missing.md` | Done |',
      '| Dist | Nothing | z | `missing.md` | Pending |',
      '', 'Prose | with | pipes stays.', '',
    ].join('\r\n');
    const out = sync(index(), text);
    const expected = text
      .replace('| `a.md` | 待建立 |', '| `a.md` | 完成 |')
      .replace('| Pending   |', '| Done   |')
      .replace('| `b.md`, `missing.md` | Done |', '| `b.md`, `missing.md` | In Progress |');
    assert.equal(out, expected);
    assert.equal(out.split('\r\n').length, text.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(out), 'no bare LF introduced');
  });

  it('is a no-op on a matrix already in sync', () => {
    const text = '| Capability Area | Required Topic | Coverage Files | Status |\n| --- | --- | --- | --- |\n| A | T | `a.md` | Done |\n';
    assert.equal(sync(index(), text), text);
  });
});
