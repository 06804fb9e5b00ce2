import * as vscode from 'vscode';
import type { Chapter, LinkKind } from '../../core/model';
import { webAddressOf } from '../../core/series/chapterTarget';
import { countPhrase } from '../countPhrases';
import { joinList } from '../listText';
import type { ChapterFacts } from './treeModel';

/**
 * What a screen reader says for the items of the Series and Backlinks views. VS Code reads a tree item's label
 * and description as they are shown: `01_scalability_fundamentals`, `必讀 · 90 min · 2 problems`, `3/21 studied`,
 * with the priority or the link kind only in the icon's shape and colour. These say the same in words.
 */

/** `a, b, c` with the display language's list separator. */
export function spokenList(parts: readonly string[]): string {
  return joinList(vscode.l10n, parts);
}

/**
 * The clauses of one item's label, `Series Backend, 3 of 12 chapters studied`, with the display language's clause
 * separator: zh-TW writes `系列 Backend，12 章中已讀 3 章`, keeping 、 for the items of a list (spokenList). The
 * English is a list's `{0}, {1}`: the comment tells the two apart (VS Code's bundle key is `message/comment`).
 */
export function spokenClauses(parts: readonly string[]): string {
  return parts.reduce((said, part) => (said === '' ? part
    : vscode.l10n.t({ message: '{0}, {1}', args: [said, part], comment: 'clauses of a spoken label' })), '');
}

/** `01_scalability_fundamentals` → `scalability fundamentals`; `17_3` numbers are said as `17.3`. */
function readableLabel(c: Chapter): string {
  let text = c.label;
  if (c.number !== undefined && text.startsWith(c.number)) text = text.slice(c.number.length);
  text = text.replace(/[_\s-]+/g, ' ').trim();
  return text === '' ? c.label : text;
}

function spokenNumber(num: string): string {
  return num.replace(/^0+(?=\d)/, '').replace(/_/g, '.');
}

/**
 * `Chapter 1, Scalability Fundamentals, Must-read, 90 minutes, written, 2 problems, studied`. `priorityName` is the
 * priority's name in the display language (a label the README wrote that is no priority is said as written).
 */
export function chapterAccessibleLabel(
  c: Chapter, facts: ChapterFacts, studied: boolean, priorityName: (c: Chapter) => string | undefined,
): string {
  const name = facts.title?.trim() || readableLabel(c);
  const parts = [c.number !== undefined ? vscode.l10n.t('Chapter {0}: {1}', spokenNumber(c.number), name) : name];
  const priority = priorityName(c);
  if (priority !== undefined) parts.push(priority);
  if (c.minutes !== undefined) parts.push(countPhrase.minutes(c.minutes));
  if (c.file === '') parts.push(webAddressOf(c) !== undefined ? vscode.l10n.t('web page') : vscode.l10n.t('link leaving the workspace'));
  else parts.push(!facts.exists ? vscode.l10n.t('planned, no note yet') : facts.draft ? vscode.l10n.t('draft') : vscode.l10n.t('written'));
  if (facts.problems > 0) parts.push(countPhrase.problems(facts.problems));
  if (facts.exists) parts.push(studied ? vscode.l10n.t('studied') : vscode.l10n.t('not studied'));
  return spokenClauses(parts);
}

/** A series or a group: its name, then its progress in words. */
export function groupAccessibleLabel(name: string, progressInWords: string): string {
  return spokenClauses([name, progressInWords]);
}

export function linkKindName(kind: LinkKind): string {
  switch (kind) {
    case 'link': return vscode.l10n.t('Markdown link');
    case 'image': return vscode.l10n.t('image');
    case 'ref': return vscode.l10n.t('backtick path reference');
    case 'wikilink': return vscode.l10n.t('wikilink');
  }
}

/** A note that links to the active one: `Saga Pattern, backend/…/13_saga.md, 2 links`. */
export function backlinkSourceAccessibleLabel(title: string, file: string, links: number): string {
  return spokenClauses(title === file ? [file, countPhrase.links(links)] : [title, file, countPhrase.links(links)]);
}

/** One link: `CAP theorem, Markdown link, line 12`. */
export function backlinkAccessibleLabel(text: string, kind: LinkKind, line: number): string {
  return spokenClauses([text, linkKindName(kind), vscode.l10n.t('line {0}', line)]);
}
