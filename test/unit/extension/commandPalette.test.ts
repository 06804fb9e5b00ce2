import './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { checkSummaryMessage, checkWorkspaceCommand } from '../../../src/extension/commands/checkWorkspace';
import type { IndexService } from '../../../src/extension/indexService';

interface MenuEntry { command: string; when?: string }
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: { commandPalette: MenuEntry[] } };
};
const palette = new Map(manifest.contributes.menus.commandPalette.map(e => [e.command, e.when ?? '']));

describe('command palette', () => {
  it('hides the commands that need a workspace folder (or a series) in an empty window', () => {
    const needFolder = ['checkWorkspace', 'refresh', 'groupBy', 'filter', 'clearFilter', 'showCoverage', 'syncStatus', 'newNote', 'createSeries', 'nextChapter', 'openChapter'];
    for (const id of needFolder) {
      const when = palette.get(`notesNavigator.${id}`);
      assert.ok(when !== undefined && /workbenchState != empty|notesNavigator\.(hasSeries|filterActive)/.test(when), `${id}: when "${when ?? ''}"`);
    }
  });

  it('shows Clear Filter only while a filter is active, and Fix All only in a Markdown editor', () => {
    assert.match(palette.get('notesNavigator.clearFilter') ?? '', /notesNavigator\.filterActive/);
    assert.match(palette.get('notesNavigator.fixAll') ?? '', /editorLangId == markdown/);
  });

  it('offers Toggle Studied and Reveal in Series Tree only where there is a series to act on', () => {
    for (const id of ['toggleStudied', 'revealInTree']) assert.match(palette.get(`notesNavigator.${id}`) ?? '', /notesNavigator\.hasSeries/, id);
  });

  it('view title and context menus hide a command wherever the palette hides it for want of a series, of trust or of a folder', () => {
    const menus = (manifest.contributes.menus as unknown as Record<string, MenuEntry[]>);
    const needed = [
      { key: 'notesNavigator.hasSeries', re: /(^|[^!.\w])notesNavigator\.hasSeries\b/ },
      { key: 'isWorkspaceTrusted', re: /(^|[^!.\w])isWorkspaceTrusted\b/ },
      { key: 'workbenchState != empty', re: /\bworkbenchState != empty\b/ },
    ];
    const wrong: string[] = [];
    for (const menu of ['view/title', 'view/item/context', 'editor/title/context', 'explorer/context']) {
      for (const e of menus[menu] ?? []) {
        const when = e.when ?? '';
        const needs = needed.filter(n => n.re.test(palette.get(e.command) ?? ''));
        // an item of the Series view (viewItem) is there only when a series is, and a series (or a second folder)
        // only in a window with a folder
        const implied = [
          ...(/viewItem ==/.test(when) ? ['notesNavigator.hasSeries'] : []),
          ...(/viewItem ==|(^|[^!.\w])notesNavigator\.hasSeries\b|workspaceFolderCount > [1-9]/.test(when) ? ['workbenchState != empty'] : []),
        ];
        for (const n of needs) if (!n.re.test(when) && !implied.includes(n.key)) wrong.push(`${menu} ${e.command}: "${when}" lacks ${n.key}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('every menu entry names a contributed command, and every command has the category and an icon', () => {
    const commands = manifest.contributes.commands as unknown as { command: string; category?: string; icon?: string }[];
    const ids = new Set(commands.map(c => c.command));
    const menus = manifest.contributes.menus as unknown as Record<string, MenuEntry[]>;
    assert.deepEqual(Object.entries(menus).flatMap(([m, es]) => es.filter(e => !ids.has(e.command)).map(e => `${m}: ${e.command}`)), []);
    assert.deepEqual(commands.filter(c => c.category !== '%category%' || !c.icon).map(c => c.command), []);
  });

  it('every palette entry names a contributed command', () => {
    const ids = new Set(manifest.contributes.commands.map(c => c.command));
    assert.deepEqual([...palette.keys()].filter(id => !ids.has(id)), []);
  });
});

describe('Check Workspace', () => {
  const win = vscode.window as unknown as Record<string, unknown>;
  const shown: string[] = [];
  let original: unknown;
  before(() => {
    original = win.showInformationMessage;
    win.showInformationMessage = (m: string) => { shown.push(m); return Promise.resolve(undefined); };
  });
  after(() => { win.showInformationMessage = original; });

  it('without a workspace folder says to open one instead of reporting "0 notes: no problems"', async () => {
    let rescanned = false;
    const service = {
      root: undefined,
      ready: Promise.resolve(),
      rescan: async () => { rescanned = true; return 0; },
      index: { allDiagnostics: () => new Map() },
      log: { info: () => undefined },
    } as unknown as IndexService;
    shown.length = 0;
    const result = await checkWorkspaceCommand(service);
    assert.equal(result, undefined);
    assert.equal(rescanned, false);
    assert.deepEqual(shown, ['Open a folder first: Notes Navigator checks the notes of a workspace folder.']);
  });
});

describe('Check Workspace, cancelled', () => {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = { withProgress: win.withProgress, showInformationMessage: win.showInformationMessage, showWarningMessage: win.showWarningMessage };
  afterEach(() => Object.assign(win, saved));

  it('offers Cancel, passes its token to the re-scan and says the check stopped', async () => {
    let cancellable: unknown;
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
    win.withProgress = async (options: { cancellable?: boolean }, task: (p: unknown, t: unknown) => Promise<unknown>) => {
      cancellable = options.cancellable;
      return task({ report: () => undefined }, token);
    };
    const shown: string[] = [];
    win.showInformationMessage = (m: string) => { shown.push(m); return Promise.resolve(undefined); };
    win.showWarningMessage = win.showInformationMessage;
    let passed: unknown;
    const service = {
      root: { path: '/ws' },
      ready: Promise.resolve(),
      rescan: async (p: (x: unknown) => void, t: unknown) => { passed = t; p({ done: 3, total: 5 }); token.isCancellationRequested = true; return 3; },
      index: { allDiagnostics: () => new Map() },
      log: { info: () => undefined },
    } as unknown as IndexService;
    await checkWorkspaceCommand(service);
    assert.equal(cancellable, true);
    assert.equal(passed, token);
    assert.deepEqual(shown, ['Check stopped: notes not re-read yet keep their last check. Checked 3 notes: no problems.']);
  });

  it('does not say the check stopped when Cancel came after every note was read', async () => {
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
    win.withProgress = async (_options: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) => task({ report: () => undefined }, token);
    const shown: string[] = [];
    win.showInformationMessage = (m: string) => { shown.push(m); return Promise.resolve(undefined); };
    win.showWarningMessage = win.showInformationMessage;
    const service = {
      root: { path: '/ws' },
      ready: Promise.resolve(),
      // every note read, then Cancel pressed while the links were being resolved
      rescan: async (p: (x: unknown) => void) => { p({ done: 5, total: 5 }); token.isCancellationRequested = true; return 5; },
      index: { allDiagnostics: () => new Map() },
      log: { info: () => undefined },
    } as unknown as IndexService;
    await checkWorkspaceCommand(service);
    assert.deepEqual(shown, ['Checked 5 notes: no problems.']);
  });
});

describe('Check Workspace summary', () => {
  const summary = (notes: number, errors: number, warnings: number, infos: number, files: number, hints = 0) =>
    checkSummaryMessage({ notes, errors, warnings, infos, files, hints });

  it('says each count with its singular or plural word', () => {
    assert.equal(summary(1, 1, 1, 1, 1), 'Checked 1 note: 1 error, 1 warning, 1 info in 1 file.');
    assert.equal(summary(12, 0, 2, 3, 4), 'Checked 12 notes: 0 errors, 2 warnings, 3 infos in 4 files.');
  });

  it('counts hints apart and says them only when there are any, as the CLI does', () => {
    assert.equal(summary(3, 0, 0, 0, 1, 2), 'Checked 3 notes: 0 errors, 0 warnings, 0 infos, 2 hints in 1 file.');
    assert.equal(summary(3, 1, 0, 2, 2, 1), 'Checked 3 notes: 1 error, 0 warnings, 2 infos, 1 hint in 2 files.');
    assert.equal(summary(3, 1, 0, 2, 2), 'Checked 3 notes: 1 error, 0 warnings, 2 infos in 2 files.');
  });

  it('says "no problems" when there is none', () => {
    assert.equal(summary(1, 0, 0, 0, 0), 'Checked 1 note: no problems.');
    assert.equal(summary(35, 0, 0, 0, 0), 'Checked 35 notes: no problems.');
  });
});

describe('Check Workspace with hints', () => {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = { withProgress: win.withProgress, showInformationMessage: win.showInformationMessage, showWarningMessage: win.showWarningMessage };
  afterEach(() => Object.assign(win, saved));

  /** Runs Check Workspace over diagnostics of these severities (one file each); returns what it showed, with its buttons. */
  async function check(severities: string[], mode = 'always', knowledgeBase = false): Promise<{ summary: unknown; shown: { message: string; buttons: string[] }[] }> {
    win.withProgress = async (_o: unknown, task: (p: unknown, t: unknown) => Promise<unknown>) =>
      task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) });
    const shown: { message: string; buttons: string[] }[] = [];
    win.showInformationMessage = (message: string, ...buttons: string[]) => { shown.push({ message, buttons }); return Promise.resolve(undefined); };
    win.showWarningMessage = win.showInformationMessage;
    const diagnostics = new Map(severities.map((severity, i) => [`n${i}.md`, [{ severity }]]));
    const service = {
      root: { path: '/ws' },
      ready: Promise.resolve(),
      rescan: async () => 3,
      index: { allDiagnostics: () => diagnostics, hasSeries: () => knowledgeBase },
      configFile: { hasFile: false },
      settings: { diagnostics: mode },
      log: { info: () => undefined },
    } as unknown as IndexService;
    return { summary: await checkWorkspaceCommand(service), shown };
  }

  it('with diagnostics turned off, says the Problems panel lists none and offers the setting instead', async () => {
    const off = await check(['error', 'hint'], 'never');
    assert.deepEqual(off.shown, [{
      message: 'Checked 3 notes: 1 error, 0 warnings, 0 infos, 1 hint in 2 files. Diagnostics are turned off (notesNavigator.diagnostics.enabled), so the Problems panel lists none of them.',
      buttons: ['Open Setting'],
    }]);
    // nothing to say for hints alone, which the panel never lists
    assert.deepEqual((await check(['hint'], 'never')).shown, [{ message: 'Checked 3 notes: 0 errors, 0 warnings, 0 infos, 1 hint in 1 file.', buttons: [] }]);
  });

  it('in auto, in a folder that is no knowledge base, says why the Problems panel lists none and offers the setting', async () => {
    const plain = await check(['warning'], 'auto');
    assert.deepEqual(plain.shown, [{
      message: 'Checked 3 notes: 0 errors, 1 warning, 0 infos in 1 file. The notes folder holds no series README or .notes-navigator.json, '
        + 'so the Problems panel lists none of them (notesNavigator.diagnostics.enabled is auto).',
      buttons: ['Open Setting'],
    }]);
    // a folder with a series: they are listed
    assert.deepEqual((await check(['warning'], 'auto', true)).shown, [{ message: 'Checked 3 notes: 0 errors, 1 warning, 0 infos in 1 file.', buttons: ['Show Problems'] }]);
  });

  it('counts hints apart from infos, and offers no Problems panel for hints alone (it does not list them)', async () => {
    const hintsOnly = await check(['hint', 'hint']);
    assert.deepEqual(hintsOnly.summary, { notes: 3, files: 2, errors: 0, warnings: 0, infos: 0, hints: 2 });
    assert.deepEqual(hintsOnly.shown, [{ message: 'Checked 3 notes: 0 errors, 0 warnings, 0 infos, 2 hints in 2 files.', buttons: [] }]);
    const withInfo = await check(['hint', 'information']);
    assert.deepEqual(withInfo.summary, { notes: 3, files: 2, errors: 0, warnings: 0, infos: 1, hints: 1 });
    assert.deepEqual(withInfo.shown, [{ message: 'Checked 3 notes: 0 errors, 0 warnings, 1 info, 1 hint in 2 files.', buttons: ['Show Problems'] }]);
  });
});
