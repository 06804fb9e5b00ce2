import picomatch from 'picomatch';
import { dirname, isMarkdown } from './paths';
import { RULE_CODES, type CoverageStatus, type PriorityKey, type RuleCode, type Severity } from './model';

/**
 * Configuration shared by the editor and the CLI: `.notes-navigator.json` at the workspace root,
 * overlaid (in the editor) by `notesNavigator.*` settings. Every field has a default; a config
 * value of the wrong shape is reported as a problem and the default is kept.
 */
export type RuleSetting = Severity | 'off';

export interface NotesConfig {
  /** globs (workspace-relative) of the notes to check; default all Markdown files */
  include: string[];
  /** globs excluded from checking (node_modules, .git … are always skipped) */
  exclude: string[];
  /** severity per rule code, or `off` */
  rules: Record<RuleCode, RuleSetting>;
  /** frontmatter fields every note must have */
  requiredFields: string[];
  /** allowed values per frontmatter field (a field not listed here takes any value) */
  allowedValues: Record<string, string[]>;
  /** frontmatter fields holding `YYYY-MM-DD` dates */
  dateFields: string[];
  /** frontmatter `status` values meaning "not written yet" (computed coverage: draft) */
  draftStatuses: string[];
  /** priority labels accepted in README chapter lines and reading lists */
  priorityLabels: Record<PriorityKey, string[]>;
  /** status words accepted in the coverage matrix */
  statusWords: Record<CoverageStatus, string[]>;
  /** file name of the coverage matrix beside a series README */
  matrixFileName: string;
  /**
   * Folders of the workspace that could not be listed (permission denied …), and files that are there but were not
   * listed (FIFOs, symbolic links leading outside). Set by the code that listed the workspace (the CLI's walk), never
   * by users: `.notes-navigator.json` and the settings have no such key. Nothing is known about the files inside, so
   * links to them or into them are taken to resolve, as into the folders never walked.
   */
  unlistedFolders?: string[];
  /**
   * Globs of paths the editor does not list (VS Code's `files.exclude`): set by the extension, never by users.
   * Nothing is known about a path that matches, or lies in a folder that matches, as for `unlistedFolders`.
   */
  unlistedGlobs?: string[];
  /**
   * Symbolic links to folders that the listing had reached already under another path (`alias` → `real/t`, a loop such
   * as `loop` → the folder holding it): set by the CLI's walk, never by users. Each real folder is listed once, under
   * `target`; a link written through `alias` is looked up there (see `throughFolderLinks`), as the file system would.
   */
  folderAliases?: FolderAlias[];
}

/** A folder reached through a symbolic link, and the workspace path of the folder it leads to (`''`: the root). */
export interface FolderAlias {
  alias: string;
  target: string;
}

export const DEFAULT_SEVERITIES: Record<RuleCode, Severity> = {
  'frontmatter-missing': 'warning',
  'frontmatter-invalid': 'error',
  'frontmatter-field-missing': 'warning',
  'frontmatter-field-invalid': 'warning',
  'link-broken': 'error',
  'link-anchor-broken': 'warning',
  'ref-broken': 'error',
  'wikilink-broken': 'error',
  'link-outside-workspace': 'error',
  'xref-missing-link': 'warning',
  'chapter-planned': 'information',
  'chapter-number-unknown': 'warning',
  'priority-mismatch': 'warning',
  'coverage-status-mismatch': 'warning',
  'coverage-unlisted': 'information',
};

export function defaultConfig(): NotesConfig {
  return {
    include: ['**/*.md'],
    exclude: [],
    rules: { ...DEFAULT_SEVERITIES },
    requiredFields: ['title', 'note_type', 'domain', 'tags', 'created', 'updated', 'status'],
    allowedValues: {
      note_type: ['system', 'chapter', 'guide', 'reference', 'checklist', 'roadmap', 'skill'],
      status: ['active', 'draft', 'review', 'archived'],
    },
    dateFields: ['created', 'updated'],
    draftStatuses: ['draft'],
    priorityLabels: {
      'must-read': ['必讀', 'Must-read'],
      important: ['重要', 'Important'],
      skippable: ['可跳讀', 'Skippable'],
    },
    statusWords: {
      pending: ['Pending', '待建立'],
      'in-progress': ['In Progress', '進行中'],
      done: ['Done', '完成'],
    },
    matrixFileName: 'coverage_matrix.md',
  };
}

