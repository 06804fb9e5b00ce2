import { createRng } from '../../bench/corpus';
import { FM } from '../index/memoryWorkspace';

/**
 * A small random knowledge base for property tests: a series (README, coverage matrix, chapters in two
 * categories), notes outside it and a few files that are not notes, with every link kind pointing at existing
 * and missing files, headings and anchors. Seeded: the same seed gives the same workspace.
 */

/** the benchmark corpus's seeded PRNG (mulberry32) */
export const rng = createRng;

export const SERIES = 's';
export const CHAPTERS = ['s/basics/01_intro.md', 's/basics/02_more.md', 's/adv/03_deep.md', 's/adv/03_1_part.md'];
export const NOTES = [...CHAPTERS, 'notes/a.md', 'notes/b.md', 'notes/sub/c.md', 'top.md', 's/misc.md'];
export const OTHER_FILES = ['img/d.png', 'notes/sub/e.pdf', 's/basics/diagram.svg', 's/extra/figure.png'];
const HEADINGS = ['Intro', 'Setup', 'Setup', 'Deep Dive', '設計取捨', 'Q&A: edge cases'];
const SLUGS = ['intro', 'setup', 'setup-1', 'deep-dive', '設計取捨', 'qa-edge-cases', 'nowhere', 'setpu', 'deep-dives'];
const TITLES = ['Alpha', 'Beta', 'Intro', 'a', 'Deep Dive'];
/** frontmatter aliases: some shared, some a title or a file name too (those win over an alias) */
const ALIASES = ['Gamma', 'gamma', 'Other Name', 'beta', 'b'];
const WIKI_NAMES = [...TITLES, ...ALIASES];

export type Pick = <T>(xs: readonly T[]) => T;

export function relative(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export function stemOf(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
}

export function noteText(file: string, r: () => number, pick: Pick): string {
  const parts: string[] = [];
  const fm = r();
  if (fm < 0.75) {
    const status = r() < 0.25 ? 'status: draft\n' : '';
    const aliases = r() < 0.3 ? `aliases: [${pick(ALIASES)}${r() < 0.3 ? ', ' + pick(ALIASES) : ''}]\n` : '';
    parts.push(FM(pick(TITLES), aliases).replace('status: active\n', status || 'status: active\n'));
  } else if (fm < 0.85) parts.push('---\ntitle: [unclosed\n---\n');
  const n = 1 + Math.floor(r() * 6);
  for (let k = 0; k < n; k++) {
    const what = r();
    const target = pick([...NOTES, ...OTHER_FILES, 'notes/missing.md', 's/adv/04_planned.md']);
    const frag = r() < 0.4 ? '#' + pick(SLUGS) : '';
    if (what < 0.2) parts.push(`## ${pick(HEADINGS)}\n`);
    else if (what < 0.4) parts.push(`See [x](${relative(file, target)}${frag}).\n`);
    else if (what < 0.45) {
      // the links of HTML tags: an <a href> to any file, an <img src> (single-quoted in a block) to a file that is no note,
      // a <picture> whose srcset URLs and <img> name such files, a <video> with a poster
      const html = r();
      const other = () => relative(file, pick(OTHER_FILES));
      if (html < 0.4) parts.push(`An <a href="${relative(file, target)}${frag}">x</a>.\n`);
      else if (html < 0.7) parts.push(`<p><img src='${other()}' width=40></p>\n`);
      else if (html < 0.85) parts.push(`<picture><source srcset="${other()} 2x, ${other()}"><img src="${other()}"></picture>\n`);
      else parts.push(`<video src="${other()}" poster="${other()}"></video>\n`);
    }
    else if (what < 0.55) parts.push(`Also \`${relative(file, target)}\` and \`${target.replace(/^s\//, '')}\`.\n`);
    else if (what < 0.7) parts.push(`Wiki [[${r() < 0.5 ? stemOf(target) : pick(WIKI_NAMES)}${frag ? '#' + pick(HEADINGS) : ''}]].\n`);
    else if (what < 0.78) parts.push(`![img](${relative(file, pick(OTHER_FILES))})\n`);
    else if (what < 0.82) parts.push(`[folder](${relative(file, target).replace(/[^/]*$/, '')})\n`);
    else if (what < 0.85) parts.push(`[bare](${relative(file, target).replace(/\.md$/, '')}${frag})\n`);
    else if (what < 0.87) parts.push(`[[${pick(['sub/c', 'notes/a', 'd.png', 'e.pdf', '/top'])}]]\n`);
    else if (what < 0.89) parts.push(`<a id="${pick(SLUGS)}"></a>\n`);
    else if (what < 0.9) parts.push(`[self](#${pick(SLUGS)})\n`);
    else parts.push('```\n[not a link](nowhere.md)\n```\n');
  }
  // long enough to count as written, sometimes
  if (r() < 0.6) parts.push('Body text that is long enough to count as a written note. '.repeat(8) + '\n');
  return parts.join('\n');
}

export function readmeText(r: () => number, pick: Pick): string {
  const chapters = CHAPTERS.filter(() => r() < 0.85);
  const label = (f: string) => stemOf(f);
  const prio = () => pick(['必讀', '重要', '可跳讀', 'Must-read']);
  const byCat = new Map<string, string[]>();
  for (const f of chapters) {
    const cat = f.split('/')[1];
    byCat.set(cat, [...(byCat.get(cat) ?? []), f]);
  }
  const lines = ['# Series', '', '## Batch Learning Route', '', `- Batch 1: \`01\`, \`0${1 + Math.floor(r() * 5)}\` (start)`, '',
    '## Reading Priority', '', `- Must-read (\`必讀\`): \`01\`${r() < 0.5 ? ', `03`' : ''}`, '- Important (`重要`): `02`', '', '## Chapters', ''];
  for (const [cat, files] of byCat) {
    lines.push(`### ${cat}`, '');
    for (const f of files) lines.push(`- [${label(f)}](${f.slice(SERIES.length + 1)}) - ${prio()} - ${10 + Math.floor(r() * 50)} min`);
    if (r() < 0.3) lines.push('- [04_planned](adv/04_planned.md) - 重要 - 20 min');
    lines.push('');
  }
  return lines.join('\n');
}

export function matrixText(r: () => number, pick: Pick): string {
  // status cells as people write them: plain, bilingual, negated, or missing (a row cut short)
  const rows = CHAPTERS.filter(() => r() < 0.7).map(f => {
    const row = `| Area | ${stemOf(f)} | \`${f.slice(SERIES.length + 1)}\``;
    return r() < 0.1 ? row + ' |' : `${row} | ${pick(['Done', 'Pending', 'In Progress', '完成', 'Done / 完成', '未完成'])} |`;
  });
  const xa = pick(CHAPTERS).slice(SERIES.length + 1);
  const xb = pick([...CHAPTERS, 'notes/a.md']).replace(/^s\//, '');
  return ['# Coverage', '', '| Capability Area | Required Topic | Coverage Files | Status |', '| --- | --- | --- | --- |', ...rows, '',
    '## Cross-references', '', `- \`${xa}\` <-> \`${xb}\``, r() < 0.5 ? '- `adv/03_1-03_1` <-> `basics/01_intro.md`' : '',
    // sides that name nothing (a typo, a reversed or empty range) until files come
    r() < 0.3 ? `- \`${pick(['adv/09_typo.md', 'extra/01_x.md', 'adv/05-03', 'adv/07-08'])}\` <-> \`basics/01_intro.md\`` : '', '',
    '## Remaining Gaps', '', '- none', ''].join('\n');
}
