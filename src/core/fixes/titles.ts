import type { Fix } from '../model';
import { fillTemplate } from '../text/template';

/**
 * The English templates of the fixes' titles, by id. A fix carries its title's id and arguments beside the English
 * title (which the CLI prints), so the editor words it in its display language from those: a title read back with a
 * pattern splits wrongly when a path or a label holds the template's own words (` in `, `" to `, quotes).
 */
export const FIX_TITLES = {
  'insert-frontmatter': 'Insert frontmatter',
  'move-frontmatter': 'Move frontmatter to the top',
  'add-link': 'Add a link to {0} in {1}',
  'add-to-file': 'Add "{0}" to {1}',
  'add-field': 'Add "{0}"',
  'set-today': 'Set "{0}" to today ({1})',
  'set-value': 'Set "{0}" to "{1}"',
  'replace-item': 'Replace "{0}" in "{1}" with "{2}"',
  'remove-item': 'Remove "{0}" from "{1}"',
  'set-status': 'Set status to "{0}"',
  'change-priority': 'Change priority to "{0}"',
  'change-fragment': 'Change fragment to "{0}"',
  'change-to': 'Change to "{0}"',
  'create': 'Create {0}',
} as const;

export type FixTitleId = keyof typeof FIX_TITLES;

/** The title fields of a fix: its English title, and the id and arguments it is built from. */
export function titled(id: FixTitleId, ...args: string[]): Pick<Fix, 'title' | 'titleId' | 'titleArgs'> {
  return { title: fillTemplate(FIX_TITLES[id], args), titleId: id, titleArgs: args };
}