/** Folders never walked, whatever the config says. */
export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**', '**/dist/**', '**/out/**'];

const alwaysExcludedGlob = picomatch(ALWAYS_EXCLUDED, { dot: true });
// the folder name in each of ALWAYS_EXCLUDED (each is `**` / name / `**`): a path that holds none of them matches none
const ALWAYS_EXCLUDED_NAMES = ALWAYS_EXCLUDED.map(g => g.slice(3, -3));

/**
 * Whether a workspace-relative path lies in a folder that is never walked (so nothing is known about it). Asked for
 * every listed file and every broken link: the globs' regular expression runs only on paths that hold one of the
 * folder names at all.
 */
export function isAlwaysExcluded(path: string): boolean {
  for (const name of ALWAYS_EXCLUDED_NAMES) if (path.includes(name)) return alwaysExcludedGlob(path);
  return false;
}

/**
 * Whether nothing is known about a workspace-relative path: it lies in a folder that is never walked, or is (or is
 * inside) one of the config's `unlistedFolders`.
 */
export function isUnlisted(config: Pick<NotesConfig, 'unlistedFolders' | 'unlistedGlobs'> | undefined, path: string): boolean {
  if (isAlwaysExcluded(path)) return true;
  const folders = config?.unlistedFolders;
  if (folders !== undefined && folders.some(folder => path === folder || path.startsWith(folder + '/'))) return true;
  const globs = config?.unlistedGlobs;
  if (globs === undefined || globs.length === 0) return false;
  let matcher = unlistedMatchers.get(globs);
  if (!matcher) {
    matcher = picomatch(globs as string[], { dot: true });
    unlistedMatchers.set(globs, matcher);
  }
  // the path, or a folder above it (`**/assets` hides `assets/d.png`)
  for (let p = path; p !== ''; p = dirname(p)) if (matcher(p)) return true;
  return false;
}

/** One compiled matcher per `unlistedGlobs` list (a config keeps its list while it lives). */
const unlistedMatchers = new WeakMap<readonly string[], (path: string) => boolean>();

export interface ConfigProblem {
  /** JSON path of the offending value, e.g. `rules.link-broken` */
  path: string;
  message: string;
}

const SEVERITIES: RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];
export const CONFIG_KEYS = new Set(['$schema', 'include', 'exclude', 'rules', 'requiredFields', 'allowedValues', 'dateFields',
  'draftStatuses', 'priorityLabels', 'statusWords', 'matrixFileName']);

/**
 * Most patterns in `include` and in `exclude`: each is compiled to a regular expression and tried on every path,
 * and 50,000 took 6.6 s to compile (500,000 exhausted memory).
 */
export const MAX_GLOBS = 1000;
/** Most `*` wildcards in one path segment of a pattern, and most `**` segments in a pattern (see slowGlob). */
export const MAX_STARS_PER_SEGMENT = 3;
export const MAX_GLOBSTARS = 3;

/**
 * Why a glob is refused, or undefined. picomatch compiles a pattern to a backtracking regular expression (`*` is
 * `[^/]*?`, `**` a lazy loop over segments, `*(a|b)` a repeated group), so a failed match may try every way of
 * splitting the path between the wildcards: k wildcards cost up to n^k steps. Measured on a 250-character file
 * name, `*a*a*b*` (3 stars) takes 23 ms and `*a*a*a*a*b` (5) 12 s; three `**` on a 300-folder-deep path 235 ms
 * and four 17 s; a single `*(a|aa)b` on 40 characters 14 s (exponential). Writing a linear-time matcher for
 * everything picomatch accepts (braces, classes, extended globs) would be a glob engine of its own; patterns
 * with more wildcards than real configurations use are refused instead (reported, the rest of the list kept).
 */
