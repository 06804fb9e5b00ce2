import './vscodeStub';
import { strict as assert } from 'node:assert';
import type { IndexView, NoteRecord } from '../../../src/core/index/api';
import { rankNotes } from '../../../src/extension/features/workspaceSymbols';

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

  it('takes full-width letters and digits (an IME in full-width mode) as their ASCII forms', () => {
    assert.deepEqual(titles(index, 'Ｃｈａｐｔｅｒ　１０'), ['Chapter 10 快取策略']);
    assert.deepEqual(titles(index, '１０_caching'), ['Chapter 10 快取策略']);
  });
});
