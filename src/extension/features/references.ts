import * as vscode from 'vscode';
import type { IndexService } from '../indexService';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { linkAt, targetOf } from './linkLookup';
import { safely } from './safely';

/**
 * Find references. On a link: every link (all kinds, README and matrix included) to the same target file.
 * Anywhere else in a note: the note's backlinks. The declaration is the target note's first line.
 */
export function registerReferences(service: IndexService): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN, {
    provideReferences: (document, position, context) => safely(service, 'references', async () => {
      const current = await currentNote(service, document);
      if (!current) return undefined;
      const link = linkAt(current.record, service.fromPosition(position));
      let targetFile = current.file;
      if (link) {
        const target = targetOf(service.index, current.file, link);
        if (target.file === undefined) return undefined;
        targetFile = target.file;
      }
      const out: vscode.Location[] = [];
      if (context.includeDeclaration && service.index.hasFile(targetFile)) {
        out.push(new vscode.Location(service.uriOf(targetFile), new vscode.Range(0, 0, 0, 0)));
      }
      for (const backlink of service.index.backlinks(targetFile)) {
        out.push(new vscode.Location(service.uriOf(backlink.from), service.toRange(backlink.link.range)));
      }
      return out;
    }),
  });
}
