import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import { toVscodeDiagnostic } from '../../../src/extension/diagnostics';
import { ruleCodeOf } from '../../../src/extension/features/codeActions';
import { FixTexts } from '../../../src/extension/features/coreFixes';
import { safeFixesOf } from '../../../src/extension/features/fixAll';
import { FM } from '../index/memoryWorkspace';
import { Actions, applied } from './codeActionsHarness';
import { commandHandlers } from './vscodeStub';
import type * as stub from './vscodeStub';

const V = vscode as unknown as typeof stub;
const win = vscode.window as unknown as Record<string, unknown>;
const ws = vscode.workspace as unknown as Record<string, unknown>;

const README = '# S\n\n## Chapters\n\n### Cat\n\n- [a](a.md) - 必讀 - 5 min\n- [b](b.md) - 必讀 - 5 min\n';
/** a declared `Pending` row whose files are written (a safe status fix in the matrix) and `a <-> b` where a has no link to b (a safe fix in a.md) */
const MATRIX = '# M\n\n| Capability Area | Required Topic | Coverage Files | Status |\n|---|---|---|---|\n| A | t | `a.md` `b.md` | Pending |\n\n'
  + '## Cross-references\n\n- `a.md` <-> `b.md`\n';
const FILES = { 's/README.md': README, 's/coverage_matrix.md': MATRIX, 's/a.md': FM('A') + 'text\n', 's/b.md': FM('B') + '[a](a.md)\n' };
const FIXED_MATRIX = MATRIX.replace('| Pending |', '| Done |');

describe('code actions: source.fixAll (vscode stub)', () => {
  it('the matrix has the two safe fixes this file relies on', async () => {
    const actions = await Actions.of(FILES);
    assert.deepEqual(actions.index.diagnostics('s/coverage_matrix.md').map(d => d.code).sort(), ['coverage-status-mismatch', 'xref-missing-link']);
  });

  it('on save (an automatic trigger) edits only the saved file; from the Source Action menu, every safe fix', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const [onSave] = await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, true);
    assert.ok(onSave, 'a fix-all action on save');
    const saved = applied((await actions.resolve(onSave)).edit, f => actions.files[f]);
    assert.deepEqual(Object.keys(saved), ['s/coverage_matrix.md'], 'saving the matrix must not edit the notes it names');
    assert.equal(saved['s/coverage_matrix.md'], FIXED_MATRIX);

    const [invoked] = await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, false);
    const all = applied((await actions.resolve(invoked)).edit, f => actions.files[f]);
    assert.deepEqual(Object.keys(all).sort(), ['s/a.md', 's/coverage_matrix.md']);
  });

  it('on save, a note whose only safe fixes edit other files gets no fix-all action', async () => {
    const files = { ...FILES, 's/coverage_matrix.md': FIXED_MATRIX };
    const actions = await Actions.of(files);
    const matrix = actions.open('s/coverage_matrix.md');
    assert.deepEqual(await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, true), []);
    assert.equal((await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, false)).length, 1);
  });

  it('with diagnostics turned off, a save fixes nothing the user is not shown (the Source Action menu still offers it)', async () => {
    const actions = await Actions.of(FILES);
    (actions.service.settings as { diagnostics: string }).diagnostics = 'never';
    const matrix = actions.open('s/coverage_matrix.md');
    assert.deepEqual(await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, true), []);
    assert.equal((await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, false)).length, 1);
  });

  it('in auto, a save fixes nothing in a folder that is no knowledge base (nothing is shown there), and fixes in one', async () => {
    const files = { 'a.md': FM('A').replace('updated: 2026-01-02', 'updated: someday') + 'text\n' };
    const actions = await Actions.of(files);
    const settings = actions.service.settings as { diagnostics: string };
    settings.diagnostics = 'auto';
    const note = actions.open('a.md');
    assert.deepEqual(await actions.provide(note.document, V.CodeActionKind.SourceFixAll, true), [], 'no series, no .notes-navigator.json');
    assert.equal((await actions.provide(note.document, V.CodeActionKind.SourceFixAll, false)).length, 1, 'the Source Action menu still offers it');
    (actions.service.configFile as { hasFile: boolean }).hasFile = true;
    assert.equal((await actions.provide(note.document, V.CodeActionKind.SourceFixAll, true)).length, 1, 'with .notes-navigator.json');
    (actions.service.configFile as { hasFile: boolean }).hasFile = false;
    settings.diagnostics = 'always';
    assert.equal((await actions.provide(note.document, V.CodeActionKind.SourceFixAll, true)).length, 1, 'always');
  });

  it('in auto, a save fixes a note of a folder that holds a series', async () => {
    const actions = await Actions.of(FILES);
    (actions.service.settings as { diagnostics: string }).diagnostics = 'auto';
    const matrix = actions.open('s/coverage_matrix.md');
    assert.equal((await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, true)).length, 1);
  });

  it('builds its edit when applied: another fix-all that ran first (same save) moved the text', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const [action] = await actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, true);
    // e.g. markdownlint's source.fixAll, computed on the same text, is applied before ours
    const moved = '<!-- markdownlint-disable MD013 -->\n\n' + MATRIX;
    matrix.set(moved);
    const after = applied((await actions.resolve(action)).edit, () => moved);
    assert.equal(after['s/coverage_matrix.md'], '<!-- markdownlint-disable MD013 -->\n\n' + FIXED_MATRIX);
  });
});

