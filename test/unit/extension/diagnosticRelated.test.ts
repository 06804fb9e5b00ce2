import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { RuleCode } from '../../../src/core/model';
import { toVscodeDiagnostic } from '../../../src/extension/diagnostics';
import { FM } from '../index/memoryWorkspace';
import { Actions } from './codeActionsHarness';
import type * as stub from './vscodeStub';

const README = '# S\n\n## Chapters\n\n### Cat\n\n- [a](a.md) - 必讀 - 5 min\n- [b](b.md) - 必讀 - 5 min\n- [c](c.md) - 必讀 - 5 min\n';
const MATRIX = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n| A | t | `a.md` `b.md` `x.md` | Done |\n\n'
  + '## Cross-references\n\n- `a.md` <-> `b.md`\n';
const FILES = { 's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/a.md': FM('A') + 'text\n', 's/b.md': FM('B') + '[a](a.md)\n', 's/c.md': FM('C') };

/** The related information of the published diagnostic `code` in `file`: [file, message] pairs. */
async function relatedOf(files: Record<string, string>, file: string, code: RuleCode): Promise<[string, string][][]> {
  const actions = await Actions.of(files);
  const found = actions.index.diagnostics(file).filter(d => d.code === code);
  assert.ok(found.length > 0, `no ${code} in ${file}: ${actions.index.diagnostics(file).map(d => d.code).join(', ')}`);
  return found.map(d => {
    const out = toVscodeDiagnostic(actions.service, d) as unknown as stub.Diagnostic;
    return (out.relatedInformation ?? []).map(r => [r.location.uri.path, r.message] as [string, string]);
  });
}

describe('diagnostics: related information (vscode stub)', () => {
  it('xref-missing-link points at the note that lacks the link', async () => {
    assert.deepEqual(await relatedOf(FILES, 's/coverage_matrix.md', 'xref-missing-link'), [[['/ws/s/a.md', 's/a.md does not link to s/b.md']]]);
  });

  it('coverage-unlisted points at the matrix (a README chapter) or the README (a matrix file)', async () => {
    assert.deepEqual(await relatedOf(FILES, 's/README.md', 'coverage-unlisted'), [[['/ws/s/coverage_matrix.md', 'the coverage matrix of this series']]]);
    assert.deepEqual(await relatedOf(FILES, 's/coverage_matrix.md', 'coverage-unlisted'), [[['/ws/s/README.md', 'the README of this series']]]);
  });

  it('an ambiguous chapter number points at the chapters it may mean; other diagnostics have none', async () => {
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [05_x](a/05_x.md) - 必讀 - 5 min\n\n### B\n\n- [05_y](b/05_y.md) - 必讀 - 5 min\n\n'
      + '## Batch Learning Route\n\n- Batch 1: `05`\n';
    const files = { 's/README.md': readme, 's/a/05_x.md': FM('X'), 's/b/05_y.md': FM('Y') + '[gone](gone.md)\n' };
    assert.deepEqual(await relatedOf(files, 's/README.md', 'chapter-number-unknown'),
      [[['/ws/s/a/05_x.md', 'a chapter numbered 05'], ['/ws/s/b/05_y.md', 'a chapter numbered 05']]]);
    assert.deepEqual(await relatedOf(files, 's/b/05_y.md', 'link-broken'), [[]]);
    void vscode;
  });
});
