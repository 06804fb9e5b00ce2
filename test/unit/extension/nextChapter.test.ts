import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { nextChapterCommand, openChapterCommand } from '../../../src/extension/commands/navigate';
import type { IndexService } from '../../../src/extension/indexService';
import type { SeriesTree } from '../../../src/extension/tree/seriesTree';
import { FM, indexOf } from '../index/memoryWorkspace';

// the stub that answers `require('vscode')` (each test file bundles its own copy of vscodeStub.ts)
const { Uri } = vscode as unknown as typeof import('./vscodeStub');
type Uri = import('./vscodeStub').Uri;
const win = vscode.window as unknown as Record<string, unknown>;
const ws = vscode.workspace as unknown as Record<string, unknown>;

const readme = (title: string, chapters: string[], route: string) => [
  FM(title), `# ${title}`, '', '## Batch Learning Route', '', `- Batch 1: ${route}`, '', '## Chapters', '', '### Part', '',
  ...chapters.map(c => `- [${c.replace(/^.*\//, '').replace(/\.md$/, '')}](${c}) - 30 min`), '',
].join('\n');

async function run(files: Record<string, string>, active: string | undefined, studied: string[] = [], openNumber?: string) {
  const index = await indexOf(files);
  const service = {
    index,
    ready: Promise.resolve(),
    fileOf: (uri: Uri) => (uri.path.startsWith('/ws/') ? uri.path.slice(4) : undefined),
    uriOf: (file: string) => Uri.file('/ws/' + file),
  } as unknown as IndexService;
  const tree = { studied: { has: (f: string) => studied.includes(f) } } as unknown as SeriesTree;
  win.activeTextEditor = active === undefined ? undefined : { document: { uri: Uri.file('/ws/' + active) } };
  const opened: string[] = [];
  const messages: string[] = [];
  ws.openTextDocument = async (uri: Uri) => ({ uri });
  win.showTextDocument = async (doc: { uri: Uri }) => { opened.push(service.fileOf(doc.uri as unknown as vscode.Uri)!); return {}; };
  win.showInformationMessage = async (m: string) => { messages.push(m); return undefined; };
  const result = openNumber === undefined ? await nextChapterCommand(service, tree) : await openChapterCommand(service, openNumber);
  return { result, opened, messages };
}

/** Puts back what `run` replaced in the stub's window and workspace. */
function restoreWindowAfterEach(): void {
  const saved = { ...win, ...ws };
  afterEach(() => {
    win.activeTextEditor = undefined;
    for (const k of ['showTextDocument', 'showInformationMessage']) win[k] = saved[k];
    ws.openTextDocument = saved.openTextDocument;
  });
}

describe('Next Chapter in Batch Route', () => {
  restoreWindowAfterEach();

  const shared = {
    'course/README.md': readme('Course', ['01_intro.md', '../shared/02_tools.md', '03_end.md'], '`01`, `02`, `03`'),
    'course/01_intro.md': FM('Intro'), 'shared/02_tools.md': FM('Tools'), 'course/03_end.md': FM('End'),
    'other/README.md': readme('Other', ['01_x.md'], '`01`'), 'other/01_x.md': FM('X'),
  };

  it('goes on from a chapter that lives outside its series folder', async () => {
    const r = await run(shared, 'shared/02_tools.md');
    assert.deepEqual(r.messages, []);
    assert.equal(r.result, 'course/03_end.md');
    // the command's effect is the editor on that chapter, not only its answer
    assert.deepEqual(r.opened, ['course/03_end.md']);
  });

  it('follows the route of the series that lists the chapter, not of a series nested around the file', async () => {
    const files = {
      'course/README.md': readme('Course', ['01_intro.md', 'part/02_deep.md', '03_end.md'], '`01`, `02`, `03`'),
      'course/01_intro.md': FM('Intro'), 'course/part/02_deep.md': FM('Deep'), 'course/03_end.md': FM('End'),
      'course/part/README.md': readme('Part', ['10_appendix.md'], '`10`'), 'course/part/10_appendix.md': FM('Appendix'),
    };
    const r = await run(files, 'course/part/02_deep.md');
    assert.equal(r.result, 'course/03_end.md');
    assert.deepEqual(r.opened, ['course/03_end.md']);
  });

  it('says so at the end of the route, and when every chapter is studied', async () => {
    const end = await run(shared, 'course/03_end.md');
    assert.equal(end.result, undefined);
    assert.deepEqual(end.messages, ['That was the last chapter of Course.']);
    const all = ['course/01_intro.md', 'shared/02_tools.md', 'course/03_end.md'];
    const done = await run(shared, 'course/README.md', all);
    assert.equal(done.result, undefined);
    assert.deepEqual(done.messages, ['Every chapter of Course is marked studied.']);
    assert.deepEqual([...end.opened, ...done.opened], [], 'nothing is opened');
  });

  it('starts at the first chapter not yet studied from the README', async () => {
    const r = await run(shared, 'course/README.md', ['course/01_intro.md']);
    assert.equal(r.result, 'shared/02_tools.md');
    assert.deepEqual(r.opened, ['shared/02_tools.md']);
  });
});

