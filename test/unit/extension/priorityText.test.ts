import './vscodeStub';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { newNoteCommand } from '../../../src/extension/commands/createNote';
import { openChapterCommand } from '../../../src/extension/commands/navigate';
import { filterCommand } from '../../../src/extension/commands/treeCommands';
import type { IndexService } from '../../../src/extension/indexService';
import type { SeriesTree } from '../../../src/extension/tree/seriesTree';
import { FM, indexOf } from '../index/memoryWorkspace';

/**
 * The priority of a chapter in the quick picks (Open Chapter, Filter → Priority): its display name, and the
 * README's label only when that is another word. In zh-TW the display name of must-read is 必讀, the README label
 * too, and a README may write "Must-read" in English: a pick that shows both said the same word twice.
 */

const win = vscode.window as unknown as Record<string, unknown>;
const l10n = vscode.l10n as unknown as { t: (m: string, ...a: unknown[]) => string };
const english = l10n.t;
const zhBundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;

type Pick = vscode.QuickPickItem & Record<string, unknown>;

/** Runs `command` and returns the items of the quick pick it shows (the pick is dismissed). */
async function picksOf(command: () => Promise<unknown>): Promise<Pick[][]> {
  const shown: Pick[][] = [];
  const saved = win.showQuickPick;
  win.showQuickPick = async (items: Pick[]) => { shown.push(items); return undefined; };
  try {
    await command();
  } finally {
    win.showQuickPick = saved;
  }
  return shown;
}

async function serviceOf(labels: string[]): Promise<IndexService> {
  const readme = [FM('Course'), '# Course', '', '## Chapters', '', '### Part', '',
    ...labels.map((l, i) => `- [0${i + 1}_n](0${i + 1}_n.md) - ${l} - 30 min`), ''].join('\n');
  const files: Record<string, string> = { 'c/README.md': readme };
  labels.forEach((_, i) => { files[`c/0${i + 1}_n.md`] = FM(`N${i + 1}`); });
  return { index: await indexOf(files), root: vscode.Uri.file('/ws'), ready: Promise.resolve() } as unknown as IndexService;
}

const openChapterDescriptions = async (service: IndexService) =>
  (await picksOf(() => openChapterCommand(service)))[0].map(p => p.description);

describe('Priority names in the quick picks', () => {
  afterEach(() => { l10n.t = english; });

  it('Open Chapter names a priority once when the README label is that name, and adds another label in parentheses', async () => {
    const service = await serviceOf(['Must-read', '必讀', 'important']);
    assert.deepEqual(await openChapterDescriptions(service), [
      'Must-read · 30 min · Part', 'Must-read (必讀) · 30 min · Part', 'Important · 30 min · Part',
    ]);
  });

  it('Open Chapter in zh-TW shows 必讀 once for a README that writes 必讀', async () => {
    const service = await serviceOf(['必讀', 'Must-read']);
    l10n.t = (m, ...a) => english(zhBundle[m] ?? m, ...a);
    const [first, second] = await openChapterDescriptions(service);
    assert.equal(first, `必讀 · ${english(zhBundle['{0} min'], 30)} · Part`);
    assert.equal(second, `必讀（Must-read） · ${english(zhBundle['{0} min'], 30)} · Part`);
  });

  it('Filter → Priority lists only the labels that are not the priority name', async () => {
    const service = await serviceOf(['必讀']);
    const tree = { state: { filter: { priorities: [], missingOnly: false, text: '' }, setFilter: async () => undefined } } as unknown as SeriesTree;
    const answers: Pick[] = [];
    const saved = win.showQuickPick;
    // first the filter kind (priority), then the priorities: record those
    win.showQuickPick = async (items: Pick[]) => {
      if (items.some(i => i.action === 'priority')) return items.find(i => i.action === 'priority');
      answers.push(...items);
      return undefined;
    };
    try {
      l10n.t = (m, ...a) => english(zhBundle[m] ?? m, ...a);
      await filterCommand(service, tree);
    } finally {
      win.showQuickPick = saved;
    }
    const mustRead = answers.find(a => a.key === 'must-read')!;
    assert.equal(mustRead.label, '必讀');
    assert.equal(mustRead.description, 'Must-read');
  });

  it('New Note in zh-TW offers 必讀 without repeating it as the description', async () => {
    const service = await serviceOf(['必讀']);
    const saved = win.showInputBox;
    win.showInputBox = async () => 'A Title';
    try {
      l10n.t = (m, ...a) => english(zhBundle[m] ?? m, ...a);
      const [priorities] = await picksOf(() => newNoteCommand(service, { category: 'Part' }));
      assert.deepEqual(priorities.map(p => [p.label, p.description]), [['必讀', undefined], ['重要', undefined], ['可跳讀', undefined]]);
      l10n.t = english;
      const [inEnglish] = await picksOf(() => newNoteCommand(service, { category: 'Part' }));
      assert.deepEqual(inEnglish.map(p => [p.label, p.description]), [['必讀', 'Must-read'], ['重要', 'Important'], ['可跳讀', 'Skippable']]);
    } finally {
      win.showInputBox = saved;
    }
  });
});
