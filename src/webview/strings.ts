/**
 * Every user-facing string of the coverage page, in English. The host translates each one with
 * `vscode.l10n.t` and sends the table with the model; the page formats `{0}`-style arguments.
 */
export const PAGE_STRINGS = {
  title: 'Coverage',
  /** the page's heading in a workspace of several folders: the folder indexed */
  titleIn: 'Coverage: {0}',
  loading: 'Loading coverage…',
  noSeries: 'No series found in this workspace (a README.md with a "## Chapters" section).',
  noMatrix: 'This series has no coverage matrix.',
  search: 'Search topics and files',
  area: 'Area',
  allAreas: 'All areas',
  status: 'Status',
  allStatuses: 'All statuses',
  mismatchesOnly: 'Mismatches only',
  missingFiles: 'Rows with missing files',
  priority: 'Priority',
  allPriorities: 'All priorities',
  clearFilters: 'Clear filters',
  noMatch: 'No rows match the filters.',
  shownOf: '{0} of {1} rows shown',
  shownOfOne: '{0} of 1 row shown',
  covered: 'Topics covered: {0} / {1}',
  areaProgress: '{0}: {1} of {2} done, {3} in progress',
  minutesLeft: 'Minutes left to read',
  minutesTotal: 'Total',
  minutes: '{0} min',
  hours: '{0} h',
  hoursMinutes: '{0} h {1} min',
  mustRead: 'Must-read',
  important: 'Important',
  skippable: 'Skippable',
  noPriority: 'No priority',
  topic: 'Topic',
  files: 'Files',
  declared: 'Declared',
  computed: 'Computed',
  time: 'Time',
  problems: 'Problems',
  problemCount: '{0} problems',
  problemCountOne: '1 problem',
  pending: 'Pending',
  inProgress: 'In Progress',
  done: 'Done',
  notAStatus: 'Not a status word',
  missing: 'missing',
  draft: 'draft',
  written: 'written',
  mismatch: 'Declared status differs from the computed one',
  create: 'Create',
  createFile: 'Create {0}',
  openFile: 'Open {0}',
  openReadme: 'Open README',
  openMatrix: 'Open matrix',
  sync: 'Sync status',
  syncTitle: 'Write the computed statuses into the matrix table (one undoable edit)',
  readmeOnly: 'README chapters missing from the matrix',
  matrixOnly: 'Matrix files missing from the README',
  none: 'None',
  gaps: 'Remaining Gaps',
  matrixProblems: 'Problems reading the matrix',
  matrixCaption: '{0}: coverage matrix',
  coveredName: 'Topics covered',
  progressValue: '{0} of {1} done, {2} in progress',
  noDeclared: 'No status declared',
  notComputed: 'Not computed: the table has no Coverage Files column',
  noTime: 'No reading time',
  coverageUpdated: 'Coverage updated: {0} of {1} topics covered',
  coverageUpdatedOne: 'Coverage updated: {0} of 1 topic covered',
  /**
   * a name and a note on it, `Files (3)`: zh-TW writes the parentheses full-width after Chinese. With an empty
   * name it is the note alone, read after a name shown beside it (` (Not a status word)`)
   */
  withCount: '{0} ({1})',
} as const;

export type StringKey = keyof typeof PAGE_STRINGS;

/** Replaces `{0}`, `{1}` … with the arguments; unknown placeholders stay as written. */
export function formatString(template: string, args: readonly (string | number)[]): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) break;
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    const inner = template.slice(open + 1, close);
    if (/^\d{1,2}$/.test(inner) && Number(inner) < args.length) {
      out += template.slice(i, open) + String(args[Number(inner)]);
    } else {
      out += template.slice(i, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}
