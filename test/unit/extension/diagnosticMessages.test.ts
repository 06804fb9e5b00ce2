import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig, type NotesConfig } from '../../../src/core/config';
import { loadWorkspace, type WorkspaceReader } from '../../../src/core/index/load';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { RULE_CODES, type Diagnostic, type RuleCode } from '../../../src/core/model';
import { buildMessage, ENGLISH, localize, type Translator } from '../../../src/extension/diagnosticMessageBuilder';

/** Reads a folder on disk, or an in-memory map of files. */
class Reader implements WorkspaceReader {
  constructor(private readonly files: Map<string, () => Uint8Array>) {}
  static folder(root: string): Reader {
    const files = new Map<string, () => Uint8Array>();
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, full).split(path.sep).join('/'), () => readFileSync(full));
    }
    return new Reader(files);
  }
  static memory(texts: Record<string, string>): Reader {
    return new Reader(new Map(Object.entries(texts).map(([f, t]) => [f, () => new TextEncoder().encode(t)])));
  }
  async list(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }
  async read(file: string): Promise<Uint8Array> {
    return this.files.get(file)!();
  }
}

async function diagnosticsOf(reader: WorkspaceReader, config: NotesConfig = defaultConfig()): Promise<Diagnostic[]> {
  const index = new WorkspaceIndex(config);
  await loadWorkspace(index, reader);
  return [...index.allDiagnostics().values()].flat();
}

const FM = (fields: Record<string, string> = {}): string => {
  const all: Record<string, string> = {
    title: 'T', note_type: 'chapter', domain: 'backend', tags: '[a]', created: '2026-01-01', updated: '2026-01-02', status: 'active',
    ...fields,
  };
  const lines = Object.entries(all).filter(([, v]) => v !== '<absent>').map(([k, v]) => (v === '' ? `${k}:` : `${k}: ${v}`));
  return `---\n${lines.join('\n')}\n---\n`;
};

/** Nested aliases: a few hundred bytes of YAML that expand to far more nodes than the parser copies. */
const ALIAS_BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e]',
].join('\n');

/** Six aliases, each 90 lists deeper than the one before: YAML accepts every step, the copy stops at depth 500. */
const DEEP_ALIASES = Array.from({ length: 7 }, (_, i) =>
  i === 0 ? 'a0: &a0 x' : `a${i}: &a${i} ${'['.repeat(90)}*a${i - 1}${']'.repeat(90)}`).join('\n');

/** Chapter notes long enough to count as written. */
const BODY = `# Body\n\n${'Some text. '.repeat(200)}\n`;

