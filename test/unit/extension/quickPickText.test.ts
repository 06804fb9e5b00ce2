import './vscodeStub';
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { newNoteCommand } from '../../../src/extension/commands/createNote';
import { openChapterCommand } from '../../../src/extension/commands/navigate';
import { filterCommand } from '../../../src/extension/commands/treeCommands';
import { pickSeries } from '../../../src/extension/coverage/syncStatus';
import type { IndexService } from '../../../src/extension/indexService';
import type { SeriesTree } from '../../../src/extension/tree/seriesTree';
import { NO_FILTER, type TreeFilter } from '../../../src/extension/tree/treeModel';
import { MATRIX, README, FakeIndex } from '../coverage/fakeIndex';
import { FM, indexOf } from '../index/memoryWorkspace';

/**
 * Quick picks and input boxes say what they ask in words: a title, and an item's state in its text (a screen
 * reader does not read the `$(icon)` of a label).
 */

const win = vscode.window as unknown as Record<string, unknown>;
type Shown = { items?: vscode.QuickPickItem[]; options: { title?: string; placeHolder?: string; prompt?: string } };

/** Records what the next quick picks and input boxes show; every one is cancelled unless `answers` has a reply. */
function record(answers: (string | undefined)[] = []): Shown[] {
  const shown: Shown[] = [];
  win.showQuickPick = async (items: vscode.QuickPickItem[], options: Shown['options']) => { shown.push({ items, options }); return undefined; };
  win.showInputBox = async (options: Shown['options']) => { shown.push({ options }); return answers.shift(); };
  return shown;
}

const words = (label: string) => label.replace(/\$\([\w-]+\)\s*/g, '').trim();

describe('quick picks and input boxes carry their meaning in text', () => {
  const saved = { ...win };
  afterEach(() => { for (const k of ['showQuickPick', 'showInputBox']) win[k] = saved[k]; });

  it('Filter Chapters says whether "Planned chapters only" is on, not only with a check icon', async () => {
    for (const missingOnly of [false, true]) {
      const filter: TreeFilter = { ...NO_FILTER, missingOnly };
      const tree = { state: { filter } } as unknown as SeriesTree;
      const shown = record();
      await filterCommand({ index: { config: {} } } as unknown as IndexService, tree);
      assert.equal(shown[0]!.options.title, 'Filter Chapters');
      const item = shown[0]!.items!.find(i => words(i.label) === 'Planned chapters only')!;
      assert.equal(`${item.description ?? ''} ${item.detail ?? ''}`.trim(), missingOnly ? 'on' : 'off');
    }
  });

  it('the series pick of Sync Coverage Status has a title', async () => {
    const index = new FakeIndex().addSeries('backend/README.md', README, MATRIX).addSeries('frontend/README.md', README, MATRIX);
    const shown = record();
    await pickSeries({ index } as unknown as IndexService, undefined);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.options.title, 'Sync Coverage Status');
    assert.ok(shown[0]!.items!.every(i => i.label !== '' && i.description), 'each series by its title and README');
  });

  it('New Note outside a series: the path box says what path it wants, as the box inside a series does', async () => {
    const index = await indexOf({});
    const shown = record(['My note', undefined]);
    assert.equal(await newNoteCommand({ index, root: vscode.Uri.file('/ws'), ready: Promise.resolve() } as unknown as IndexService), 'cancelled');
    assert.deepEqual(shown.map(s => s.options.title), ['New Note: title', 'New Note: path']);
    assert.equal(shown[1]!.options.prompt, 'Path of the new note, relative to the workspace folder');
  });

  it('Open Chapter: an item holds its chapter number as a reader types it (17.4 for 17_4_tokio), once', async () => {
    const readme = [FM('Rust'), '# Rust', '', '## Chapters', '', '### Async', '',
      '- [01_intro](rust/01_intro.md) - 必讀 - 30 min',
      '- [17_3_async](rust/17_3_async.md) - 必讀 - 30 min',
      '- [Tokio runtime](rust/17_4_tokio.md) - 重要 - 30 min',
      '- [17.5 Streams](rust/17_5_streams.md) - 重要 - 30 min', ''].join('\n');
    const index = await indexOf({ 'r/README.md': readme });
    const shown = record();
    await openChapterCommand({ index, ready: Promise.resolve() } as unknown as IndexService);
    const items = shown[0]!.items!;
    // the quick pick's filter: the typed text, as written, in the label, description or detail
    const matching = (typed: string) => items.filter(i => [i.label, i.description, i.detail].some(t => t?.toLowerCase().includes(typed)))
      .map(i => words(i.label));
    assert.deepEqual(matching('17.4'), ['Tokio runtime']);
    assert.deepEqual(matching('17.3'), ['17_3_async']);
    assert.deepEqual(matching('17.5'), ['17.5 Streams']);
    assert.deepEqual(matching('01'), ['01_intro']);
    // a number the label shows is not written again
    assert.deepEqual(items.map(i => i.description!.split(' · ')[0]), ['Must-read (必讀)', '17.3', '17.4', 'Important (重要)']);
  });
});
