/**
 * Text as Markdown that shows it as written: every character Markdown could read as syntax is backslash-escaped,
 * `&` included (`&lt;` in a title must show as `&lt;`, not `<`), and `~` (GitHub's strikethrough: `10~50ms 與 100~200ms`
 * would show struck through). For tooltips built with `appendMarkdown`.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, m => '\\' + m);
}
