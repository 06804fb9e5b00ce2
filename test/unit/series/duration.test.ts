import { strict as assert } from 'node:assert';
import { formatDuration, parseMinutes } from '../../../src/core/series/duration';

describe('reading times (parseMinutes)', () => {
  const cases: [string, number | undefined][] = [
    ['90 min', 90], ['90', 90], ['90min', 90], ['90 mins', 90], ['90 minutes', 90], ['90m', 90], ['90 MIN.', 90],
    ['90 分鐘', 90], ['90分', 90],
    ['1 h', 60], ['1h', 60], ['2 hours', 120], ['1 hr', 60], ['1.5 h', 90], ['1.25 hrs', 75], ['1 小時', 60], ['2時', 120],
    ['1h30', 90], ['1 h 30 min', 90], ['1 小時 30 分鐘', 90], ['1h30m', 90],
    ['60-90 min', 90], ['60–90 min', 90], ['60 ~ 90 分鐘', 90], ['60～90分', 90], ['1-2 h', 120], ['1 to 2 hours', 120],
    ['45 min - 1 h', 60], ['45 min至1 h', 60], ['1-1.5 h', 90],
    ['~45 min', 45], ['≈ 45 min', 45], ['約 45 分鐘', 45], ['about 45 min', 45], ['approx. 1 h', 60],
    ['12.5 min', 13],
  ];
  for (const [text, minutes] of cases) {
    it(`reads ${JSON.stringify(text)} as ${minutes} min`, () => assert.equal(parseMinutes(text), minutes));
  }

  const notDurations = [
    '必讀', 'Must-read', '', 'Batch 2', 'v2', '2024-01-01', '90-60 min', '1h75', '90 seconds', '1 day', 'min', '1.2.3 h',
    '90 min 必讀', '10 Important',
    // mutation testing: '1h60' passed with the minutes of `1h30` allowed up to 60; '3-2 h' passed with the low end of
    // a range not taking the unit written after it (3 min ≤ 2 h instead of 3 h > 2 h, a reversed range)
    '1h60', '3-2 h',
  ];
  for (const text of notDurations) {
    it(`does not read ${JSON.stringify(text)} as a reading time`, () => assert.equal(parseMinutes(text), undefined));
  }
});

describe('formatDuration (reading-time totals in the Series tree and on the coverage page)', () => {
  const words = { minutes: (m: number) => `${m} min`, hours: (h: number) => `${h} h`, hoursMinutes: (h: number, m: number) => `${h} h ${m} min` };
  const cases: [number, string][] = [[0, '0 min'], [45, '45 min'], [59, '59 min'], [60, '1 h'], [90, '1 h 30 min'], [125, '2 h 5 min'], [600, '10 h'], [89.6, '1 h 30 min'], [-3, '0 min']];
  for (const [minutes, text] of cases) {
    it(`writes ${minutes} minutes as ${JSON.stringify(text)}`, () => assert.equal(formatDuration(minutes, words), text));
  }
});
