import * as vscode from 'vscode';
import { RULE_CODES, type Diagnostic, type RuleCode } from '../../core/model';
import { localizedMessage } from '../diagnosticMessages';
import { diagnosticsWithheld } from '../diagnosticsGate';
import type { IndexService } from '../indexService';
import { FixTexts, fixesWithTexts } from './coreFixes';
import { currentNote } from './currentNote';
import { FIX_ALL_COMMAND, safeFixesOf } from './fixAll';
import { MARKDOWN } from './languageSelector';
import { localToday } from './localDate';
import { safely } from './safely';

/** Our fix-all kind: runs on `source.fixAll` (e.g. editor.codeActionsOnSave) and from the Source Action menu. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('notesNavigator');

/** The quick fixes that create a missing note (a sub-kind, so keybindings and tests can ask for exactly these). */
export const CREATE_NOTE_KIND = vscode.CodeActionKind.QuickFix.append('notesNavigator.createNote');

/** The fix-all source action; its edit is computed by `resolveCodeAction`, when it is applied. */
class FixAllAction extends vscode.CodeAction {
  constructor(readonly document: vscode.TextDocument, readonly ownFileOnly: boolean) {
    super(vscode.l10n.t('Fix all safe Notes Navigator problems'), FIX_ALL_KIND);
  }
}

/**
 * A quick fix that edits another file (the matrix, the README, a note to link from, a note to create): its edit is
 * built by `resolveCodeAction`, when it is applied, on that file's text of that moment (an open buffer's, else the
 * disk's). The editor keeps a list of fixes (the Problems panel does) while the other file may be edited.
 */
class OtherFileFixAction extends vscode.CodeAction {
  constructor(title: string, kind: vscode.CodeActionKind, readonly document: vscode.TextDocument, readonly diagnostic: vscode.Diagnostic) {
    super(title, kind);
  }
}

/**
 * Quick fixes for Notes Navigator diagnostics: each VS Code diagnostic is matched to the index's diagnostic
 * (same code and range) and every core Fix becomes a CodeAction carrying that diagnostic.
 * Also offers the fix-all source action (every safe fix of the note, one edit).
 * In an untrusted workspace only the fixes that change the open note itself are offered, as an edit the user types
 * would: no fix-all (on save or from the menu; the Fix All command is off there too), no fix that creates a note or
 * edits another file, like the commands that create or edit notes.
 */
export function registerCodeActions(service: IndexService): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions: (document, _range, context, token) => safely(service, 'code actions', async () => {
      const wantQuickFixes = !context.only || context.only.intersects(vscode.CodeActionKind.QuickFix);
      const wantFixAll = context.only !== undefined && context.only.contains(FIX_ALL_KIND);
      const actions: vscode.CodeAction[] = [];
      if (wantQuickFixes) {
        const ours = context.diagnostics.filter(d => ruleCodeOf(d) !== undefined);
        // the light bulb asks on its own as the cursor moves: only a request the user made indexes a waiting edit now
        const asked = context.triggerKind === vscode.CodeActionTriggerKind.Invoke;
        if (ours.length > 0) actions.push(...await quickFixes(service, document, ours, asked));
      }
      if (wantFixAll && vscode.workspace.isTrusted && !token.isCancellationRequested) {
        // on save, fix-all edits the saved file only: other notes must not end up changed (and unsaved) by a save
        const ownFileOnly = context.triggerKind === vscode.CodeActionTriggerKind.Automatic;
        // with diagnostics turned off, or withheld in a folder that is no knowledge base, a save must not fix problems
        // the user is not shown
        const all = ownFileOnly && diagnosticsWithheld(service) ? undefined : await safeFixesOf(service, document, { ownFileOnly });
        if (all && all.applied > 0) actions.push(new FixAllAction(document, ownFileOnly));
      }
      return actions;
    }),
    // the fix-all edit is built when the action is applied, on the text of that moment: on save, VS Code applies
    // every provider's fix-all in turn, so an edit computed with the list would hit text another one has moved
    // (likewise a quick fix editing another file: that file may have changed since the list was shown)
    resolveCodeAction: async (action, token) => {
      if (token.isCancellationRequested) return action;
      if (action instanceof FixAllAction) {
        await safely(service, 'fix all', async () => {
          const all = await safeFixesOf(service, action.document, { ownFileOnly: action.ownFileOnly });
          if (all && all.applied > 0 && all.unchanged()) action.edit = service.toWorkspaceEdit(all.edits);
        });
      } else if (action instanceof OtherFileFixAction) {
        await safely(service, 'quick fix', async () => { action.edit = await otherFileEdit(service, action); });
      }
      return action;
    },
  };
  return vscode.languages.registerCodeActionsProvider(MARKDOWN, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, CREATE_NOTE_KIND, FIX_ALL_KIND],
    documentation: [{ kind: FIX_ALL_KIND, command: { command: FIX_ALL_COMMAND, title: vscode.l10n.t('Fix all safe problems') } }],
  });
}

