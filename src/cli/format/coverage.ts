import type { NotesConfig } from '../../core/config';
import { statusWordLike } from '../../core/series/wording';
import { markdownCodeCell, markdownText } from '../../core/text/markdownCell';
import type { JsonCoverage, JsonCoverageRow } from '../report';

/**
 * Source text of a cell (the Status cell as the matrix writes it, escapes and all) as one cell again: as written, so
 * that it reads the same; a `|` that no backslash escapes (none in the source of one GFM cell) is escaped.
 */
function sourceCell(s: string): string {
  return s.replace(/\r?\n/g, ' ').replace(/\\[\s\S]|\|/g, m => (m === '|' ? '\\|' : m));
}

/**
 * Each path of a Coverage Files cell with its state; a path that leaves the checked folder (`""` in `files`) as the
 * cell writes it (`../../x.md`), said to be outside the workspace: it is never read (`check` reports it as
 * `link-outside-workspace`).
 */
function filesCell(r: JsonCoverageRow): string {
  let outside = 0;
  return r.files.map((f, i) => (f === ''
    ? `${markdownCodeCell(r.outside?.[outside++] ?? '')} (outside the workspace)`
    : `${markdownCodeCell(f)} (${r.fileStates[i]})`)).join('<br>');
}

/**
 * The coverage of each series as a Markdown table, declared next to computed, mismatches marked. Declared is
 * the Status cell as the matrix writes it; computed is the configured status word in the cell's language, or
 * for an empty cell in the language of `languages` (see `statusLanguages`): the word *Sync status* would write;
 * `—` for a row of a table without a Coverage Files column, which counts neither as done nor as in progress.
 */
export function formatCoverageMarkdown(coverage: JsonCoverage[], config: NotesConfig, languages: ReadonlyMap<string, string | undefined>): string {
  if (coverage.length === 0) return 'No series with a coverage matrix found.\n';
  const out: string[] = [];
  for (const s of coverage) {
    const language = languages.get(s.series);
    const done = s.rows.filter(r => r.computed === 'done').length;
    const mismatches = s.rows.filter(r => r.outOfDate).length;
    // a row of a table without a Coverage Files column has no computed status: it counts neither way
    const unknown = s.rows.filter(r => r.computed === null).length;
    out.push(`## ${markdownText(s.title)} (${markdownText(s.series)})`, '');
    out.push(`Coverage: ${done}/${s.rows.length - unknown} done, ${s.rows.filter(r => r.computed === 'in-progress').length} in progress, ${mismatches} declared status${mismatches === 1 ? '' : 'es'} out of date${
      unknown ? `; ${unknown} row${unknown === 1 ? '' : 's'} not computed (no Coverage Files column)` : ''}.`, '');
    out.push('| Capability Area | Required Topic | Coverage Files | Declared | Computed |', '| --- | --- | --- | --- | --- |');
    for (const r of s.rows) {
      const declared = r.declaredText !== '' ? sourceCell(r.declaredText) : '—';
      // as statusWordForRow picks it (this row is the JSON one, without the matrix row's ranges)
      const computed = r.computed === null ? '—'
        : markdownText(statusWordLike(config, r.computed, r.declaredText !== '' ? r.declaredText : language)) + (r.outOfDate ? ' ⚠' : '');
      const files = filesCell(r);
      out.push(`| ${markdownText(r.area)} | ${markdownText(r.topic)} | ${files} | ${declared} | ${computed} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
