import * as vscode from 'vscode';
import type { IndexService } from '../indexService';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { linkOrReferenceAt, targetOf } from './linkLookup';
import { safely } from './safely';

/**
 * Go to definition / Ctrl+click on every link kind — Markdown links, images, reference definitions,
 * backtick paths and wikilinks — opening the target note, at the named heading when there is a fragment.
 */
export function registerDefinitions(service: IndexService): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    provideDefinition: (document, position) => safely(service, 'definition', async () => {
      const current = await currentNote(service, document);
      if (!current) return undefined;
      const link = linkOrReferenceAt(current.record, document, service.fromPosition(position));
      if (!link) return undefined;
      const target = targetOf(service.index, current.file, link);
      if (target.file === undefined || !target.exists) return undefined;
      const targetRange = target.heading
        ? service.toRange(target.heading.range)
        : new vscode.Range(0, 0, 0, 0);
      const location: vscode.LocationLink = {
        originSelectionRange: service.toRange(link.range),
        targetUri: service.uriOf(target.file),
        targetRange,
        targetSelectionRange: targetRange,
      };
      return [location];
    }),
  });
}
