// Diagnostics in the real editor: the whole workspace after loading, live on unsaved edits, on file
// create/delete and on configuration change.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, codeOf, ours } from './support';


/** Resolves when `check` holds for the diagnostics of `uri`, rejects after `ms`. */
function waitForDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, ms: number): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = ours(uri);
    if (check(now)) return resolve(now);
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${ms} ms; diagnostics: ${ours(uri).map(codeOf).join(', ')}`)); }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics(e => {
      if (!e.uris.some(u => u.toString() === uri.toString())) return;
      const ds = ours(uri);
      if (check(ds)) { clearTimeout(timer); sub.dispose(); resolve(ds); }
    });
  });
}

const hasCode = (code: string, line?: number) => (ds: vscode.Diagnostic[]) => ds.some(d => codeOf(d) === code && (line === undefined || d.range.start.line === line));

describe('diagnostics', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('publishes the whole workspace with codes, sources and severities', async () => {
    const a = await api();
    const broken = a.service.uriOf('backend/_lint_examples/broken_links.md');
    const ds = await waitForDiagnostics(broken, hasCode('link-broken'), 5000);
    const codes = new Set(ds.map(codeOf));
    for (const code of ['link-broken', 'link-anchor-broken', 'ref-broken', 'wikilink-broken', 'link-outside-workspace']) {
      assert.ok(codes.has(code), `missing ${code} in ${[...codes].join(', ')}`);
    }
    const linkBroken = ds.find(d => codeOf(d) === 'link-broken')!;
    assert.equal(linkBroken.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(linkBroken.range.start.line, 16, 'PROBLEMS.md says line 17 (1-based)');
    const readme = ours(a.service.uriOf('backend/README.md'));
    const planned = readme.find(d => codeOf(d) === 'chapter-planned');
    assert.ok(planned, 'README has chapter-planned');
    assert.equal(planned.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual(ours(a.service.uriOf('backend/system_design/01_scalability_fundamentals.md')).filter(d => d.severity <= vscode.DiagnosticSeverity.Warning), []);
  });

  it('links a matrix cross-reference problem to the note that lacks the link (related information)', async () => {
    const a = await api();
    const matrix = a.service.uriOf('backend/coverage_matrix.md');
    const ds = await waitForDiagnostics(matrix, hasCode('xref-missing-link'), 5000);
    const xref = ds.find(d => codeOf(d) === 'xref-missing-link' && /28_middleware/.test(d.message))!;
    assert.ok(xref, ds.map(d => d.message).join('\n'));
    assert.deepEqual(xref.relatedInformation?.map(r => r.location.uri.toString()),
      [a.service.uriOf('backend/design_pattern/modern/28_middleware.md').toString()]);
  });

  it('reports a broken link typed into an unsaved buffer within a second, and clears it on undo', async () => {
    const a = await api();
    const uri = a.service.uriOf('backend/system_design/03_consistency_trade_offs.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineCount;
    // the clock starts when the buffer changes (what the user typed), not when the remote edit round-trip ends
    const requested = Date.now();
    let started = 0;
    let indexedAt = 0;
    const subs = [
      vscode.workspace.onDidChangeTextDocument(e => { if (!started && e.document === doc) started = Date.now(); }),
      a.service.onDidChange(e => { if (!indexedAt && e.files.includes('backend/system_design/03_consistency_trade_offs.md')) indexedAt = Date.now(); }),
    ];
    const ok = await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\nSee [nowhere](no_such_chapter_here.md).'));
    const editedAt = Date.now();
    assert.ok(ok);
    assert.equal(doc.isDirty, true);
    const ds = await waitForDiagnostics(uri, hasCode('link-broken', line + 1), 1000);
    const elapsed = Date.now() - started;
    subs.forEach(x => x.dispose());
    console.log(`      edit round-trip ${editedAt - requested} ms; after the buffer changed: indexed ${indexedAt - started} ms, diagnostics ${elapsed} ms`);
    const d = ds.find(x => codeOf(x) === 'link-broken')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, ds2 => !hasCode('link-broken')(ds2), 2000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('checks notes created and deleted on disk', async () => {
    const a = await api();
    const uri = a.service.uriOf('backend/_lint_examples/created_by_test.md');
    const text = '---\ntitle: Created\nnote_type: chapter\ndomain: backend\ntags: []\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: draft\n---\n# Created\n\n[gone](missing_target_note.md)\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const ds = await waitForDiagnostics(uri, hasCode('link-broken', 11), 5000);
    assert.equal(ds.filter(d => codeOf(d) === 'link-broken').length, 1);
    // a note that now exists fixes the link
    const target = a.service.uriOf('backend/_lint_examples/missing_target_note.md');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text.replace('[gone](missing_target_note.md)', 'Target.')));
    await waitForDiagnostics(uri, d2 => !hasCode('link-broken')(d2), 5000);
    await vscode.workspace.fs.delete(target);
    await waitForDiagnostics(uri, hasCode('link-broken', 11), 5000);
    await vscode.workspace.fs.delete(uri);
    await waitForDiagnostics(uri, d2 => d2.length === 0, 5000);
    assert.equal(a.service.index.hasFile('backend/_lint_examples/created_by_test.md'), false);
  });

  it('applies rule severities from the settings', async () => {
    const a = await api();
    const uri = a.service.uriOf('backend/_lint_examples/broken_links.md');
    const config = vscode.workspace.getConfiguration('notesNavigator');
    try {
      await config.update('rules', { 'link-broken': 'hint', 'ref-broken': 'off' }, vscode.ConfigurationTarget.Workspace);
      const ds = await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'link-broken' && x.severity === vscode.DiagnosticSeverity.Hint), 5000);
      assert.ok(!ds.some(d => codeOf(d) === 'ref-broken'), 'ref-broken is off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, d => d.some(x => codeOf(x) === 'link-broken' && x.severity === vscode.DiagnosticSeverity.Error) && hasCode('ref-broken')(d), 5000);
  });
});
