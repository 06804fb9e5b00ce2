/** A message template with `{0}`, `{1}` … filled in, as `vscode.l10n.t` fills it when no translation is loaded. */
export function fillTemplate(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? args[Number(i)]! : m));
}
