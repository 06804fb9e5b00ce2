/**
 * HTML character references as CommonMark decodes them in link destinations and heading text:
 * numeric references (`&#35;`, `&#x23;`) and the named references that occur in prose. An unknown
 * name stays literal text.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', laquo: '\u00ab', raquo: '\u00bb',
  middot: '\u00b7', times: '\u00d7', divide: '\u00f7', rarr: '\u2192', larr: '\u2190', harr: '\u2194',
  uarr: '\u2191', darr: '\u2193', rArr: '\u21d2', lArr: '\u21d0', hArr: '\u21d4', deg: '\u00b0',
  plusmn: '\u00b1', le: '\u2264', ge: '\u2265', ne: '\u2260', larrhk: '\u21a9', sect: '\u00a7',
  para: '\u00b6', bull: '\u2022', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d',
  euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2', check: '\u2713', cross: '\u2717',
  infin: '\u221e', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwj: '\u200d', zwnj: '\u200c',
  shy: '\u00ad', excl: '!', num: '#', dollar: '$', percnt: '%', lpar: '(', rpar: ')', ast: '*',
  plus: '+', comma: ',', period: '.', sol: '/', colon: ':', semi: ';', equals: '=', quest: '?',
  commat: '@', lsqb: '[', rsqb: ']', bsol: '\\', lowbar: '_', grave: '`', lcub: '{', rcub: '}',
  verbar: '|', vert: '|', tilde: '~', Hat: '^',
};

/**
 * Length of the character reference starting at `text[i] === '&'` and its decoded value, or
 * undefined when there is none. Reads at most 33 characters.
 */
export function matchEntity(text: string, i: number, end: number): { length: number; value: string } | undefined {
  let j = i + 1;
  if (j >= end) return undefined;
  if (text.charCodeAt(j) === 35 /* # */) {
    j++;
    let hex = false;
    const x = text.charCodeAt(j);
    if (x === 120 || x === 88) { hex = true; j++; }
    const digitsStart = j;
    const maxDigits = hex ? 6 : 7;
    let code = 0;
    while (j < end && j - digitsStart < maxDigits) {
      const c = text.charCodeAt(j);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (hex && c >= 97 && c <= 102) d = c - 87;
      else if (hex && c >= 65 && c <= 70) d = c - 55;
      else break;
      code = code * (hex ? 16 : 10) + d;
      j++;
    }
    if (j === digitsStart || j >= end || text.charCodeAt(j) !== 59 /* ; */) return undefined;
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
    return { length: j + 1 - i, value: String.fromCodePoint(code) };
  }
  const nameStart = j;
  while (j < end && j - nameStart < 32) {
    const c = text.charCodeAt(j);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) j++;
    else break;
  }
  if (j === nameStart || j >= end || text.charCodeAt(j) !== 59) return undefined;
  const value = NAMED[text.slice(nameStart, j)];
  if (value === undefined || !Object.prototype.hasOwnProperty.call(NAMED, text.slice(nameStart, j))) return undefined;
  return { length: j + 1 - i, value };
}