/** A workspace with every message form the core can produce that examples/notes and the mini fixture do not show. */
const LAB: Record<string, string> = {
  'fm/language.md': '---js\n{ title: "x" }\n---\n# x\n',
  'fm/unclosed.md': '---\ntitle: x\n',
  'fm/not_mapping.md': '---\n- a\n- b\n---\n',
  'fm/bad_yaml.md': '---\ntitle: x\ntags: [a, b\n---\n',
  'fm/too_deep.md': `---\n${DEEP_ALIASES}\n---\n`,
  'fm/too_large.md': `---\n${ALIAS_BOMB}\n---\n`,
  'fm/fields.md': FM({ title: '', note_type: '[chapter]', domain: '42', tags: '[a, zzz]', created: '2026-02-30', updated: 'yesterday', status: '<absent>' }),
  'fm/tags_text.md': FM({ tags: 'hello', status: 'drafty' }),
  // numbers as the note writes them, not as YAML reads them
  'fm/written.md': FM({ domain: '0x1F', status: '1.00', tags: '[a, 1.50]', created: '2026.10', level: '3.0' }),
  'fm/written_list.md': FM({ level: '[1.0, 3.0]', aliases: '[x, 2.50]' }),
  'fm/aliases_number.md': FM({ aliases: '42' }),
  'fm/reversed.md': FM({ created: '2026-03-05', updated: '2026-02-20' }),
  'links/ok.md': `${FM()}# Ok\n`,
  'links/all.md': [
    FM(), '# All', '',
    '- [a](missing.md) ![i](missing.png) [b](ok.md#nope) [c](#nowhere)',
    '- `nothere.md` [[nowhere_at_all]]',
    '- [o](../../x.md) ![o](../../x.png) `../../x.md`', '',
  ].join('\n'),
  's/README.md': [
    '# S README', '',
    '## Batch Learning Route', '',
    '- Batch 1: `01`, `09`', '- Batch 2: `05`', '- Batch 3: `07`', '',
    '## Reading Priority', '',
    '- Must-read (`必讀`): `01`, `02`, `08`', '- Important (`重要`): `03`, `01`, `05`', '- Skippable (`可跳讀`): `04`, `07`', '- Optional: `04`', '',
    '## Chapters', '', '### A', '',
    '- [01_a](a/01_a.md) - 必讀 - 5 min',
    '- [02_b](a/02_b.md) - 重要 - 5 min',
    '- [03_c](a/03_c.md) - Whatever - 5 min',
    '- [04_d](a/04_d.md) - 可跳讀 - 5 min',
    '- [05_e](b/05_e.md) - 重要 - 5 min',
    '- [05_f](c/05_f.md) - 重要 - 5 min',
    ...['a', 'b', 'c', 'd', 'e', 'f'].map(x => `- [07_${x}](d/07_${x}.md) - 可跳讀 - 5 min`),
    '- [06_g](a/06_g.md) - Urgent - 5 min',
    '',
  ].join('\n'),
  's/coverage_matrix.md': [
    '# Matrix', '',
    '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
    '| A | T1 | `a/01_a.md` | |',
    '| A | T2 | `a/02_b.md` | Finished |',
    '| A | T3 | `a/03_c.md` | Pending |',
    '| A | T4 | `a/04_d.md` | Done |',
    '| A | T5 | `b/05_e.md` | Done |',
    '| A | T6 | | Done |',
    '| A | T7 | `a/04_d.md` | In Progress |',
    '| A | T8 | `a/04_d.md`, `c/05_f.md` | Pending |',
    '| A | T9 | `x/zz.md` | Pending |',
    '| A | T10 | `a/06_g.md` | Done |', '',
    '## Cross-references with Existing Content', '',
    '- `a/01_a.md` <-> `a/02_b.md`', '',
  ].join('\n'),
  't/README.md': '# T\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 必讀 - 5 min\n',
  't/coverage_matrix.md': '| Status | Paths | Required Topic |\n| --- | --- | --- |\n| Done | `a/01_a.md` | T |\n',
  't/a/01_a.md': FM() + BODY,
  'u/README.md': [
    '# U', '', '## Chapters', '', '### A', '',
    ...['a/01_a', 'a/02_b', 'a/03_c', 'r/17_3_x', 'r/17_4_y', 'q/05_q', 'q/06_q'].map(f => `- [${f}](${f}.md) - 必讀 - 5 min`), '',
  ].join('\n'),
  'u/coverage_matrix.md': [
    '# Matrix', '',
    '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
    '| A | T1 | `a/01_a.md` | 未完成 |',
    '| A | T2 | `a/02_b.md` | Done / Pending |',
    '| A | T3 | `a/03_c.md` |',
    '| R | T4 | `r/17_3_x.md` `r/17_4_y.md` | Done |',
    '| Q | T5 | `q/05_q.md` `q/06_q.md` | Done |', '',
    '| Required Topic | Coverage Files |', '| --- | --- |', '| X | `a/01_a.md` |', '',
    '| Capability Area | Required Topic | Status |', '| --- | --- | --- |', '| A | extra | Pending |', '',
    '## Cross-references', '',
    '- `r/17_6-17_3` <-> `a/01_a.md`',
    '- `r/20-21` <-> `a/01_a.md`',
    '- `a/typo.md` <-> `a/01_a.md`',
    '- `r/17_3-17_4` <-> `a/01_a.md`',
    '- `r/17_3-17_4` <-> `q/05-06`', '',
  ].join('\n'),
  ...Object.fromEntries(['a/01_a', 'a/02_b', 'a/03_c', 'r/17_3_x', 'r/17_4_y', 'q/05_q', 'q/06_q'].map(f => [`u/${f}.md`, FM() + BODY])),
  'v/README.md': '# V\n\n## Chapters\n\n### A\n\n- [01_a](a/01_a.md) - 必讀 - 5 min\n',
  'v/coverage_matrix.md': '# Matrix\n\nNo table yet.\n',
  'v/a/01_a.md': FM() + BODY,
  's/a/06_g.md': '# A stub without a status\n',
  's/a/01_a.md': FM() + BODY,
  's/a/02_b.md': FM() + BODY,
  's/a/03_c.md': FM() + BODY,
  's/b/05_e.md': FM({ status: 'draft' }) + BODY,
  's/c/05_f.md': FM() + BODY,
  // media: the src of a <video>, <audio>, <source> or <track> (a poster or srcset is an image)
  'notes/media.md': FM() + '# Media\n\n<video src="demo.mp4" poster="../../poster.png"></video>\n\n<audio src="../../talk.mp3"></audio>\n',
  ...Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map(x => [`s/d/07_${x}.md`, FM() + BODY])),
};

const LAB_CONFIG: NotesConfig = { ...defaultConfig(), allowedValues: { ...defaultConfig().allowedValues, tags: ['a', 'b'], level: ['1', '2'] } };

/** Records the template of every `l10n.t` call while formatting in English. */
function recording(): Translator & { used: Set<string> } {
  const used = new Set<string>();
  return { used, t: (message, ...args) => { used.add(message); return ENGLISH.t(message, ...args); } };
}

function bundleTranslator(bundle: Record<string, string>, missing: Set<string>): Translator {
  return {
    t: (message, ...args) => {
      if (!(message in bundle)) missing.add(message);
      return ENGLISH.t(bundle[message] ?? message, ...args);
    },
  };
}

