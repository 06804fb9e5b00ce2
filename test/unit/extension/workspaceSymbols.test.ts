import './vscodeStub';
import { strict as assert } from 'node:assert';
import type { IndexView, NoteRecord } from '../../../src/core/index/api';
import type * as vscode from 'vscode';
import { rankNotes, registerWorkspaceSymbols } from '../../../src/extension/features/workspaceSymbols';
import { FM } from '../index/memoryWorkspace';
import { navigationOf } from './navigationHarness';
import { registered } from './vscodeStub';

function indexOf(notes: [file: string, title: string][]): IndexView {
  const records = notes.map(([file, title]) => ({ file, title }) as NoteRecord);
  return { notes: () => records } as unknown as IndexView;
}

const titles = (index: IndexView, query: string) => rankNotes(index, query).map(n => n.title);

describe('workspace symbols', () => {
  const index = indexOf([
    ['sd/10_caching.md', 'Chapter 10 快取策略'],
    ['sd/02_availability.md', 'Chapter 2 可用性'],
    ['sd/01_scalability.md', 'Chapter 1 系統擴展'],
    ['README.md', '系統設計 Series'],
  ]);

  it('lists every note for an empty query, chapter numbers in numeric order', () => {
    assert.deepEqual(titles(index, ''), ['Chapter 1 系統擴展', 'Chapter 2 可用性', 'Chapter 10 快取策略', '系統設計 Series']);
    assert.deepEqual(titles(index, 'chapter'), ['Chapter 1 系統擴展', 'Chapter 2 可用性', 'Chapter 10 快取策略']);
  });

  it('matches CJK titles by substring, then by characters in order', () => {
    assert.deepEqual(titles(index, '系統'), ['系統設計 Series', 'Chapter 1 系統擴展']);
    assert.deepEqual(titles(index, '系設'), ['系統設計 Series']);
  });

});

describe('workspace symbols in the Ctrl+T list', () => {
  /** VS Code's list keeps only the symbols whose name holds the query's characters in order. */
  const kept = (name: string, query: string): boolean => {
    let i = 0;
    const n = name.toLowerCase();
    for (const ch of query.toLowerCase()) {
      i = n.indexOf(ch, i) + 1;
      if (i === 0) return false;
    }
    return true;
  };

  it('names a note found by its file path with that path too, so that VS Code does not filter it out', async () => {
    const nav = await navigationOf({ 'sd/01_scalability.md': FM('系統擴展') + 'x\n', 'sd/02_scaling_out.md': FM('Scaling Out') + 'x\n' });
    registerWorkspaceSymbols(nav.service);
    const provider = registered.workspaceSymbols[registered.workspaceSymbols.length - 1] as vscode.WorkspaceSymbolProvider;
    const names = async (query: string) => ((await provider.provideWorkspaceSymbols(query, { isCancellationRequested: false } as vscode.CancellationToken)) ?? []).map(s => s.name);
    for (const query of ['scal', '01_sca', 'sd/01']) {
      const found = await names(query);
      assert.equal(found.length, query === 'scal' ? 2 : 1, query);
      for (const name of found) assert.ok(kept(name, query), `${query}: ${name}`);
    }
    // a note found by its title keeps its title as name
    assert.deepEqual(await names('scaling'), ['Scaling Out']);
    assert.deepEqual(await names('擴展'), ['系統擴展']);
  });

  it('finds no note by what VS Code\'s list would then hide: full-width letters and digits (an IME in full-width mode) are no ASCII', async () => {
    const nav = await navigationOf({ 'sd/10_caching.md': FM('Chapter 10 快取策略') + 'x\n', 'sd/11_api.md': FM('ＡＰＩ 設計') + 'x\n' });
    registerWorkspaceSymbols(nav.service);
    const provider = registered.workspaceSymbols[registered.workspaceSymbols.length - 1] as vscode.WorkspaceSymbolProvider;
    const names = async (query: string) => ((await provider.provideWorkspaceSymbols(query, { isCancellationRequested: false } as vscode.CancellationToken)) ?? []).map(s => s.name);
    for (const query of ['Ｃｈａｐｔｅｒ　１０', '１０_caching', 'api', 'ＡＰＩ', 'chapter 10']) {
      for (const name of await names(query)) assert.ok(kept(name, query), `${query}: ${name}`);
    }
    // what is written in full width is found written so
    assert.deepEqual(await names('ａｐｉ'), ['ＡＰＩ 設計']);
  });

  it('finds a note by a frontmatter alias (after title matches), named with that alias so that VS Code keeps it', async () => {
    const nav = await navigationOf({
      'mq/16_kafka.md': FM('訊息佇列基礎', 'aliases: [Kafka Basics, MQ]\n') + 'x\n',
      'mq/17_kafka_streams.md': FM('Kafka Streams') + 'x\n',
    });
    registerWorkspaceSymbols(nav.service);
    const provider = registered.workspaceSymbols[registered.workspaceSymbols.length - 1] as vscode.WorkspaceSymbolProvider;
    const names = async (query: string) => ((await provider.provideWorkspaceSymbols(query, { isCancellationRequested: false } as vscode.CancellationToken)) ?? []).map(s => s.name);
    assert.deepEqual(await names('kafka'), ['Kafka Streams', '訊息佇列基礎 · Kafka Basics']);
    assert.deepEqual(await names('mq'), ['訊息佇列基礎 · MQ', 'Kafka Streams · mq/17_kafka_streams.md'], 'an alias before a path');
    // an alias of two words is found by both (the loop below checks nothing when the query finds no note)
    const twoWords = await names('kafka b');
    assert.deepEqual(twoWords, ['訊息佇列基礎 · Kafka Basics']);
    for (const name of twoWords) assert.ok(kept(name, 'kafka b'), name);
    assert.deepEqual(await names('佇列'), ['訊息佇列基礎'], 'a title match keeps the title as name');
  });

  it('gives a chapter its series category as container, and no container to other notes (VS Code shows the path anyway)', async () => {
    const readme = (title: string, category: string, chapter: string) =>
      `${FM(title)}# ${title}\n\n## Chapters\n\n### ${category}\n\n- [${chapter}](${chapter}.md) - 30 min\n`;
    const symbolsOf = async (files: Record<string, string>) => {
      const nav = await navigationOf(files);
      registerWorkspaceSymbols(nav.service);
      const provider = registered.workspaceSymbols[registered.workspaceSymbols.length - 1] as vscode.WorkspaceSymbolProvider;
      const found = (await provider.provideWorkspaceSymbols('', { isCancellationRequested: false } as vscode.CancellationToken)) ?? [];
      return Object.fromEntries(found.map(s => [s.name, s.containerName]));
    };
    const one = { 'sd/README.md': readme('System Design', 'Basics', '01_scale'), 'sd/01_scale.md': FM('Scale') + 'x\n', 'sd/notes.md': FM('Loose') + 'x\n' };
    assert.deepEqual(await symbolsOf(one), { 'System Design': '', Scale: 'Basics', Loose: '' });
    const two = { ...one, 'db/README.md': readme('Databases', 'Storage', '01_btree'), 'db/01_btree.md': FM('B-Tree') + 'x\n' };
    assert.deepEqual(await symbolsOf(two), { 'System Design': '', Scale: 'System Design › Basics', Loose: '', Databases: '', 'B-Tree': 'Databases › Storage' });
  });
});