describe('Open Chapter by number', () => {
  restoreWindowAfterEach();

  it('looks first in the series that lists the active chapter, not in a series nested around its file', async () => {
    const files = {
      'course/README.md': readme('Course', ['01_intro.md', 'part/02_deep.md', '03_end.md'], '`01`, `02`, `03`'),
      'course/01_intro.md': FM('Intro'), 'course/part/02_deep.md': FM('Deep'), 'course/03_end.md': FM('End'),
      'course/part/README.md': readme('Part', ['03_extra.md'], '`03`'), 'course/part/03_extra.md': FM('Extra'),
    };
    const r = await run(files, 'course/part/02_deep.md', [], '03');
    assert.equal(r.result, 'course/03_end.md');
    assert.deepEqual(r.opened, ['course/03_end.md']);
  });

  it('offers the candidates of a number repeated in nested folders, those beside the active note first', async () => {
    const files = {
      'dp/README.md': readme('DP', ['creational/01_singleton.md', 'structural/01_adapter.md', 'behavioral/02_observer.md'], '`02`'),
      'dp/creational/01_singleton.md': FM('Singleton'), 'dp/structural/01_adapter.md': FM('Adapter'), 'dp/behavioral/02_observer.md': FM('Observer'),
    };
    const saved = { pick: win.showQuickPick, warn: win.showWarningMessage };
    const picks: { labels: string[]; placeHolder?: string }[] = [];
    const warnings: string[] = [];
    win.showWarningMessage = async (m: string) => { warnings.push(m); return undefined; };
    try {
      for (const [active, first] of [['dp/structural/01_adapter.md', '01_adapter'], ['dp/creational/01_singleton.md', '01_singleton']]) {
        win.showQuickPick = async (items: (vscode.QuickPickItem & { chapter: { file: string } })[], o: vscode.QuickPickOptions) => {
          picks.push({ labels: items.map(i => i.label.replace(/^\$\([\w-]+\) /, '')), placeHolder: o.placeHolder });
          return items[1];
        };
        const r = await run(files, active, [], '01');
        assert.equal(picks.at(-1)!.labels[0], first);
        assert.deepEqual([...picks.at(-1)!.labels].sort(), ['01_adapter', '01_singleton']);
        assert.equal(picks.at(-1)!.placeHolder, 'Several chapters are numbered 01: pick one');
        // the one picked is opened
        const other = first === '01_adapter' ? 'dp/creational/01_singleton.md' : 'dp/structural/01_adapter.md';
        assert.deepEqual(r.opened, [other]);
      }
      assert.deepEqual(warnings, []);
      // a number only one chapter has opens it, with no pick
      const one = await run(files, undefined, [], '2');
      assert.deepEqual(one.opened, ['dp/behavioral/02_observer.md']);
      assert.equal(picks.length, 2);
    } finally {
      win.showQuickPick = saved.pick;
      win.showWarningMessage = saved.warn;
    }
  });
});
