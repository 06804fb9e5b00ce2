import * as vscode from 'vscode';
import type { IndexView } from '../../core/index/api';
import type { Heading, LinkRef } from '../../core/model';
import { isMarkdown } from '../../core/paths';
import type { IndexService } from '../indexService';
import { builtInMarkdownOn, builtInSiteAt, listedByBuiltIn } from './builtInReferences';
import { currentNote } from './currentNote';
import { MARKDOWN } from './languageSelector';
import { folderPage, headingAt, headingNamed, linkOrReferenceAt, targetOf } from './linkLookup';
import { safely } from './safely';

/**
 * Find references. On a link without a fragment: every link (all kinds, README and matrix included) to the same
 * target file, or to the same folder (whose declaration is its README). On a link with a fragment, or on a heading: the links whose fragment names that heading (the
 * note's own `#slug` links included); for a fragment that names no heading, the links with that same fragment.
 * Anywhere else in a note: the note's backlinks. The declaration is the heading, else the target note's first `#`
 * heading (its title on the page), else its first line; a file that is no Markdown (an image) has none.
 * Where VS Code's own Markdown references answer too, the links they list are left out (see builtInReferences.ts),
 * and on the path of a Markdown link with a fragment the file is meant, as there.
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
      let fragment: string | undefined;
      /** the folder a link leads to (`[f](../sd)`): go to definition opens its README */
      let folder: string | undefined;
      if (link) {
        const target = targetOf(service.index, current.file, link);
        if (target.resolution.kind === 'folder') folder = targetFile = target.resolution.folder;
        else if (target.file === undefined) return undefined;
        else targetFile = target.file;
        heading = target.heading;
        if (target.fragment !== undefined && target.fragment !== '') fragment = target.fragment;
      } else {
        heading = headingAt(current.record, pos);
      }
      const lineText = (line: number) => document.lineAt(line).text;
      const builtIn = builtInMarkdownOn() ? builtInSiteAt(link, current.record.scan, heading, pos, lineText) : undefined;
      if (builtIn?.kind === 'markdown' && builtIn.file) {
        heading = undefined;
        fragment = undefined;
      }
      const out: vscode.Location[] = [];
      // a folder's is the page that stands for it; an image or another file that is no text has no line to show
      const declaring = folder === undefined ? targetFile : folderPage(service.index, folder);
      if (context.includeDeclaration && declaring !== undefined && service.index.hasFile(declaring)
        && (service.index.isNote(declaring) || isMarkdown(declaring))) {
        // a note's declaration is its title as the page shows it (its first `#` heading), not a `---` fence
        const declared = heading ?? service.index.headingsOf(declaring)?.find(h => h.level === 1);
        out.push(new vscode.Location(service.uriOf(declaring), declared ? service.toRange(declared.range) : new vscode.Range(0, 0, 0, 0)));
      }
      const leadsThere = heading
        ? (l: LinkRef) => namesHeading(service.index, targetFile, l, heading)
        : fragment !== undefined
          ? (l: LinkRef) => l.fragment !== undefined && l.fragment.toLowerCase() === fragment.toLowerCase()
          : () => true;
      for (const backlink of folder === undefined ? service.index.backlinks(targetFile) : service.index.folderBacklinks(folder)) {
        if (!leadsThere(backlink.link)) continue;
        if (builtIn && listedByBuiltIn(builtIn, current.file, targetFile, backlink.from, backlink.link, lineText)) continue;
        out.push(new vscode.Location(service.uriOf(backlink.from), service.toRange(backlink.link.range)));
      }
      return out;
    }),
  });
}

/** Whether a link to `file` has a fragment naming `heading` of that file (the same heading or anchor). */
function namesHeading(index: IndexView, file: string, link: LinkRef, heading: Heading): boolean {
  if (link.fragment === undefined || link.fragment === '') return false;
  const named = headingNamed(index, file, link.fragment, link.kind);
  return named !== undefined && named.range.start.line === heading.range.start.line && named.range.start.character === heading.range.start.character;
}
