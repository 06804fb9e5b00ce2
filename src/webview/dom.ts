/**
 * Tiny DOM builders. Data only ever reaches the document as text nodes or attribute values set
 * with setAttribute (never innerHTML, never an `on*` or `href`/`src` attribute carrying data).
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

export function svg(tag: string, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElement {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  append(e, children);
  return e;
}

function setAttrs(e: Element, attrs: Record<string, string | number | boolean | undefined>): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (/^on/i.test(k) || k === 'href' || k === 'src' || k === 'style') throw new Error(`refusing attribute ${k}`);
    e.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(e: Element, children: Child[]): void {
  for (const c of children) {
    if (c === undefined || c === false) continue;
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function clear(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}
