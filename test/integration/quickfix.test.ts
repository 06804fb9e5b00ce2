// Quick fixes on live (unsaved) buffers: a typed broken link is reported within a second and its preferred
// quick fix clears it; fix-all (command and source.fixAll) applies the safe fixes; a broken wikilink offers to
// create the missing note, which creates it without overwriting anything.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeOf, service, uriOf, waitFor } from './support';
import { mergeFixEdits } from '../../src/extension/features/mergeFixEdits';
import type { Fix, TextEdit } from '../../src/core/model';


function diagnosticsOn(uri: vscode.Uri, code: string, line?: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => codeOf(d) === code && (line === undefined || d.range.start.line === line));
}

/**
 * Appends `typed` to the unsaved buffer of `editor` and waits (a second at most) for a `link-broken` on the line
 * holding `needle`; returns that line, the diagnostic and when the buffer was changed.
 */
async function typeBrokenLink(editor: vscode.TextEditor, typed: string, needle: string): Promise<{ line: number; diagnostic: vscode.Diagnostic; started: number }> {
  const doc = editor.document;
  assert.ok(await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, typed)));
  const started = Date.now();
  const line = doc.getText().split(/\r?\n/).findIndex(l => l.includes(needle));
  const [diagnostic] = await waitFor(`link-broken on the line of ${needle}`, () => {
    const found = diagnosticsOn(doc.uri, 'link-broken', line);
    return found.length > 0 ? found : undefined;
  }, 1000);
  return { line, diagnostic, started };
}

