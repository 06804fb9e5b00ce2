// VS Code's `files.exclude` in the real editor: files it hides are not listed, links into them are not broken
// (nothing is known about them), a missing target still is; changing the setting at run time re-lists the
// workspace without reloading the window, and the Series tree says what the index and the README diagnostics say.
// The fixture (exclude_demo/) is written into the copied example workspace by the test and deleted afterwards;
// files.exclude is set at workspace scope and put back as it was. The tests are one story, in order: each starts
// with the exclusions the previous one left.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { api, codeOf, ours, waitFor } from './support';
import type { NotesNavigatorApi } from '../../src/extension/extension';
import type { Diagnostic } from '../../src/core/model';
import { uniqueChapters, type ChapterNode, type GroupNode, type SeriesNode, type TreeNode } from '../../src/extension/tree/treeModel';

const DIR = 'exclude_demo';
const INDEX = `${DIR}/index.md`;
const IMAGE = `${DIR}/assets/img.png`;
const SECRET = `${DIR}/hidden/secret.md`;
const LATE = `${DIR}/hidden/late.md`;
const TARGET = `${DIR}/linked/target.md`;
const PROBE = `${DIR}/probe.md`;
/** the 0-based line of `[gone](no_such_note.md)` in INDEX */
const GONE_LINE = 17;
/** a written chapter of the example series, linked from other notes (with fragments) and from the matrix */
const WRITTEN = 'backend/engineering/36_concurrency_patterns.md';
const RETRY = 'backend/engineering/39_error_handling_retry.md';
/** a planned chapter (no note) in the same folder */
const PLANNED = 'backend/engineering/33_testing_strategy.md';
const MATRIX = 'backend/coverage_matrix.md';

function note(title: string, body: string): string {
  return `---\ntitle: ${title}\nnote_type: guide\ndomain: backend\ntags: []\ncreated: 2026-01-01\nupdated: 2026-01-01\nstatus: active\n---\n# ${title}\n\n${body}\n`;
}

const FIXTURE: Record<string, string | Uint8Array> = {
  [INDEX]: note('Exclude demo', [
    'An image in a hidden folder:',
    '',
    '![x](assets/img.png)',
    '',
    'A hidden note: [secret](hidden/secret.md).',
    '',
    // line 17 (0-based, after 9 lines of frontmatter and the title): the only broken link of this note, hidden or not
    '[gone](no_such_note.md)',
    '',
    'A note whose folder is hidden later: [target](linked/target.md).',
    '',
    // by file name, the way the SPEC resolves wikilinks (case-insensitive): found whether the note is hidden or not
    'By file name: [[SECRET]], [[hidden/secret|the secret]] and [[36_concurrency_patterns]].',
  ].join('\n')),
  [IMAGE]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  [SECRET]: note('Secret', 'A broken link of its own: [nowhere](nowhere_at_all.md).'),
  [TARGET]: note('Target', 'Linked from the demo note.'),
};

const PROBE_TEXT = note('Probe', '[missing](probe_target_missing.md) and [[late]], a hidden note by file name');

const enc = (s: string | Uint8Array) => (typeof s === 'string' ? new TextEncoder().encode(s) : s);

/** The lines of the link-broken diagnostics of a file, as the editor shows them. */
function brokenLines(a: NotesNavigatorApi, file: string): number[] {
  return ours(a.service.uriOf(file)).filter(d => codeOf(d) === 'link-broken').map(d => d.range.start.line).sort((x, y) => x - y);
}

/** Every broken-link finding of the index (the whole workspace), by `file:line:code`. */
function brokenLinks(a: NotesNavigatorApi): Map<string, Diagnostic> {
  const out = new Map<string, Diagnostic>();
  for (const [file, ds] of a.service.index.allDiagnostics()) {
    for (const d of ds) {
      if (['link-broken', 'link-anchor-broken', 'ref-broken', 'wikilink-broken'].includes(d.code)) out.set(`${file}:${d.range.start.line}:${d.code}`, d);
    }
  }
  return out;
}

/** The findings of `after` that `before` did not have. */
function added(before: Map<string, Diagnostic>, after: Map<string, Diagnostic>): Diagnostic[] {
  return [...after].filter(([k]) => !before.has(k)).map(([, d]) => d);
}