async function quickFixes(service: IndexService, document: vscode.TextDocument, diagnostics: vscode.Diagnostic[],
  asked: boolean): Promise<vscode.CodeAction[]> {
  const current = await currentNote(service, document, { now: asked });
  if (!current) return [];
  const indexed = service.index.diagnostics(current.file);
  const texts = new FixTexts(service);
  const text = texts.own(current, document);
  const today = localToday();
  const actions: vscode.CodeAction[] = [];
  for (const d of diagnostics) {
    const core = matchDiagnostic(service, indexed, d);
    if (!core) continue;
    for (const fix of await fixesWithTexts(service, core, text, today, texts)) {
      const kind = fix.edits.some(e => e.create === true) ? CREATE_NOTE_KIND : vscode.CodeActionKind.QuickFix;
      const otherFile = fix.edits.some(e => e.file !== current.file);
      if (!vscode.workspace.isTrusted && (otherFile || kind === CREATE_NOTE_KIND)) continue;
      const action = otherFile ? new OtherFileFixAction(fix.title, kind, document, d) : new vscode.CodeAction(fix.title, kind);
      action.diagnostics = [d];
      action.isPreferred = fix.preferred === true;
      if (!otherFile) action.edit = service.toWorkspaceEdit(fix.edits);
      actions.push(action);
    }
  }
  // a buffer changed while the fixes were computed: their edits would hit the wrong text (the editor asks again)
  return texts.unchanged() ? actions : [];
}

/** The edit of a quick fix that edits another file, built now on the current texts; undefined when it is gone. */
async function otherFileEdit(service: IndexService, action: OtherFileFixAction): Promise<vscode.WorkspaceEdit | undefined> {
  const current = await currentNote(service, action.document);
  if (!current) return undefined;
  const core = matchDiagnostic(service, service.index.diagnostics(current.file), action.diagnostic);
  if (!core) return undefined;
  const texts = new FixTexts(service);
  const text = texts.own(current, action.document);
  const fix = (await fixesWithTexts(service, core, text, localToday(), texts)).find(f => f.title === action.title);
  return fix && texts.unchanged() ? service.toWorkspaceEdit(fix.edits) : undefined;
}

/** Our rule code of a VS Code diagnostic (`code` is a string or `{ value, target }`), else undefined. */
export function ruleCodeOf(d: vscode.Diagnostic): RuleCode | undefined {
  const raw = typeof d.code === 'object' && d.code !== null ? d.code.value : d.code;
  return typeof raw === 'string' && (RULE_CODES as readonly string[]).includes(raw) ? raw as RuleCode : undefined;
}

/**
 * The index diagnostic behind a VS Code diagnostic: same code, message and range (several findings share a range:
 * each missing frontmatter field is reported on the opening `---`), else same code and message on the same start
 * line, nearest in column (the diagnostics VS Code hands over may predate an edit the index has caught up with).
 * Never one with another message: a stale diagnostic would get the fixes of another finding, say of the other link
 * on its line; with no match nothing is offered, and VS Code asks again once the diagnostics are republished.
 */
function matchDiagnostic(service: IndexService, indexed: readonly Diagnostic[], d: vscode.Diagnostic): Diagnostic | undefined {
  const code = ruleCodeOf(d);
  let sameLine: Diagnostic | undefined;
  let distance = Infinity;
  for (const c of indexed) {
    if (c.code !== code || localizedMessage(c) !== d.message) continue;
    const r = service.toRange(c.range);
    if (r.isEqual(d.range)) return c;
    const off = Math.abs(r.start.character - d.range.start.character);
    if (r.start.line === d.range.start.line && off < distance) {
      sameLine = c;
      distance = off;
    }
  }
  return sameLine;
}
