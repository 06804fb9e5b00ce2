import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * HTML character references as CommonMark decodes them in link destinations and heading text (§2.5):
 * numeric references (`&#35;`, `&#x23;`) and every named reference of HTML5 (`&eacute;`), looked up in the
 * table micromark itself uses. An unknown name stays literal text.
 */

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
  const value = decodeNamedCharacterReference(text.slice(nameStart, j));
  if (value === false) return undefined;
  return { length: j + 1 - i, value };
}
