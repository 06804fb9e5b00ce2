import { statusWordKey, statusWordParts, type NotesConfig } from '../config';
import type { CoverageStatus } from '../model';
import { hasCjk, ownStatusWords } from '../series/wording';
import { cellProse, type CellProse } from './cellProse';

/**
 * Status words inside a Status cell that holds more than the word (`Done (reviewed by Bob)`, `✅ 完成`,
 * `Pending <!-- blocked -->`, `Done / 完成`): where each configured word occurs, so that a cell whose words all
 * name one status declares it, and an edit can replace those words alone, keeping the author's text around them.
 * A negated word (`未完成`, `尚未完成`, `Not done`) declares nothing: it is found with its negation, so that an
 * edit replaces the whole phrase and never leaves `尚未待建立` behind.
 */

export interface StatusWordAt {
  status: CoverageStatus;
  /** the word as written in the cell */
  word: string;
  /** offsets in the cell text (a negated word's start is its negation's) */
  start: number;
  end: number;
  /** the word follows a negation (`未`, `not` …): it says the status does not hold */
  negated?: true;
}

/** Words before a CJK status word that negate it: `未完成`, `尚未完成`, `沒有完成`, `待完成` (still to be done). */
const CJK_NEGATION = /((?:尚未|還沒有|还没有|還沒|还没|沒有|没有|未|沒|没|不|無|无|非|待)[ \t]*)$/;
/** Words before a Latin status word that negate it: `Not done`, `not yet done`, `never done`, `non-done`. */
const LATIN_NEGATION = /(?:^|[^\p{L}\p{N}_])((?:not|never|no|non)(?:[ \t-]+yet)?[ \t-]+)$/iu;

/**
 * The configured status words in `cell`, in order: whole words, compared as statusOf compares them (`In-Progress` is
 * `In Progress`), in the cell's prose only (see cellProse: never in a link's destination, a URL, code or an HTML
 * comment), and a CJK word not run on into a longer word (`完成度`, completeness, is no `完成`; `完成了` is).
 */
export function statusWordsIn(cell: string, config: NotesConfig): StatusWordAt[] {
  const prose = cellProse(cell);
  const found: StatusWordAt[] = [];
  for (const status of Object.keys(config.statusWords) as CoverageStatus[]) {
    // a word the configuration also gives an earlier status means that one (see statusOf)
    for (const w of ownStatusWords(config, status)) {
      const pattern = wordPattern(w);
      pattern.lastIndex = 0;
      for (let m = pattern.exec(cell); m !== null; pattern.lastIndex = m.index + 1, m = pattern.exec(cell)) {
        const i = m.index;
        const end = i + m[0].length;
        if (hasCjk(w) ? isCjkCompound(cell, end) : isWordChar(cell, i - 1) || isWordChar(cell, end)) continue;
        if (!inProse(prose, i, end)) continue;
        const negation = (hasCjk(w) ? CJK_NEGATION : LATIN_NEGATION).exec(cell.slice(0, i));
        if (negation) {
          const start = i - negation[1].length;
          found.push({ status, word: cell.slice(start, end), start, end, negated: true });
        } else found.push({ status, word: cell.slice(i, end), start: i, end });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // a word inside a longer one (a custom `Done` inside `Not Done`) is part of that one, and so is a negated word
  // a configured word spells out whole
  return found.filter((f, i) => !found.some((g, j) => j !== i && g.start <= f.start && g.end >= f.end
    && (g.end - g.start > f.end - f.start || (f.negated && !g.negated))));
}

/**
 * The status a cell declares: the one status all its status words name (`Done`, `Done / 完成`); undefined for
 * none, for words of different statuses, and for a negated word.
 */
export function singleStatusIn(cell: string, config: NotesConfig): CoverageStatus | undefined {
  return commonStatus(statusWordsIn(cell, config));
}

/** The status every word of `found` names, none of them negated; undefined when there is no such one. */
export function commonStatus(found: readonly StatusWordAt[]): CoverageStatus | undefined {
  if (found.length === 0 || found.some(f => f.negated)) return undefined;
  const { status } = found[0];
  return found.every(f => f.status === status) ? status : undefined;
}

const patterns = new Map<string, RegExp>();

/**
 * Finds `word` in a cell as statusWordKey compares words: its parts in order, in any letter case, joined by any run
 * of white space, `-` and `_` or by nothing (`In-Progress`, `in_progress`, `InProgress`, `In  Progress`).
 */
function wordPattern(word: string): RegExp {
  const key = statusWordKey(word);
  let p = patterns.get(key);
  if (!p) {
    const parts = statusWordParts(word);
    p = new RegExp((parts.length ? parts : [key]).map(part => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('[\\s_-]*'), 'giu');
    patterns.set(key, p);
  }
  return p;
}

function isWordChar(s: string, i: number): boolean {
  return i >= 0 && i < s.length && /[\p{L}\p{N}_]/u.test(s[i]);
}

/**
 * A CJK letter at `i` that makes a longer word of the CJK status word before it (`完成度` completeness, `完成報告`
 * a completion report): no status. A particle does not (`完成了`, `進行中的`, `待建立中`, `完成囉`).
 */
function isCjkCompound(s: string, i: number): boolean {
  if (i >= s.length) return false;
  const c = String.fromCodePoint(s.codePointAt(i)!);
  return CJK_LETTER.test(c) && !CJK_PARTICLES.includes(c);
}

const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Particles and aspect words that end a phrase rather than make a new word. */
const CJK_PARTICLES = '了的中啦囉喔哦嗎吗吧呢呀';

/** [start, end) lies in one text run of the cell, or is the whole content of a code span (a badge: `` `Done` ``). */
function inProse(prose: CellProse, start: number, end: number): boolean {
  return prose.text.some(([s, e]) => start >= s && end <= e) || prose.code.some(([s, e]) => start === s && end === e);
}
