import { strict as assert } from 'node:assert';
import { CORE_SCHEMA, load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRng } from '../../bench/corpus';
import { filesUnder } from '../support/files';
import { parseFlatBlock, parseFlatYaml } from '../../../src/core/frontmatter/flatYaml';
import { findFrontmatterBlock } from '../../../src/core/frontmatter/block';
import { findFieldRanges } from '../../../src/core/frontmatter/fields';
import { LineIndex } from '../../../src/core/text/lineIndex';

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
    assert.equal(agree('title: Emoji 🚀 notes\ntags: [快取, 🚀 launch]\nq: "a # b: c"\nn: \nsp: x y \t\n  \n\t\n'), 'fast');
    assert.equal(agree('a: x\u3000y\nb: "\u00a0x\u00a0"\nc: [ x , p ]\nd: [ ]\n'), 'fast');
  });

  it('falls back to js-yaml for control characters, lone carriage returns and edge Unicode spaces', () => {
    for (const y of [
      'a: x\ry\n', 'a: x\r', '# c\rb: y\n', 'a: x\u0001y', 'a: x\u007fy', 'a: x\u0085y', 'a: "x\u0001"', 'a: x\ufffe',
      'a: \ud83dx', 'a: x\ude80', 'a: x\u3000', 'a: \u3000x', 'a: \u00a0', 'tags: [a\u3000, b]', 'a: "x"\u3000', '\u00a0\na: x',
      'a: x\u000by', 'a: [x, ]', 'a: [x,,y]', 'a: [, x]',
    ]) assert.equal(parseFlatYaml(y), undefined, JSON.stringify(y));
    // valid YAML that keeps its Unicode spaces, which String.prototype.trim would drop
    assert.deepEqual(plainObject(load('a: x\u3000', { schema: CORE_SCHEMA })), { a: 'x\u3000' });
    assert.deepEqual(plainObject(load('tags: [a\u3000, b]', { schema: CORE_SCHEMA })), { tags: ['a\u3000', 'b'] });
  });

  it('finds each field on its own line, as findFieldRanges does', () => {
    for (const body of [
      'title: A\nnote_type: chapter\ntags: [a, b]\n',
      '# lead comment\n\ntitle: A long enough title   \r\n\r\nstatus: active\r\n# trailing\r\n',
      'empty:\nx: "q"\n',
    ]) {
      const text = `---\n${body}---\nbody\n`;
      const lines = new LineIndex(text);
      const block = findFrontmatterBlock(text)!;
      const flat = parseFlatBlock(text, block.contentStart, block.contentEnd, 1);
      assert.ok(flat, body);
      assert.deepEqual({ ...flat.fieldRanges }, { ...findFieldRanges(lines, block.contentStart, block.contentEnd) }, body);
      assert.equal(Object.getPrototypeOf(flat.data), null);
      assert.equal(Object.getPrototypeOf(flat.fieldRanges), null);
    }
  });

  it('falls back to js-yaml for everything outside the subset', () => {
    for (const y of [
      'a: "x\\ty"', 'a: "x\\y"', 'n: 12', 'f: 1.5', 'b: true', 'b2: Yes', 'nul: null', 'nul2: ~', 'x: - a', 'tags:\n  - a\n  - b', 'a: &x v\nb: *x',
      'a: b # comment', 'a: "esc \\" q"', "a: 'it''s'", 'a: [1, 2]', 'a: [x, [y]]', 'a: {b: c}', 'a: b: c', 'a: |\n  text',
      ' indented: x', 'a: x\na: y', '__proto__: x\n__proto__: y', 'a: x\n  more', 'key with space: v', 'a: @x', 'a: `x`',
      'a: x,y', 'a: .inf', 'a: 1_000', 'a: 0o17', 'a: 1e5', 'a: 12.5', 'a: 0b101', 'a: 0xBEEF', 'a: 0x1F', 'a: 2026-02-17T10:00:00Z', '? complex', 'a:b', 'a: "unterminated', 'a: [x, y',
    ]) assert.equal(agree(y), 'fallback', y);
  });

  // to hunt: YAML_SEED=<n> YAML_CASES=<n> runs other and more random texts
  it('agrees with js-yaml on random lines of tricky pieces', function () {
    this.timeout(process.env.YAML_CASES ? 0 : 2000);
    const pieces = ['a', 'title', ':', ': ', ' ', '\t', '\n', '\r\n', '\r', '#', ' #', '[', ']', ', ', '"', "'", '-', '2026-02-17', '1',
      '0x', 'e', '.', 'y', 'null', 'x y', '\u3000', '\u00a0', '🚀', '\ud83d', '\u0001', '\u0085', '快取', '\\', '&', '!', '|', '`', '{', 'tags: [', 'k: '];
    const rng = createRng(Number(process.env.YAML_SEED ?? 12345));
    const cases = Number(process.env.YAML_CASES ?? 30_000);
    const next = (n: number) => Math.floor(rng() * n);
    let fast = 0;
    for (let i = 0; i < cases; i++) {
      let yaml = '';
      for (let line = 1 + next(3); line > 0; line--) {
        // mostly `kN: <pieces>` lines, so that a fair share stays on the fast path
        yaml += next(5) ? `k${line}: ` : pieces[next(pieces.length)];
        for (let j = 1 + next(4); j > 0; j--) yaml += pieces[next(pieces.length)];
        yaml += next(6) ? '\n' : pieces[next(pieces.length)];
      }
      if (agree(yaml) === 'fast') fast++;
    }
    // ~3% of the texts stay on the fast path
    assert.ok(fast > cases / 50, `only ${fast} random texts took the fast path`);
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
