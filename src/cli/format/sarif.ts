import type { Diagnostic } from '../../core/model';
import { RULE_CODES } from '../../core/model';
import { DEFAULT_SEVERITIES } from '../../core/config';
import { RULE_DESCRIPTIONS } from '../../core/rules/catalog';

/** SARIF 2.1.0 log of a check run, for code-scanning upload. URIs are relative to the checked folder (%SRCROOT%). */
export function toSarif(diags: Diagnostic[], version: string): object {
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
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The checked notes folder.' } } },
      results: diags.map(d => ({
        ruleId: d.code,
        ruleIndex: ruleIndex.get(d.code),
        level: level(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
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