/** waitFor, and on a time-out what the index and the editor hold of the fixture (to tell which part is late). */
async function until<T>(a: NotesNavigatorApi, what: string, probe: () => T | undefined | null | false, ms = 8000): Promise<T> {
  try {
    return await waitFor(what, probe, ms);
  } catch (e) {
    const state = [INDEX, IMAGE, SECRET, LATE, TARGET, PROBE, WRITTEN, RETRY].map(f =>
      `${f}: ${a.service.index.note(f) ? 'note' : a.service.index.hasFile(f) ? 'file' : 'absent'}, editor ${ours(a.service.uriOf(f)).map(d => `${codeOf(d)}@${d.range.start.line}`).join(' ') || '-'}`
      + `, index ${a.service.index.diagnostics(f).map(d => `${d.code}@${d.range.start.line}`).join(' ') || '-'}`);
    throw new Error(`${(e as Error).message}\n      ${state.join('\n      ')}\n      unlistedGlobs ${JSON.stringify(a.service.index.config.unlistedGlobs)}`);
  }
}

/**
 * Records what the editor shows of `file` while a change runs: every diagnostics update `wrong` objects to. A
 * folder shown again must not flash broken links or planned chapters before it is listed.
 */
function watchDiagnostics(a: NotesNavigatorApi, file: string, wrong: (ds: vscode.Diagnostic[]) => string | undefined): { stop(): string[] } {
  const uri = a.service.uriOf(file);
  const seen: string[] = [];
  const sub = vscode.languages.onDidChangeDiagnostics(e => {
    if (!e.uris.some(u => u.toString() === uri.toString())) return;
    const why = wrong(ours(uri));
    if (why !== undefined) seen.push(why);
  });
  return { stop: () => { sub.dispose(); return seen; } };
}

async function setExclude(value: Record<string, boolean> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('files').update('exclude', value, vscode.ConfigurationTarget.Workspace);
}

function treeChildren(a: NotesNavigatorApi, node?: TreeNode): TreeNode[] {
  return a.seriesTree.getChildren(node) as TreeNode[];
}

/** The chapters of the example series as the Series tree shows them (grouped by category). */
function treeChapters(a: NotesNavigatorApi): Map<string, { node: ChapterNode; item: vscode.TreeItem }> {
  a.seriesTree.refreshNow();
  const series = (treeChildren(a) as SeriesNode[]).find(s => s.series.readme === 'backend/README.md');
  assert.ok(series, 'the backend series is in the tree');
  const out = new Map<string, { node: ChapterNode; item: vscode.TreeItem }>();
  for (const g of treeChildren(a, series) as GroupNode[]) {
    for (const c of treeChildren(a, g) as ChapterNode[]) out.set(c.chapter.file, { node: c, item: a.seriesTree.getTreeItem(c) });
  }
  return out;
}

/**
 * The tree, the index and the README agree on every chapter of the series: the tree shows a chapter as
 * planned exactly when the index calls its file missing and the README has a chapter-planned diagnostic on it.
 */
function assertTreeAgrees(a: NotesNavigatorApi): void {
  const series = a.service.index.series().find(s => s.readme === 'backend/README.md');
  assert.ok(series);
  const plannedLines = new Set(ours(a.service.uriOf(series.readme)).filter(d => codeOf(d) === 'chapter-planned').map(d => d.range.start.line));
  const tree = treeChapters(a);
  for (const c of uniqueChapters(series)) {
    const shown = tree.get(c.file);
    assert.ok(shown, `${c.file} is in the tree`);
    const missing = a.service.index.fileStateOf(c.file) === 'missing';
    assert.equal(shown.item.contextValue, missing ? 'chapter.planned' : 'chapter.written', `${c.file}: tree vs index (${a.service.index.fileStateOf(c.file)})`);
    assert.equal(plannedLines.has(c.range.start.line), missing, `${c.file}: README chapter-planned vs index`);
  }
}

