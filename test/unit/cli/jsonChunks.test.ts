import { strict as assert } from 'node:assert';
import { jsonChunks } from '../../../src/cli/format/jsonChunks';

function chunked(value: unknown, chunk?: number): string[] {
  const pieces: string[] = [];
  jsonChunks(value, p => pieces.push(p), chunk);
  return pieces;
}

describe('jsonChunks', () => {
  const diagnostics = Array.from({ length: 500 }, (_, i) => ({
    file: `a/${i}.md`, line: i + 1, column: 2, severity: i % 3 ? 'warning' : 'error', code: 'link-broken', message: `target "x${i}.md" "quoted" \\ 中文 does not exist`,
  }));
  const shapes: [string, unknown][] = [
    ['a report', { version: 1, notes: 3, diagnostics, coverage: [{ series: 's', rows: [{ files: [], declared: null, fileStates: ['written'] }] }] }],
    ['empty arrays and objects', { version: 1, diagnostics: [], coverage: [], extra: {} }],
    ['undefined members and holes', { a: undefined, b: Array.from({ length: 70 }, (_, i) => (i % 5 ? i : undefined)), c: () => 1, d: [undefined], e: [1, , 3], f: Object.assign(new Array(70), { 3: 'x' }) }],
    ['a large array nested deep', { runs: [{ tool: { name: 't' }, results: diagnostics.slice(0, 100) }] }],
    ['a bare large array', diagnostics.slice(0, 80)],
    ['primitives', 'just "a" string'],
    ['an object with toJSON', { when: new Date(0), list: Array.from({ length: 100 }, (_, i) => ({ i })) }],
  ];
  for (const [name, value] of shapes) {
    it(`joined with newlines, equals JSON.stringify(value, null, 2): ${name}`, () => {
      for (const size of [1, 100, 1 << 16]) assert.equal(chunked(value, size).join('\n'), JSON.stringify(value, null, 2), `chunk ${size}`);
    });
  }

  it('hands a large report out in pieces that end at line ends, none much larger than asked', () => {
    const many = Array.from({ length: 20 }, () => diagnostics).flat();
    const pieces = chunked({ version: 1, diagnostics: many }, 4096);
    assert.ok(pieces.length > 10, String(pieces.length));
    // a piece holds at most what was asked plus one batch of 256 elements
    const element = JSON.stringify(many[0], null, 2).length + 40;
    for (const p of pieces) {
      assert.ok(p.length < 4096 + 256 * element, String(p.length));
      assert.ok(!p.endsWith('\n'));
    }
    assert.equal(pieces.join('\n'), JSON.stringify({ version: 1, diagnostics: many }, null, 2));
  });
});
