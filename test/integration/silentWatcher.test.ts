// The index when VS Code's file watcher stays silent. `files.watcherExclude` (set here at workspace scope for the
// fixture folder, put back afterwards) makes the watcher report nothing below a folder, as it reports nothing below
// a folder created together with folders inside it on Linux (its inotify backend watches such a folder at its top
// only). What the editor does itself (a WorkspaceEdit creating or deleting files) must reach the index anyway, and
// a reconcile (run when the window regains focus) brings it in line with what other programs did on the disk.
// A folder holding files a reconcile found is then watched with Node's own watcher (see BlindFolders), so each test
// whose point is a reconcile writes into a silent folder of its own that no reconcile found anything in before.
// The fixture (silent_demo/, silent_task/, silent_terminal/, and a .notes-navigator.json the last test writes) is
// written into the copied example workspace by the test and deleted afterwards.
import { strict as assert } from 'node:assert';
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IndexService } from '../../src/extension/indexService';
import { chapterNote, codeOf, ours, service, waitFor } from './support';

const DIR = 'silent_demo';
/** silent folders of their own for the notes a task and a terminal command write */
const TASK_DIR = 'silent_task';
const TERMINAL_DIR = 'silent_terminal';
const HUB = `${DIR}/hub.md`;
const DOOMED = `${DIR}/doomed.md`;
const FRESH = `${DIR}/fresh.md`;
const ON_DISK = `${DIR}/on_disk.md`;
const GONE = `${DIR}/gone.md`;
/**
 * The n-th probe written while waiting for the watcher to go silent, each in a folder of its own beside DIR, silenced
 * as DIR is (see the before hook): a reconcile that finds a probe unreported has Node watch its folder (BlindFolders),
 * which would leave that folder, and DIR were the probes in it, reported from then on.
 */
const PROBE_DIRS = 'silent_probe_';
const probe = (n: number) => `${PROBE_DIRS}${n}/probe.md`;
const KEPT = `${DIR}/kept.md`;
/** outside the silent folder: the watcher reports it too */
const ECHO = 'echo_demo.md';
/** the notes folder's configuration, silenced as well (the example workspace has none: a test writes one) */
const CONFIG = '.notes-navigator.json';

const HUB_TEXT = chapterNote('Hub', `[doomed](doomed.md), [fresh](fresh.md), [on disk](on_disk.md), [gone](gone.md) and [kept](kept.md).`);

const sleep = (ms: number) => new Promise(res => setTimeout(res, ms));

/** The lines of the link-broken diagnostics the editor shows on the hub. */
function brokenTargets(s: IndexService): string[] {
  const doc = HUB_TEXT.split('\n');
  return ours(s.uriOf(HUB)).filter(d => codeOf(d) === 'link-broken')
    .map(d => doc[d.range.start.line].slice(d.range.start.character, d.range.end.character)).sort();
}

