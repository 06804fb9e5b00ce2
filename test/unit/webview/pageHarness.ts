import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { CoverageViewModel } from '../../../src/core/coverage/viewModel';
import { diffViewModel } from '../../../src/core/coverage/viewModel';
import type { PageMessage, PathRule } from '../../../src/webview/protocol';
import { PAGE_STRINGS } from '../../../src/webview/strings';
import { coverageShell, FakeDocument, FakeElement, FakeEvent } from './fakeDom';

/**
 * Runs the shipped page script (dist/webview.js, built by scripts/build.mjs) on the fake DOM, as
 * the webview would: a VS Code API with getState/setState/postMessage, `message` events from the host.
 */
export class PageHarness {
  readonly document = new FakeDocument();
  readonly posted: PageMessage[] = [];
  state: unknown;
  private readonly windowListeners = new Map<string, ((e: FakeEvent) => void)[]>();
  private version = 0;
  private current: CoverageViewModel | undefined;
  /** the page's scroll offset (what window.scrollY reads, what window.scrollTo sets) */
  scrollY = 0;
  private readonly frames: (() => void)[] = [];

  constructor(savedState?: unknown) {
    this.state = savedState;
    coverageShell(this.document);
    const tagIs = (tag: string) => ({ [Symbol.hasInstance]: (x: unknown) => x instanceof FakeElement && x.localName === tag });
    const win = {
      addEventListener: (type: string, l: (e: FakeEvent) => void) => {
        this.windowListeners.set(type, [...(this.windowListeners.get(type) ?? []), l]);
      },
      removeEventListener: () => undefined,
      scrollTo: (x: number | { top?: number }, y?: number) => { this.scrollY = typeof x === 'object' ? x.top ?? 0 : y ?? 0; },
      get scrollY() { return harness.scrollY; },
      requestAnimationFrame: (f: () => void) => { this.frames.push(f); return this.frames.length; },
    };
    const harness = this;
    const context = vm.createContext({
      window: win, document: this.document, performance, console, setTimeout, clearTimeout,
      requestAnimationFrame: win.requestAnimationFrame,
      HTMLInputElement: tagIs('input'), HTMLSelectElement: tagIs('select'), HTMLTextAreaElement: tagIs('textarea'),
      ResizeObserver: class {
        constructor(private readonly callback: () => void) {}
        observe(): void { harness.resizeCallbacks.push(this.callback); }
        disconnect(): void { /* kept for the page's lifetime */ }
      },
      acquireVsCodeApi: () => ({
        postMessage: (m: PageMessage) => { this.posted.push(JSON.parse(JSON.stringify(m)) as PageMessage); },
        getState: () => this.state,
        setState: (s: unknown) => { this.state = JSON.parse(JSON.stringify(s)); },
      }),
    });
    vm.runInContext(readFileSync('dist/webview.js', 'utf8'), context, { filename: 'dist/webview.js' });
  }

  private readonly resizeCallbacks: (() => void)[] = [];
  /** Tells the page's ResizeObservers that what they observe changed size. */
  resize(): void { for (const f of this.resizeCallbacks) f(); }

  /** Runs the callbacks the page queued with requestAnimationFrame. */
  frame(): void { for (const f of this.frames.splice(0)) f(); }

  private deliver(data: unknown): void {
    for (const l of this.windowListeners.get('message') ?? []) l(new FakeEvent('message', { data }));
  }

  windowEvent(type: string): void {
    for (const l of this.windowListeners.get(type) ?? []) l(new FakeEvent(type));
  }

  /**
   * The host's full model (as after `ready`), with the English strings unless others are given, the folder's name and
   * the host's path rule.
   */
  model(model: CoverageViewModel, strings: Record<string, string> = { ...PAGE_STRINGS }, folder?: string, pathRule?: PathRule): void {
    this.current = model;
    this.deliver({ type: 'model', version: ++this.version, model, strings, folder, pathRule });
  }

  /** The host's patch from the current model to `next`. */
  update(next: CoverageViewModel): void {
    const patch = this.current && diffViewModel(this.current, next);
    this.current = next;
    if (patch) this.deliver({ type: 'patch', version: ++this.version, patch });
  }

  byId(id: string): FakeElement {
    const e = this.document.getElementById(id);
    if (!e) throw new Error(`no #${id}`);
    return e;
  }

  all(selector: string): FakeElement[] { return this.document.querySelectorAll(selector); }

  /** Types into an input or picks in a select, firing the event the page listens to. */
  input(id: string, value: string): void {
    const e = this.byId(id);
    e.value = value;
    e.dispatchEvent(new FakeEvent(e.localName === 'select' ? 'change' : 'input'));
  }
}
