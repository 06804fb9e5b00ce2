/**
 * VS Code's own Markdown link checking, run outside the editor on a folder: `node out/bench/vscodeMarkdownRun.js <dir>`.
 *
 * VS Code validates Markdown links with `vscode-markdown-languageservice` (its Markdown language server), fed with
 * markdown-it tokens from an engine that has the front-matter plugin. This does the same in one Node process: it
 * reads every file of the folder into memory, gives the service a workspace over them, and asks it for the
 * diagnostics of every Markdown file in turn, with every check VS Code offers (`markdown.validate.*`) on. It prints
 * one JSON object: the times it took and every diagnostic, with 0-based positions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createLanguageService, DiagnosticLevel, githubSlugifier, LogLevel,
  type DiagnosticOptions, type FileStat, type IMdParser, type ITextDocument, type IWorkspace, type Token,
} from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';

export interface VscodeRunResult {
  readMs: number;
  checkMs: number;
  documents: number;
  diagnostics: { file: string; code: string; line: number; character: number; endLine: number; endCharacter: number }[];
}

const NO_EVENT = () => ({ dispose() {} });

/** The folder, read once: Markdown documents by URI, every file and every folder's entries by path. */
function readFolder(root: string) {
  const documents = new Map<string, TextDocument>();
  const files = new Set<string>();
  const folders = new Map<string, [string, FileStat][]>();
  const walk = (dir: string) => {
    const entries: [string, FileStat][] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      entries.push([e.name, { isDirectory: e.isDirectory() }]);
      if (e.isDirectory()) walk(full);
      else {
        files.add(full);
        if (e.name.endsWith('.md')) {
          const uri = URI.file(full).toString();
          documents.set(uri, TextDocument.create(uri, 'markdown', 1, readFileSync(full, 'utf8')));
        }
      }
    }
    folders.set(dir, entries);
  };
  walk(root);
  return { documents, files, folders };
}

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '.');
  const t0 = performance.now();
  const { documents, files, folders } = readFolder(root);
  const t1 = performance.now();

  const workspace: IWorkspace = {
    workspaceFolders: [URI.file(root)],
    onDidChangeMarkdownDocument: NO_EVENT,
    onDidCreateMarkdownDocument: NO_EVENT,
    onDidDeleteMarkdownDocument: NO_EVENT,
    getAllMarkdownDocuments: async () => documents.values(),
    hasMarkdownDocument: uri => documents.has(uri.toString()),
    openMarkdownDocument: async uri => documents.get(uri.toString()),
    stat: async uri => (folders.has(uri.fsPath) ? { isDirectory: true } : files.has(uri.fsPath) ? { isDirectory: false } : undefined),
    readDirectory: async uri => folders.get(uri.fsPath) ?? [],
  };
  // VS Code's Markdown engine: HTML and linkify on (its defaults), front matter recognised as such
  const md = new MarkdownIt({ html: true, linkify: true }).use(frontMatter, () => {});
  const parser: IMdParser = { slugifier: githubSlugifier, tokenize: async (doc: ITextDocument) => md.parse(doc.getText(), {}) as Token[] };
  const service = createLanguageService({ workspace, parser, logger: { level: LogLevel.Off, log() {} }, markdownFileExtensions: ['md'] });
  const on = DiagnosticLevel.warning;
  const options: DiagnosticOptions = {
    validateReferences: on, validateFragmentLinks: on, validateFileLinks: on, validateMarkdownFileLinkFragments: on,
    validateUnusedLinkDefinitions: on, validateDuplicateLinkDefinitions: on, ignoreLinks: [],
  };
  const token = { isCancellationRequested: false, onCancellationRequested: NO_EVENT };
  const diagnostics: VscodeRunResult['diagnostics'] = [];
  for (const doc of documents.values()) {
    const file = path.relative(root, URI.parse(doc.uri).fsPath).split(path.sep).join('/');
    for (const d of (await service.computeDiagnostics(doc, options, token)) ?? []) {
      diagnostics.push({ file, code: String(d.code), line: d.range.start.line, character: d.range.start.character,
        endLine: d.range.end.line, endCharacter: d.range.end.character });
    }
  }
  const t2 = performance.now();
  const result: VscodeRunResult = { readMs: t1 - t0, checkMs: t2 - t1, documents: documents.size, diagnostics };
  process.stdout.write(JSON.stringify(result));
}

main().catch(err => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 2;
});
