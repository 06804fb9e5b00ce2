import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { applyTextEdits } from '../../../src/core/fixes/applyEdits';
import type { FileEdit } from '../../../src/core/model';
import { parseSeriesReadme } from '../../../src/core/series/readme';
import { newNoteCommand } from '../../../src/extension/commands/createNote';
import { NO_FOLDER_SCHEME, uriOfFile } from '../../../src/extension/editorPaths';
import type { IndexService } from '../../../src/extension/indexService';
import { indexOf } from '../index/memoryWorkspace';

const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;
const ws = vscode.workspace as unknown as Record<string, unknown>;

const README = '# S\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 必讀 - 30 min\n';
/** what New Note logged as warnings */
const warned: string[] = [];

/**
 * Runs "New Note from Template" (no questions: the title is given) and returns the file edits it applied;
 * `readmeShown` is the README's text in the editor, `readmeIndexed` the one the index read; `category` null: none given.
 */
async function newNote(file: string, readmeShown = README, category: string | null = 'A', readmeIndexed = readmeShown): Promise<FileEdit[]> {
  const index = await indexOf({ 's/README.md': readmeIndexed });
  const service = {
    index, root: Uri.file('/nonexistent-ws'), ready: Promise.resolve(),
    log: { info: () => undefined, warn: (m: string) => warned.push(m), error: () => undefined },
    uriOf: (f: string) => Uri.file('/nonexistent-ws/' + f),
    textOf: async (f: string) => (f === 's/README.md' ? readmeShown : undefined),
    toWorkspaceEdit: (edits: FileEdit[]) => edits,
  } as unknown as IndexService;
  const applied: FileEdit[][] = [];
  ws.applyEdit = async (e: FileEdit[]) => { applied.push(e); return true; };
  ws.openTextDocument = async (uri: Uri) => ({ uri });
  win.showTextDocument = async () => ({ document: { lineCount: 1, lineAt: () => ({ range: { end: new vscode.Position(0, 0) } }) } });
  assert.equal(await newNoteCommand(service, { series: 's/README.md', category: category ?? undefined, title: 'New', priority: 'important', file }), 'created');
  return applied[0];
}