describe('files.exclude', () => {
  let original: Record<string, boolean> | undefined;
  let brokenBefore: Map<string, Diagnostic>;

  before(async () => {
    const a = await api();
    await vscode.commands.executeCommand('notesNavigator.clearFilter');
    await vscode.commands.executeCommand('notesNavigator.groupBy', 'category');
    original = vscode.workspace.getConfiguration('files').inspect<Record<string, boolean>>('exclude')?.workspaceValue;
    assert.equal(original, undefined, 'the test workspace starts without a files.exclude of its own');
    for (const [file, content] of Object.entries(FIXTURE)) await vscode.workspace.fs.writeFile(a.service.uriOf(file), enc(content));
    // listed: the demo note's only broken link is the missing note; the hidden-to-be note has its own
    await until(a, 'the fixture indexed', () => a.service.index.hasFile(IMAGE) && a.service.index.note(TARGET)
      && brokenLines(a, INDEX).join() === String(GONE_LINE) && brokenLines(a, SECRET).length === 1);
    brokenBefore = brokenLinks(a);
  });

  after(async () => {
    const a = await api();
    await setExclude(original);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(a.service.uriOf(DIR), { recursive: true });
    await until(a, 'the fixture gone and engineering listed again', () => ![...a.service.index.files()].some(f => f.startsWith(DIR + '/'))
      && a.service.index.note(WRITTEN) !== undefined && a.service.index.hasFile('backend/assets/saga_flow.svg'));
    assert.equal(vscode.workspace.getConfiguration('files').inspect('exclude')?.workspaceValue, original);
  });

  it('does not call links into hidden files broken, and still reports a missing target', async () => {
    const a = await api();
    // a folder glob and a glob with braces, as users write them
    await setExclude({ '**/assets': true, [`${DIR}/{hidden,stash}`]: true });
    // the reload is over when the hidden note's own diagnostics are gone and the demo note is checked again
    await until(a, 'hidden files unlisted', () => !a.service.index.hasFile(IMAGE) && !a.service.index.hasFile(SECRET)
      && ours(a.service.uriOf(SECRET)).length === 0 && brokenLines(a, INDEX).join() === String(GONE_LINE));
    assert.equal(a.service.index.note(SECRET), undefined);
    assert.equal(a.service.index.hasFile('backend/assets/saga_flow.svg'), false, '**/assets hides the example images too');
    // a wikilink by file name finds the hidden note, which is still not read
    assert.deepEqual(a.service.index.diagnostics(INDEX).filter(d => d.code === 'wikilink-broken').map(d => d.message), []);
    // the index (not only the Problems view) says so: one broken link, on the missing note
    const inIndex = a.service.index.diagnostics(INDEX).filter(d => d.code === 'link-broken');
    assert.deepEqual(inIndex.map(d => d.range.start.line), [GONE_LINE]);
    assert.match(inIndex[0].message, /no_such_note\.md/);
    // the example notes that show ../assets/*.svg are not broken either: no link anywhere broke
    assert.deepEqual(added(brokenBefore, brokenLinks(a)), [], 'no broken link appeared');
    for (const f of ['backend/distributed_systems/13_saga_pattern.md', 'backend/infrastructure/21_caching_redis_patterns.md']) {
      assert.deepEqual(brokenLines(a, f), [], f);
    }
  });

  it('keeps a hidden note out of the index when it is created on disk or edited in the editor', async () => {
    const a = await api();
    assert.equal(a.service.index.hasFile(SECRET), false, 'the previous test hid the folder');
    await vscode.workspace.fs.writeFile(a.service.uriOf(LATE), enc(note('Late', 'Broken: [void](void_note.md).')));
    // a listed note written afterwards: once it is checked, the watcher's event for the hidden one has been handled
    await vscode.workspace.fs.writeFile(a.service.uriOf(PROBE), enc(PROBE_TEXT));
    await until(a, 'the probe note checked', () => brokenLines(a, PROBE).length === 1);
    await new Promise(r => setTimeout(r, 300));
    assert.equal(a.service.index.hasFile(LATE), false, 'a note created in a hidden folder is not listed');
    assert.deepEqual(ours(a.service.uriOf(LATE)), [], 'nor checked');
    assert.deepEqual(a.service.index.diagnostics(PROBE).filter(d => d.code === 'wikilink-broken').map(d => d.message), [],
      '[[late]] finds the note created in the hidden folder by its file name');
    // typing into an open hidden note does not list it either
    const doc = await vscode.workspace.openTextDocument(a.service.uriOf(SECRET));
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\nMore: [zip](zip_missing.md).')));
    const probeDoc = await vscode.workspace.openTextDocument(a.service.uriOf(PROBE));
    const probeEditor = await vscode.window.showTextDocument(probeDoc);
    assert.ok(await probeEditor.edit(b => b.insert(probeDoc.lineAt(probeDoc.lineCount - 1).range.end, '\n[again](probe_again_missing.md)')));
    await until(a, 'the edited probe checked', () => brokenLines(a, PROBE).length === 2);
    assert.equal(a.service.index.hasFile(SECRET), false, 'an edited hidden note is not listed');
    assert.deepEqual(ours(a.service.uriOf(SECRET)), []);
    // the editor auto-saves (code-server's files.autoSave is afterDelay): the hidden note changes on disk too. Put
    // both notes back as they were, saved.
    for (const [d, text] of [[probeDoc, PROBE_TEXT], [doc, FIXTURE[SECRET] as string]] as const) {
      const we = new vscode.WorkspaceEdit();
      we.replace(d.uri, new vscode.Range(0, 0, d.lineCount, 0), text);
      assert.ok(await vscode.workspace.applyEdit(we));
      assert.ok(await d.save(), `${d.uri.path} saved`);
      assert.equal(d.getText(), text);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(a.service.uriOf(PROBE));
    await until(a, 'the probe gone', () => !a.service.index.hasFile(PROBE) && ours(a.service.uriOf(PROBE)).length === 0);
    assert.equal(a.service.index.hasFile(SECRET), false, 'closing the reverted hidden note does not list it');
  });

  it('lists hidden notes again when the exclusion is removed, without reloading the window', async () => {
    const a = await api();
    const flashes = watchDiagnostics(a, INDEX, ds => {
      const lines = ds.filter(d => codeOf(d) === 'link-broken').map(d => d.range.start.line);
      return lines.join() === String(GONE_LINE) ? undefined : `link-broken on lines ${lines.join(', ')}`;
    });
    await setExclude({ '**/assets': true });
    const secret = await until(a, 'the hidden notes listed and checked again', () => a.service.index.note(SECRET) && a.service.index.note(LATE)
      && brokenLines(a, SECRET).length === 1 && brokenLines(a, LATE).length === 1 && a.service.index.note(SECRET));
    assert.equal(secret.title, 'Secret');
    assert.equal(a.service.index.hasFile(IMAGE), false, 'assets stay hidden');
    assert.deepEqual(brokenLines(a, INDEX), [GONE_LINE]);
    assert.deepEqual(flashes.stop(), [], 'the link into the folder shown again was never reported broken');
    // the demo note's links are known again as links between two notes: by path, and both wikilinks by file name
    const backlinks = a.service.index.backlinks(SECRET).map(b => b.from);
    assert.deepEqual(backlinks, [INDEX, INDEX, INDEX]);
  });

  it('keeps links into a folder hidden at run time unbroken, and the tree agrees with the index and the README', async () => {
    const a = await api();
    assertTreeAgrees(a);
    const shownBefore = treeChapters(a);
    assert.equal(shownBefore.get(WRITTEN)?.item.contextValue, 'chapter.written');
    assert.equal(shownBefore.get(PLANNED)?.item.contextValue, 'chapter.planned');
    const series = a.service.index.series().find(x => x.readme === 'backend/README.md')!;
    const lineOf = (file: string) => uniqueChapters(series).find(c => c.file === file)!.range.start.line;
    const plannedAt = (line: number) => ours(a.service.uriOf(series.readme)).some(d => codeOf(d) === 'chapter-planned' && d.range.start.line === line);
    const before = brokenLinks(a);
    const mismatchesBefore = new Set(a.service.index.diagnostics(MATRIX).filter(d => d.code === 'coverage-status-mismatch').map(d => d.range.start.line));
    // what a wikilink may call the hidden notes: their file names and titles
    const stems = new Set<string>();
    const titles = new Set<string>();
    for (const n of a.service.index.notes()) {
      if (!n.file.startsWith('backend/engineering/')) continue;
      stems.add(n.file.slice(n.file.lastIndexOf('/') + 1, -3).toLowerCase());
      titles.add(n.title.toLowerCase());
    }

    await setExclude({ '**/assets': true, 'backend/engineering': true, [`${DIR}/linked`]: true });
    await until(a, 'backend/engineering unlisted', () => a.service.index.note(WRITTEN) === undefined && !a.service.index.hasFile(RETRY)
      && !a.service.index.hasFile(TARGET) && !plannedAt(lineOf(PLANNED)));
    // notes link to 39_error_handling_retry.md#… and the demo note to linked/target.md: no link by path broke. A
    // wikilink by file name finds a hidden note ([[36_concurrency_patterns]] in the demo note); one by title cannot
    // (the title is inside the hidden note, which is never read): those are reported (the known limit of hiding
    // notes), and only those.
    const appeared = added(before, brokenLinks(a));
    assert.ok(appeared.length > 0, 'the example notes have wikilinks to hidden notes by title ([[Concurrency Patterns]])');
    for (const d of appeared) {
      const name = String(d.data?.path ?? '').trim().toLowerCase().replace(/\.md$/, '');
      assert.ok(d.code === 'wikilink-broken' && titles.has(name) && !stems.has(name), `${d.file}:${d.range.start.line + 1}: ${d.code} ${d.message}`);
    }
    assert.deepEqual(a.service.index.diagnostics(INDEX).filter(d => d.code === 'wikilink-broken').map(d => d.message), []);
    assert.deepEqual(brokenLines(a, INDEX), [GONE_LINE]);
    assert.deepEqual(brokenLines(a, 'backend/system_design/02_availability_and_fault_tolerance.md'), []);
    // nothing is known about the hidden chapters: none is called planned, in the README nor in the tree
    assert.notEqual(a.service.index.fileStateOf(WRITTEN), 'missing');
    assert.notEqual(a.service.index.fileStateOf(PLANNED), 'missing');
    assertTreeAgrees(a);
    const hidden = treeChapters(a).get(WRITTEN);
    assert.equal(hidden?.item.contextValue, 'chapter.written');
    assert.equal(hidden?.node.facts.exists, true);

    // the matrix is not contradicted by a guess: its Pending rows of planned hidden chapters (and Done rows of
    // written ones) raise nothing new, and Sync, which counts as the check does, leaves those rows alone
    const mismatches = a.service.index.diagnostics(MATRIX).filter(d => d.code === 'coverage-status-mismatch').map(d => d.range.start.line);
    assert.deepEqual(mismatches.filter(l => !mismatchesBefore.has(l)), [], 'no new coverage-status-mismatch');
    const doc = await vscode.workspace.openTextDocument(a.service.uriOf(MATRIX));
    const original = doc.getText();
    const rowLines = original.split('\n').map((l, i) => [l, i] as const).filter(([l]) => l.includes('`engineering/'));
    assert.ok(rowLines.length >= 8, 'the matrix has rows of engineering chapters');
    try {
      await vscode.commands.executeCommand<number>('notesNavigator.syncStatus', 'backend/README.md');
      const synced = doc.getText().split('\n');
      for (const [line, i] of rowLines) assert.equal(synced[i], line, `Sync left matrix line ${i + 1} alone`);
    } finally {
      const we = new vscode.WorkspaceEdit();
      we.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(we));
      assert.ok(await doc.save());
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.equal(doc.getText(), original);

    // listed again: the written chapter shows its title, the planned one is planned again
    const flashes = watchDiagnostics(a, series.readme, ds => (ds.some(d => codeOf(d) === 'chapter-planned' && d.range.start.line === lineOf(WRITTEN))
      ? `${WRITTEN} called planned` : undefined));
    await setExclude({ '**/assets': true });
    await until(a, 'backend/engineering listed again', () => a.service.index.note(WRITTEN) !== undefined && a.service.index.note(TARGET) !== undefined
      && plannedAt(lineOf(PLANNED)) && !plannedAt(lineOf(WRITTEN)));
    assert.deepEqual(flashes.stop(), [], 'a written chapter of the folder shown again was never called planned');
    assertTreeAgrees(a);
    const shown = treeChapters(a);
    assert.equal(shown.get(WRITTEN)?.item.contextValue, 'chapter.written');
    assert.equal(shown.get(WRITTEN)?.node.facts.title, 'Concurrency Patterns');
    assert.equal(shown.get(PLANNED)?.item.contextValue, 'chapter.planned');
    assert.deepEqual([...brokenLinks(a).keys()].sort(), [...before.keys()].sort(), 'the same broken links as before hiding');
  });
});
