import { shownText, warnings } from './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { buildViewModel } from '../../../src/core/coverage/viewModel';
import { CoverageStatusBar } from '../../../src/extension/coverage/statusBar';
import { exampleIndex } from '../coverage/fakeIndex';
import { freshFolder, startLive, stopLive, type Live } from './liveService';

/** Messages that count something say "1 problem" and "1 topic", not "1 problem(s)" or "1 topics". */

describe('the configuration warning counts its problems', () => {
  let dir = '';
  let live: Live | undefined;
  beforeEach(() => { dir = freshFolder('nn-counted-'); });
  afterEach(() => stopLive(live, dir));

  it('"1 problem" for one, "2 problems" for two', async () => {
    live = await startLive(dir, { 'a.md': '# A\n', '.notes-navigator.json': '{ "include": [] }' });
    assert.deepEqual(warnings, ['Notes Navigator: the configuration has 1 problem; the defaults are used for the values concerned.']);
    stopLive(live, dir);
    dir = freshFolder('nn-counted-');
    live = await startLive(dir, { 'a.md': '# A\n', '.notes-navigator.json': '{ "include": [], "rules": { "no-such-rule": "error" } }' });
    assert.deepEqual(warnings, ['Notes Navigator: the configuration has 2 problems; the defaults are used for the values concerned.']);
  });
});

describe('the coverage status bar item', () => {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = win.createStatusBarItem;
  afterEach(() => { win.createStatusBarItem = saved; });

  it('is spoken as "Coverage 1 of 1 topic" for a matrix of one topic', () => {
    const item = { show: () => undefined, hide: () => undefined, dispose: () => undefined } as Record<string, unknown>;
    win.createStatusBarItem = () => item;
    const bar = new CoverageStatusBar();
    const [s] = buildViewModel(exampleIndex()).series;
    bar.update({ series: [{ ...s!, covered: 1, total: 1 }] });
    assert.deepEqual(item.accessibilityInformation, { label: 'Coverage 1 of 1 topic', role: 'button' });
    bar.update({ series: [{ ...s!, covered: 1, total: 4 }] });
    assert.deepEqual(item.accessibilityInformation, { label: 'Coverage 1 of 4 topics', role: 'button' });
    bar.dispose();
  });

  it('names each series in its tooltip with the display language\'s colon (zh-TW: 後端系列：1/4)', () => {
    const item = { show: () => undefined, hide: () => undefined, dispose: () => undefined } as Record<string, unknown>;
    win.createStatusBarItem = () => item;
    const l10n = vscode.l10n as unknown as { t: (m: string, ...a: unknown[]) => string };
    const english = l10n.t;
    const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;
    const bar = new CoverageStatusBar();
    const [s] = buildViewModel(exampleIndex()).series;
    l10n.t = (m, ...a) => english(zh[m] ?? m, ...a);
    try {
      bar.update({ series: [{ ...s!, title: '後端系列', covered: 1, total: 4 }] });
    } finally {
      l10n.t = english;
    }
    assert.match(shownText(item.tooltip), /\n\n後端系列：1\/4\n\n/);
    bar.update({ series: [{ ...s!, title: 'Backend', covered: 1, total: 4 }] });
    assert.match(shownText(item.tooltip), /\n\nBackend: 1\/4\n\n/);
    bar.dispose();
  });
});