/** The editor's diagnostics of `file`, as published (the code a `{ value, target }` link to the README's rules). */
function published(actions: Actions, file: string): vscode.Diagnostic[] {
  return actions.index.diagnostics(file).map(d => toVscodeDiagnostic(actions.service, d));
}

describe('code actions: quick fixes (vscode stub)', () => {
  it('offers a fix per diagnostic, with its preferred fix marked', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const offered = await actions.provide(matrix.document, V.CodeActionKind.QuickFix, false, published(actions, 's/coverage_matrix.md'));
    assert.deepEqual(offered.map(a => [a.title, a.isPreferred]), [['Set status to "Done"', true], ['Add a link to s/b.md in s/a.md', true]]);
  });

  it('offers nothing when the buffer changed while the fixes were computed (the editor asks again)', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const diagnostics = published(actions, 's/coverage_matrix.md');
    actions.beforeRead = () => { actions.beforeRead = undefined; matrix.set('> draft\n\n' + MATRIX); };
    assert.deepEqual(await actions.provide(matrix.document, V.CodeActionKind.QuickFix, false, diagnostics), []);
  });
});

describe('code actions: the fix of each of several findings on one range (vscode stub)', () => {
  it('offers each missing field its own Add, not the first field\'s on every one', async () => {
    const actions = await Actions.of({ 'a.md': '---\ntitle: A\n---\n# A\n' });
    const note = actions.open('a.md');
    // as the Problems panel holds them: every missing field is reported on the opening ---
    const shown = published(actions, 'a.md');
    assert.ok(shown.length >= 3 && shown.every(d => d.range.isEqual(shown[0]!.range)), 'several findings share one range');
    for (const d of shown) {
      const offered = await actions.provide(note.document, V.CodeActionKind.QuickFix, false, [d]);
      const field = /"([^"]+)"/.exec(d.message)![1]!;
      assert.deepEqual(offered.map(a => a.title), [`Add "${field}"`], d.message);
    }
  });
});

