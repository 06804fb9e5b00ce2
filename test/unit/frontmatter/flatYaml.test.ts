import { strict as assert } from 'node:assert';
import { CORE_SCHEMA, load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { filesUnder } from '../support/files';
import { parseFlatYaml } from '../../../src/core/frontmatter/flatYaml';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';

const plainObject = (v: unknown) => JSON.parse(JSON.stringify(v));

function agree(yaml: string): 'fast' | 'fallback' {
  const fast = parseFlatYaml(yaml);
  if (fast === undefined) return 'fallback';
  let expected: unknown;
  try {
    expected = load(yaml, { schema: CORE_SCHEMA });
  } catch (e) {
    assert.fail(`fast path accepted text js-yaml rejects:\n${yaml}\n${(e as Error).message}`);
  }
  assert.deepEqual(plainObject(fast), plainObject(expected ?? {}), yaml);
  return 'fast';
}

describe('flat YAML fast path', () => {
  it('matches js-yaml on the usual note frontmatter', () => {
    assert.equal(agree('title: Backend Series README\nnote_type: system\ndomain: backend\ntags: [system, backend, go, rust]\ncreated: 2026-02-17\nupdated: 2026-02-17\nstatus: active\nsource: system\n'), 'fast');
    assert.equal(agree('title: "Quoted: yes"\nsub: \'single\'\ntags: []\nempty:\n# comment\n\ntitle2: 分散式鎖 Distributed Locking\n'), 'fast');
    assert.equal(agree('a: x\r\nb: [p, q]\r\n'), 'fast');
    assert.equal(agree('title: 0774 Feature flags Notes\nv: 1.24 release\nw: 3rd\n'), 'fast');
  });

  it('falls back to js-yaml for everything outside the subset', () => {
    for (const y of [
      'n: 12', 'f: 1.5', 'b: true', 'b2: Yes', 'nul: null', 'nul2: ~', 'x: - a', 'tags:\n  - a\n  - b', 'a: &x v\nb: *x',
      'a: b # comment', 'a: "esc \\" q"', "a: 'it''s'", 'a: [1, 2]', 'a: [x, [y]]', 'a: {b: c}', 'a: b: c', 'a: |\n  text',
      ' indented: x', 'a: x\na: y', '__proto__: x\n__proto__: y', 'a: x\n  more', 'key with space: v', 'a: @x', 'a: `x`',
      'a: x,y', 'a: .inf', 'a: 1_000', 'a: 0o17', 'a: 1e5', 'a: 12.5', 'a: 0b101', 'a: 0xBEEF', 'a: 0x1F', 'a: 2026-02-17T10:00:00Z', '? complex', 'a:b', 'a: "unterminated', 'a: [x, y',
    ]) assert.equal(agree(y), 'fallback', y);
  });

  it('agrees with js-yaml on every seed and example frontmatter', () => {
    const files = [...filesUnder('examples/notes', '.md'), ...filesUnder('test/fixtures/seeds', '.md')];
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const block = findFrontmatterBlock(text);
      if (!block?.closed) continue;
      try { load(text.slice(block.contentStart, block.contentEnd), { schema: CORE_SCHEMA }); } catch { continue; }
      if (agree(text.slice(block.contentStart, block.contentEnd)) === 'fast') fast++;
    }
    assert.ok(fast >= 20, `only ${fast} frontmatter blocks took the fast path`);
  });
});
