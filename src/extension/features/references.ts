import * as vscode from 'vscode';
import type { Heading } from '../../core/model';
import type { IndexService } from '../indexService';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { headingAt, headingForFragment, linkOrReferenceAt, targetOf } from './linkLookup';
import { safely } from './safely';

/**
 * Find references. On a link: every link (all kinds, README and matrix included) to the same target file.
 * On a heading: the links whose fragment names that heading (the note's own `#slug` links included).
 * Anywhere else in a note: the note's backlinks. The declaration is the target note's first line (the heading
 * itself for a heading).
 */
export function registerReferences(service: IndexService): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(MARKDOWN, {
    provideReferences: (document, position, context) => safely(service, 'references', async () => {
      const current = await currentNote(service, document);
      if (!current) return undefined;
      const pos = service.fromPosition(position);
      const link = linkOrReferenceAt(current.record, document, pos);
      let targetFile = current.file;
      let heading: Heading | undefined;
      if (link) {
        const target = targetOf(service.index, current.file, link);
        if (target.file === undefined) return undefined;
        targetFile = target.file;
      } else {
        heading = headingAt(current.record, pos);
      }
      const out: vscode.Location[] = [];
      if (context.includeDeclaration && service.index.hasFile(targetFile)) {
        out.push(new vscode.Location(service.uriOf(targetFile), heading ? service.toRange(heading.range) : new vscode.Range(0, 0, 0, 0)));
      }
      const backlinks = service.index.backlinks(targetFile);
      const headings = heading ? service.index.headingsOf(targetFile) ?? [] : [];
      for (const backlink of backlinks) {
        if (heading) {
          const fragment = backlink.link.fragment;
          if (fragment === undefined || fragment === '' || headingForFragment(headings, fragment, backlink.link.kind)?.slug !== heading.slug) continue;
        }
        out.push(new vscode.Location(service.uriOf(backlink.from), service.toRange(backlink.link.range)));
      }
      return out;
    }),
  });
}
