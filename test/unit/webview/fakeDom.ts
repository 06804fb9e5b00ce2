/**
 * A small DOM, enough for the coverage page's code (src/webview) to run in Node: elements with
 * attributes, dataset, children, text, focus, events and simple selectors (`tag`, `.class`,
 * `[attr]`, `*`, comma lists). Like a browser, removing (or moving) a node that holds the focus
 * moves the focus to <body>.
 */

type Listener = (e: FakeEvent) => void;

export class FakeEvent {
  defaultPrevented = false;
  target: FakeNode | undefined;
  constructor(readonly type: string, init: Record<string, unknown> = {}) { Object.assign(this, init); }
  preventDefault(): void { this.defaultPrevented = true; }
}

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, l: Listener): void {
    const list = this.listeners.get(type) ?? [];
    list.push(l);
    this.listeners.set(type, list);
  }
  removeEventListener(type: string, l: Listener): void {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter(x => x !== l));
  }
  protected fire(e: FakeEvent): void { for (const l of this.listeners.get(e.type) ?? []) l(e); }
}

export class FakeNode extends Emitter {
  parentNode: FakeElement | null = null;
  readonly childNodes: FakeNode[] = [];
  constructor(readonly ownerDocument: FakeDocument) { super(); }

  get firstChild(): FakeNode | null { return this.childNodes[0] ?? null; }
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  get isConnected(): boolean {
    let n: FakeNode | null = this;
    while (n.parentNode) n = n.parentNode;
    return n === this.ownerDocument.documentElement;
  }
  get textContent(): string { return this.childNodes.map(c => c.textContent).join(''); }
  set textContent(v: string) {
    for (const c of [...this.childNodes]) this.removeChild(c);
    if (v !== '') this.appendChild(this.ownerDocument.createTextNode(v));
  }
  contains(n: FakeNode | null): boolean {
    for (let x = n; x; x = x.parentNode) if (x === this) return true;
    return false;
  }
  appendChild<T extends FakeNode>(c: T): T { return this.insertBefore(c, null); }
  insertBefore<T extends FakeNode>(c: T, ref: FakeNode | null): T {
    c.parentNode?.removeChild(c);
    const i = ref ? this.childNodes.indexOf(ref) : -1;
    if (i === -1) this.childNodes.push(c); else this.childNodes.splice(i, 0, c);
    c.parentNode = this as unknown as FakeElement;
    return c;
  }
  removeChild<T extends FakeNode>(c: T): T {
    const i = this.childNodes.indexOf(c);
    if (i === -1) throw new Error('not a child');
    this.childNodes.splice(i, 1);
    c.parentNode = null;
    const doc = this.ownerDocument;
    if (doc.activeElement !== doc.body && c.contains(doc.activeElement)) doc.activeElement = doc.body;
    return c;
  }
  append(...nodes: (FakeNode | string)[]): void {
    for (const n of nodes) this.appendChild(typeof n === 'string' ? this.ownerDocument.createTextNode(n) : n);
  }
  remove(): void { this.parentNode?.removeChild(this); }
  replaceWith(n: FakeNode): void {
    const p = this.parentNode;
    if (!p) return;
    p.insertBefore(n, this);
    p.removeChild(this);
  }
  dispatchEvent(e: FakeEvent): void {
    e.target ??= this;
    this.fire(e);
    if (this.parentNode) this.parentNode.dispatchEvent(e);
    else if ((this as FakeNode) === this.ownerDocument.documentElement) this.ownerDocument.dispatchEvent(e);
  }
}

export class FakeText extends FakeNode {
  constructor(doc: FakeDocument, public data: string) { super(doc); }
  override get textContent(): string { return this.data; }
  override set textContent(v: string) { this.data = v; }
}

/** element.style through the CSSOM (allowed by the page's CSP, unlike a style attribute) */
export class FakeStyle {
  readonly props = new Map<string, string>();
  setProperty(k: string, v: string): void { this.props.set(k, v); }
  getPropertyValue(k: string): string { return this.props.get(k) ?? ''; }
  removeProperty(k: string): void { this.props.delete(k); }
}

function matchesOne(e: FakeElement, sel: string): boolean {
  const m = /^([a-z0-9]*|\*)((?:\.[\w-]+)*)((?:\[[\w-]+\])*)$/i.exec(sel.trim());
  if (!m) throw new Error(`fake DOM: unsupported selector ${sel}`);
  const [, tag, classes, attrs] = m;
  if (tag && tag !== '*' && e.localName !== tag.toLowerCase()) return false;
  const own = (e.getAttribute('class') ?? '').split(/\s+/);
  for (const c of (classes ?? '').split('.').filter(Boolean)) if (!own.includes(c)) return false;
  for (const a of (attrs ?? '').match(/[\w-]+/g) ?? []) if (!e.hasAttribute(a)) return false;
  return true;
}

export class FakeElement extends FakeNode {
  readonly localName: string;
  private readonly attrs = new Map<string, string>();
  readonly style = new FakeStyle();
  private ownValue: string | undefined;
  private ownSelected: boolean | undefined;
  scrollTop = 0;
  offsetHeight = 0;

