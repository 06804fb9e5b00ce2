import * as vscode from 'vscode';
import { fixesFor } from '../../core/fixes/index';
import type { Diagnostic, Fix } from '../../core/model';
import { FIX_TITLES, type FixTitleId } from '../../core/fixes/titles';
import { fillTemplate } from '../../core/text/template';
import type { IndexService } from '../indexService';
import type { CurrentNote } from './currentNote';

/** Rounds of "read the files a fix asked for, then ask again". */
const MAX_FETCH_ROUNDS = 3;

/**
 * The texts fixes are built on: the document's own and those of the other files they edit (an open buffer wins over
 * the disk), with the version of every buffer read, so that an edit is never applied to text that changed since.
 */
export class FixTexts {
  readonly texts = new Map<string, string | undefined>();
  private readonly versions = new Map<string, number | undefined>();

  constructor(private readonly service: IndexService) {}

  /**
   * Reads the document's own text now. Its version is noted as the one the index record was found to hold
   * (`current.version`), so that `unchanged()` is false when the buffer changed since: the fixes are built on that
   * record's diagnostics, whose ranges are of that version's text.
   */
  own(current: CurrentNote, document: vscode.TextDocument): string {
    const text = document.getText();
    this.texts.set(current.file, text);
    this.versions.set(current.file, current.version);
    return text;
  }

  async read(files: readonly string[]): Promise<void> {
    // `textOf` reads an open buffer synchronously: the version noted just before it is the version of that text
    const got = await Promise.all(files.map(f => {
      this.versions.set(f, this.service.documentOf(f)?.version);
      return this.service.textOf(f);
    }));
    files.forEach((f, i) => this.texts.set(f, got[i]));
  }

  /** True while no buffer read has changed (nor a file read from the disk been opened) since it was read. */
  unchanged(): boolean {
    for (const [file, version] of this.versions) {
      if (this.service.documentOf(file)?.version !== version) return false;
    }
    return true;
  }
}

/**
 * The core's fixes for one diagnostic, with the current text of every other file a fix edits (an open buffer
 * wins over the disk): `fixesFor` is pure and synchronous, so the texts it asks for are read and it is asked
 * again. Titles are localized.
 */
export async function fixesWithTexts(service: IndexService, diagnostic: Diagnostic, text: string, today: string,
  texts: FixTexts = new FixTexts(service)): Promise<Fix[]> {
  if (!texts.texts.has(diagnostic.file)) texts.texts.set(diagnostic.file, text);
  let fixes: Fix[] = [];
  for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
    const missing = new Set<string>();
    fixes = fixesFor(service.index, diagnostic, text, today, file => {
      if (texts.texts.has(file)) return texts.texts.get(file);
      missing.add(file);
      return undefined;
    });
    if (missing.size === 0) break;
    await texts.read([...missing]);
  }
  return fixes.map(f => ({ ...f, title: localizedFixTitle(f) }));
}

type Localizer = (a: readonly string[]) => string;

/** The l10n template of each fix title (word for word the core's English template, `FIX_TITLES`). */
const TITLES: Record<FixTitleId, Localizer> = {
  'insert-frontmatter': () => vscode.l10n.t('Insert frontmatter'),
  'move-frontmatter': () => vscode.l10n.t('Move frontmatter to the top'),
  'add-link': a => vscode.l10n.t('Add a link to {0} in {1}', a[0]!, a[1]!),
  'add-to-file': a => vscode.l10n.t('Add "{0}" to {1}', a[0]!, a[1]!),
  'add-field': a => vscode.l10n.t('Add "{0}"', a[0]!),
  'set-today': a => vscode.l10n.t('Set "{0}" to today ({1})', a[0]!, a[1]!),
  'set-value': a => vscode.l10n.t('Set "{0}" to "{1}"', a[0]!, a[1]!),
  'replace-item': a => vscode.l10n.t('Replace "{0}" in "{1}" with "{2}"', a[0]!, a[1]!, a[2]!),
  'remove-item': a => vscode.l10n.t('Remove "{0}" from "{1}"', a[0]!, a[1]!),
  'set-status': a => vscode.l10n.t('Set status to "{0}"', a[0]!),
  'change-priority': a => vscode.l10n.t('Change priority to "{0}"', a[0]!),
  'change-fragment': a => vscode.l10n.t('Change fragment to "{0}"', a[0]!),
  'change-to': a => vscode.l10n.t('Change to "{0}"', a[0]!),
  'create': a => vscode.l10n.t('Create {0}', a[0]!),
};

/**
 * A fix's title in VS Code's display language, from the id and arguments the core built it from (never parsed back
 * from the English title: a path holding " in " or a label holding quotes would split wrongly). The English title
 * when the fix has none, or they do not rebuild it.
 */
export function localizedFixTitle(fix: Pick<Fix, 'title' | 'titleId' | 'titleArgs'>): string {
  const { titleId: id, titleArgs: args = [] } = fix;
  if (id === undefined || !Object.hasOwn(TITLES, id) || fillTemplate(FIX_TITLES[id], args) !== fix.title) return fix.title;
  return TITLES[id](args);
}