describe('the index when the file watcher stays silent', function () {
  this.timeout(90_000); // (the before hook may wait 40 s for the watcher to restart)
  const files = () => vscode.workspace.getConfiguration('files');
  let s: IndexService;
  let root = '';
  let watcherExclude: Record<string, boolean> | undefined;
  const disk = (rel: string) => path.join(root, ...rel.split('/'));

  before(async () => {
    s = await service();
    assert.ok(s.root);
    root = s.root.fsPath;
    for (const d of [DIR, TASK_DIR, TERMINAL_DIR]) mkdirSync(disk(d), { recursive: true });
    // the fixture's notes are written through the editor (a WorkspaceEdit), whose file operations reach the index at
    // once. Written with Node's fs, they were unknown until the watcher reported them, and a reconcile that ran
    // meanwhile (one a test before had asked for) found them unreported and had Node watch the folder (BlindFolders):
    // then no probe below went unreported (twice in CI: "4 new on the disk (silent_demo/doomed.md, …)" before them)
    const fixture: [string, string][] = [
      [HUB, HUB_TEXT],
      [DOOMED, chapterNote('Doomed', 'Deleted through the editor.')],
      [KEPT, chapterNote('Kept', 'Deleted on disk while its buffer is unsaved.')],
      [GONE, chapterNote('Gone', 'Deleted on disk by another program.')],
    ];
    const writing = new vscode.WorkspaceEdit();
    for (const [f, text] of fixture) writing.createFile(s.uriOf(f), { contents: new TextEncoder().encode(text) });
    assert.ok(await vscode.workspace.applyEdit(writing));
    await waitFor('the editor\'s report of the fixture to reach the index', () => fixture.every(([f]) => s.index.isNote(f)));
    watcherExclude = files().inspect<Record<string, boolean>>('watcherExclude')?.workspaceValue;
    // (the probes' folders themselves too: each is new, and a folder reported created is listed)
    const silenced = Object.fromEntries([...[DIR, TASK_DIR, TERMINAL_DIR, `${PROBE_DIRS}*`].map(d => `**/${d}/**`), `**/${PROBE_DIRS}*`, `**/${CONFIG}`]
      .map(g => [g, true]));
    await files().update('watcherExclude', { ...watcherExclude, ...silenced }, vscode.ConfigurationTarget.Workspace);
    await s.rescan();
    assert.ok(fixture.every(([f]) => s.index.isNote(f)), 'the fixture is indexed');
    // the premise: nothing below the folder is reported any more (a file written there stays unknown); the watcher
    // restarts with the new setting a moment after it changed, which on a busy machine has taken over 15 s (the
    // reconciles in between take milliseconds now that a walk lists the folder: the wait is by the clock). Each probe
    // has a folder of its own: a reconcile that runs while a probe is on the disk unreported (one the window's focus
    // or a late report of an earlier probe's deletion asked for) finds it and has Node watch its folder (BlindFolders),
    // after which nothing in that folder goes unreported (twice in CI when the probes were in DIR: "1 new on the disk
    // (silent_demo/probe_1.md)", then 27 probes reported in 40 s)
    let silent = false;
    let n = 0;
    for (const deadline = Date.now() + 40_000; Date.now() < deadline && !silent; n++) {
      mkdirSync(path.dirname(disk(probe(n))), { recursive: true });
      writeFileSync(disk(probe(n)), chapterNote('Probe', 'Written on disk.'));
      await sleep(1500);
      silent = !s.index.hasFile(probe(n));
      rmSync(path.dirname(disk(probe(n))), { recursive: true, force: true });
      await s.reconcile();
    }
    assert.ok(silent, `files.watcherExclude did not silence the file watcher (${n} probes in 40 s): these tests would prove nothing`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const d of [DIR, TASK_DIR, TERMINAL_DIR]) rmSync(disk(d), { recursive: true, force: true });
    for (const d of readdirSync(root)) if (d.startsWith(PROBE_DIRS)) rmSync(disk(d), { recursive: true, force: true });
    rmSync(disk(ECHO), { force: true });
    rmSync(disk(CONFIG), { force: true });
    await files().update('watcherExclude', watcherExclude, vscode.ConfigurationTarget.Workspace);
    await s.rescan();
  });

  it('a note the editor deletes leaves the index, and links to it break', async () => {
    assert.ok(!brokenTargets(s).includes('doomed.md'));
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(s.uriOf(DOOMED));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the deleted note to leave the index', () => !s.index.hasFile(DOOMED));
    await waitFor('the link to it to break', () => brokenTargets(s).includes('doomed.md'));
  });

  it('a note the editor creates enters the index once, and links to it resolve', async () => {
    let reads = 0;
    const counting = s.onDidChange(e => { if (e.files.includes(FRESH)) reads++; });
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(s.uriOf(FRESH), { contents: new TextEncoder().encode(chapterNote('Fresh', 'Made by the editor.')) });
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the created note to be indexed', () => s.index.isNote(FRESH));
      await waitFor('the link to it to resolve', () => !brokenTargets(s).includes('fresh.md'));
    } finally {
      counting.dispose();
    }
    assert.equal(reads, 1, 'the note was checked once');
  });

  it('a note the editor creates where the watcher reports it too is read once', async () => {
    let reads = 0;
    const counting = s.onDidChange(e => { if (e.files.includes(ECHO)) reads++; });
    const seen = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(s.root!, ECHO));
    const reported = new Promise<void>(res => seen.onDidCreate(() => res()));
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(s.uriOf(ECHO), { contents: new TextEncoder().encode(chapterNote('Echo', 'Reported twice.')) });
      assert.ok(await vscode.workspace.applyEdit(edit));
      await Promise.race([reported, sleep(5000)]);
      // the watcher's report is handled on the index's queue, after the editor's: done once a task queued now ran
      await s.reconcile();
    } finally {
      counting.dispose();
      seen.dispose();
    }
    assert.ok(s.index.isNote(ECHO));
    assert.equal(reads, 1, 'the note was checked once');
  });

  it('a note a task writes is indexed when the task ends, with no report and no change of focus', async () => {
    const target = `${TASK_DIR}/by_task.md`;
    const script = `require('fs').writeFileSync(${JSON.stringify(disk(target))}, ${JSON.stringify(chapterNote('By task', 'Written by a task.'))})`;
    const task = new vscode.Task({ type: 'process' }, vscode.TaskScope.Workspace, 'write a note', 'notes-navigator-test',
      new vscode.ProcessExecution(process.execPath, ['-e', script]));
    await vscode.tasks.executeTask(task);
    await waitFor('the note the task wrote to be indexed', () => s.index.isNote(target), 10_000);
  });

  it('a note a command in the integrated terminal writes is indexed when the command ends', async function () {
    type Integration = { executeCommand(command: string): unknown };
    type ShellTerminal = vscode.Terminal & { shellIntegration?: Integration };
    const onIntegration = (vscode.window as { onDidChangeTerminalShellIntegration?: vscode.Event<{ terminal: vscode.Terminal }> })
      .onDidChangeTerminalShellIntegration;
    if (!onIntegration) this.skip();
    const target = `${TERMINAL_DIR}/by_terminal.md`;
    const terminal = vscode.window.createTerminal({ name: 'notes-navigator-test', shellPath: '/bin/bash', cwd: root }) as ShellTerminal;
    try {
      const integration = terminal.shellIntegration ?? await new Promise<Integration | undefined>(res => {
        const sub = onIntegration!(e => { if (e.terminal === terminal) { sub.dispose(); res((e.terminal as ShellTerminal).shellIntegration); } });
        setTimeout(() => { sub.dispose(); res(undefined); }, 15_000);
      });
      assert.ok(integration, 'the integrated terminal runs bash with shell integration');
      integration.executeCommand(`printf '%s' ${JSON.stringify(chapterNote('By terminal', 'Written in the terminal.'))} > ${JSON.stringify(disk(target))}`);
      await waitFor('the note the command wrote to be indexed', () => s.index.isNote(target), 10_000);
    } finally {
      terminal.dispose();
      // a reconcile the terminal's last events may have asked for runs now, not during the next test's premise
      await sleep(1000);
    }
  });

  it('a reconcile follows files other programs created and deleted, and keeps an unsaved note', async () => {
    const kept = await vscode.workspace.openTextDocument(s.uriOf(KEPT));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(kept.uri, new vscode.Position(kept.lineCount - 1, 0), 'Unsaved words.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(kept.isDirty);
    writeFileSync(disk(ON_DISK), chapterNote('On disk', 'Written by another program.'));
    // hidden files and folders too (an editor's or a vault's settings): the walk must list them as the search does
    mkdirSync(disk(`${DIR}/.vault`), { recursive: true });
    writeFileSync(disk(`${DIR}/.vault/settings.json`), '{}');
    writeFileSync(disk(`${DIR}/.hidden-note.md`), chapterNote('Hidden', 'A note whose name starts with a dot.'));
    rmSync(disk(GONE));
    rmSync(disk(KEPT));
    await sleep(1500);
    assert.ok(!s.index.hasFile(ON_DISK) && s.index.hasFile(GONE), 'the watcher reported nothing');
    assert.ok(brokenTargets(s).includes('on_disk.md') && !brokenTargets(s).includes('gone.md'));

    const before = s.listingCounts;
    const found = await s.reconcile();
    assert.deepEqual(found, { gone: [GONE], added: [`${DIR}/.hidden-note.md`, `${DIR}/.vault/settings.json`, ON_DISK] });
    assert.equal(s.listingCounts.searched, before.searched + 1, 'files changed on disk: the file search lists the folder');
    assert.ok(s.index.isNote(ON_DISK) && !s.index.hasFile(GONE));
    assert.ok(s.index.isNote(KEPT), 'the unsaved buffer keeps its note');
    await waitFor('the hub to show the new state', () => {
      const broken = brokenTargets(s);
      return !broken.includes('on_disk.md') && broken.includes('gone.md') && !broken.includes('kept.md');
    });
    // nothing left to correct: a second reconcile changes nothing, and a walk of the folder (no search) says so
    const walked = s.listingCounts.walked;
    assert.deepEqual(await s.reconcile(), { gone: [], added: [] });
    assert.equal(s.listingCounts.walked, walked + 1, 'nothing changed on disk: a walk confirmed the last listing');
    assert.ok(existsSync(disk(HUB)));
  });

  it('Refresh reads what another program wrote or deleted unreported (a walk that finds a change asks the search)', async () => {
    const written = `${DIR}/refreshed.md`;
    writeFileSync(disk(written), chapterNote('Refreshed', 'Written on disk while nothing reports it.'));
    try {
      await s.rescan();
      assert.ok(s.index.isNote(written), 'Refresh indexed the note written unreported');
    } finally {
      rmSync(disk(written), { force: true });
    }
    await s.rescan();
    assert.ok(!s.index.hasFile(written), 'Refresh forgot the note deleted unreported');
  });

  it('a note another program edits in a folder a reconcile found unreported is checked again at once', async () => {
    // (the reconcile above found on_disk.md: its folder is watched with Node's watcher since)
    assert.ok(s.index.isNote(ON_DISK));
    const broken = () => ours(s.uriOf(ON_DISK)).filter(d => codeOf(d) === 'link-broken').length;
    assert.equal(broken(), 0);
    appendFileSync(disk(ON_DISK), '\nSee [the missing one](missing_by_another_program.md).\n');
    await waitFor('the edit on disk to be checked, with no report from VS Code, no focus change and no reconcile', () => broken() === 1, 5000);
    writeFileSync(disk(`${DIR}/later.md`), chapterNote('Later', 'Written on disk after the reconcile.'));
    await waitFor('a note written there afterwards to be indexed', () => s.index.isNote(`${DIR}/later.md`), 5000);
  });

  it('a configuration another program writes, then deletes, applies at the next reconcile each time', async () => {
    assert.ok(!existsSync(disk(CONFIG)) && s.index.isNote(HUB));
    try {
      writeFileSync(disk(CONFIG), `${JSON.stringify({ exclude: [`${DIR}/**`] }, null, 2)}\n`);
      await sleep(1500);
      assert.ok(s.index.isNote(HUB), 'the premise: the watcher did not report the configuration');
      await s.reconcile();
      assert.ok(!s.index.isNote(HUB) && s.index.hasFile(HUB), 'the notes it leaves out are files, no longer notes');
    } finally {
      rmSync(disk(CONFIG), { force: true });
    }
    await s.reconcile();
    assert.ok(s.index.isNote(HUB), 'the configuration gone, the defaults apply again');
  });
});

// VS Code's watcher on Linux reports what happens in the folders inside a moved folder under their old paths (its
// inotify backend keeps the paths it watched them at): a deletion in the moved folder names the old path, where a
// folder made again since holds a note of the same name. The fixture (stale_demo/) is deleted afterwards.
describe('a deletion the file watcher reports under a moved folder\'s old path', function () {
  this.timeout(60_000);
  const TOP = 'stale_demo';
  const NOTE = `${TOP}/outer/inner/a.md`;
  let s: IndexService;
  let root = '';
  const disk = (rel: string) => path.join(root, ...rel.split('/'));

  before(async () => {
    s = await service();
    root = s.root!.fsPath;
    mkdirSync(disk(`${TOP}/outer/inner`), { recursive: true });
    writeFileSync(disk(NOTE), chapterNote('Inner', 'In the folder inside.'));
    await s.rescan();
    // a restart of the watcher (a change of files.watcherExclude) watches the fixture's folders
    const files = vscode.workspace.getConfiguration('files');
    const before = files.inspect<Record<string, boolean>>('watcherExclude')?.workspaceValue;
    await files.update('watcherExclude', { ...before, '**/nn_stale_demo_never': true }, vscode.ConfigurationTarget.Workspace);
    await files.update('watcherExclude', before, vscode.ConfigurationTarget.Workspace);
    await sleep(1500);
  });

  after(async () => {
    rmSync(disk(TOP), { recursive: true, force: true });
    await s.rescan();
  });

  it('does not drop the note that is still at that path', async () => {
    const deleted: string[] = [];
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(s.root!, `${TOP}/**`));
    w.onDidDelete(u => deleted.push(path.relative(root, u.fsPath).split(path.sep).join('/')));
    try {
      renameSync(disk(`${TOP}/outer`), disk(`${TOP}/moved`));
      await sleep(1000);
      mkdirSync(disk(`${TOP}/outer/inner`), { recursive: true });
      writeFileSync(disk(NOTE), chapterNote('Inner again', 'Made again at the old path.'));
      await waitFor('the note made again to be indexed', () => s.index.note(NOTE)?.title === 'Inner again', 10_000);
      rmSync(disk(`${TOP}/moved/inner/a.md`));
      await sleep(1500);
      // the reports before it were handled (no reconcile here: it would put right what is looked at)
      await (s as unknown as { enqueue(task: () => Promise<void>): Promise<void> }).enqueue(async () => undefined);
    } finally {
      w.dispose();
    }
    assert.ok(deleted.includes(NOTE), `the premise: the watcher reports the deletion under the old path (it reported ${JSON.stringify(deleted)})`);
    assert.ok(existsSync(disk(NOTE)));
    assert.ok(s.index.isNote(NOTE), 'the note at the old path is still indexed');
    // and the file really deleted, which the watcher did not name, leaves the index (a reconcile follows the report)
    await waitFor('the deleted note of the moved folder to leave the index', () => !s.index.hasFile(`${TOP}/moved/inner/a.md`), 5000);
  });
});
