import * as vscode from 'vscode';
import { overallCoverage, type CoverageViewModel } from '../../core/coverage/viewModel';
import { labelled } from '../listText';

/** `Coverage 12/40` in the status bar (hidden while no series has a matrix); click opens the panel. */
export class CoverageStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('notesNavigator.coverage', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('Notes Navigator Coverage');
    this.item.command = 'notesNavigator.showCoverage';
  }

  /** the text shown, undefined while hidden */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  /** `folder`: the name of the folder indexed, when the workspace has several (the tooltip says which). */
  update(model: CoverageViewModel, folder?: string): void {
    const { covered, total, series } = overallCoverage(model);
    if (series === 0) {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = `$(graph) ${vscode.l10n.t('Coverage {0}/{1}', covered, total)}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.isTrusted = false;
    tip.supportHtml = false;
    tip.appendText(folder === undefined
      ? vscode.l10n.t('Topics covered (computed from the notes):')
      : vscode.l10n.t('Topics covered in {0} (computed from the notes):', folder));
    for (const s of model.series) {
      if (s.matrix === undefined) continue;
      tip.appendMarkdown('\n\n');
      tip.appendText(labelled(vscode.l10n, s.title, `${s.covered}/${s.total}`));
    }
    tip.appendMarkdown('\n\n');
    tip.appendText(vscode.l10n.t('Click to show the coverage panel.'));
    this.item.tooltip = tip;
    const label = total === 1 ? vscode.l10n.t('Coverage {0} of 1 topic', covered) : vscode.l10n.t('Coverage {0} of {1} topics', covered, total);
    this.item.accessibilityInformation = { label, role: 'button' };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}