describe('code actions on diagnostics published before an edit the index has caught up with (vscode stub)', () => {
  const body = '[a](alpah.md) and [b](betta.md)\n';
  const files = { 'n.md': FM('N') + body, 'alpha.md': FM('Alpha'), 'beta.md': FM('Beta') };
  const titles = async (actions: Actions, note: { document: vscode.TextDocument }, d: vscode.Diagnostic) =>
    (await actions.provide(note.document, V.CodeActionKind.QuickFix, false, [d])).map(a => a.title);

  it('fixes the link its diagnostic is about once the link moved along its line, never the other link', async () => {
    const actions = await Actions.of(files);
    const note = actions.open('n.md');
    const [first, second] = ['alpah', 'betta'].map(n => published(actions, 'n.md').find(d => d.message.includes(n))!);
    note.set(FM('N') + '-' + body);
    const offered = await actions.provide(note.document, V.CodeActionKind.QuickFix, false, [second!]);
    assert.ok(offered.length > 0 && offered.every(a => a.title.includes('bet')), offered.map(a => a.title).join(' | '));
    const preferred = offered.find(a => a.isPreferred)!;
    assert.equal(applied(preferred.edit, () => note.document.getText())['n.md'], FM('N') + '-[a](alpah.md) and [b](beta.md)\n');
    const own = await titles(actions, note, first!);
    assert.ok(own.length > 0 && own.every(t => t.includes('alp')), own.join(' | '));
  });

  it('offers nothing for a diagnostic whose line now holds other findings (a line inserted above)', async () => {
    const two = '[a](alpah.md)\n[b](betta.md)\n';
    const actions = await Actions.of({ ...files, 'n.md': FM('N') + two });
    const note = actions.open('n.md');
    const second = published(actions, 'n.md').find(d => d.message.includes('betta'))!;
    note.set(FM('N') + 'new line\n' + two);
    // the stale diagnostic of betta.md now points at the line of alpah.md
    assert.deepEqual(await titles(actions, note, second), []);
  });

  it('offers nothing for a stale missing-field diagnostic sharing its range with the findings left', async () => {
    const actions = await Actions.of({ 'a.md': '---\ntitle: A\n---\n# A\n' });
    const note = actions.open('a.md');
    const shown = published(actions, 'a.md');
    const field = /"([^"]+)"/.exec(shown[0]!.message)![1]!;
    note.set(`---\ntitle: A\n${field}: x\n---\n# A\n`);
    assert.ok(!published(actions, 'a.md').some(d => d.message === shown[0]!.message), 'the field is no longer missing');
    assert.deepEqual(await titles(actions, note, shown[0]!), []);
  });
});

describe('code actions on an index that has not caught up with the buffer (vscode stub)', () => {
  /** a small table typed at the top of the matrix: the stale diagnostics' ranges now point into it */
  const typed = MATRIX.replace('# M\n', '# M\n\n| Area | Note |\n|---|---|\n| keep | this text |\n');

  it('offers no fix while the re-index of the buffer is more than a second away (a long debounce, a busy index queue)', async function () {
    this.timeout(5000);
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const diagnostics = published(actions, 's/coverage_matrix.md');
    matrix.set(typed, false);
    const [fixAll, onSave, quick] = await Promise.all([
      safeFixesOf(actions.service, matrix.document),
      actions.provide(matrix.document, V.CodeActionKind.SourceFixAll, true),
      actions.provide(matrix.document, V.CodeActionKind.QuickFix, false, diagnostics),
    ]);
    assert.equal(fixAll, undefined, 'Fix All built on the diagnostics of the older text');
    assert.deepEqual(onSave, []);
    assert.deepEqual(quick, []);
  });

  it('builds the fixes on the buffer\'s text once the index catches up within the wait', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    matrix.set(typed, false);
    setTimeout(() => actions.reindex('s/coverage_matrix.md', typed), 20);
    const result = await safeFixesOf(actions.service, matrix.document, { ownFileOnly: true });
    assert.ok(result && result.applied === 1 && result.unchanged());
    assert.equal(applyTextEdits(typed, result.edits[0].edits), typed.replace('| Pending |', '| Done |'));
  });

  it('knows the fixes no longer fit once the buffer moved on from the version the index record holds', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const record = actions.index.note('s/coverage_matrix.md')!;
    const texts = new FixTexts(actions.service);
    texts.own({ file: 's/coverage_matrix.md', record, version: matrix.document.version }, matrix.document);
    assert.equal(texts.unchanged(), true);
    matrix.set(typed, false);
    texts.own({ file: 's/coverage_matrix.md', record, version: matrix.document.version - 1 }, matrix.document);
    assert.equal(texts.unchanged(), false);
  });
});

describe('code actions: quick fixes that edit another file (vscode stub)', () => {
  const files = { ...FILES, 's/README.md': README + '- [c](c.md) - 必讀 - 5 min\n', 's/c.md': FM('C') };

  it('builds the edit of the other file when applied, on that file\'s text of the moment (open and edited meanwhile)', async () => {
    const actions = await Actions.of(files);
    const readme = actions.open('s/README.md');
    const unlisted = published(actions, 's/README.md').filter(d => ruleCodeOf(d) === 'coverage-unlisted');
    assert.equal(unlisted.length, 1);
    const [action] = await actions.provide(readme.document, V.CodeActionKind.QuickFix, false, unlisted);
    assert.equal(action?.title, 'Add "c" to coverage_matrix.md');
    // the matrix is opened and a line typed at its top before the fix is picked (e.g. from the Problems panel)
    const matrix = actions.open('s/coverage_matrix.md');
    const typed = '> draft\n\n' + MATRIX;
    matrix.set(typed);
    const after = applied((await actions.resolve(action)).edit, f => actions.buffers.get(f)!.document.getText());
    assert.equal(after['s/coverage_matrix.md'], typed.replace('| Pending |\n', '| Pending |\n| Cat | c | `c.md` | Done |\n'));
    assert.deepEqual(action.diagnostics, unlisted);
  });
});

