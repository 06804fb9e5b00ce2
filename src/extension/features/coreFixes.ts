import * as vscode from 'vscode';
import { fixesFor } from '../../core/fixes/index';
import type { Diagnostic, Fix } from '../../core/model';
import type { IndexService } from '../indexService';

/** Rounds of "read the files a fix asked for, then ask again". */
const MAX_FETCH_ROUNDS = 3;

/**
 * The core's fixes for one diagnostic, with the current text of every other file a fix edits (an open buffer
 * wins over the disk): `fixesFor` is pure and synchronous, so the texts it asks for are read and it is asked
 * again. Titles are localized.
 */
export async function fixesWithTexts(service: IndexService, diagnostic: Diagnostic, text: string, today: string,
  texts: Map<string, string | undefined> = new Map()): Promise<Fix[]> {
  texts.set(diagnostic.file, text);
  let fixes: Fix[] = [];
  for (let round = 0; round < MAX_FETCH_ROUNDS; round++) {
    const missing = new Set<string>();
    fixes = fixesFor(service.index, diagnostic, text, today, file => {
      if (texts.has(file)) return texts.get(file);
      missing.add(file);
      return undefined;
    });
    if (missing.size === 0) break;
    const wanted = [...missing];
    const got = await Promise.all(wanted.map(f => service.textOf(f)));
    wanted.forEach((f, i) => texts.set(f, got[i]));
  }
  return fixes.map(f => ({ ...f, title: localizedFixTitle(f.title) }));
}

type Localizer = (m: RegExpExecArray) => string;

/** The core's fix titles (English, built from templates) and their l10n templates; most specific first. */
const TITLES: [RegExp, Localizer][] = [
  [/^Insert frontmatter$/, () => vscode.l10n.t('Insert frontmatter')],
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
