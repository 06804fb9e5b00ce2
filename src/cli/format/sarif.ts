import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../core/model';
import { RULE_CODES } from '../../core/model';
import { DEFAULT_SEVERITIES } from '../../core/config';
import { RULE_DESCRIPTIONS } from '../../core/rules/catalog';

/** Where a SARIF log's URIs start from. */
export interface SarifRoot {
  /** the absolute folder `%SRCROOT%` names */
  base: string;
  /** the checked folder relative to `base` (POSIX, ending in `/`), or '' when it is `base` */
  prefix: string;
}

/**
 * The root of a check's SARIF URIs: the current folder when it holds the checked folder (`check notes` in a CI
 * job run at the repository root gives `notes/a.md`, where GitHub code scanning, which reads relative URIs from the
 * repository root, looks for it), else the checked folder.
 */
export function sarifRoot(folder: string, cwd: string): SarifRoot {
  const rel = path.relative(cwd, folder);
  if (rel === '') return { base: cwd, prefix: '' };
  if (rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return { base: folder, prefix: '' };
  return { base: cwd, prefix: rel.split(path.sep).join('/') + '/' };
}

/**
 * SARIF 2.1.0 log of a check run, for code-scanning upload. Result URIs are relative to `%SRCROOT%`, whose
 * absolute `file:` URI the log gives (see `sarifRoot`).
 */
export function toSarif(diags: Diagnostic[], version: string, root: SarifRoot): object {
  const href = pathToFileURL(root.base).href;
  const level = (s: Diagnostic['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const ruleIndex = new Map<string, number>(RULE_CODES.map((c, i) => [c, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'notes-navigator',
          version,
          informationUri: 'https://github.com/notes-navigator/notes-navigator#rules',
          rules: RULE_CODES.map(code => ({
            id: code,
            name: code.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
            shortDescription: { text: RULE_DESCRIPTIONS[code] },
            defaultConfiguration: { level: level(DEFAULT_SEVERITIES[code]) },
          })),
        },
      },
      originalUriBaseIds: {
        '%SRCROOT%': {
          uri: href.endsWith('/') ? href : href + '/',
          description: { text: root.prefix === '' ? 'The checked notes folder.' : 'The current folder, which holds the checked notes folder.' },
        },
      },
      // ranges count UTF-16 code units, as the JSON report and VS Code do; SARIF's default is code points, which
      // would put every column after an emoji one place off
      columnKind: 'utf16CodeUnits',
      results: diags.map(d => ({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: level(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: (root.prefix + d.file).split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
            },
          },
        }],
      })),
    }],
  };
}
