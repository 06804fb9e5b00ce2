import * as vscode from 'vscode';
import { builtInMarkdownOn, builtInReadsAttribute } from './builtInReferences';
import { attributeStyle, encodeLinkPath, fitsRef } from '../../core/fixes/destination';
import { linkPlaceAt } from '../../core/index/proseAt';
import { dirname, join, stem } from '../../core/paths';
import { isRefPath } from '../../core/scanner/target';
import type { IndexService } from '../indexService';
import { completionSiteAt, frontmatterSiteAt, keyOfLine, openerOf, unquote, type CompletionSite, type FrontmatterSite } from './completionSite';
import { FolderListing } from './folderListing';
import { frontmatterPlaceOf } from './frontmatterPlace';
import { FrontmatterValues, yamlValueText } from './frontmatterValues';
import { MARKDOWN } from './languageSelector';
import { headingNamed, syntheticLink } from './linkLookup';
import { localToday } from './localDate';
import { isIndexReady } from './readiness';

const TRIGGERS = ['/', '(', '#', '[', '`', ':', ' ', '<', ',', '"', "'", '='];
const SUGGEST_AGAIN: vscode.Command = { command: 'editor.action.triggerSuggest', title: '' };
const FENCE_CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Completion in notes: paths inside `](…` and backticks (relative to the note's folder, folders first), headings
 * after `#` in a link or `[[name#` (in `](…` and `[label]: …` only when VS Code's own Markdown completion is off), note names after `[[`, and inside the frontmatter block the missing field
 * names and field values (allowed values from the config, values such as tags seen in the workspace, today
 * for date fields). Everything is looked up in the index; nothing scans the workspace per keystroke.
 */
export function registerCompletion(service: IndexService): vscode.Disposable {
  const folders = new FolderListing(service.index, service.onDidChange);
  const values = new FrontmatterValues(service.index, service.onDidChange);
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems: (document, position, _token, context) => {
      try {
        if (!isIndexReady(service)) return undefined;
        const file = service.fileOf(document.uri);
        if (file === undefined) return undefined;
        const prefix = document.lineAt(position.line).text.slice(0, position.character);
        const byTrigger = context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter;
        // a quote or `=` typed opens the value of an HTML tag's href or src, and nothing else (decided from the line
        // alone: quotes are common in prose and frontmatter)
        if (byTrigger && /^["'=]$/.test(context.triggerCharacter ?? '') && !opensAttribute(prefix)) return undefined;
        const frontmatter = frontmatterPlaceOf(document, position.line);
        if (frontmatter.kind !== 'body') {
          // (a block of another language is no YAML, and no prose either)
          if (frontmatter.kind === 'fence' || !frontmatter.yaml) return undefined;
          const site = frontmatterSiteAt(prefix, () => keyAbove(document, position.line));
          if (!site || (site.kind === 'key' && byTrigger) || context.triggerCharacter === ':') return undefined;
          return frontmatterItems(service, values, document, position, site);
        }
        // what the line before the cursor holds decides first: most keystrokes (a space, a comma in prose) open nothing,
        // and only a site is worth a look at the document around it
        const site = completionSiteAt(prefix);
        if (!site || (site.kind !== 'wikilink' && site.definition && !mayStartDefinition(document, position.line))) return undefined;
        // (VS Code's own Markdown completes link destinations, and the values of the HTML attributes it reads)
        const builtInSite = site.kind !== 'wikilink' && site.syntax === 'link' && (site.attribute === undefined || builtInReadsAttribute(site.attribute));
        if (builtInSite && builtInCompletesLinks(document)) return undefined;
        if (site.kind === 'path' && site.syntax === 'ref' && site.typed === '' && context.triggerCharacter === '`') return undefined;
        if (byTrigger && (context.triggerCharacter === ' ' || context.triggerCharacter === ':' || context.triggerCharacter === ',')) {
          // a space opens a wikilink's next word, or the destination of `[label]: `
          const destination = context.triggerCharacter === ' ' && site.kind === 'path' && site.definition === true && site.typed === '';
          if (site.kind !== 'wikilink' && !destination) return undefined;
        }
        if (!scannedAsLink(document, position.line, site, frontmatter.bodyStart)) return undefined;
        return linkItems(service, folders, file, position, site, document.lineAt(position.line).text);
      } catch (e) {
        service.log.error(`completion failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        return undefined;
      }
    },
  };
  return vscode.Disposable.from(folders, values, vscode.languages.registerCompletionItemProvider(MARKDOWN, provider, ...TRIGGERS));
}

/**
 * Whether VS Code's own Markdown support completes paths and headings in `](…` and `[label]: …` (it does unless
 * `markdown.suggest.paths.enabled` is off or the extension is disabled): offering them too lists every item twice.
 */
/** Whether `prefix` ends where the value of an `<a href` or `<img src` opens (its quote or `=` just typed). */
function opensAttribute(prefix: string): boolean {
  const site = completionSiteAt(prefix);
  return site?.kind === 'path' && site.attribute !== undefined && site.typed === '';
}

function builtInCompletesLinks(document: vscode.TextDocument): boolean {
  if (!builtInMarkdownOn()) return false;
  return vscode.workspace.getConfiguration('markdown', document.uri).get<boolean>('suggest.paths.enabled', true) !== false;
}

/**
 * Whether a reference definition may start on a line: it cannot interrupt a paragraph, so the line above must be
 * blank or end a block of its own (a heading, a fence, `---`, another definition).
 */
function mayStartDefinition(document: vscode.TextDocument, line: number): boolean {
  if (line === 0) return true;
  const above = document.lineAt(line - 1).text;
  return above.trim() === '' || /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|---|\[(?:[^[\]\\]|\\.)+\]:)/.test(above);
}

/** The key of the nearest mapping entry above a line (for `- item` lines of a YAML list). */
function keyAbove(document: vscode.TextDocument, line: number): string | undefined {
  for (let l = line - 1; l >= 1; l--) {
    const text = document.lineAt(l).text;
    if (/^[ \t]*-/.test(text) || text.trim() === '') continue;
    return keyOfLine(text);
  }
  return undefined;
}

/** The other `- item` values of the block list a `- …` line belongs to (to not offer them again). */
function itemsAround(document: vscode.TextDocument, line: number): string[] {
  const items: string[] = [];
  const collect = (l: number): boolean => {
    const m = /^[ \t]*-[ \t]+(.*)$/.exec(document.lineAt(l).text);
    if (m) items.push(unquote(m[1]));
    return m !== null;
  };
  for (let l = line - 1; l >= 1 && collect(l); l--);
  for (let l = line + 1; l < document.lineCount && !FENCE_CLOSE.test(document.lineAt(l).text) && collect(l); l++);
  return items.filter(v => v !== '');
}

/**
 * Whether what the site opens is where the scanner reads links, as the core's block pass finds it (the one hover and
 * go to definition ask): a wikilink or link in prose, a backtick path as a code span opened there, a reference
 * definition's destination, an attribute of a tag in prose or in an HTML block of tags — not in code (fenced,
 * indented, a span), an HTML comment or a `<pre>` block.
 */
function scannedAsLink(document: vscode.TextDocument, line: number, site: CompletionSite, bodyStart: number): boolean {
  // a definition's label (its destination may be empty yet: `[label]: ` is a paragraph then), else the opener's last character
  const column = site.kind !== 'wikilink' && site.definition ? document.lineAt(line).text.search(/\S/) : openerOf(site) - 1;
  const place = linkPlaceAt(document.getText(), bodyStart, document.offsetAt(new vscode.Position(line, column)));
  if (place === 'prose') return true;
  if (site.kind === 'wikilink') return false;
  if (site.syntax === 'ref') return place === 'code span';
  return (site.definition === true && place === 'definition') || (site.attribute !== undefined && place === 'html');
}

function frontmatterItems(service: IndexService, values: FrontmatterValues, document: vscode.TextDocument,
  position: vscode.Position, site: FrontmatterSite): vscode.CompletionItem[] {
  const lineText = document.lineAt(position.line).text;
  // a key runs to its colon; a value to a quote, a comment, or the next item of a flow list (blanks before it stay)
  const value = itemRange(lineText, position.line, site.start, position.character,
    site.kind === 'key' ? /[:\s]/ : site.list ? /[,\]"'#]/ : /["'#]/);
  let end = value.replacing.end.character;
  while (end > position.character && /\s/.test(lineText[end - 1])) end--;
  const range = { inserting: value.inserting, replacing: new vscode.Range(position.line, site.start, position.line, end) };
  const config = service.index.config;
  if (site.kind === 'key') {
    const present = new Set<string>();
    for (let l = 1; l < document.lineCount; l++) {
      const text = document.lineAt(l).text;
      if (FENCE_CLOSE.test(text)) break;
      const key = keyOfLine(text);
      if (key !== undefined) present.add(key);
    }
    return config.requiredFields.filter(f => !present.has(f)).map((field, i) => {
      const item = new vscode.CompletionItem(field, vscode.CompletionItemKind.Property);
      item.insertText = `${field}: `;
      item.range = range;
      item.detail = vscode.l10n.t('Required frontmatter field');
      item.sortText = String(i).padStart(3, '0');
      item.command = SUGGEST_AGAIN;
      return item;
    });
  }
  const allowed = config.allowedValues[site.key];
  let candidates: { value: string; kind: vscode.CompletionItemKind; detail: string }[];
  if (allowed) {
    candidates = allowed.map(value => ({ value, kind: vscode.CompletionItemKind.EnumMember, detail: vscode.l10n.t('Allowed value of {0}', site.key) }));
  } else if (config.dateFields.includes(site.key)) {
    candidates = [{ value: localToday(), kind: vscode.CompletionItemKind.Value, detail: vscode.l10n.t('Today') }];
  } else {
    candidates = values.valuesOf(site.key).map(value => ({ value, kind: vscode.CompletionItemKind.Value, detail: vscode.l10n.t('Used in other notes') }));
  }
  const taken = new Set(site.taken ?? (site.list ? itemsAround(document, position.line) : []));
  // after a quote the user opened the value goes in as is; else quoted when YAML would read it as something else
  const quoted = site.start > 0 && (lineText[site.start - 1] === '"' || lineText[site.start - 1] === "'");
  const flowList = site.list && !/^[ \t]*-/.test(lineText);
  return candidates.filter(c => !taken.has(c.value)).map(({ value, kind, detail }, i) => {
    const item = new vscode.CompletionItem(value, kind);
    if (!quoted) {
      const text = yamlValueText(value, flowList);
      if (text !== value) item.insertText = text;
    }
    item.range = range;
    item.detail = detail;
    item.sortText = String(i).padStart(5, '0');
    return item;
  });
}

/**
 * The range an item takes: inserting replaces what is typed before the cursor; replacing (Shift+Enter, or
 * `editor.suggest.insertMode: replace`) also what follows it up to the end of the segment, so that completing in
 * the middle of `[x](sub/fo|o.md)` does not leave `foo.mdo.md`.
 */
function itemRange(lineText: string, line: number, start: number, cursor: number, stop: RegExp): { inserting: vscode.Range; replacing: vscode.Range } {
  let end = cursor;
  while (end < lineText.length && !stop.test(lineText[end])) end++;
  return { inserting: new vscode.Range(line, start, line, cursor), replacing: new vscode.Range(line, start, line, end) };
}

/**
 * What ends the segment being completed, per construct: a path segment ends at `/` and where the fragment (`#`) or, in a
 * link, the query (`?`) starts, which replacing it must keep.
 */
function segmentStop(site: CompletionSite): RegExp {
  if (site.kind === 'wikilink') return /[\]|#]/;
  if (site.kind === 'heading') return site.syntax === 'wikilink' ? /[\]|]/ : site.syntax === 'ref' ? /[\s`]/ : site.attribute ? /[\s"'>]/ : /[\s)>]/;
  if (site.syntax === 'ref') return /[\s`/#]/;
  if (site.attribute) return attributeStyle(site.attribute) === 'srcset' ? /[\s"'>#?/,]/ : /[\s"'>#?/]/;
  return site.angle ? /[>#?/]/ : /[\s)#?/]/;
}

function linkItems(service: IndexService, folders: FolderListing, file: string, position: vscode.Position,
  site: CompletionSite, lineText: string): vscode.CompletionList | undefined {
  const line = position.line;
  const stop = segmentStop(site);
  if (site.kind === 'path') {
    const slash = site.typed.lastIndexOf('/');
    const typedFolder = site.typed.slice(0, slash + 1);
    // a link's destination is percent-decoded, `<angle>` ones too
    const folderText = site.syntax === 'link' ? decodePath(typedFolder) : typedFolder;
    // a Markdown link is relative to the note's folder; a backtick path also to the series folder, then the root
    const bases = [dirname(file)];
    if (site.syntax === 'ref') bases.push(service.index.seriesOf(file)?.folder ?? '', '');
    const range = itemRange(lineText, line, site.start + slash + 1, position.character, stop);
    // a name is written as the core writes link paths (fixes, renames), so that it reads back as that name
    const style = site.attribute ? attributeStyle(site.attribute) : site.angle ? 'angle' : 'plain';
    const encode = site.syntax === 'ref' ? (s: string) => s : (s: string) => encodeLinkPath(s, style);
    // only names the link can hold: a backtick path is one the core's isRefPath takes (a `.md` file, no blank, glob or
    // Markdown character), and no link reaches a name holding a backslash (a folder separator to the core, as on Windows)
    const fits = site.syntax === 'ref'
      ? (name: string, isFolder: boolean) => isRefPath(typedFolder + name + (isFolder ? '/x.md' : ''))
      : (name: string) => !name.includes('\\');
    const items: vscode.CompletionItem[] = [];
    const offered = new Set<string>();
    const seenFolders = new Set<string>();
    for (const base of bases) {
      const folder = folderText === '' ? base : join(base, folderText);
      if (folder === undefined || seenFolders.has(folder)) continue;
      seenFolders.add(folder);
      const entries = folders.entries(folder);
      for (const name of entries.folders) {
        if (offered.has(name + '/') || !fits(name, true)) continue;
        offered.add(name + '/');
        const item = new vscode.CompletionItem(name + '/', vscode.CompletionItemKind.Folder);
        item.insertText = encode(name) + '/';
        item.filterText = item.insertText; // what is typed before the cursor is encoded too (`c%20d`)
        item.range = range;
        item.sortText = `${seenFolders.size}0${name}`;
        item.command = SUGGEST_AGAIN;
        items.push(item);
      }
      const prefix = folder === '' ? '' : folder + '/';
      for (const name of entries.files) {
        if (offered.has(name) || !fits(name, false)) continue;
        offered.add(name);
        const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.File);
        item.insertText = encode(name);
        item.filterText = item.insertText;
        item.range = range;
        item.sortText = `${seenFolders.size}1${name}`;
        const note = service.index.note(prefix + name);
        if (note) item.detail = note.title;
        items.push(item);
      }
    }
    return new vscode.CompletionList(items, false);
  }
  if (site.kind === 'heading') {
    let target = file;
    if (site.target !== '') {
      const resolution = service.index.resolve(file, syntheticLink(site.syntax, site.syntax === 'link' ? decodePath(site.target) : site.target));
      if (resolution.kind !== 'file' || !resolution.exists) return undefined;
      target = resolution.file;
    }
    const headings = service.index.headingsOf(target) ?? [];
    const range = itemRange(lineText, line, site.start, position.character, stop);
    const count = new Map<string, number>();
    for (const h of headings) count.set(h.text.toLowerCase(), (count.get(h.text.toLowerCase()) ?? 0) + 1);
    const items: vscode.CompletionItem[] = [];
    for (const [i, h] of headings.entries()) {
      // a wikilink names a heading by its text (one holding `|`, `[` or `]` would end the target), else by its slug; the
      // fragment inserted is one the core leads back to this heading (a text or slug may name an earlier heading: `Dup`
      // twice and `dup-1`), else the heading is not offered
      const fragments = site.syntax === 'wikilink' && !/[[\]|]/.test(h.text) ? [h.text, h.slug] : [h.slug];
      // (a backtick path has no escapes: a slug it cannot hold is no item)
      const fragment = fragments.find(f => headingNamed(service.index, target, f, site.syntax) === h && (site.syntax !== 'ref' || fitsRef(site.target, f)));
      if (fragment === undefined) continue;
      // headings sharing a text are told apart by the fragment each item inserts
      const shared = (count.get(h.text.toLowerCase()) ?? 0) > 1;
      const item = new vscode.CompletionItem(shared ? { label: h.text, description: `#${h.slug}` } : h.text, vscode.CompletionItemKind.Reference);
      item.insertText = fragment;
      item.filterText = fragment;
      item.detail = `${'#'.repeat(h.level)} ${h.text}`;
      item.range = range;
      item.sortText = String(i).padStart(6, '0');
      items.push(item);
    }
    return new vscode.CompletionList(items, false);
  }
  // wikilink: every note by file name; a name several notes share is completed with its path
  const stems = new Map<string, number>();
  const notes = [...service.index.notes()];
  for (const n of notes) {
    const s = stem(n.file).toLowerCase();
    stems.set(s, (stems.get(s) ?? 0) + 1);
  }
  const range = itemRange(lineText, line, site.start, position.character, stop);
  const items: vscode.CompletionItem[] = [];
  for (const n of notes) {
    const name = stem(n.file);
    const shared = (stems.get(name.toLowerCase()) ?? 0) > 1;
    let insert = shared ? n.file.replace(/\.md$/i, '') : name;
    // a shared name's path may still end another note's path nearer to this one (`x/dup` from `a/x/`): rooted, it cannot
    if (shared && !leadsTo(service, file, insert, n.file)) insert = '/' + insert;
    const byTitle = BREAKS_WIKILINK.test(insert);
    if (byTitle) {
      // `[[c#d]]` would name heading `d` of `c`: such a note is named by its title when that leads to it, or not offered
      if (!titleLeadsTo(service, file, n.title, n.file)) continue;
      insert = n.title;
    }
    const item = new vscode.CompletionItem({ label: insert, description: shared ? undefined : dirname(n.file) }, vscode.CompletionItemKind.File);
    item.insertText = insert;
    item.filterText = `${insert} ${n.title}`;
    item.detail = byTitle ? n.file : n.title !== name ? n.title : undefined;
    item.range = range;
    items.push(item);
  }
  // and by each frontmatter alias that leads to its note as written (file names and titles come first; a name
  // cannot hold `|`, `#` or brackets)
  for (const n of notes) {
    for (const alias of n.aliases ?? []) {
      // an alias that is the note's own file name is offered already, by that name
      if (alias.toLowerCase() === stem(n.file).toLowerCase() || !titleLeadsTo(service, file, alias, n.file)) continue;
      const item = new vscode.CompletionItem({ label: alias, description: n.file }, vscode.CompletionItemKind.Reference);
      item.insertText = alias;
      item.filterText = alias;
      item.detail = n.file;
      item.range = range;
      items.push(item);
    }
  }
  return new vscode.CompletionList(items, false);
}

/** What ends a wikilink's note name: a heading (`#`), an alias (`|`), the brackets. */
const BREAKS_WIKILINK = /[#|[\]]/;

function titleLeadsTo(service: IndexService, from: string, title: string, file: string): boolean {
  return !BREAKS_WIKILINK.test(title) && title.trim() !== '' && leadsTo(service, from, title, file);
}

function leadsTo(service: IndexService, from: string, name: string, file: string): boolean {
  const r = service.index.resolve(from, syntheticLink('wikilink', name));
  return r.kind === 'file' && r.file === file;
}

function decodePath(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
