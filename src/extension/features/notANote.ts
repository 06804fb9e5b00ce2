import * as vscode from 'vscode';
import { ALWAYS_EXCLUDED, isAlwaysExcluded } from '../../core/config';
import { basename, isMarkdown } from '../../core/paths';
import { CONFIG_FILE } from '../config';
import { isHidden } from '../hiddenNotes';
import { joinList } from '../listText';
import type { IndexService } from '../indexService';
import { shownFolderName } from '../notesFolder';
import { isIndexReady } from './readiness';

/**
 * Why a command that works on the active note has no note to work on. Each reason says what the user can do: wait
 * for the first load or for the last keystroke to be checked, open a file of the notes folder, or change a setting.
 */
export type NotANote =
  /** the first load has not finished */
  | 'loading'
  /** the file is not in the indexed folder (another workspace folder, or no folder is open) */
  | 'outside'
  /** its name does not end in `.md` (a `.markdown` or `.txt` file shown as Markdown) */
  | 'notMarkdown'
  /** it lies in a folder no listing walks (`node_modules`, `.git`, `dist` …: see ALWAYS_EXCLUDED) */
  | 'neverListed'
  /** `files.exclude` hides it */
  | 'hidden'
  /** the `include` and `exclude` globs (of `.notes-navigator.json` or the settings) leave it out */
  | 'excluded'
  /** the index holds no record of it (created a moment ago, never saved) */
  | 'unread'
  /** the index holds other text than the buffer: typing has not paused long enough for it to be checked */
  | 'behind';

/** The reason `uri` (shown in `document` when it is open) is no note a command can work on, if any. */
export function whyNotANote(service: IndexService, uri: vscode.Uri, document?: vscode.TextDocument): NotANote | undefined {
  const file = service.fileOf(uri);
  if (file === undefined) return 'outside';
  if (!isIndexReady(service)) return 'loading';
  if (!isMarkdown(file)) return 'notMarkdown';
  if (isAlwaysExcluded(file)) return 'neverListed';
  if (isHidden(service.index, file)) return 'hidden';
  if (!service.index.isIncluded(file)) return 'excluded';
  const record = service.index.note(file);
  if (record === undefined) return 'unread';
  if (document && !document.isClosed && !service.isIndexedAsShown(document, record.length)) return 'behind';
  return undefined;
}

/** Whether waiting can make a note of the file: only an edit or a file the index has yet to read is waited for. */
export function waitingHelps(reason: NotANote): boolean {
  return reason === 'behind' || reason === 'unread';
}

/** The sentence that tells the user why (see `whyNotANote`); `name` is the file as the user knows it. */
export function notANoteMessage(service: IndexService, reason: NotANote, name: string): string {
  switch (reason) {
    case 'loading':
      return vscode.l10n.t('The notes are still being indexed: try again in a moment.');
    case 'outside': {
      const root = service.root;
      const folder = root && (shownFolderName(root) ?? basename(root.path));
      return folder
        ? vscode.l10n.t('{0} is not in the notes folder {1}: only that folder\'s notes are checked.', name, folder)
        : vscode.l10n.t('{0} is not in a notes folder: open the folder of your notes to check them.', name);
    }
    case 'notMarkdown':
      return vscode.l10n.t('{0} is not checked: only files named *.md are notes.', name);
    case 'neverListed':
      return vscode.l10n.t('{0} is not checked: notes inside these folders never are: {1}.', name,
        joinList(vscode.l10n, ALWAYS_EXCLUDED.map(glob => glob.replace(/^\*\*\/|\/\*\*$/g, ''))));
    case 'hidden':
      return vscode.l10n.t('{0} is not checked: the files.exclude setting hides it.', name);
    case 'excluded':
      return vscode.l10n.t('{0} is not checked: the include and exclude globs ({1} or the settings) leave it out.', name, CONFIG_FILE);
    case 'unread':
      return vscode.l10n.t('{0} has not been read yet: save it, or try again in a moment.', name);
    case 'behind':
      return vscode.l10n.t('{0} changed since it was last checked: try again once typing has paused.', name);
  }
}

/**
 * Tells the user why `uri` is no note to work on, when it is not; false when it is one and no `fallback` is given
 * (nothing shown). `document` is the buffer the command would work on, when open; `fallback` the reason to give when
 * the caller found no note although nothing here says why (the index caught up a moment too late).
 */
export function explainNotANote(service: IndexService, uri: vscode.Uri, document?: vscode.TextDocument, fallback?: NotANote): boolean {
  const reason = whyNotANote(service, uri, document) ?? fallback;
  if (reason === undefined) return false;
  const name = service.fileOf(uri) ?? basename(uri.path);
  void vscode.window.showInformationMessage(notANoteMessage(service, reason, name));
  return true;
}
