import * as vscode from 'vscode';

/**
 * Counted nouns of the user interface, singular for one ("1 error", "3 errors"; zh-TW has one form). Each string is
 * written out for the l10n bundle.
 */
export const countPhrase = {
  notes: (n: number) => (n === 1 ? vscode.l10n.t('1 note') : vscode.l10n.t('{0} notes', n)),
  errors: (n: number) => (n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n)),
  warnings: (n: number) => (n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n)),
  infos: (n: number) => (n === 1 ? vscode.l10n.t('1 info') : vscode.l10n.t('{0} infos', n)),
  hints: (n: number) => (n === 1 ? vscode.l10n.t('1 hint') : vscode.l10n.t('{0} hints', n)),
  files: (n: number) => (n === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', n)),
  chapters: (n: number) => (n === 1 ? vscode.l10n.t('1 chapter') : vscode.l10n.t('{0} chapters', n)),
  rows: (n: number) => (n === 1 ? vscode.l10n.t('1 row') : vscode.l10n.t('{0} rows', n)),
  fixes: (n: number) => (n === 1 ? vscode.l10n.t('1 fix') : vscode.l10n.t('{0} fixes', n)),
  problems: (n: number) => (n === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', n)),
  links: (n: number) => (n === 1 ? vscode.l10n.t('1 link') : vscode.l10n.t('{0} links', n)),
  /** spoken: the screen, short of room, writes `{0} min` */
  minutes: (n: number) => (n === 1 ? vscode.l10n.t('1 minute') : vscode.l10n.t('{0} minutes', n)),
};
