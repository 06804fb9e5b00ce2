import * as vscode from 'vscode';
import { fixesFor } from '../../core/fixes/index';
import type { Diagnostic, Fix } from '../../core/model';
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
  return fixes.map(f => ({ ...f, title: localizedFixTitle(f.title) }));
}

type Localizer = (m: RegExpExecArray) => string;

/** The core's fix titles (English, built from templates) and their l10n templates; most specific first. */
const TITLES: [RegExp, Localizer][] = [
  [/^Insert frontmatter$/, () => vscode.l10n.t('Insert frontmatter')],
  [/^Move frontmatter to the top$/, () => vscode.l10n.t('Move frontmatter to the top')],
  [/^Add a link to (.+) in (.+)$/, m => vscode.l10n.t('Add a link to {0} in {1}', m[1], m[2])],
  [/^Add "(.*)" to ([^"]+)$/, m => vscode.l10n.t('Add "{0}" to {1}', m[1], m[2])],
  [/^Add "(.*)"$/, m => vscode.l10n.t('Add "{0}"', m[1])],
  [/^Set "([^"]*)" to today \(([^)]*)\)$/, m => vscode.l10n.t('Set "{0}" to today ({1})', m[1], m[2])],
  [/^Set "([^"]*)" to "(.*)"$/, m => vscode.l10n.t('Set "{0}" to "{1}"', m[1], m[2])],
  [/^Replace "(.*)" in "([^"]*)" with "(.*)"$/, m => vscode.l10n.t('Replace "{0}" in "{1}" with "{2}"', m[1], m[2], m[3])],
  [/^Remove "(.*)" from "([^"]*)"$/, m => vscode.l10n.t('Remove "{0}" from "{1}"', m[1], m[2])],
  [/^Set status to "(.*)"$/, m => vscode.l10n.t('Set status to "{0}"', m[1])],
  [/^Change priority to "(.*)"$/, m => vscode.l10n.t('Change priority to "{0}"', m[1])],
  [/^Change fragment to "(.*)"$/, m => vscode.l10n.t('Change fragment to "{0}"', m[1])],
  [/^Change to "(.*)"$/, m => vscode.l10n.t('Change to "{0}"', m[1])],
  [/^Create (.+)$/, m => vscode.l10n.t('Create {0}', m[1])],
];

export function localizedFixTitle(title: string): string {
  for (const [pattern, localize] of TITLES) {
    const m = pattern.exec(title);
    if (m) return localize(m);
  }
  return title;
}