async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('quick fixes', () => {
  before(async () => { await service(); });

  it('reports a broken link typed into an unsaved buffer within a second; its quick fix clears it', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/system_design/10_ddd_basics.md'));
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const { line, diagnostic, started } = await typeBrokenLink(editor, '\n\nSee [saga](../distributed_systems/13_saga_patern.md).\n', '13_saga_patern.md');
      assert.ok(Date.now() - started <= 1000);
      assert.ok(doc.isDirty, 'the buffer was checked unsaved');

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      // (actions returned by this command carry no diagnostics: VS Code drops them on the way)
      const fix = actions.find(a => a.isPreferred);
      assert.ok(fix?.edit, `no preferred quick fix (got: ${actions.map(a => a.title).join(' | ')})`);
      assert.match(fix.title, /13_saga_pattern\.md/);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(doc.lineAt(line).text, /\(\.\.\/distributed_systems\/13_saga_pattern\.md\)/);
      await waitFor('link-broken to clear', () => (diagnosticsOn(doc.uri, 'link-broken', line).length === 0 ? true : undefined), 1000);
    } finally {
      await revert(doc);
    }
  });

  it('checks the src of an HTML image typed into an unsaved buffer; its quick fix and go to definition follow it', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/system_design/10_ddd_basics.md'));
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const { line, diagnostic } = await typeBrokenLink(editor, '\n\n<p align="center"><img src="../assets/cache_asid.svg" width="400"></p>\n', 'cache_asid.svg');
      // the problem covers the attribute's value, as written
      assert.equal(doc.getText(diagnostic.range), '../assets/cache_asid.svg');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find(a => a.isPreferred);
      assert.ok(fix?.edit, `no preferred quick fix (got: ${actions.map(a => a.title).join(' | ')})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(line).text, '<p align="center"><img src="../assets/cache_aside.svg" width="400"></p>');
      await waitFor('link-broken to clear', () => (diagnosticsOn(doc.uri, 'link-broken', line).length === 0 ? true : undefined), 1000);
      const at = new vscode.Position(line, doc.lineAt(line).text.indexOf('cache_aside') + 2);
      const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
      assert.deepEqual(targets.map(t => ('targetUri' in t ? t.targetUri : t.uri).path.split('/').slice(-2).join('/')), ['assets/cache_aside.svg']);
      // VS Code's own Markdown references list the image as a Markdown link (by its value): it is not listed twice
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
      assert.equal(refs.filter(r => r.uri.toString() === doc.uri.toString() && r.range.start.line === line).length, 1,
        refs.map(r => `${r.uri.path.split('/').pop()}:${r.range.start.line}:${r.range.start.character}`).join(', '));
    } finally {
      await revert(doc);
    }
  });

  it('checks each URL of a srcset typed into an unsaved buffer; its quick fix mends that URL, and the URLs become clickable', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/system_design/10_ddd_basics.md'));
    const editor = await vscode.window.showTextDocument(doc);
    try {
      const typed = '\n\n<picture><source srcset="../assets/saga_flow_drak.svg 1x, ../assets/saga_flow.svg 2x"><img src="../assets/saga_flow.svg"></picture>\n';
      const { line, diagnostic } = await typeBrokenLink(editor, typed, 'saga_flow_drak.svg');
      // the problem covers that URL alone, and says image
      assert.equal(doc.getText(diagnostic.range), '../assets/saga_flow_drak.svg');
      assert.match(diagnostic.message, /saga_flow_drak\.svg/);
      assert.equal(diagnosticsOn(doc.uri, 'link-broken', line).length, 1, 'the srcset\'s other URL and the <img> resolve');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find(a => a.isPreferred);
      assert.ok(fix?.edit, `no preferred quick fix (got: ${actions.map(a => a.title).join(' | ')})`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(line).text,
        '<picture><source srcset="../assets/saga_flow_dark.svg 1x, ../assets/saga_flow.svg 2x"><img src="../assets/saga_flow.svg"></picture>');
      await waitFor('link-broken to clear', () => (diagnosticsOn(doc.uri, 'link-broken', line).length === 0 ? true : undefined), 1000);
      // VS Code's own Markdown does not link a srcset's URLs: this extension does, each to its file
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
      const srcset = links.filter(l => l.range.start.line === line && l.range.start.character < doc.lineAt(line).text.indexOf('<img'))
        .map(l => `${doc.getText(l.range)}>${l.target?.path.split('/').slice(-2).join('/')}`);
      assert.deepEqual(srcset, ['../assets/saga_flow_dark.svg>assets/saga_flow_dark.svg', '../assets/saga_flow.svg>assets/saga_flow.svg']);
    } finally {
      await revert(doc);
    }
  });

  it('fix-all adds a missing frontmatter field, as a command and as a source.fixAll action', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/_lint_examples/missing_status.md'));
    await vscode.window.showTextDocument(doc);
    try {
      await waitFor('frontmatter-field-missing', () => (diagnosticsOn(doc.uri, 'frontmatter-field-missing').length > 0 ? true : undefined));
      // the fix-all edit is built when the action is resolved (right before the editor applies it)
      const listed = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        doc.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
      assert.ok(listed.some(a => a.kind?.value === 'source.fixAll.notesNavigator' && !a.edit), 'no unresolved source.fixAll action');
      const source = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
        doc.uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value, 10);
      assert.ok(source.some(a => a.kind?.value === 'source.fixAll.notesNavigator' && a.edit), 'no source.fixAll action');

      assert.equal(await vscode.commands.executeCommand('notesNavigator.fixAll'), true);
      const fence = doc.getText().indexOf('\n---', 3);
      assert.match(doc.getText().slice(0, fence), /\nstatus: \S+/);
      await waitFor('frontmatter-field-missing to clear', () => (diagnosticsOn(doc.uri, 'frontmatter-field-missing').length === 0 ? true : undefined));
    } finally {
      await revert(doc);
    }
  });

  it('source.fixAll on save fixes the saved file only (its edit built when applied), and leaves the notes it names alone', async () => {
    const matrixUri = uriOf('backend/coverage_matrix.md');
    const otherUri = uriOf('backend/design_pattern/modern/28_middleware.md');
    const original = await vscode.workspace.fs.readFile(matrixUri);
    const otherBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(otherUri));
    const doc = await vscode.workspace.openTextDocument(matrixUri);
    await waitFor('the matrix diagnostics', () => (diagnosticsOn(doc.uri, 'coverage-status-mismatch').length > 0
      && diagnosticsOn(doc.uri, 'xref-missing-link').length > 0 ? true : undefined));
    const editor = await vscode.window.showTextDocument(doc);
    const config = vscode.workspace.getConfiguration('editor');
    try {
      await config.update('codeActionsOnSave', { 'source.fixAll': 'explicit' }, vscode.ConfigurationTarget.Workspace);
      const line = diagnosticsOn(doc.uri, 'coverage-status-mismatch')[0].range.start.line;
      assert.match(doc.lineAt(line).text, /\| Done \|\s*$/);
      // a line typed above the row: what is fixed on save is the text of that moment
      assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), '<!-- typed -->\n')));
      await waitFor('the index to catch up', () => (diagnosticsOn(doc.uri, 'coverage-status-mismatch')[0]?.range.start.line === line + 1 ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the save', () => (doc.isDirty ? undefined : true));
      assert.equal(doc.lineAt(0).text, '<!-- typed -->');
      assert.match(doc.lineAt(line + 1).text, /\| Pending \|\s*$/, doc.lineAt(line + 1).text);
      const other = vscode.workspace.textDocuments.find(d => d.uri.toString() === otherUri.toString());
      assert.ok(!other?.isDirty, 'the note named by the cross-reference was edited by the save');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(otherUri)), otherBefore);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.writeFile(matrixUri, original);
      await waitFor('the matrix restored', () => (doc.isDirty || doc.lineAt(0).text === '<!-- typed -->' ? undefined : true));
    }
  });

  it('offers to create the note a broken wikilink names, and never overwrites', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/_lint_examples/broken_links.md'));
    const [diagnostic] = await waitFor('wikilink-broken', () => {
      const found = diagnosticsOn(doc.uri, 'wikilink-broken').filter(d => doc.getText(d.range).includes('98_event_mesh'));
      return found.length > 0 ? found : undefined;
    });
    // (a fix that edits another file gets its edit when resolved: ask for the actions resolved)
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
      doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
    const create = actions.find(a => /98_event_mesh\.md/.test(a.title) && a.edit);
    assert.ok(create, `no create action (got: ${actions.map(a => a.title).join(' | ')})`);
    assert.equal(create.kind?.value, 'quickfix.notesNavigator.createNote');
    const created = uriOf('backend/_lint_examples/98_event_mesh.md');
    const exists = async (): Promise<boolean> => vscode.workspace.fs.stat(created).then(() => true, () => false);
    assert.equal(await exists(), false);
    // apply it the way the light bulb does (an edit fetched through the API loses the new file's contents)
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    const apply = (): Thenable<unknown> => vscode.commands.executeCommand('editor.action.codeAction',
      { kind: 'quickfix.notesNavigator.createNote', apply: 'first' });
    try {
      await apply();
      const deadline = Date.now() + 5000;
      while (!(await exists()) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50));
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      assert.match(text, /^---\r?\n(?:[\s\S]*\n)?title: /, `the new note starts with frontmatter: ${JSON.stringify(text)}`);
      await waitFor('wikilink-broken to clear', () =>
        (diagnosticsOn(doc.uri, 'wikilink-broken').some(d => doc.getText(d.range).includes('98_event_mesh')) ? undefined : true));
      // applying it again must leave the (now existing) note untouched
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('# mine\n'));
      await apply();
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), '# mine\n');
    } finally {
      const cleanup = new vscode.WorkspaceEdit();
      cleanup.deleteFile(created, { ignoreIfNotExists: true });
      await vscode.workspace.applyEdit(cleanup);
    }
  });
});

describe('fix-all edit merging', () => {
  const edit = (line: number, from: number, to: number, newText: string): TextEdit =>
    ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
  const fix = (file: string, ...edits: TextEdit[]): Fix => ({ title: 't', safe: true, edits: [{ file, edits }] });

  it('keeps independent fixes, drops a fix overlapping an earlier one as a whole, de-duplicates identical edits', () => {
    const { edits, applied } = mergeFixEdits([
      fix('a.md', edit(3, 0, 5, 'x')),
      fix('a.md', edit(1, 0, 0, 'status: draft\n')),
      fix('a.md', edit(1, 0, 0, 'status: draft\n')),
      fix('a.md', edit(3, 2, 8, 'y'), edit(9, 0, 0, 'never')),
      fix('b.md', edit(0, 0, 0, 'z')),
    ]);
    assert.equal(applied, 4);
    const a = edits.find(e => e.file === 'a.md');
    assert.deepEqual(a?.edits.map(e => e.newText), ['status: draft\n', 'x']);
    assert.deepEqual(edits.find(e => e.file === 'b.md')?.edits.map(e => e.newText), ['z']);
  });

  it('keeps two different inserts at one position and never creates a file twice', () => {
    const create = (text: string): Fix => ({ title: 'c', edits: [{ file: 'n.md', create: true, edits: [edit(0, 0, 0, text)] }] });
    const { edits, applied } = mergeFixEdits([
      fix('a.md', edit(8, 0, 0, 'domain: backend\n')),
      fix('a.md', edit(8, 0, 0, 'status: draft\n')),
      create('one'),
      create('two'),
    ]);
    assert.equal(applied, 3);
    assert.deepEqual(edits.find(e => e.file === 'a.md')?.edits.map(e => e.newText), ['domain: backend\n', 'status: draft\n']);
    const n = edits.find(e => e.file === 'n.md');
    assert.equal(n?.create, true);
    assert.deepEqual(n?.edits.map(e => e.newText), ['one']);
  });
});
