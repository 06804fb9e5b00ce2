import type { Diagnostic } from '../../core/model';

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const ANSI: Colors = { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), bold: wrap(1, 22) };
export const PLAIN: Colors = { red: s => s, yellow: s => s, blue: s => s, dim: s => s, bold: s => s };

/**
 * `file:line:col severity code message`, 1-based, one line per diagnostic: a line break in a file name (or in a
 * message quoting one) is written `\n` / `\r`, so that each diagnostic stays one line for tools reading them.
 */
export function formatTextLine(d: Diagnostic, c: Colors): string {
  const sev = d.severity === 'error' ? c.red(d.severity) : d.severity === 'warning' ? c.yellow(d.severity) : c.blue(d.severity);
  return `${oneLine(d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${sev} ${c.dim(d.code)} ${oneLine(d.message)}`;
}

export const oneLine = (s: string) => s.replace(/[\n\r]/g, ch => (ch === '\n' ? '\\n' : '\\r'));

export function summaryLine(n: { error: number; warning: number; information: number; hint: number }, notes: number, ms: number, c: Colors): string {
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const parts = [plural(n.error, 'error'), plural(n.warning, 'warning'), plural(n.information, 'info')];
  // hints (a severity users choose per rule) are counted apart, and only said when there are any
  if (n.hint > 0) parts.push(plural(n.hint, 'hint'));
  const head = n.error > 0 ? c.red('✖') : n.warning > 0 ? c.yellow('⚠') : '✔';
  return `${head} ${c.bold(parts.join(', '))} in ${plural(notes, 'note')} (${ms} ms)`;
}
