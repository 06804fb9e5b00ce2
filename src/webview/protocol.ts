import type { CoverageViewModel, ModelPatch } from '../core/coverage/viewModel';
import { isMarkdown } from '../core/paths';

/**
 * Messages between the coverage panel's host (extension) and its page (webview). Both sides
 * import this module; it is pure (no DOM, no `vscode`). Everything arriving from the page is
 * untrusted: `parsePageMessage` accepts only the shapes below and drops anything else.
 */

export const COVERAGE_VIEW_TYPE = 'notesNavigator.coverage';

export type HostMessage =
  /**
   * the whole model, on the page's `ready` (first load, reload, shown again); like the patches, its texts are
   * final: the host has worded each matrix problem's `message` in the display language. `folder` names the
   * workspace folder indexed when the workspace has several (sent again with the whole model when it changes);
   * `pathRule` is the host's (`posix` when absent): a path it would refuse is no button on the page
   */
  | { type: 'model'; version: number; model: CoverageViewModel; strings: Record<string, string>; folder?: string; pathRule?: PathRule }
  /** only what changed since the previous version */
  | { type: 'patch'; version: number; patch: ModelPatch }
  /** asks the page to describe what it rendered, after scrolling to `scrollTo` when given (used by tests) */
  | { type: 'probe'; id: number; scrollTo?: number };

export interface ProbeResult {
  /** media (<img>, <image> …), <script> and frame-like (<iframe>, <object>, <embed>) elements in the rendered part of the page */
  images: number;
  scripts: number;
  frames: number;
  /** elements with an attribute starting with `on` (inline handlers) */
  inlineHandlers: number;
  /** text of every topic cell and file title, as rendered */
  texts: string[];
  /** number of table rows rendered (visible or filtered) */
  rows: number;
  /** the page's vertical scroll offset in pixels (rounded) */
  scrollY: number;
}

export type PageMessage =
  | { type: 'ready' }
  | { type: 'applied'; version: number; renderMs?: number }
  | { type: 'open'; file: string; line?: number }
  | { type: 'create'; file: string }
  | { type: 'sync'; series: string }
  | { type: 'probeResult'; id: number; result: ProbeResult };

const MAX_PATH = 4096;

function isPath(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_PATH;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e9;
}

/** Validates a message from the page; undefined for anything unknown or malformed. */
export function parsePageMessage(raw: unknown): PageMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'applied': {
      if (!isCount(m.version)) return undefined;
      const renderMs = typeof m.renderMs === 'number' && Number.isFinite(m.renderMs) && m.renderMs >= 0 ? m.renderMs : undefined;
      return renderMs === undefined ? { type: 'applied', version: m.version } : { type: 'applied', version: m.version, renderMs };
    }
    case 'open': {
      if (!isPath(m.file)) return undefined;
      if (m.line !== undefined && !isCount(m.line)) return undefined;
      return m.line === undefined ? { type: 'open', file: m.file } : { type: 'open', file: m.file, line: m.line };
    }
    case 'create':
      return isPath(m.file) ? { type: 'create', file: m.file } : undefined;
    case 'sync':
      return isPath(m.series) ? { type: 'sync', series: m.series } : undefined;
    case 'probeResult': {
      const r = m.result as Record<string, unknown> | null;
      if (!isCount(m.id) || typeof r !== 'object' || r === null) return undefined;
      if (!isCount(r.images) || !isCount(r.scripts) || !isCount(r.frames) || !isCount(r.inlineHandlers) || !isCount(r.rows) || !isCount(r.scrollY)) return undefined;
      if (!Array.isArray(r.texts) || !r.texts.every(t => typeof t === 'string')) return undefined;
      return {
        type: 'probeResult', id: m.id,
        result: { images: r.images, scripts: r.scripts, frames: r.frames, inlineHandlers: r.inlineHandlers, rows: r.rows, scrollY: r.scrollY, texts: r.texts as string[] },
      };
    }
    default:
      return undefined;
  }
}

/**
 * The paths the host can act on. `posix` (Linux, macOS): a `:` is a file name's character (`03-a:b.md`). `windows`: a
 * `:` in any segment is refused, as Windows reads it as a drive or an NTFS alternate data stream (creating
 * `s/README.md:x.md` would write a hidden stream of `s/README.md`). The host tells the page which rule it follows.
 */
export type PathRule = 'posix' | 'windows';

/**
 * A workspace-relative POSIX path that stays inside the workspace: no leading `/`, no drive or
 * scheme, no backslash, no `.`/`..`/empty segment, no control characters. A `:` is a file name's
 * character on Linux and macOS (`03-a:b.md`), except where it would read as a drive or a scheme: a first
 * segment that begins with a letter and its letters, digits, `+`, `-` or `.` up to a `:` (`C:`, `file:`) is refused,
 * and so is any later segment that begins like a drive, with a letter and a `:` (`a/C:/b.md`, `a/c:x.md`: a Windows
 * path pasted into another, whatever the rule). Under the `windows` rule no `:` at all.
 */
export function isWorkspaceRelativePath(p: string, rule: PathRule = 'posix'): boolean {
  if (p.length === 0 || p.length > MAX_PATH) return false;
  if (p.startsWith('/') || p.includes('\\') || /^[a-z][a-z0-9+.-]*:/i.test(p)) return false;
  if (rule === 'windows' && p.includes(':')) return false;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) < 0x20 || p.charCodeAt(i) === 0x7f) return false;
  for (const seg of p.split('/')) if (seg === '' || seg === '.' || seg === '..' || /^[a-z]:/i.test(seg)) return false;
  return true;
}

/**
 * Every file the model names (what the page may ask to open), and the missing notes (what it may ask to create: a
 * missing file that is no Markdown file is shown, but nothing creates it).
 */
export function filesOfModel(model: CoverageViewModel): { all: Set<string>; missing: Set<string> } {
  const all = new Set<string>();
  const missing = new Set<string>();
  const add = (file: string, state?: string) => { all.add(file); if (state === 'missing' && isMarkdown(file)) missing.add(file); };
  for (const s of model.series) {
    add(s.readme);
    if (s.matrix !== undefined) add(s.matrix);
    for (const r of s.rows) for (const f of r.files) add(f.file, f.state);
    for (const c of s.readmeOnly) add(c.file, c.state);
    for (const f of s.matrixOnly) add(f.file, f.state);
  }
  return { all, missing };
}

/**
 * The page's Content-Security-Policy: nothing but the nonce'd stylesheet and script (which the
 * host loads from media/ and dist/, the only localResourceRoots); no inline code, no network.
 */
export function coverageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}
