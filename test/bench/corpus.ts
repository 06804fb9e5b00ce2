import { githubSlug } from '../../src/core/scanner/slug';

/**
 * Deterministic generator of a realistic notes workspace for benchmarks and differential tests:
 * notes with YAML frontmatter, headings (some CJK), prose with every link kind, code fences in
 * several languages holding link-like text that must not count, tables, lists, quotes; nested
 * folders; one series (README + coverage matrix); a share of broken links. Same seed, same bytes.
 */

export interface CorpusFile {
  path: string;
  text: string;
}

export interface CorpusOptions {
  notes: number;
  seed?: number;
  /** share of internal links that are broken (missing file or wrong fragment), default 0.1 */
  brokenRatio?: number;
}

export type Rng = () => number;

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

const TOPICS = ['caching', 'sharding', 'replication', 'consensus', 'idempotency', 'rate limiting', 'tracing', 'queues',
  'schema migration', 'feature flags', 'load balancing', 'connection pooling', 'retries', 'observability', 'indexing'];
const CJK_HEADINGS = ['實作細節', '常見陷阱', '面試重點', '延伸閱讀', '設計取捨', '效能調校', '故障排除'];
const EN_HEADINGS = ['Overview', 'Core Concepts', 'Design Trade-offs', 'Failure Modes', 'Implementation Notes',
  'Operational Checklist', 'Interview Questions', 'Further Reading'];
const WORDS = ('the a system request latency throughput partition leader follower write read quorum cache key value '
  + 'token bucket window consumer producer offset commit retry backoff jitter timeout deadline budget service '
  + 'client server replica shard index query plan lock transaction isolation snapshot log metric span trace '
  + 'alert SLO error rate saturation queue worker batch stream event schema version flag rollout canary').split(' ');
const CJK_WORDS = ['系統', '延遲', '吞吐量', '分區', '一致性', '可用性', '快取', '交易', '鎖', '副本', '監控', '告警'];
const LANGS = ['go', 'rust', 'python', 'sql', 'yaml', 'bash', 'typescript', 'json'];
const STATUSES = ['active', 'active', 'active', 'draft', 'review'];
const PRIORITIES = ['必讀', '重要', '可跳讀'];
const EMOJI = ['✅', '⚠️', '🚀', '📌', '🔥'];

