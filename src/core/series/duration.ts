/**
 * Reading times of chapter items (`- [a](a.md) - 必讀 - 90 min`): how many minutes a tail segment names, in the
 * forms people write them: `90 min`, `90`, `90m`, `90 分鐘`, `1 h`, `1.5 hours`, `1 小時`, `1h30`, `1 h 30 min`,
 * `~45 min`, `約 45 分鐘`, and ranges (`60-90 min`, `60–90 分鐘`, `1 to 2 h`, `45 min ~ 1 h`), which count as their
 * upper bound: the time left on a plan is not under-estimated.
 */

const HOURS = '(?:hours?|hrs?|h|小時|時)';
const MINUTES = '(?:minutes?|mins?|m|分鐘|分)';
const AMOUNT = '(\\d{1,6}(?:\\.\\d{1,2})?)';
/** `1 h 30 min`, `1h30`: whole hours and minutes */
const HOURS_AND_MINUTES = new RegExp(`^(\\d{1,4})[ \\t]*${HOURS}[ \\t]*(\\d{1,2})[ \\t]*(?:${MINUTES})?$`, 'i');
/** `90 min`, `1.5 h`, `90`: an amount with an optional unit (minutes when none is written) */
const ONE = new RegExp(`^${AMOUNT}[ \\t]*(${HOURS}|${MINUTES})?$`, 'i');
const APPROXIMATELY = /^(?:~|≈|約|大約|about[ \t]|approx\.?[ \t]?|ca\.[ \t]?)[ \t]*/i;
/** the separator of a range: a dash, a tilde, `to`, `至` or `到`, with optional blanks around it */
const RANGE = /^(.*?\d[^-–—~～]*?)[ \t]*(?:[-–—~～]|[ \t]to[ \t]|至|到)[ \t]*(\d.*)$/i;
const HOUR_UNIT = new RegExp(`^${HOURS}$`, 'i');

/** A duration as minutes (rounded), or undefined when `text` is not one. */
export function parseMinutes(text: string): number | undefined {
  let s = text.trim();
  if (s.endsWith('.')) s = s.slice(0, -1).trimEnd();
  s = s.replace(APPROXIMATELY, '');
  const range = RANGE.exec(s);
  if (range) {
    const high = amount(range[2], undefined);
    if (high === undefined) return undefined;
    // `60-90 min`: the unit written once, after the range, is the low end's unit too
    const low = amount(range[1], high.unit);
    if (low === undefined || low.minutes > high.minutes) return undefined;
    return Math.round(high.minutes);
  }
  const one = amount(s, undefined);
  return one === undefined ? undefined : Math.round(one.minutes);
}

type Unit = 'hours' | 'minutes';

/** One amount: its minutes, and the unit it was written in (`fallback`, or minutes, when none is). */
function amount(text: string, fallback: Unit | undefined): { minutes: number; unit: Unit } | undefined {
  const s = text.trim();
  const hm = HOURS_AND_MINUTES.exec(s);
  if (hm) {
    const minutes = Number(hm[2]);
    return minutes < 60 ? { minutes: Number(hm[1]) * 60 + minutes, unit: 'minutes' } : undefined;
  }
  const m = ONE.exec(s);
  if (!m) return undefined;
  const unit: Unit = m[2] !== undefined ? (HOUR_UNIT.test(m[2]) ? 'hours' : 'minutes') : (fallback ?? 'minutes');
  const value = Number(m[1]);
  return { minutes: unit === 'hours' ? value * 60 : value, unit };
}

/** The words a total reading time is written with: each returns its phrase in the reader's language. */
export interface DurationWords {
  minutes(m: number): string;
  hours(h: number): string;
  hoursMinutes(h: number, m: number): string;
}

/**
 * A total reading time as people say it: minutes under an hour, whole hours and the minutes left over from 60 min
 * on (`45 min`, `2 h`, `1 h 30 min`). The Series tree and the coverage page both write totals this way.
 */
export function formatDuration(minutes: number, words: DurationWords): string {
  const total = Math.max(0, Math.round(minutes));
  if (total < 60) return words.minutes(total);
  const h = Math.floor(total / 60), m = total % 60;
  return m === 0 ? words.hours(h) : words.hoursMinutes(h, m);
}