function slowGlob(glob: string): string | undefined {
  // picomatch throws on an empty pattern: every check would stop with an internal error
  if (glob === '' || glob === '!') return 'is empty';
  const plain = glob.replace(/\\./g, ''); // escaped characters are literal
  if (/[*+]\(/.test(plain)) return 'repeats a group with *( ) or +( ), which can take exponential time to match';
  const segments = plain.replace(/^!/, '').split('/');
  if (segments.filter(seg => seg === '**').length > MAX_GLOBSTARS) return `has more than ${MAX_GLOBSTARS} ** segments, which can take very long to match`;
  if (segments.some(seg => seg !== '**' && (seg.match(/\*/g)?.length ?? 0) > MAX_STARS_PER_SEGMENT)) {
    return `has more than ${MAX_STARS_PER_SEGMENT} * in one path segment, which can take very long to match`;
  }
  return undefined;
}

/**
 * Merges a user config object (parsed JSON, untrusted) over `base`. Unknown keys and values of the
 * wrong shape become problems; they never throw and never replace a good default.
 */
export function mergeConfig(base: NotesConfig, raw: unknown): { config: NotesConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: NotesConfig = structuredClone(base);
  if (raw === undefined) return { config, problems };
  if (!isPlainObject(raw)) {
    problems.push({ path: '', message: 'configuration must be a JSON object' });
    return { config, problems };
  }
  for (const key of Object.keys(raw)) {
    if (!CONFIG_KEYS.has(key)) problems.push({ path: key, message: `unknown setting "${key}"` });
  }
  const strings = (key: string, v: unknown): string[] | undefined => {
    if (Array.isArray(v) && v.every(s => typeof s === 'string')) return v as string[];
    problems.push({ path: key, message: `"${key}" must be an array of strings` });
    return undefined;
  };
  const r = raw as Record<string, unknown>;
  for (const key of ['include', 'exclude', 'requiredFields', 'dateFields', 'draftStatuses'] as const) {
    if (r[key] !== undefined) {
      const v = strings(key, r[key]);
      if (v && (key === 'include' || key === 'exclude')) {
        if (v.length > MAX_GLOBS) problems.push({ path: key, message: `"${key}" has more than ${MAX_GLOBS.toLocaleString('en')} patterns` });
        // `[]` reads as "no notes", yet a list without patterns would include every Markdown file: say so, keep the default
        else if (key === 'include' && v.length === 0) problems.push({ path: key, message: '"include" is empty, which would check no note; leave it out to check every Markdown file' });
        else config[key] = v.filter((g, i) => {
          const why = slowGlob(g);
          if (why) problems.push({ path: `${key}[${i}]`, message: `pattern "${g}" ${why}` });
          return !why;
        });
      } else if (v && (key === 'requiredFields' || key === 'dateFields')) {
        // a blank field name is a field no note can have: every note would be reported, with no way to fix it; and
        // `"status "` is a slip for `status` (no YAML key is written with blanks around it), read so and said
        config[key] = v.filter((f, i) => {
          if (f.trim() === '') problems.push({ path: `${key}[${i}]`, message: 'a field name cannot be blank' });
          else if (f.trim() !== f) problems.push({ path: `${key}[${i}]`, message: `field name ${JSON.stringify(f)} has blanks around it: read as ${JSON.stringify(f.trim())}` });
          return f.trim() !== '';
        }).map(f => f.trim());
      } else if (v) config[key] = v;
    }
  }
  if (r.matrixFileName !== undefined) {
    if (typeof r.matrixFileName === 'string' && /^readme\.md$/i.test(r.matrixFileName)) {
      problems.push({ path: 'matrixFileName', message: '"matrixFileName" cannot be README.md, the series README' });
    } else if (typeof r.matrixFileName === 'string' && /^[^/\\]+\.md$/i.test(r.matrixFileName)) config.matrixFileName = r.matrixFileName;
    else problems.push({ path: 'matrixFileName', message: '"matrixFileName" must be a Markdown file name such as "coverage_matrix.md"' });
  }
  if (r.rules !== undefined) {
    if (!isPlainObject(r.rules)) problems.push({ path: 'rules', message: '"rules" must be an object of rule code → severity' });
    else {
      for (const [code, sev] of Object.entries(r.rules)) {
        if (!(RULE_CODES as readonly string[]).includes(code)) {
          problems.push({ path: `rules.${code}`, message: `unknown rule "${code}"` });
        } else if (!SEVERITIES.includes(sev as RuleSetting)) {
          problems.push({ path: `rules.${code}`, message: `severity of "${code}" must be one of ${SEVERITIES.join(', ')}` });
        } else {
          config.rules[code as RuleCode] = sev as RuleSetting;
        }
      }
    }
  }
  if (r.allowedValues !== undefined) {
    if (!isPlainObject(r.allowedValues)) problems.push({ path: 'allowedValues', message: '"allowedValues" must be an object of field → array of strings (or null)' });
    else {
      // merged per field over the defaults: a listed field is replaced, `null` lifts its restriction, a value
      // of the wrong shape is reported and changes nothing (null prototype: a `__proto__` field is just a field);
      // so is an empty list, which would make every value of the field wrong
      const out: Record<string, string[]> = Object.assign(Object.create(null), config.allowedValues);
      for (const [field, vals] of Object.entries(r.allowedValues)) {
        if (vals === null) { delete out[field]; continue; }
        const path = `allowedValues.${field}`;
        const v = strings(path, vals);
        if (v?.length === 0) problems.push({ path, message: `"${path}" is empty, which would allow no value at all (list the allowed values, or null to allow any)` });
        else if (v) out[field] = v;
      }
      config.allowedValues = out;
    }
  }
  for (const key of ['priorityLabels', 'statusWords'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    const target = config[key] as Record<string, string[]>;
    if (!isPlainObject(v)) { problems.push({ path: key, message: `"${key}" must be an object` }); continue; }
    for (const [k, labels] of Object.entries(v)) {
      // own keys only (not `in`): `constructor`, `toString` and `__proto__` are no keys
      if (!Object.hasOwn(target, k)) { problems.push({ path: `${key}.${k}`, message: `unknown key "${k}" (expected ${Object.keys(target).join(', ')})` }); continue; }
      const l = strings(`${key}.${k}`, labels);
      if (!l) continue;
      // a label is matched trimmed (a README's `- 必讀 -`), so it is kept trimmed
      const kept = l.map(x => x.trim()).filter(x => x !== '');
      if (kept.length < l.length) problems.push({ path: `${key}.${k}`, message: `a ${key === 'statusWords' ? 'status word' : 'priority label'} cannot be blank` });
      target[k] = kept;
    }
    // a label under two priorities (a word under two statuses) means the first one, whatever the author meant:
    // reported where the author wrote it, once per pair
    const [noun, names] = key === 'statusWords' ? ['word', 'status'] : ['label', 'priority'];
    const reported = new Set<string>();
    // (compared as statusOf and priorityOf compare them)
    const keyOf = key === 'statusWords' ? statusWordKey : (x: string) => x.trim().toLowerCase();
    for (const k of Object.keys(v)) {
      if (!Object.hasOwn(target, k)) continue;
      for (const label of target[k]) {
        const lower = keyOf(label);
        const other = Object.keys(target).find(o => o !== k && target[o].some(x => keyOf(x) === lower));
        if (other === undefined || reported.has(`${lower}\n${[k, other].sort().join()}`)) continue;
        reported.add(`${lower}\n${[k, other].sort().join()}`);
        problems.push({ path: `${key}.${k}`, message: `"${label}" is also a ${noun} of ${other}: a ${noun} names one ${names}` });
      }
    }
  }
  return { config, problems };
}

/**
 * Parses `.notes-navigator.json` text; a syntax error is a problem, never an exception. Messages do not name the
 * file: the caller says which file it read (`<file>: not valid JSON: … at line 3, column 5`).
 */
export function parseConfigText(text: string, base: NotesConfig = defaultConfig()): { config: NotesConfig; problems: ConfigProblem[] } {
  const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { config: structuredClone(base), problems: [{ path: '', message: `not valid JSON: ${jsonErrorText(json, (e as Error).message)}` }] };
  }
  return mergeConfig(base, raw);
}

/**
 * JSON.parse's complaint about `text` with its position as a line and column (1-based), as an editor shows them:
 * V8 says `at position 41` or nothing (`Unexpected token 'x', "…the text…" is not valid JSON`).
 */
function jsonErrorText(text: string, message: string): string {
  // `… in JSON at position 41`, or `… after JSON at position 38` (trailing text)
  const at = / (?:in|after) JSON at position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : jsonErrorOffset(text);
  const what = message.replace(/(?: in JSON)? at position \d+.*$/s, '').replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    // the token V8 quotes may be a line break or a tab: written as an escape, the message stays one line
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, c => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  if (offset === undefined) return what;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return `${what} at line ${line}, column ${offset - lineStart + 1}`;
}

/** Where the first syntax error of `text` (JSON that JSON.parse refused) is; undefined when it cannot tell. */
function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const space = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const expect = (c: string) => { if (text[i] !== c) throw i; i++; };
  const token = (re: RegExp) => {
    re.lastIndex = i;
    if (!re.test(text)) throw i;
    i = re.lastIndex;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') { space(); token(STRING); space(); expect(':'); }
        value();
        space();
        if (text[i] !== ',') { expect(close); return; }
        i++;
      }
    }
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
    if (word === undefined) token(c === '"' ? STRING : NUMBER);
    else for (const w of word) expect(w); // `tru]` fails at `]`, as JSON.parse says
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined; // a RangeError: nested too deep to tell
  }
}

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** A JSON object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a workspace-relative POSIX path is a note the config includes: Markdown, included, not excluded.
 * In `include` and in `exclude`, a pattern starting with `!` is an exception to the list's other patterns: a path
 * is included when an include pattern matches and no `!` include pattern does (likewise for exclude).
 * The extension is Markdown in any case (as links see it): `A.MD` is matched as written and as `A.md`, so the
 * default include pattern takes it in, and it is excluded when either form is.
 */