/** Path of note `k` in a workspace of `n` notes: `area_03/topic_12/0042_note.md`. */
export function notePath(k: number): string {
  const area = k % 10;
  const topic = Math.floor(k / 10) % 25;
  return `area_${pad(area, 2)}/topic_${pad(topic, 2)}/${pad(k, 4)}_note.md`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Headings (level, text) of note `k`: deterministic, so other notes can link to their anchors. */
export function noteHeadings(k: number): { level: number; text: string }[] {
  const topic = TOPICS[k % TOPICS.length];
  const out = [{ level: 1, text: `${pad(k, 4)} ${capitalize(topic)} Notes` }];
  const count = 4 + (k % 4);
  for (let h = 0; h < count; h++) {
    const cjk = (k + h) % 3 === 0;
    const text = cjk ? `${CJK_HEADINGS[(k + h) % CJK_HEADINGS.length]} ${h + 1}` : `${EN_HEADINGS[(k + h) % EN_HEADINGS.length]}: ${topic}`;
    out.push({ level: h % 3 === 2 ? 3 : 2, text });
  }
  return out;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Relative path from the folder of `from` to `to` (both workspace-relative). */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  const up = a.length - common;
  return [...Array<string>(up).fill('..'), ...b.slice(common)].join('/') || '.';
}

function sentence(rng: Rng, words: number): string {
  const parts: string[] = [];
  for (let w = 0; w < words; w++) parts.push(rng() < 0.08 ? pick(rng, CJK_WORDS) : pick(rng, WORDS));
  const s = parts.join(' ');
  return capitalize(s) + '.';
}

interface LinkContext {
  rng: Rng;
  self: number;
  notes: number;
  broken: number;
  path: string;
}

/**
 * How each deliberately broken link of the corpus is written, by the diagnostic code a checker should give it
 * (see `randomLink`). Nothing else in the corpus matches these, so they are its ground truth: a correct checker
 * reports exactly one diagnostic per match, and every diagnostic it reports covers one.
 */
export const BROKEN_LINKS: Record<'link-broken' | 'link-anchor-broken' | 'ref-broken' | 'wikilink-broken', RegExp> = {
  'link-broken': /_missing\.md(?=\))|assets\/missing_\d\.svg/g,
  'link-anchor-broken': /#no-such-heading-\d+/g,
  'ref-broken': /_gone\.md(?=`)/g,
  'wikilink-broken': /_nothing(?=\]\])/g,
};

/** One inline link of a random kind (relative link, image, backtick ref, wikilink, external). */
function randomLink(ctx: LinkContext): string {
  const { rng } = ctx;
  const target = int(rng, 0, ctx.notes - 1);
  const targetPath = notePath(target);
  const rel = relativePath(ctx.path, targetPath);
  const broken = rng() < ctx.broken;
  const heads = noteHeadings(target);
  const head = heads[int(rng, 1, heads.length - 1)];
  const roll = rng();
  if (roll < 0.42) {
    const withFragment = rng() < 0.45;
    if (broken) {
      return rng() < 0.5
        ? `[missing note](${rel.replace(/_note\.md$/, '_missing.md')})`
        : `[${head.text}](${rel}#no-such-heading-${int(rng, 1, 99)})`;
    }
    return withFragment ? `[${head.text}](${rel}#${githubSlug(head.text)})` : `[${TOPICS[target % TOPICS.length]}](${rel})`;
  }
  if (roll < 0.52) {
    const n = int(rng, 1, 5);
    return broken ? `![diagram](../../assets/missing_${n}.svg)` : `![diagram ${n}](${relativePath(ctx.path, `assets/diagram_${n}.svg`)})`;
  }
  if (roll < 0.66) return broken ? `\`${targetPath.replace(/_note\.md$/, '_gone.md')}\`` : `\`${targetPath}\``;
  if (roll < 0.8) {
    const name = `${pad(target, 4)}_note`;
    if (broken) return `[[${pad(target, 4)}_nothing]]`;
    return rng() < 0.4 ? `[[${name}#${head.text}|${head.text}]]` : `[[${name}]]`;
  }
  if (roll < 0.9) return `[${pick(rng, WORDS)} docs](https://example.com/${pick(rng, WORDS)}/${int(rng, 1, 999)})`;
  return `<https://example.org/ref/${int(rng, 1, 9999)}>`;
}

function paragraph(ctx: LinkContext, links: number): string {
  const { rng } = ctx;
  const parts: string[] = [];
  for (let l = 0; l < links; l++) {
    parts.push(sentence(rng, int(rng, 6, 16)));
    parts.push(`See ${randomLink(ctx)} for ${pick(rng, WORDS)}.`);
  }
  parts.push(sentence(rng, int(rng, 8, 20)));
  if (rng() < 0.3) parts.push(`Keep \`${pick(rng, WORDS)}_${pick(rng, WORDS)}\` *bounded* and **observable** ${pick(rng, EMOJI)}.`);
  // wrap into lines of ~100 characters (soft line breaks)
  const words = parts.join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length + w.length > 100 && line) { lines.push(line); line = w; }
    else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function codeBlock(rng: Rng): string {
  const lang = pick(rng, LANGS);
  const fence = rng() < 0.8 ? '```' : '~~~';
  const body = [
    `// see [not a link](../../nowhere.md) and \`also_not.md\``,
    `fn handle(req: Request) -> Result<Response> { retry(${int(rng, 1, 9)}) }`,
    `# [[not_a_wikilink]] ![no](img.png)`,
    `let x = a[i](b); // brackets in code`,
  ].slice(0, int(rng, 2, 4));
  return `${fence}${lang}\n${body.join('\n')}\n${fence}`;
}

function table(ctx: LinkContext): string {
  const { rng } = ctx;
  const rows = ['| Area | Topic | Link | Status |', '| --- | --- | --- | :---: |'];
  const n = int(rng, 2, 4);
  for (let r = 0; r < n; r++) {
    rows.push(`| ${capitalize(pick(rng, WORDS))} | ${pick(rng, TOPICS)} | ${randomLink(ctx)} | ${pick(rng, ['Done', 'Pending', '進行中'])} |`);
  }
  return rows.join('\n');
}

