// Renaming and moving notes (a WorkspaceEdit.renameFile fires onWillRenameFiles, as the explorer does) rewrites
// every link kind in the README, the coverage matrix and the notes, unsaved buffers included.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { autoSaveOffInThisSuite, service, uriOf, waitFor, waitForExplained } from './support';
import type { IndexService } from '../../src/extension/indexService';
import { addressBeforeMove, expandMoves } from '../../src/extension/features/renameFiles';


let svc: IndexService;

async function textOf(file: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(uriOf(file))).getText();
}

/** Renames like the explorer does, then waits until the index has seen the move (`probe`: a file inside a folder). */
async function rename(from: string, to: string, probe = ''): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(uriOf(from), uriOf(to));
  assert.ok(await vscode.workspace.applyEdit(edit), `renaming ${from} failed`);
  const [before, after] = [from + probe, to + probe];
  await waitFor(`the index to see ${after}`, () =>
    (svc.index.hasFile(after) && !svc.index.hasFile(before) && svc.index.backlinks(after).length > 0 ? true : undefined));
}

describe('rename and move', () => {
  // the rename of an unsaved buffer races an autosave, and the buffer was found saved when the first rename ran late
  autoSaveOffInThisSuite();
  before(async () => { svc = await service(); });

  it('renaming a note rewrites links in the README, the matrix and notes (unsaved buffers too)', async () => {
    const from = 'backend/distributed_systems/13_saga_pattern.md';
    const to = 'backend/distributed_systems/13_saga_orchestration.md';
    // an unsaved edit that shifts every line of a linking note: the rename must edit the buffer, not the disk
    const micro = await vscode.workspace.openTextDocument(uriOf('backend/system_design/07_microservices_vs_monolith.md'));
    const editor = await vscode.window.showTextDocument(micro);
    const fence = micro.getText().indexOf('\n---', 3);
    const bodyStart = micro.positionAt(fence + 5);
    assert.ok(await editor.edit(b => b.insert(bodyStart, 'An unsaved line.\n\n')));
    await waitFor('the index to catch up with the buffer', () => (svc.index.note(svc.fileOf(micro.uri) ?? '')?.length === micro.getText().length ? true : undefined));
    try {
      await rename(from, to);
      const readme = await textOf('backend/README.md');
      assert.match(readme, /\[13_saga_pattern\]\(distributed_systems\/13_saga_orchestration\.md\) - 必讀 - 90 min/);
      assert.doesNotMatch(readme, /13_saga_pattern\.md/);
      const matrix = await textOf('backend/coverage_matrix.md');
      assert.match(matrix, /\| `distributed_systems\/13_saga_orchestration\.md` \| Done \|/);
      assert.match(matrix, /`database\/transactions\.md` <-> `distributed_systems\/13_saga_orchestration\.md`/);
      assert.doesNotMatch(matrix, /13_saga_pattern\.md/);
      const consistency = await textOf('backend/system_design/03_consistency_trade_offs.md');
      assert.match(consistency, /`distributed_systems\/13_saga_orchestration\.md`/);
      assert.match(consistency, /\[\[Saga Pattern\|saga\]\]/, 'a wikilink by title survives a rename untouched');
      assert.match(await textOf('backend/database/transactions.md'), /\[\[13_saga_orchestration\]\]/);
      assert.match(await textOf('backend/system_design/08_event_driven_architecture.md'),
        /\(\.\.\/distributed_systems\/13_saga_orchestration\.md#orchestration-vs-choreography\)/);
      assert.match(await textOf('backend/distributed_systems/19_idempotency_design.md'),
        /\(13_saga_orchestration\.md#%E6%A0%B8%E5%BF%83%E6%A6%82%E5%BF%B5\)/, 'an encoded fragment is kept as written');
      // the extension host hears of the buffer's edit a moment after applyEdit resolves
      await waitFor('the unsaved buffer to get its link update', () => /\[\[13_saga_orchestration\]\]/.test(micro.getText()) || undefined);
      assert.ok(micro.isDirty);
      assert.match(micro.getText(), /^An unsaved line\.$/m);

      await rename(to, from);
      assert.match(await textOf('backend/README.md'), /\(distributed_systems\/13_saga_pattern\.md\) - 必讀/);
      assert.doesNotMatch(await textOf('backend/coverage_matrix.md'), /13_saga_orchestration/);
      await waitFor('the unsaved buffer to get the link back', () => /\[\[13_saga_pattern\]\]/.test(micro.getText()) || undefined);
    } finally {
      if (micro.isDirty) {
        await vscode.window.showTextDocument(micro);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  });

  it('moving a note to another folder rewrites its own relative links and the links to it', async () => {
    const from = 'backend/distributed_systems/12_cap_consistency_models.md';
    const to = 'backend/system_design/12_cap_consistency_models.md';
    await rename(from, to);
    try {
      const moved = await textOf(to);
      assert.match(moved, /\[Saga Pattern\]\(\.\.\/distributed_systems\/13_saga_pattern\.md\)/);
      assert.match(await textOf('backend/README.md'), /\(system_design\/12_cap_consistency_models\.md\)/);
      assert.match(await textOf('backend/coverage_matrix.md'), /`system_design\/12_cap_consistency_models\.md`/);
    } finally {
      await rename(to, from);
    }
    // moving back: a link whose text still leads to its file is left as written (rename never rewrites more than it must)
    assert.match(await textOf(from), /\[Saga Pattern\]\(\.\.\/distributed_systems\/13_saga_pattern\.md\)/);
    assert.match(await textOf('backend/README.md'), /\(distributed_systems\/12_cap_consistency_models\.md\)/);
  });

  it('renaming a folder rewrites the paths of every note inside it', async () => {
    await rename('backend/database', 'backend/databases', '/transactions.md');
    try {
      assert.match(await textOf('backend/coverage_matrix.md'), /`databases\/transactions\.md` <-> /);
      assert.match(await textOf('backend/README.md'), /\[transactions\]\(databases\/transactions\.md\)/);
      assert.match(await textOf('backend/system_design/03_consistency_trade_offs.md'), /\[\[transactions\]\]/);
    } finally {
      await rename('backend/databases', 'backend/database', '/transactions.md');
    }
    assert.match(await textOf('backend/coverage_matrix.md'), /`database\/transactions\.md` <-> /);
  });
});

describe('rename moves', () => {
  before(async () => { svc = await service(); });

  it('expands a folder into the files the index has below it and ignores moves leaving the workspace', () => {
    const moves = expandMoves(svc.index, [
      { from: 'backend/database', to: 'backend/db' },
      { from: 'backend/quality_rubric.md', to: 'backend/rubric.md' },
      { from: 'backend/README.md', to: undefined },
      { from: undefined, to: 'x.md' },
    ]);
    assert.ok(moves.some(m => m.from === 'backend/database/transactions.md' && m.to === 'backend/db/transactions.md'));
    assert.ok(moves.some(m => m.from === 'backend/quality_rubric.md' && m.to === 'backend/rubric.md'));
    assert.ok(moves.every(m => m.from !== 'backend/README.md'));
    assert.ok(moves.every(m => m.from.startsWith('backend/database/') || m.from === 'backend/quality_rubric.md'));
  });

  it('addresses edits to the files as they are before the move, translating no path', () => {
    const e = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, newText: 'x' };
    const out = addressBeforeMove([{ file: 'b.md', edits: [e] }, { file: 'a.md', edits: [e] }, { file: 'b.md', edits: [e] }, { file: 'c.md', edits: [] }]);
    assert.deepEqual(out.map(f => [f.file, f.edits.length]), [['b.md', 2], ['a.md', 1]]);
  });
});

/**
 * Deletes a scratch folder of a test, and sees the index forget it. The renames left its edited notes unsaved, and
 * `saveAll` does not always save them in this host: a buffer still dirty when the folder is deleted can be written
 * back later, leaving a file in the workspace that the other tests do not expect. Each is saved first. The watcher's
 * report of the deletion may come after the next test has begun, and a note still indexed then changes what that
 * test's renames write (a second `c.md` makes `[[c]]` ambiguous): a reconcile reads the folder now instead.
 */
async function removeFolder(dir: string): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && doc.uri.path.includes(`/${dir}/`)) await doc.save();
  await vscode.workspace.fs.delete(uriOf(dir), { recursive: true, useTrash: false });
  await svc.reconcile();
  const left = [...svc.index.files()].filter(f => f.startsWith(`${dir}/`));
  assert.deepEqual(left, [], `the index still holds ${dir} after a reconcile`);
}

describe('rename chains', () => {
  before(async () => { svc = await service(); });
  const enc = (t: string) => new TextEncoder().encode(t);
  const note = (title: string, body: string) => `---\ntitle: ${title}\n---\n${body}\n`;
  const DIR = 'zz_rename_chain';

  it('one WorkspaceEdit renaming b.md to c.md and a.md to b.md edits each file, not the one that takes its name', async () => {
    const files: Record<string, string> = {
      [`${DIR}/a.md`]: note('Chain A', 'To B: [b](b.md).'),
      [`${DIR}/b.md`]: note('Chain B', 'To A: [a](a.md). Padding so that the ranges of the two notes differ.'),
      [`${DIR}/x.md`]: note('Chain X', '[a](a.md) [b](b.md)'),
    };
    for (const [f, t] of Object.entries(files)) await vscode.workspace.fs.writeFile(uriOf(f), enc(t));
    try {
      await waitFor('the index to see the chain notes', () => (svc.index.backlinks(`${DIR}/b.md`).length === 2 && svc.index.backlinks(`${DIR}/a.md`).length === 2 ? true : undefined));
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(uriOf(`${DIR}/b.md`), uriOf(`${DIR}/c.md`));
      // VS Code validates a group of renames before it runs any: a target that exists then needs `overwrite`
      edit.renameFile(uriOf(`${DIR}/a.md`), uriOf(`${DIR}/b.md`), { overwrite: true });
      assert.ok(await vscode.workspace.applyEdit(edit), 'the chain of renames failed');
      // the old a.md, now b.md, links to the old b.md, now c.md; the old b.md, now c.md, links to the old a.md, now b.md
      assert.equal(await textOf(`${DIR}/b.md`), note('Chain A', 'To B: [b](c.md).'));
      assert.equal(await textOf(`${DIR}/c.md`), note('Chain B', 'To A: [a](b.md). Padding so that the ranges of the two notes differ.'));
      assert.equal(await textOf(`${DIR}/x.md`), note('Chain X', '[a](b.md) [b](c.md)'));
    } finally {
      await removeFolder(DIR);
    }
  });
});

describe('rename in a note with a byte order mark', () => {
  before(async () => { svc = await service(); });
  const DIR = 'zz_rename_bom';

  it('VS Code gives the text without the BOM, the first-line link is rewritten in place and the BOM stays on disk', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    // Names no other test uses: the wikilink is rewritten as `[[bom_c]]` only while no other note has that name. With
    // `b.md` → `c.md` here, the chain test's `zz_rename_chain/c.md`, deleted a moment before, was now and then still in
    // the index (its deletion not yet reported), and the rename rightly wrote `[[zz_rename_bom/c]]` (1 run in 7).
    const a = new Uint8Array([...bom, ...new TextEncoder().encode('[to b](bom_b.md) [[bom_b]]\n')]);
    // the watcher's reports of the two new files first, so that no late report of their creation comes during the rename
    const reported = new Set<string>();
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(svc.root!, `${DIR}/*.md`));
    watcher.onDidCreate(u => reported.add(u.path.slice(u.path.lastIndexOf('/') + 1)));
    await vscode.workspace.fs.writeFile(uriOf(`${DIR}/bom_a.md`), a);
    await vscode.workspace.fs.writeFile(uriOf(`${DIR}/bom_b.md`), new TextEncoder().encode('---\ntitle: Bom B\n---\n'));
    try {
      // (not a failure when it does not: the watcher does not report every creation, see silentWatcher.test.ts)
      await waitFor('the watcher to report both files', () => reported.has('bom_a.md') && reported.has('bom_b.md'), 3000).catch(() => undefined);
      watcher.dispose();
      await waitFor('the index to see the BOM note', () => (svc.index.backlinks(`${DIR}/bom_b.md`).some(l => l.from === `${DIR}/bom_a.md`) ? true : undefined));
      assert.equal(await textOf(`${DIR}/bom_a.md`), '[to b](bom_b.md) [[bom_b]]\n', 'the document text has no BOM');
      await rename(`${DIR}/bom_b.md`, `${DIR}/bom_c.md`);
      // the open buffer hears of the edit a moment after applyEdit resolves
      const doc = await vscode.workspace.openTextDocument(uriOf(`${DIR}/bom_a.md`));
      // (on a timeout: what the buffer and the disk hold instead)
      await waitForExplained('the BOM note to get its link update', () => doc.getText() === '[to b](bom_c.md) [[bom_c]]\n' || undefined, async () => ({
        buffer: doc.getText(), dirty: doc.isDirty, version: doc.version, closed: doc.isClosed,
        disk: new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(`${DIR}/bom_a.md`))),
      }));
      assert.ok(await doc.save(), 'the edited note is saved');
      const saved = await vscode.workspace.fs.readFile(uriOf(`${DIR}/bom_a.md`));
      assert.deepEqual([...saved.subarray(0, 3)], bom, 'the BOM is still the first bytes of the file');
      assert.equal(new TextDecoder().decode(saved.subarray(3)), '[to b](bom_c.md) [[bom_c]]\n');
    } finally {
      await removeFolder(DIR);
    }
  });
});