export function noteFilter(config: NotesConfig): (path: string) => boolean {
  const inc = globList(config.include, ['**/*.md']);
  const exc = globList(config.exclude, []);
  return (p: string) => {
    if (!isMarkdown(p) || isAlwaysExcluded(p)) return false;
    if (p.endsWith('.md')) return inc(p) && !exc(p);
    const lower = p.slice(0, -3) + '.md';
    return (inc(p) || inc(lower)) && !exc(p) && !exc(lower);
  };
}

/**
 * What picomatch's `**` + `/*.md` (the default `include`) matches, without running its regular expression on every
 * listed file: a path ending in `.md` with no `.` or `..` segment.
 */
function anyMarkdownPath(p: string): boolean {
  return p.endsWith('.md') && !/(^|\/)\.\.?(\/|$)/.test(p);
}

/**
 * A matcher for a list of globs with `!` exceptions (picomatch, given a list, matches when any pattern does, and a
 * `!x` alone matches everything but x). `orElse`: the patterns a list of only exceptions (or none) excepts from.
 */
function globList(patterns: readonly string[], orElse: string[]): (path: string) => boolean {
  const opts = { dot: true, nocase: false };
  // `!(a|b)` is an extended glob (anything but a or b), not an exception
  const isException = (g: string) => g.startsWith('!') && !g.startsWith('!(');
  const positive = patterns.filter(g => !isException(g));
  const except = patterns.filter(isException).map(g => g.slice(1));
  const globs = positive.length ? positive : orElse;
  const matches = globs.length === 1 && globs[0] === '**/*.md' ? anyMarkdownPath : globs.length ? orFolderAbove(picomatch(globs, opts)) : () => false;
  if (except.length === 0) return matches;
  const excepted = orFolderAbove(picomatch(except, opts));
  return p => matches(p) && !excepted(p);
}

