import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { RULE_CODES, type RuleCode } from '../../../src/core/model';
import { RULES_DOCUMENTATION, toVscodeDiagnostic } from '../../../src/extension/diagnostics';
import { ruleCodeOf } from '../../../src/extension/features/codeActions';
import { FM } from '../index/memoryWorkspace';
import { Actions } from './codeActionsHarness';
import type * as stub from './vscodeStub';

const README = '# S\n\n## Chapters\n\n### Cat\n\n- [a](a.md) - 必讀 - 5 min\n- [b](b.md) - 必讀 - 5 min\n- [c](c.md) - 必讀 - 5 min\n';
const MATRIX = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n| A | t | `a.md` `b.md` `x.md` | Done |\n\n'
  + '## Cross-references\n\n- `a.md` <-> `b.md`\n';
const FILES = { 's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/a.md': FM('A') + 'text\n', 's/b.md': FM('B') + '[a](a.md)\n', 's/c.md': FM('C') };

/** The published diagnostics `code` of `file`. */
async function publishedOf(files: Record<string, string>, file: string, code: RuleCode): Promise<stub.Diagnostic[]> {
  const actions = await Actions.of(files);
  const found = actions.index.diagnostics(file).filter(d => d.code === code);
  assert.ok(found.length > 0, `no ${code} in ${file}: ${actions.index.diagnostics(file).map(d => d.code).join(', ')}`);
  return found.map(d => toVscodeDiagnostic(actions.service, d) as unknown as stub.Diagnostic);
}

/** The related information of the published diagnostic `code` in `file`: [file, message] pairs. */
async function relatedOf(files: Record<string, string>, file: string, code: RuleCode): Promise<[string, string][][]> {
  return (await publishedOf(files, file, code)).map(out => (out.relatedInformation ?? []).map(r => [r.location.uri.path, r.message] as [string, string]));
}

/** Where the related information of the published diagnostic `code` in `file` points: `file line:character`. */
async function placesOf(files: Record<string, string>, file: string, code: RuleCode): Promise<string[][]> {
  return (await publishedOf(files, file, code)).map(out => (out.relatedInformation ?? []).map(r =>
    `${r.location.uri.path.slice('/ws/'.length)} ${r.location.range.start.line}:${r.location.range.start.character}`));
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

  it('points at the line each is about where the index knows one, not at the top of the file', async () => {
    // the note lacking the link: its See also section, where the link belongs (the quick fix adds it there)
    const seeAlso = { ...FILES, 's/a.md': FM('A') + '# A\n\ntext\n\n## See also\n\n- [c](c.md)\n' };
    assert.deepEqual(await placesOf(seeAlso, 's/coverage_matrix.md', 'xref-missing-link'), [['s/a.md 13:0']]);
    // the matrix a chapter is missing from: its last row, after which "Add to matrix" writes the chapter
    assert.deepEqual(await placesOf(FILES, 's/README.md', 'coverage-unlisted'), [['s/coverage_matrix.md 4:0']]);
    // the README a matrix file is missing from: the category named as the row's Capability Area, else the first one
    const readme = README.replace('### Cat', '### Other\n\n- [c](c.md) - 必讀 - 5 min\n\n### A');
    const rows = MATRIX.replace('| A | t | `a.md` `b.md` `x.md` | Done |', '| A | t | `a.md` `b.md` `x.md` | Done |\n| Z | u | `y.md` | Pending |');
    assert.deepEqual(await placesOf({ ...FILES, 's/README.md': readme, 's/coverage_matrix.md': rows }, 's/coverage_matrix.md', 'coverage-unlisted'),
      [['s/README.md 8:0'], ['s/README.md 4:0']]);
  });

  it('leave a note at its top when no line of it is the place: no See also section, a chapter meant by its file name', async () => {
    assert.deepEqual(await placesOf(FILES, 's/coverage_matrix.md', 'xref-missing-link'), [['s/a.md 0:0']]);
    const readme = '# S\n\n## Chapters\n\n### A\n\n- [05_x](a/05_x.md) - 必讀 - 5 min\n- [05_y](a/05_y.md) - 必讀 - 5 min\n\n## Batch Learning Route\n\n- Batch 1: `05`\n';
    assert.deepEqual(await placesOf({ 's/README.md': readme, 's/a/05_x.md': FM('X'), 's/a/05_y.md': FM('Y') }, 's/README.md', 'chapter-number-unknown'),
      [['s/a/05_x.md 0:0', 's/a/05_y.md 0:0']]);
  });

  it('a problem of the matrix itself (no coverage table) has none: it would name its own file', async () => {
    const files = { ...FILES, 's/coverage_matrix.md': '# M\n\nno table yet\n' };
    assert.deepEqual(await relatedOf(files, 's/coverage_matrix.md', 'coverage-unlisted'), [[]]);
  });
});

describe('diagnostics: the code links to its documentation (vscode stub)', () => {
  it('the code is { value, target }: the rule code, and the Rules section of the README in the repository package.json names', async () => {
    const [d] = await publishedOf(FILES, 's/coverage_matrix.md', 'xref-missing-link');
    const code = d.code as { value: string; target: stub.Uri };
    assert.equal(code.value, 'xref-missing-link');
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { repository: { url: string } };
    const repo = new URL(manifest.repository.url.replace(/\.git$/, ''));
    assert.deepEqual([code.target.scheme, code.target.authority, code.target.path, code.target.fragment], ['https', repo.host, repo.pathname, 'rules']);
    // GitHub's anchor of the README's `## Rules` heading, which documents every code in its table
    const readme = readFileSync('README.md', 'utf8');
    assert.match(readme, /^## Rules$/m);
    const rules = readme.slice(readme.search(/^## Rules$/m)).split(/^## (?!Rules)/m)[0];
    for (const c of RULE_CODES) assert.match(rules, new RegExp(`^\\| \`${c}\` \\|`, 'm'), c);
  });

  it('what reads a diagnostic back takes the code in either form', () => {
    assert.equal(ruleCodeOf({ code: { value: 'link-broken', target: vscode.Uri.from(RULES_DOCUMENTATION) } } as vscode.Diagnostic), 'link-broken');
    assert.equal(ruleCodeOf({ code: 'link-broken' } as vscode.Diagnostic), 'link-broken');
    assert.equal(ruleCodeOf({ code: { value: 'MD013', target: vscode.Uri.from(RULES_DOCUMENTATION) } } as vscode.Diagnostic), undefined);
  });
});