/** Every template passed to `l10n.t` in the builder's source. */
function sourceTemplates(): Set<string> {
  const src = readFileSync('src/extension/diagnosticMessageBuilder.ts', 'utf8');
  const out = new Set<string>();
  const re = /l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g;
  for (let m = re.exec(src); m; m = re.exec(src)) out.add(m[1].replace(/\\'/g, "'"));
  return out;
}

/** Templates the core's wording has but no rule reaches today (wikilinks never resolve outside or to a missing file, …). */
const UNREACHABLE = new Set([
  'wikilink "{0}" leaves the workspace folder; it is not followed',
  'wikilink target "{0}" does not exist ({1})',
  'status is "{0}" but a file exists: expected "{1}"',
]);

describe('localised diagnostic messages', () => {
  let real: Diagnostic[] = [];
  let lab: Diagnostic[] = [];
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-tw.json', 'utf8')) as Record<string, string>;

  before(async () => {
    real = [
      ...await diagnosticsOf(Reader.folder('examples/notes')),
      ...await diagnosticsOf(Reader.folder('test/fixtures/mini')),
    ];
    lab = await diagnosticsOf(Reader.memory(LAB), LAB_CONFIG);
  });

  it('the real examples and fixture report every rule code', () => {
    const codes = new Set(real.map(d => d.code));
    assert.deepEqual(RULE_CODES.filter(c => !codes.has(c)), []);
    assert.ok(real.length > 100, `only ${real.length} diagnostics`);
  });

  it('rebuilds every English message of the examples and the fixture word for word', () => {
    for (const d of real) assert.equal(buildMessage(d, ENGLISH), d.message, `${d.file} ${d.code}`);
  });

  it('rebuilds every English message of the lab workspace word for word', () => {
    for (const d of lab) assert.equal(buildMessage(d, ENGLISH), d.message, `${d.file} ${d.code}`);
  });

  it('the diagnostics exercise every template but the unreachable ones', () => {
    const rec = recording();
    for (const d of [...real, ...lab]) buildMessage(d, rec);
    const templates = sourceTemplates();
    assert.ok(templates.size >= 45, `only ${templates.size} templates found in the source`);
    assert.deepEqual([...templates].filter(t => !rec.used.has(t) && !UNREACHABLE.has(t)), []);
    for (const t of UNREACHABLE) assert.ok(templates.has(t), t);
  });

  it('a zh-TW translator changes the message of every code, and every template used has a translation', () => {
    const missing = new Set<string>();
    const zh = bundleTranslator(bundle, missing);
    const seen = new Map<RuleCode, number>();
    for (const d of [...real, ...lab]) {
      const shown = localize(d, zh);
      assert.notEqual(shown, d.message, `${d.file} ${d.code}: ${d.message}`);
      assert.ok(/[\u4e00-\u9fff]/.test(shown), `no Chinese in ${shown}`);
      seen.set(d.code, (seen.get(d.code) ?? 0) + 1);
    }
    assert.deepEqual([...missing], []);
    assert.deepEqual(RULE_CODES.filter(c => !seen.has(c)), []);
  });

  it('translates the facts into their places', () => {
    const zh = bundleTranslator(bundle, new Set());
    const find = (code: RuleCode, part: string) => [...real, ...lab].find(d => d.code === code && d.message.includes(part));
    const planned = find('chapter-planned', 'advanced/04_scaling.md')!;
    assert.equal(localize(planned, zh), '章節「04_scaling」尚在規劃中：advanced/04_scaling.md 尚未建立');
    const more = find('chapter-number-unknown', 'more')!;
    assert.equal(more.message, 'batch 3 names chapter 07, which is ambiguous: d/07_a.md, d/07_b.md, d/07_c.md, d/07_d.md, d/07_e.md and 1 more');
    assert.equal(localize(more, zh), '批次 3 列出的章節 07 有歧義：d/07_a.md、d/07_b.md、d/07_c.md、d/07_d.md、d/07_e.md，另有 1 個');
    const label = find('priority-mismatch', '(not a priority label)')!;
    assert.equal(localize(label, zh), '章節「03_c」標示為「Whatever」（不是優先順序標籤），但閱讀清單「Important」列出了 a/03_c.md：應為「Important」');
    const yaml = find('frontmatter-invalid', 'not valid YAML')!;
    assert.ok(localize(yaml, zh).startsWith('frontmatter 不是有效的 YAML：'));
  });

  it('an unknown form, or facts that disagree with the message, show the core message', () => {
    const zh = bundleTranslator(bundle, new Set());
    const base = real.find(d => d.code === 'frontmatter-field-missing')!;
    const altered = { ...base, message: `${base.message} (reworded)` };
    assert.equal(localize(altered, zh), altered.message);
    const noData = { ...real.find(d => d.code === 'link-broken')!, data: undefined };
    assert.equal(buildMessage(noData, ENGLISH), undefined);
    assert.equal(localize(noData, zh), noData.message);
    const strange = { ...base, code: 'no-such-rule' as RuleCode };
    assert.equal(localize(strange, zh), strange.message);
    const planned = real.find(d => d.code === 'chapter-planned')!;
    const moved = { ...planned, data: { file: 'elsewhere/x.md' } };
    assert.equal(localize(moved, zh), planned.message);
  });

  it('English through the identity translator is the core message itself', () => {
    for (const d of [...real, ...lab]) assert.equal(localize(d, ENGLISH), d.message);
  });
});
