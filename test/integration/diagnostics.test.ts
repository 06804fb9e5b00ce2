// Diagnostics in the real editor: the whole workspace after loading, live on unsaved edits, on file
// create/delete and on configuration change.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, autoSaveOffInThisSuite, chapterNote, codeOf, ours, waitFor } from './support';


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

  it('follows a folder moved away on disk and made again at once (the watcher may report one change of the folder)', async () => {
    const a = await api();
    const root = a.service.uriOf('backend').fsPath;
    const linking = a.service.uriOf('backend/_swap_link.md');
    try {
      fs.mkdirSync(path.join(root, '_swap_test'), { recursive: true });
      fs.writeFileSync(path.join(root, '_swap_test', 'a.md'), chapterNote('A', 'Plain.'));
      fs.writeFileSync(linking.fsPath, chapterNote('Link', '[a](_swap_test/a.md)'));
      await waitFor('both notes indexed', () => a.service.index.hasFile('backend/_swap_test/a.md') && a.service.index.hasFile('backend/_swap_link.md'), 5000);
      await waitForDiagnostics(linking, ds => !hasCode('link-broken')(ds), 5000);
      // as a branch switch or a script may: the folder goes and comes back within one report of the watcher
      fs.renameSync(path.join(root, '_swap_test'), path.join(root, '_swap_test_old'));
      fs.mkdirSync(path.join(root, '_swap_test'));
      fs.writeFileSync(path.join(root, '_swap_test', 'b.md'), chapterNote('B', 'Plain.'));
      await waitForDiagnostics(linking, hasCode('link-broken'), 5000);
      await waitFor('the new folder\'s note indexed', () => a.service.index.hasFile('backend/_swap_test/b.md'), 5000);
      await waitFor('the moved note indexed', () => a.service.index.hasFile('backend/_swap_test_old/a.md'), 5000);
      assert.equal(a.service.index.hasFile('backend/_swap_test/a.md'), false);
    } finally {
      for (const f of ['_swap_test', '_swap_test_old', '_swap_link.md']) fs.rmSync(path.join(root, f), { recursive: true, force: true });
      await waitFor('the test\'s notes gone', () => ![...a.service.index.files()].some(f => f.startsWith('backend/_swap')), 5000);
    }
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

/** Resolves once the file-system watcher reported the deletion of `uri` (and a little later, for the index's queue). */
async function deletedOnDisk(uri: vscode.Uri): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), '*'));
  try {
    const seen = new Promise<void>(resolve => watcher.onDidDelete(u => { if (u.toString() === uri.toString()) resolve(); }));
    await vscode.workspace.fs.delete(uri);
    await Promise.race([seen, new Promise(r => setTimeout(r, 5000))]);
  } finally {
    watcher.dispose();
  }
  await new Promise(r => setTimeout(r, 500));
}

