import * as vscode from 'vscode';
import type { PriorityKey } from '../core/model';

/** A priority's display name in the UI language. */
export function priorityName(p: PriorityKey): string {
  switch (p) {
    case 'must-read': return vscode.l10n.t('Must-read');
    case 'important': return vscode.l10n.t('Important');
    case 'skippable': return vscode.l10n.t('Skippable');
  }
}

/**
 * The labels among `labels` that are not the priority's display name: in zh-TW the name of `must-read` is 必讀,
 * which is also the README label, and a README written in English says "Must-read"; a list that shows the name
 * next to such a label would say the same word twice ("必讀 必讀").
 */
export function otherPriorityLabels(key: PriorityKey, labels: readonly string[]): string[] {
  const name = priorityName(key).toLocaleLowerCase();
  return labels.filter(l => l.trim() !== '' && l.trim().toLocaleLowerCase() !== name);
}

/**
 * A chapter's priority in a list: its display name, then the README's label when that is another word ("Must-read (必讀)";
 * zh-TW writes the parentheses full-width after its Chinese name: 必讀（Must-read）).
 */
export function priorityText(key: PriorityKey, label: string | undefined): string {
  const other = otherPriorityLabels(key, label === undefined ? [] : [label]);
  return other.length > 0 ? vscode.l10n.t('{0} ({1})', priorityName(key), other[0]) : priorityName(key);
}
