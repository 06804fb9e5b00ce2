import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { Actions } from './codeActionsHarness';
import { documentOf, Navigation } from './navigationHarness';
import type * as stub from './vscodeStub';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const V = vscode as unknown as typeof stub;

/**
 * A Markdown file of another workspace folder (a multi-root workspace indexes one folder, /ws/ here), at the same
 * relative path as an indexed note: no feature answers for it with the indexed note's data, none edits anything.
 */
const TEXT = '# A\n\nSee [b](b.md) and [gone](missing.md).\n\n[b\n';
const FILES = { 'a.md': TEXT, 'b.md': '# B\n' };

function outside(): vscode.TextDocument {
  return { ...documentOf('a.md', TEXT), uri: V.Uri.file('/other/a.md'), languageId: 'markdown', version: 1, isDirty: false } as unknown as vscode.TextDocument;
}

describe('features on a Markdown file outside the indexed folder', () => {
  it('hover, definition, references, links and completion give nothing for it', async () => {
    const nav = await Navigation.of(FILES);
    assert.ok((await nav.definition(nav.document('a.md', TEXT), 2, 6)).length > 0, 'the indexed note itself is answered');
    const doc = outside();
    assert.equal(await nav.hover(doc, 2, 6), undefined);
    assert.deepEqual(await nav.definition(doc, 2, 6), []);
    assert.deepEqual(await nav.references(doc, 0, 2, true), []);
    assert.deepEqual(await nav.documentLinks(doc), []);
    assert.deepEqual(await nav.complete(doc, 4, 2, '['), []);
  });

  it('offers no quick fix (no Create Note in the notes folder) and no fix-all for it', async () => {
    const actions = await Actions.of(FILES);
    const doc = outside();
    const broken = new V.Diagnostic(new V.Range(2, 21, 2, 39), 'link "missing.md" is broken', V.DiagnosticSeverity.Warning);
    Object.assign(broken, { source: 'notes-navigator', code: 'link-broken' });
    const inside = actions.open('a.md').document;
    const indexed = actions.index.diagnostics('a.md').find(d => d.code === 'link-broken');
    assert.ok(indexed, 'the indexed note has the broken link');
    const own = new V.Diagnostic(new V.Range(indexed.range.start.line, indexed.range.start.character, indexed.range.end.line, indexed.range.end.character), indexed.message, V.DiagnosticSeverity.Warning);
    Object.assign(own, { source: 'notes-navigator', code: 'link-broken' });
    assert.ok((await actions.provide(inside, V.CodeActionKind.QuickFix, false, [own as unknown as vscode.Diagnostic])).length > 0, 'the indexed note gets its quick fixes');
    Object.assign(broken, { range: own.range });
    assert.deepEqual(await actions.provide(doc, V.CodeActionKind.QuickFix, false, [broken as unknown as vscode.Diagnostic]), []);
    assert.deepEqual(await actions.provide(doc, V.CodeActionKind.SourceFixAll), []);
  });
});
