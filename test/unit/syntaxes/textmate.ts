import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * Tokenizes Markdown the way VS Code colours it: VS Code's own `vscode-textmate` and `vscode-oniguruma`, its Markdown
 * HTML and YAML grammars (all from the code-server kit that the integration tests use, `.vscode-test/kit`), and the
 * extension's injection grammars as package.json contributes them. Undefined when the kit is not installed
 * (`bash scripts/vscode-kit.sh`).
 */
export interface Token { line: number; text: string; scopes: string[] }

const VSCODE = resolve('.vscode-test/kit/node_modules/code-server/lib/vscode');

interface RawGrammar { scopeName: string }
interface Grammar { tokenizeLine(line: string, stack: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown } }
interface TextMate {
  INITIAL: unknown;
  parseRawGrammar(text: string, path: string): RawGrammar;
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

let markdown: Promise<Grammar | undefined> | undefined;
let initial: unknown;

export function kitAvailable(): boolean {
  return existsSync(join(VSCODE, 'node_modules/vscode-textmate')) && existsSync(join(VSCODE, 'extensions/markdown-basics'));
}

function load(): Promise<Grammar | undefined> {
  markdown ??= (async () => {
    if (!kitAvailable()) return undefined;
    const req = createRequire(join(VSCODE, 'package.json'));
    const tm = req('vscode-textmate') as TextMate;
    const onig = req('vscode-oniguruma') as Oniguruma;
    const wasm = readFileSync(join(VSCODE, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] } };
    const ours = new Map(manifest.contributes.grammars.map(g => [g.scopeName, resolve(g.path)]));
    const files = new Map<string, string>([
      ['text.html.markdown', join(VSCODE, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json')],
      ['text.html.basic', join(VSCODE, 'extensions/html/syntaxes/html.tmLanguage.json')],
      ['text.html.derivative', join(VSCODE, 'extensions/html/syntaxes/html-derivative.tmLanguage.json')],
      ['source.yaml', join(VSCODE, 'extensions/yaml/syntaxes/yaml.tmLanguage.json')],
      ...['1.0', '1.1', '1.2', '1.3'].map(v => [`source.yaml.${v}`, join(VSCODE, `extensions/yaml/syntaxes/yaml-${v}.tmLanguage.json`)] as [string, string]),
      ...ours,
    ]);
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        const file = files.get(scope);
        return file && existsSync(file) ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scope: string) => manifest.contributes.grammars.filter(g => g.injectTo?.includes(scope)).map(g => g.scopeName),
    });
    const grammar = await registry.loadGrammar('text.html.markdown');
    initial = tm.INITIAL;
    return grammar ?? undefined;
  })();
  return markdown;
}

/** Every token of `text`, line by line; undefined without the kit. */
export async function tokenize(text: string): Promise<Token[] | undefined> {
  const grammar = await load();
  if (!grammar) return undefined;
  let stack = initial;
  const out: Token[] = [];
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    for (const t of r.tokens) out.push({ line: i, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
  });
  return out;
}

/**
 * What the extension's grammars coloured on `tokens`: `text=kind`, the kind being the last word of the innermost
 * extension scope (`必讀=must-read`, `30 min=minutes`, `Done=done`, `<->=cross-reference`, `note=wikilink` …).
 */
export function coloured(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const mine = t.scopes.filter(s => s.endsWith('.notes-navigator'));
    if (mine.length === 0) continue;
    const words = mine[mine.length - 1].split('.');
    out.push(`${t.text}=${words[words.length - 2]}`);
  }
  return out;
}
