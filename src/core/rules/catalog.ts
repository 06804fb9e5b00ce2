import type { RuleCode } from '../model';

/** One line per rule: what it reports. Used by SARIF output, the README's rule table and the editor. */
export const RULE_DESCRIPTIONS: Record<RuleCode, string> = {
  'frontmatter-missing': 'A note (not a series README or coverage matrix) has no YAML frontmatter.',
  'frontmatter-invalid': 'The frontmatter block does not parse as YAML, is not a mapping, or uses another language.',
  'frontmatter-field-missing': 'A required frontmatter field is absent.',
  'frontmatter-field-invalid': 'A frontmatter field has the wrong type, a value that is not allowed, a bad date, or updated < created.',
  'link-broken': 'A Markdown link or image points to a file that does not exist.',
  'link-anchor-broken': 'A #fragment names no heading of its target note.',
  'ref-broken': 'A backtick path reference (`path.md`) points to no file.',
  'wikilink-broken': 'A [[wikilink]] matches no note by file name, title or alias.',
  'link-outside-workspace': 'A link leaves the workspace folder (it is never followed).',
  'xref-missing-link': 'The coverage matrix declares `a <-> b` but note a does not link to b.',
  'chapter-planned': 'A README chapter\'s file does not exist yet.',
  'chapter-number-unknown': 'The batch route or a reading list names a chapter number that no chapter has, or that stays ambiguous.',
  'priority-mismatch': 'A chapter\'s priority label disagrees with the reading-priority lists.',
  'coverage-status-mismatch': 'A matrix row\'s declared status contradicts its files.',
  'coverage-unlisted': 'A README chapter is absent from the coverage matrix, or a matrix file from the README.',
};