/**
 * A pattern that names a folder stands for everything in it, as in `.gitignore` and tsconfig's `exclude`: `archive`
 * and `notes/*` take in `archive/old/a.md` and `notes/x/b.md`. The path itself is tried first, then each folder
 * above it, nearest first.
 */
function orFolderAbove(matches: (path: string) => boolean): (path: string) => boolean {
  return p => {
    if (matches(p)) return true;
    for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1)) {
      if (matches(p.slice(0, i))) return true;
    }
    return false;
  };
}

/** Canonical priority for a label (`必讀` → must-read), case-insensitive for Latin labels. */
export function priorityOf(config: NotesConfig, label: string): PriorityKey | undefined {
  const l = label.trim().toLowerCase();
  for (const [key, labels] of Object.entries(config.priorityLabels) as [PriorityKey, string[]][]) {
    if (labels.some(x => x.toLowerCase() === l)) return key;
  }
  return undefined;
}

/**
 * A status word as it is compared: its parts in lower case, a part ending at a run of white space, `-` or `_` and
 * where a lower-case letter meets an upper-case one, so that `In-Progress`, `in_progress`, `InProgress` and
 * `In  Progress` are all `In Progress`; within a part nothing may come between letters (`D o n e` is no `Done`). A
 * word of only such characters stays itself.
 */
export function statusWordKey(word: string): string {
  const parts = statusWordParts(word);
  return parts.length === 0 ? word.trim().toLowerCase() : parts.join(' ');
}

/** The parts of a status word as statusWordKey reads them, in lower case (the cell search joins them again). */
export function statusWordParts(word: string): string[] {
  return word.trim().split(STATUS_WORD_BREAKS).filter(Boolean).map(p => p.toLowerCase());
}

/** Where statusWordKey ends a part: runs of white space, `-` and `_`, and a lower-case letter before an upper-case one. */
const STATUS_WORD_BREAKS = /[\s_-]+|(?<=\p{Ll})(?=\p{Lu})/u;

/** Canonical coverage status for a matrix status word (compared by statusWordKey). */
export function statusOf(config: NotesConfig, word: string): CoverageStatus | undefined {
  const w = statusWordKey(word);
  for (const [key, words] of Object.entries(config.statusWords) as [CoverageStatus, string[]][]) {
    if (words.some(x => statusWordKey(x) === w)) return key;
  }
  return undefined;
}
