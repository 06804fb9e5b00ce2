import * as vscode from 'vscode';
import type { IndexService } from '../indexService';
import { readByBuiltIn } from './builtInReferences';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { targetOf } from './linkLookup';
import { safely } from './safely';

/**
 * Clickable backtick paths, wikilinks and the links of HTML tags VS Code's own Markdown support does not read (a
 * `srcset`'s URLs, a `poster`, the `src` of `<audio>` and `<track>`); it already links `[text](path)` and the `href` or
 * `src` of `<a>`, `<img>`, `<video>` and `<source>` (see readByBuiltIn).
 * Only links whose target exists are offered; a heading fragment opens the target at that line.
 */
export function registerDocumentLinks(service: IndexService): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(MARKDOWN, {
    provideDocumentLinks: (document, token) => safely(service, 'document links', async () => {
      // asked by the editor itself after each pause in typing: leave the debounce alone and wait it out (links
      // answered as nothing would stay so until the next edit)
      const current = await currentNote(service, document, { now: false, waitMs: service.settings.debounceMs + 1000 });
      if (!current || token.isCancellationRequested) return undefined;
      const out: vscode.DocumentLink[] = [];
      for (const link of current.record.scan.links) {
        if (link.kind !== 'ref' && link.kind !== 'wikilink' && (link.html === undefined || readByBuiltIn(link))) continue;
        if (link.external) continue;
        const target = targetOf(service.index, current.file, link);
        if (target.file === undefined || !target.exists) continue;
        let uri = service.uriOf(target.file);
        const line = target.heading ? target.heading.range.start.line : target.line;
        if (line !== undefined) uri = uri.with({ fragment: `L${line + 1}` });
        const documentLink = new vscode.DocumentLink(service.toRange(link.targetRange), uri);
        documentLink.tooltip = target.heading
          ? vscode.l10n.t('Open {0} at "{1}"', target.file, target.heading.text)
          : vscode.l10n.t('Open {0}', target.file);
        out.push(documentLink);
      }
      return out;
    }),
  });
}