function frontmatter(rng: Rng, k: number): string {
  const topic = TOPICS[k % TOPICS.length];
  const created = `2025-${pad(int(rng, 1, 12), 2)}-${pad(int(rng, 1, 28), 2)}`;
  return [
    '---',
    `title: ${pad(k, 4)} ${capitalize(topic)} Notes`,
    `note_type: ${pick(rng, ['chapter', 'chapter', 'system', 'reference'])}`,
    'domain: backend',
    `tags: [${topic.replace(/ /g, "-")}, backend]`,
    `created: ${created}`,
    `updated: 2026-${pad(int(rng, 1, 2), 2)}-${pad(int(rng, 1, 28), 2)}`,
    `status: ${pick(rng, STATUSES)}`,
    'source: generated',
    '---',
  ].join('\n');
}

/** One note of the corpus: note `k` of `notes`, about 5.5 KB with about 19 links. */
export function generateNote(rng: Rng, k: number, notes: number, brokenRatio = 0.1): string {
  const ctx: LinkContext = { rng, self: k, notes, broken: brokenRatio, path: notePath(k) };
  const heads = noteHeadings(k);
  const out: string[] = [frontmatter(rng, k), '', `# ${heads[0].text}`, '', paragraph(ctx, 2)];
  let budget = 17;
  for (let h = 1; h < heads.length; h++) {
    out.push('', `${'#'.repeat(heads[h].level)} ${heads[h].text}`, '');
    const sectionLinks = h === heads.length - 1 ? budget : Math.min(budget, int(rng, 2, 5));
    budget -= sectionLinks;
    let left = sectionLinks;
    const kind = (k + h) % 5;
    if (kind === 0 && left > 0) {
      out.push(table(ctx), '');
      left = Math.max(0, left - 3);
    } else if (kind === 1) {
      const items = Math.max(1, Math.min(left, 3));
      for (let i = 0; i < items; i++) out.push(`- ${sentence(rng, int(rng, 4, 9))} ${randomLink(ctx)}`);
      out.push('');
      left -= items;
    } else if (kind === 2) {
      out.push(`> ${sentence(rng, 10)}`, `> ${left > 0 ? randomLink(ctx) : ''} ${sentence(rng, 6)}`, '');
      left = Math.max(0, left - 1);
    }
    out.push(paragraph(ctx, Math.max(0, left)), '');
    if (rng() < 0.6) out.push(codeBlock(rng), '');
    if (rng() < 0.1) out.push('<!-- [hidden](../../hidden.md) comment -->', '');
    out.push(paragraph(ctx, 0));
  }
  out.push('', '## Summary');
  for (let p = 0; p < 5; p++) out.push('', paragraph(ctx, 0));
  return out.join('\n') + '\n';
}

