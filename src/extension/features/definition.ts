import * as vscode from 'vscode';
import type { LinkRef } from '../../core/model';
import type { IndexService } from '../indexService';
import { builtInDefinesAt, builtInMarkdownOn } from './builtInReferences';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { folderPage, linkOrReferenceAt, targetOf } from './linkLookup';
import { safely } from './safely';

/**
 * Go to definition / Ctrl+click on every link kind — Markdown links, images, reference definitions,
 * backtick paths and wikilinks — opening the target note, at the named heading when there is a fragment. A link to
 * a folder opens the folder's README.md or index.md. On the use of a reference link, while VS Code's own Markdown
 * support is on, it answers alone (see builtInDefinesAt).
 */
export function registerDefinitions(service: IndexService): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(MARKDOWN, {
    provideDefinition: (document, position) => safely(service, 'definition', async () => {
      const current = await currentNote(service, document);
      if (!current) return undefined;
      const link = linkOrReferenceAt(current.record, document, service.fromPosition(position));
      if (!link) return undefined;
      // VS Code's own Markdown support goes to a reference link's `[label]:` definition: a second answer would make
      // Ctrl+click open a peek of both (from the definition line, ours goes on to the note)
      if (builtInMarkdownOn() && builtInDefinesAt(link, current.record.scan.links)) return undefined;
      const target = targetOf(service.index, current.file, link);
      if (target.resolution.kind === 'folder') {
        // a folder opens as what stands for it on GitHub (Ctrl+click on the link reveals it in the Explorer)
        const page = folderPage(service.index, target.resolution.folder);
        return page === undefined ? undefined : [locationLink(service, link, page, new vscode.Range(0, 0, 0, 0))];
      }
      if (target.file === undefined || !target.exists) return undefined;
      // a heading or anchor; a `#L12` line; else the top (`#top`, a block reference, a heading not found)
      const targetRange = target.heading
        ? service.toRange(target.heading.range)
        : target.line !== undefined
          ? new vscode.Range(target.line, 0, target.line, 0)
          : new vscode.Range(0, 0, 0, 0);
      return [locationLink(service, link, target.file, targetRange)];
    }),
  });
}

function locationLink(service: IndexService, link: LinkRef, file: string, targetRange: vscode.Range): vscode.LocationLink {
  return {
    originSelectionRange: service.toRange(link.range),
    targetUri: service.uriOf(file),
    targetRange,
    targetSelectionRange: targetRange,
  };
}