describe('New Note from Template', () => {
  const saved = { ...win, ...ws };
  afterEach(() => {
    warned.length = 0;
    win.showTextDocument = saved.showTextDocument;
    win.showInformationMessage = saved.showInformationMessage;
    for (const k of ['applyEdit', 'openTextDocument']) ws[k] = saved[k];
  });

  it('lists the new note in the README with a destination that names it, whatever its name holds (#, ?, %, spaces)', async () => {
    for (const name of ['c#_basics', 'what?', '100%', 'a b (c)']) {
      const edits = await newNote(`s/a/${name}.md`);
      const readme = edits.find(e => e.file === 's/README.md')!;
      const after = applyTextEdits(README, readme.edits);
      const chapters = parseSeriesReadme(after, 's/README.md', (await indexOf({})).config).categories[0].chapters;
      assert.deepEqual(chapters.map(c => c.file), ['s/a/01_a.md', `s/a/${name}.md`], after);
      assert.ok(edits.some(e => e.file === `s/a/${name}.md`), 'the note itself is created');
    }
  });

  it('without a workspace folder says to open one, and neither asks nor creates anything', async () => {
    const service = {
      index: await indexOf({}), root: undefined, ready: Promise.resolve(), log: { info: () => undefined, error: () => undefined },
      uriOf: (f: string) => uriOfFile(undefined, f),
      textOf: async () => undefined,
      toWorkspaceEdit: (edits: FileEdit[]) => edits,
    } as unknown as IndexService;
    const shown: string[] = [];
    const asked: string[] = [];
    const applied: unknown[] = [];
    const saved = { showInformationMessage: win.showInformationMessage, showInputBox: win.showInputBox, showQuickPick: win.showQuickPick };
    win.showInformationMessage = (m: string) => { shown.push(m); return Promise.resolve(undefined); };
    win.showInputBox = async (o: { title?: string }) => { asked.push(o.title ?? ''); return 'x.md'; };
    win.showQuickPick = async () => { asked.push('pick'); return undefined; };
    ws.applyEdit = async (e: unknown) => { applied.push(e); return true; };
    try {
      assert.equal(await newNoteCommand(service), 'cancelled');
      assert.equal(await newNoteCommand(service, { title: 'T', file: 't.md' }), 'cancelled');
    } finally {
      Object.assign(win, saved);
    }
    assert.deepEqual(asked, []);
    assert.deepEqual(applied, []);
    assert.deepEqual(shown, Array(2).fill('Open a folder first: Notes Navigator checks the notes of a workspace folder.'));
  });

  it('a path has no URI on the file system without a workspace folder (never one at its root)', () => {
    const uri = uriOfFile(undefined, 'notes/a.md');
    assert.notEqual(uri.scheme, 'file');
    assert.equal(uri.scheme, NO_FOLDER_SCHEME);
    assert.equal(uriOfFile(Uri.file('/ws') as unknown as vscode.Uri, 'notes/a.md').path, '/ws/notes/a.md');
  });

  it('refuses a path that is no path in the folder (Windows absolute, URI, home folder), typed or given: no folder `C:`, `file:`, `~`', async () => {
    const index = await indexOf({ 's/README.md': README });
    const service = {
      index, root: Uri.file('/nonexistent-ws'), ready: Promise.resolve(), log: { info: () => undefined, error: () => undefined },
      uriOf: (f: string) => Uri.file('/nonexistent-ws/' + f), textOf: async () => README, toWorkspaceEdit: (edits: FileEdit[]) => edits,
    } as unknown as IndexService;
    const applied: unknown[] = [];
    ws.applyEdit = async (e: unknown) => { applied.push(e); return true; };
    const bad = ['C:\\Users\\me\\notes\\x.md', 'file:///tmp/x.md', '~/x.md', '/tmp/x.md'];
    for (const file of bad) assert.equal(await newNoteCommand(service, { series: 's/README.md', category: 'A', title: 'X', priority: 'important', file }), 'cancelled', file);
    let validate: ((v: string) => string | undefined) | undefined;
    const savedBox = { showInputBox: win.showInputBox, showQuickPick: win.showQuickPick };
    win.showQuickPick = async (items: unknown[]) => items[0];
    win.showInputBox = async (o: { value?: string; validateInput?: (v: string) => string | undefined }) => {
      if (o.value !== undefined) validate = o.validateInput;
      return o.value === undefined ? 'Title' : undefined;
    };
    try {
      await newNoteCommand(service, { series: 's/README.md' });
    } finally {
      Object.assign(win, savedBox);
    }
    for (const v of bad) assert.equal(validate?.(v), 'Use a path inside the workspace folder.', v);
    assert.equal(validate?.('s/a/x.md'), undefined);
    assert.deepEqual(applied, []);
  });

  it('lists a note in a category with no chapter yet, or in a series with no category, as the first chapter there', async () => {
    const config = (await indexOf({})).config;
    for (const [readme, category, want] of [
      [README + '\n### B\n', 'B', [['A', ['s/a/01_a.md']], ['B', ['s/b/01_b.md']]]],
      ['# S\n\n## Chapters\n', null, [['Chapters', ['s/b/01_b.md']]]],
    ] as const) {
      const edits = await newNote('s/b/01_b.md', readme, category);
      const listing = edits.find(e => e.file === 's/README.md');
      assert.ok(listing, `the README lists the note (${category})`);
      const after = applyTextEdits(readme, listing.edits);
      assert.deepEqual(parseSeriesReadme(after, 's/README.md', config).categories.map(c => [c.name, c.chapters.map(ch => ch.file)]), want, after);
    }
  });

  it('asks for a path relative to the notes folder, naming it in a multi-root window, not for a workspace-relative one', async () => {
    const notes = { name: 'notes', index: 1, uri: Uri.file('/ws/notes') };
    const service = {
      index: await indexOf({}), root: notes.uri, ready: Promise.resolve(), log: { info: () => undefined, error: () => undefined },
      uriOf: (f: string) => Uri.file('/ws/notes/' + f), textOf: async () => undefined, toWorkspaceEdit: (edits: FileEdit[]) => edits,
    } as unknown as IndexService;
    const boxes: [string | undefined, string | undefined][] = [];
    const saved = { showInputBox: win.showInputBox };
    win.showInputBox = async (o: { value?: string; prompt?: string; validateInput?: (v: string) => string | undefined }) => {
      if (o.value !== undefined) boxes.push([o.prompt, o.validateInput?.('../other/x.md')]);
      return o.value === undefined ? 'Title' : undefined;
    };
    const folders = ws.workspaceFolders;
    try {
      ws.workspaceFolders = [{ name: 'other', index: 0, uri: Uri.file('/ws/other') }, notes];
      assert.equal(await newNoteCommand(service), 'cancelled');
      ws.workspaceFolders = [notes];
      assert.equal(await newNoteCommand(service), 'cancelled');
    } finally {
      ws.workspaceFolders = folders;
      Object.assign(win, saved);
    }
    assert.deepEqual(boxes, [
      ['Path of the new note, relative to the notes folder notes', 'Use a path inside the notes folder notes.'],
      ['Path of the new note, relative to the workspace folder', 'Use a path inside the workspace folder.'],
    ]);
  });

  it('refuses an empty title in the box, with a series or without one', async () => {
    const checks: (string | undefined)[] = [];
    const saved = { showInputBox: win.showInputBox, showQuickPick: win.showQuickPick };
    win.showQuickPick = async (items: unknown[]) => items[0];
    win.showInputBox = async (o: { title?: string; validateInput?: (v: string) => string | undefined }) => {
      if (o.title === 'New Note: title') checks.push(o.validateInput?.('  '), o.validateInput?.('T'));
      return undefined;
    };
    try {
      for (const files of [{}, { 's/README.md': README }] as Record<string, string>[]) {
        const service = {
          index: await indexOf(files), root: Uri.file('/nonexistent-ws'), ready: Promise.resolve(), log: { info: () => undefined, error: () => undefined },
          uriOf: (f: string) => Uri.file('/nonexistent-ws/' + f), textOf: async () => undefined, toWorkspaceEdit: (edits: FileEdit[]) => edits,
        } as unknown as IndexService;
        assert.equal(await newNoteCommand(service), 'cancelled');
      }
    } finally {
      Object.assign(win, saved);
    }
    assert.deepEqual(checks, ['The title cannot be empty.', undefined, 'The title cannot be empty.', undefined]);
  });

  it('reads `\\` in a given path as a folder separator, as in a typed one, so the README names the file created', async () => {
    const edits = await newNote('s\\a\\02_b.md');
    assert.deepEqual(edits.map(e => e.file), ['s/a/02_b.md', 's/README.md']);
    assert.match(edits[1].edits[0].newText, /\[02_b\]\(a\/02_b\.md\)/);
  });

  it('lists the new note after the category\'s last chapter in the README as the editor shows it, not as the index last read it', async () => {
    // lines typed above the chapters, not re-indexed yet: the index's chapter line is two lines up in the buffer
    const shown = README.replace('# S\n', '# S\n\nAn introduction\nwritten just now.\n');
    const edits = await newNote('s/a/02_b.md', shown);
    const after = applyTextEdits(shown, edits.find(e => e.file === 's/README.md')!.edits);
    assert.equal(after, shown + '- [02_b](a/02_b.md) - 重要 - 30 min\n', after);
  });
  it('a category the series no longer has (given, or gone from the README since it was picked) gets no line elsewhere, and says so', async () => {
    const renamed = README.replace('### A', '### Renamed');
    for (const [category, shown, indexed] of [['Gone', README, README], ['A', renamed, README]] as const) {
      const said: string[] = [];
      win.showInformationMessage = async (text: string) => { said.push(text); return undefined; };
      warned.length = 0;
      const edits = await newNote('s/a/02_b.md', shown, category, indexed);
      assert.deepEqual(edits.map(e => e.file), ['s/a/02_b.md'], `no README line (${category})`);
      assert.deepEqual(said, [`s/a/02_b.md is not listed in s/README.md: the series has no category "${category}". Add its chapter line by hand.`]);
      assert.deepEqual(warned, [`s/a/02_b.md is not listed in s/README.md: no category "${category}"`]);
    }
  });
});