/** Saves nothing: puts every scratch buffer back to its disk text, then removes the scratch files. */
async function cleanUp(uris: vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (doc?.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const uri of uris) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

describe('diagnostics: a note deleted on disk while its buffer is unsaved', () => {
  // an autosave of the unsaved buffer would bring the file back
  autoSaveOffInThisSuite();
  const DIR = 'backend/_lint_examples';

  /**
   * A note at `uri` with an unsaved broken link (shown), whose file is then deleted on disk: the note is kept, with
   * the buffer's text. Returns the buffer.
   */
  async function unsavedNoteDeletedOnDisk(uri: vscode.Uri, title: string): Promise<vscode.TextDocument> {
    const a = await api();
    const file = a.service.fileOf(uri)!;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(chapterNote(title, 'Plain.')));
    await waitFor('the note indexed', () => a.service.index.hasFile(file));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\nSee [gone](no_such_note_for_this_test.md).')));
    await waitForDiagnostics(uri, hasCode('link-broken'), 5000);
    await deletedOnDisk(uri);
    assert.ok(a.service.index.hasFile(file), 'kept while the buffer is dirty');
    return doc;
  }

  it('keeps the note (its diagnostics, links to it) while the buffer is dirty; reverted, the note goes', async () => {
    const a = await api();
    const target = a.service.uriOf(`${DIR}/deleted_while_dirty.md`);
    const linking = a.service.uriOf(`${DIR}/links_to_deleted.md`);
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(chapterNote('Target', 'Plain.')));
      await vscode.workspace.fs.writeFile(linking, new TextEncoder().encode(chapterNote('Linking', '[target](deleted_while_dirty.md)')));
      await waitFor('both notes indexed', () => a.service.index.hasFile(`${DIR}/deleted_while_dirty.md`) && a.service.index.hasFile(`${DIR}/links_to_deleted.md`));
      await waitForDiagnostics(linking, ds => !hasCode('link-broken')(ds), 5000);
      const doc = await vscode.workspace.openTextDocument(target);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\nSee [gone](no_such_note_for_delete_test.md).')));
      assert.equal(doc.isDirty, true);
      await waitForDiagnostics(target, hasCode('link-broken'), 5000);
      await deletedOnDisk(target);
      assert.equal(doc.isDirty, true, 'the editor keeps the unsaved buffer');
      assert.ok(a.service.index.hasFile(`${DIR}/deleted_while_dirty.md`), 'the unsaved note is still indexed');
      assert.ok(hasCode('link-broken')(ours(target)), "the buffer's diagnostics stay");
      assert.ok(!hasCode('link-broken')(ours(linking)), 'a link to it still resolves');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitForDiagnostics(linking, hasCode('link-broken'), 5000);
      await waitForDiagnostics(target, ds => ds.length === 0, 5000);
      assert.equal(a.service.index.hasFile(`${DIR}/deleted_while_dirty.md`), false);
    } finally {
      await cleanUp([target, linking]);
    }
  });

  it('keeps a linked file that is no note while its buffer is dirty; reverted, links to it break', async () => {
    const a = await api();
    const asset = a.service.uriOf(`${DIR}/dirty_asset.txt`);
    const linking = a.service.uriOf(`${DIR}/links_to_dirty_asset.md`);
    try {
      await vscode.workspace.fs.writeFile(asset, new TextEncoder().encode('first line\n'));
      await vscode.workspace.fs.writeFile(linking, new TextEncoder().encode(chapterNote('Linking', '[asset](dirty_asset.txt)')));
      await waitFor('both files indexed', () => a.service.index.hasFile(`${DIR}/dirty_asset.txt`) && a.service.index.hasFile(`${DIR}/links_to_dirty_asset.md`));
      await waitForDiagnostics(linking, ds => !hasCode('link-broken')(ds), 5000);
      const doc = await vscode.workspace.openTextDocument(asset);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), 'unsaved ')));
      await deletedOnDisk(asset);
      // a save would write the file back, as the CLI would then see it: the link still resolves
      await new Promise(r => setTimeout(r, 1000));
      assert.ok(a.service.index.hasFile(`${DIR}/dirty_asset.txt`), 'the file with an unsaved buffer is kept');
      assert.ok(!hasCode('link-broken')(ours(linking)), 'a link to it still resolves');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitForDiagnostics(linking, hasCode('link-broken'), 5000);
      assert.equal(a.service.index.hasFile(`${DIR}/dirty_asset.txt`), false);
    } finally {
      await cleanUp([asset, linking]);
    }
  });

  it('a buffer undone to its saved text after its file was deleted on disk is no note (the disk has none)', async () => {
    const a = await api();
    const target = a.service.uriOf(`${DIR}/undone_after_delete.md`);
    try {
      const doc = await unsavedNoteDeletedOnDisk(target, 'Undone');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      await waitFor('the buffer back at its saved text', () => !doc.isDirty);
      // the buffer's text is indexed again after the debounce: the disk, where the file is gone, must win
      await waitFor('the note gone', () => !a.service.index.hasFile(`${DIR}/undone_after_delete.md`), 5000);
      await waitForDiagnostics(target, ds => ds.length === 0, 5000);
    } finally {
      await cleanUp([target]);
    }
  });

  it('a folder renamed (WorkspaceEdit.renameFile) keeps the unsaved note of a file deleted in it, at its new path', async () => {
    const a = await api();
    const folder = a.service.uriOf(`${DIR}/moved_folder_old`);
    const kept = vscode.Uri.joinPath(folder, 'kept.md');
    const dirty = vscode.Uri.joinPath(folder, 'dirty.md');
    const newFolder = a.service.uriOf(`${DIR}/moved_folder_new`);
    try {
      await vscode.workspace.fs.writeFile(kept, new TextEncoder().encode(chapterNote('Kept', 'Plain.')));
      await waitFor('the note indexed', () => a.service.index.hasFile(`${DIR}/moved_folder_old/kept.md`));
      await unsavedNoteDeletedOnDisk(dirty, 'Dirty');
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(folder, newFolder);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const moved = vscode.Uri.joinPath(newFolder, 'dirty.md');
      await waitFor('the buffer moved with its folder', () => vscode.workspace.textDocuments.some(d => d.uri.toString() === moved.toString() && d.isDirty));
      await waitFor('the unsaved note indexed at its new path', () => a.service.index.hasFile(`${DIR}/moved_folder_new/dirty.md`), 5000);
      await waitForDiagnostics(moved, hasCode('link-broken'), 5000);
      assert.equal(a.service.index.hasFile(`${DIR}/moved_folder_old/dirty.md`), false, 'no ghost at the old path');
      assert.ok(a.service.index.hasFile(`${DIR}/moved_folder_new/kept.md`));
    } finally {
      await cleanUp([dirty, kept, vscode.Uri.joinPath(newFolder, 'dirty.md'), vscode.Uri.joinPath(newFolder, 'kept.md')]);
      for (const f of [folder, newFolder]) await vscode.workspace.fs.delete(f, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('a rename that fails (the unsaved note\'s file was deleted on disk) keeps the note', async () => {
    const a = await api();
    const from = a.service.uriOf(`${DIR}/failed_rename_old.md`);
    const to = a.service.uriOf(`${DIR}/failed_rename_new.md`);
    try {
      const doc = await unsavedNoteDeletedOnDisk(from, 'Failed rename');
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(from, to);
      // VS Code reverts the buffer to move it, fails (no file to move), and puts the unsaved text back: the buffer
      // is dirty again with no edit
      await vscode.workspace.applyEdit(edit);
      await waitFor('the buffer dirty again', () => doc.isDirty && !doc.isClosed);
      await new Promise(r => setTimeout(r, 1000));
      await waitFor('the unsaved note indexed', () => a.service.index.hasFile(`${DIR}/failed_rename_old.md`), 5000);
      await waitForDiagnostics(from, hasCode('link-broken'), 5000);
    } finally {
      await cleanUp([from, to]);
    }
  });

  it('a note with unsaved changes renamed (WorkspaceEdit.renameFile) is indexed at its new path only', async () => {
    const a = await api();
    const from = a.service.uriOf(`${DIR}/renamed_dirty_old.md`);
    const to = a.service.uriOf(`${DIR}/renamed_dirty_new.md`);
    try {
      await vscode.workspace.fs.writeFile(from, new TextEncoder().encode(chapterNote('Renamed', 'Plain.')));
      await waitFor('the note indexed', () => a.service.index.hasFile(`${DIR}/renamed_dirty_old.md`));
      const doc = await vscode.workspace.openTextDocument(from);
      const editor = await vscode.window.showTextDocument(doc);
      assert.ok(await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\nUnsaved.')));
      await waitFor('the buffer indexed', () => a.service.isIndexedAsShown(doc, a.service.index.note(`${DIR}/renamed_dirty_old.md`)?.length ?? -1));
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(from, to);
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the new path indexed', () => a.service.index.hasFile(`${DIR}/renamed_dirty_new.md`));
      // the watcher's events and the buffer's move arrive in any order: give them time, then look
      await new Promise(r => setTimeout(r, 1500));
      assert.equal(a.service.index.hasFile(`${DIR}/renamed_dirty_old.md`), false, 'no ghost at the old path');
      assert.ok(a.service.index.hasFile(`${DIR}/renamed_dirty_new.md`));
      const moved = vscode.workspace.textDocuments.find(d => d.uri.toString() === to.toString());
      assert.ok(moved?.isDirty, 'the unsaved buffer moved with its file');
      assert.match(a.service.index.note(`${DIR}/renamed_dirty_new.md`) ? moved.getText() : '', /Unsaved\./);
    } finally {
      await cleanUp([from, to]);
    }
    await waitFor('the scratch notes gone', () => !a.service.index.hasFile(`${DIR}/renamed_dirty_new.md`) && !a.service.index.hasFile(`${DIR}/renamed_dirty_old.md`), 5000);
  });
});
