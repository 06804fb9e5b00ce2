import * as vscode from 'vscode';
import type { Chapter } from '../../core/model';
import { webAddress, webAddressOf } from '../../core/series/chapterTarget';

/**
 * The Series view's rows for README chapters that name no workspace file: a web page (`[01](https://…)`), opened in
 * the browser, and a link leaving the workspace (`../../outside/04.md`), which is never followed (the README check
 * reports it as link-outside-workspace). Neither is a note: no planned state, no Create Note, no studied check box.
 */

export const OPEN_CHAPTER_LINK = 'notesNavigator.openChapterLink';

/** The command a web chapter's row runs: opens the address in the browser, http and https only (README text is untrusted). */
export function registerOpenChapterLink(): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_CHAPTER_LINK, async (address: unknown) => {
    if (typeof address !== 'string' || webAddress(address) !== address) return false;
    return vscode.env.openExternal(vscode.Uri.parse(address));
  });
}

/** The codicon of a chapter whose `file` is '': a web page's, or a warning (the link is not followed). */
export function linkChapterIcon(c: Chapter): 'link-external' | 'warning' {
  return webAddressOf(c) !== undefined ? 'link-external' : 'warning';
}

/** Icon, command and context of the row of a chapter whose `file` is ''. */
export function linkChapterItem(item: vscode.TreeItem, c: Chapter): void {
  const address = webAddressOf(c);
  if (address !== undefined) {
    item.iconPath = new vscode.ThemeIcon(linkChapterIcon(c));
    item.command = { command: OPEN_CHAPTER_LINK, title: vscode.l10n.t('Open Link'), arguments: [address] };
    item.contextValue = 'chapter.link';
  } else {
    item.iconPath = new vscode.ThemeIcon(linkChapterIcon(c), new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = 'chapter.outside';
  }
}

/** What the tooltip says of such a chapter. */
export function linkChapterStatus(c: Chapter): string {
  return webAddressOf(c) !== undefined ? vscode.l10n.t('A web page, not a note: click to open it in the browser.')
    : vscode.l10n.t('The link leaves the workspace and is not followed: this chapter is no note of the workspace.');
}