describe('code actions in an untrusted workspace (vscode stub)', () => {
  afterEach(() => { ws.isTrusted = true; });

  it('offers only the fixes that change the open note: no fix-all, none that edits another file or creates a note', async () => {
    const files = { ...FILES, 's/README.md': README + '- [c](c.md) - 必讀 - 5 min\n- [d](d.md) - 必讀 - 5 min\n', 's/c.md': FM('C'), 's/a.md': 'no frontmatter\n' };
    const actions = await Actions.of(files);
    const readme = actions.open('s/README.md');
    const note = actions.open('s/a.md');
    const titles = async (doc: vscode.TextDocument, file: string) =>
      (await actions.provide(doc, V.CodeActionKind.QuickFix, false, published(actions, file))).map(a => a.title);
    const trusted = { readme: await titles(readme.document, 's/README.md'), note: await titles(note.document, 's/a.md') };
    assert.ok(trusted.readme.includes('Add "c" to coverage_matrix.md'), trusted.readme.join(' | '));
    assert.ok(trusted.readme.some(t => /d\.md/.test(t) && /Create/i.test(t)), trusted.readme.join(' | '));
    assert.equal((await actions.provide(readme.document, V.CodeActionKind.SourceFixAll, true)).length + (await actions.provide(note.document, V.CodeActionKind.SourceFixAll, false)).length > 0, true);

    ws.isTrusted = false;
    // every fix the README offers here edits the matrix or creates d.md
    assert.deepEqual(await titles(readme.document, 's/README.md'), []);
    assert.deepEqual(await titles(note.document, 's/a.md'), trusted.note, 'inserting frontmatter changes only the open note');
    assert.ok(trusted.note.length > 0);
    for (const doc of [readme.document, note.document]) {
      for (const automatic of [true, false]) assert.deepEqual(await actions.provide(doc, V.CodeActionKind.SourceFixAll, automatic), []);
    }
  });
});

describe('Fix All Safe Problems command (vscode stub)', () => {
  const saved = { ...win };
  const savedWs = { ...ws };
  afterEach(() => {
    for (const k of ['showInformationMessage', 'showWarningMessage', 'setStatusBarMessage', 'activeTextEditor']) win[k] = saved[k];
    ws.applyEdit = savedWs.applyEdit;
  });

  it('never applies edits built on text that changed while they were computed', async () => {
    const actions = await Actions.of(FILES);
    const matrix = actions.open('s/coverage_matrix.md');
    const edits: stub.WorkspaceEdit[] = [];
    const texts: Record<string, string>[] = [];
    ws.applyEdit = async (e: stub.WorkspaceEdit) => {
      edits.push(e);
      texts.push(applied(e, f => actions.buffers.get(f)?.document.getText() ?? actions.files[f]));
      return true;
    };
    win.showInformationMessage = async () => undefined;
    win.showWarningMessage = async () => undefined;
    win.setStatusBarMessage = () => ({ dispose: () => undefined });
    win.activeTextEditor = { document: matrix.document };
    // the user types a line at the top of the matrix while the fix of a.md reads that note
    const typed = '> draft\n\n' + MATRIX;
    actions.beforeRead = file => {
      if (file !== 's/a.md') return;
      actions.beforeRead = undefined;
      matrix.set(typed);
    };
    assert.equal(await commandHandlers.get('notesNavigator.fixAll')!(), true);
    assert.equal(edits.length, 1);
    assert.equal(texts[0]['s/coverage_matrix.md'], '> draft\n\n' + FIXED_MATRIX, 'the edit fits the text it is applied to');
    assert.ok(texts[0]['s/a.md'].endsWith('text\n\n- See also: [B](b.md)\n'));
  });
});