  constructor(doc: FakeDocument, tag: string, readonly namespaceURI?: string) {
    super(doc);
    this.localName = tag.toLowerCase();
  }
  get tagName(): string { return this.localName.toUpperCase(); }
  get id(): string { return this.getAttribute('id') ?? ''; }
  get attributes(): { name: string; value: string }[] { return [...this.attrs].map(([name, value]) => ({ name, value })); }
  setAttribute(k: string, v: string): void { this.attrs.set(k.toLowerCase(), String(v)); }
  getAttribute(k: string): string | null { return this.attrs.get(k.toLowerCase()) ?? null; }
  hasAttribute(k: string): boolean { return this.attrs.has(k.toLowerCase()); }
  removeAttribute(k: string): void { this.attrs.delete(k.toLowerCase()); }
  get hidden(): boolean { return this.hasAttribute('hidden'); }
  set hidden(v: boolean) { if (v) this.setAttribute('hidden', ''); else this.removeAttribute('hidden'); }
  get dataset(): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    for (const [k, v] of this.attrs) if (k.startsWith('data-')) out[k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
    return out;
  }
  get children(): FakeElement[] { return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement); }

  // form controls
  get value(): string {
    if (this.localName === 'select') return this.options.find(o => o.selected)?.value ?? this.options[0]?.value ?? '';
    if (this.localName === 'option') return this.getAttribute('value') ?? this.textContent;
    return this.ownValue ?? '';
  }
  set value(v: string) {
    if (this.localName === 'select') { for (const o of this.options) o.selected = o.value === v; return; }
    this.ownValue = v;
  }
  get selected(): boolean { return this.ownSelected ?? this.hasAttribute('selected'); }
  set selected(v: boolean) {
    if (v && this.parentNode) for (const o of this.parentNode.options) if (o !== this) o.ownSelected = false;
    this.ownSelected = v;
  }
  get options(): FakeElement[] { return this.children.filter(c => c.localName === 'option'); }
  select(): void { /* text selection: nothing to model */ }

  // tables
  get tBodies(): FakeElement[] { return this.children.filter(c => c.localName === 'tbody'); }
  get rows(): FakeElement[] { return this.children.filter(c => c.localName === 'tr'); }

  focus(options?: { preventScroll?: boolean }): void {
    if (!this.isConnected) return;
    this.ownerDocument.activeElement = this;
    this.ownerDocument.lastFocusOptions = options;
  }
  blur(): void { if (this.ownerDocument.activeElement === this) this.ownerDocument.activeElement = this.ownerDocument.body; }
  click(): void { this.dispatchEvent(new FakeEvent('click')); }

  matches(selector: string): boolean { return selector.split(',').some(s => matchesOne(this, s)); }
  closest(selector: string): FakeElement | null {
    for (let e: FakeElement | null = this; e; e = e.parentNode) if (e.matches(selector)) return e;
    return null;
  }
  querySelectorAll(selector: string): FakeElement[] {
    const out: FakeElement[] = [];
    const walk = (n: FakeNode) => {
      for (const c of n.childNodes) if (c instanceof FakeElement) { if (c.matches(selector)) out.push(c); walk(c); }
    };
    walk(this);
    return out;
  }
  querySelector(selector: string): FakeElement | null { return this.querySelectorAll(selector)[0] ?? null; }
  getElementById(id: string): FakeElement | null { return this.querySelectorAll('*').find(e => e.id === id) ?? null; }
}

export class FakeDocument extends Emitter {
  readonly documentElement: FakeElement;
  readonly body: FakeElement;
  activeElement: FakeElement;
  /** what the last focus() call asked for (a browser scrolls a focused control into view unless preventScroll) */
  lastFocusOptions: { preventScroll?: boolean } | undefined;

  constructor() {
    super();
    this.documentElement = new FakeElement(this, 'html');
    this.body = new FakeElement(this, 'body');
    this.documentElement.appendChild(this.body);
    this.activeElement = this.body;
  }
  createElement(tag: string): FakeElement { return new FakeElement(this, tag); }
  createElementNS(ns: string, tag: string): FakeElement { return new FakeElement(this, tag, ns); }
  createTextNode(text: string): FakeText { return new FakeText(this, text); }
  getElementById(id: string): FakeElement | null { return this.documentElement.getElementById(id); }
  querySelectorAll(selector: string): FakeElement[] { return this.documentElement.querySelectorAll(selector); }
  /** events on the document also reach listeners of `document` itself (the page listens there for keys) */
  dispatchEvent(e: FakeEvent): void { this.fire(e); }
}

/** Builds the body the host's HTML shell (src/extension/coverage/html.ts) gives the page. */
export function coverageShell(doc: FakeDocument): void {
  const toolbar = doc.createElement('header');
  toolbar.setAttribute('id', 'toolbar');
  const content = doc.createElement('main');
  content.setAttribute('id', 'content');
  const live = doc.createElement('div');
  live.setAttribute('id', 'live');
  live.setAttribute('aria-live', 'polite');
  doc.body.append(toolbar, content, live);
}