/** Series README and coverage matrix over a few hundred of the notes. */
function series(rng: Rng, notes: number): CorpusFile[] {
  const count = Math.min(notes, 300);
  const chapters: number[] = [];
  const step = Math.max(1, Math.floor(notes / count));
  for (let k = 0; k < notes && chapters.length < count; k += step) chapters.push(k);
  const categories = ['System Design', 'Distributed Systems', 'Infrastructure', 'Engineering', 'Database'];
  const readme: string[] = [
    '---', 'title: Generated Series README', 'note_type: system', 'domain: backend', 'tags: [system, backend]',
    'created: 2026-01-01', 'updated: 2026-01-02', 'status: active', 'source: system', '---',
    '# Generated Series README', '', '## Batch Learning Route', '',
  ];
  for (let b = 0; b * 3 < Math.min(chapters.length, 60); b++) {
    const nums = chapters.slice(b * 3, b * 3 + 3).map(k => `\`${pad(k, 4)}\``).join(', ');
    readme.push(`- Batch ${b + 1}: ${nums} (${pick(rng, TOPICS)})`);
  }
  readme.push('', '## Reading Priority', '');
  const byPriority = new Map<string, number[]>(PRIORITIES.map(p => [p, []]));
  const priorityOf = (k: number) => PRIORITIES[k % 3];
  for (const k of chapters) byPriority.get(priorityOf(k))!.push(k);
  const english: Record<string, string> = { 必讀: 'Must-read', 重要: 'Important', 可跳讀: 'Skippable' };
  for (const [p, ks] of byPriority) readme.push(`- ${english[p]} (\`${p}\`): ${ks.slice(0, 40).map(k => `\`${pad(k, 4)}\``).join(', ')}`);
  readme.push('', '## Support Documents', '', '- [coverage_matrix](coverage_matrix.md)', '', '## Chapters');
  const per = Math.ceil(chapters.length / categories.length);
  categories.forEach((cat, c) => {
    readme.push('', `### ${cat}`, '');
    for (const k of chapters.slice(c * per, (c + 1) * per)) {
      readme.push(`- [${pad(k, 4)}_note](${notePath(k)}) - ${priorityOf(k)} - ${pick(rng, [30, 45, 60, 75, 90])} min`);
    }
  });
  readme.push('', '### Planned', '', `- [${pad(notes + 1, 4)}_note](area_00/planned/${pad(notes + 1, 4)}_note.md) - 重要 - 60 min`);
  const matrix: string[] = [
    '---', 'title: Generated Coverage Matrix', 'note_type: system', 'domain: backend', 'tags: [system, audit]',
    'created: 2026-01-01', 'updated: 2026-01-02', 'status: active', 'source: system', '---',
    '# Generated Coverage Matrix', '', '## Coverage Status (2026-01-02)', '',
    '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |',
  ];
  chapters.forEach((k, idx) => {
    const status = pick(rng, ['Done', 'Done', 'In Progress', 'Pending', '完成']);
    matrix.push(`| ${categories[Math.floor(idx / per)]} | ${capitalize(TOPICS[k % TOPICS.length])} ${k} | \`${notePath(k)}\` | ${status} |`);
  });
  matrix.push('', '## Cross-references with Existing Content', '');
  for (let x = 0; x + 1 < chapters.length && x < 20; x += 2) matrix.push(`- \`${notePath(chapters[x])}\` <-> \`${notePath(chapters[x + 1])}\``);
  matrix.push('', '## Remaining Gaps', '', '- 初始狀態：部分章節待建立。', '');
  return [{ path: 'README.md', text: readme.join('\n') + '\n' }, { path: 'coverage_matrix.md', text: matrix.join('\n') }];
}

function assets(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (let n = 1; n <= 5; n++) {
    out.push({ path: `assets/diagram_${n}.svg`, text: `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="${n}" height="${n}"/></svg>\n` });
  }
  return out;
}

/** A whole workspace: `notes` notes, the series README and matrix, and the image assets. */
export function generateCorpus(opts: CorpusOptions): CorpusFile[] {
  const rng = createRng(opts.seed ?? 1);
  const broken = opts.brokenRatio ?? 0.1;
  const files: CorpusFile[] = [];
  for (let k = 0; k < opts.notes; k++) files.push({ path: notePath(k), text: generateNote(rng, k, opts.notes, broken) });
  files.push(...series(rng, opts.notes), ...assets());
  return files;
}

/** A realistic single note of at least `bytes` UTF-16 code units (e.g. 1 MB for the big-note benchmark). */
export function makeBigNote(bytes: number, seed = 7): string {
  const rng = createRng(seed);
  const ctx: LinkContext = { rng, self: 0, notes: 1000, broken: 0.1, path: notePath(0) };
  const parts: string[] = [frontmatter(rng, 0), '', '# Big Note', ''];
  let size = parts.join('\n').length;
  let section = 0;
  while (size < bytes) {
    const chunk = [`## Section ${++section} ${pick(rng, CJK_HEADINGS)}`, '', paragraph(ctx, 3), '', codeBlock(rng), '', table(ctx), '',
      `- ${randomLink(ctx)} ${sentence(rng, 5)}`, `- ${randomLink(ctx)}`, ''].join('\n');
    parts.push(chunk);
    size += chunk.length + 1;
  }
  return parts.join('\n');
}
