import * as vscode from 'vscode';
import type { FileEdit } from '../../core/model';
import type { IndexService } from '../indexService';

/** Creates a planned note (a README chapter or matrix file that does not exist yet) with its frontmatter filled in. */

function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** The frontmatter and heading of a new note; the title is the README chapter label, else the file stem. */
export function newNoteText(service: IndexService, file: string): string {
  const index = service.index;
  const series = index.seriesOf(file);
  let title = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  if (series) {
    for (const cat of series.categories) for (const ch of cat.chapters) if (ch.file === file) title = ch.label;
  }
  const readmeData = series ? index.note(series.readme)?.frontmatter.data : undefined;
  const domain = typeof readmeData?.domain === 'string' ? readmeData.domain : (series?.folder.split('/').pop() || 'notes');
  const date = today();
  return [
    '---',
    `title: ${yamlString(title)}`,
    'note_type: chapter',
    `domain: ${yamlString(domain)}`,
    `tags: [${yamlString(domain)}]`,
    `created: ${date}`,
    `updated: ${date}`,
    'status: draft',
    'source: ""',
    '---',
    `# ${title}`,
    '',
    '',
  ].join('\n');
}

/** Creates the note (never overwrites an existing file) and opens it beside. */
export async function createPlannedNote(service: IndexService, file: string): Promise<boolean> {
  const uri = service.uriOf(file);
  try {
    await vscode.workspace.fs.stat(uri);
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
    return false;
  } catch {
    // does not exist: create it below
  }
  const edit: FileEdit = { file, create: true, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newNoteText(service, file) }] };
  const ok = await vscode.workspace.applyEdit(service.toWorkspaceEdit([edit]));
  if (!ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', file));
    return false;
  }
  // the WorkspaceEdit creates the file with its text (never overwriting): open it beside the panel
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  return true;
}
