// The README that goes into the .vsix (`npm run package`): README.md with the destinations of its relative links
// and images made absolute on the repository (links to `blob/HEAD/…`, images to `raw/HEAD/…`), and nothing else
// changed. vsce's own rewriting matches `[…](…)` with a regular expression, so it also rewrote the example links
// inside code spans and fences (`- [01_…](system_design/01_….md) - 必讀 - 90 min` came out as a GitHub URL);
// this reads the README with remark, the project's reference parser, and so sees only real links.
// usage: node scripts/vsix-readme.mjs [out]      (default out/vsix/README.md; `npm run package` passes it to
//        vsce with --readme-path and --no-rewrite-relative-links)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The repository's web address from package.json (`https://github.com/o/r.git` → `https://github.com/o/r`). */
export function repositoryUrl(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url || !/^https:\/\//.test(url)) throw new Error('package.json has no https repository url to point the README\'s relative links at');
  return url.replace(/\.git$/, '').replace(/\/$/, '');
}

/** Whether a link destination is relative to the README (no scheme, no fragment-only, no root path). */
const isRelative = url => url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('#') && !url.startsWith('/');

/**
 * `markdown` with each relative link and image destination made absolute on `base`. A destination is looked for
 * as written after its link's text; one written otherwise (escaped, percent-encoded, in angle brackets with
 * spaces) is an error rather than a guess.
 */
export function absoluteLinks(markdown, base) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const edits = [];
  const visit = node => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && isRelative(node.url)) {
      const start = node.position.start.offset;
      const end = node.position.end.offset;
      // the destination follows the link text: the first place it is written right after `](` (`]:` for a definition)
      const last = node.children?.[node.children.length - 1];
      const opener = node.type === 'definition' ? /\]:\s*<?$/ : /\]\(\s*<?$/;
      let at = markdown.indexOf(node.url, last ? last.position.end.offset : start);
      while (at !== -1 && at < end && !opener.test(markdown.slice(start, at))) at = markdown.indexOf(node.url, at + 1);
      if (at === -1 || at + node.url.length > end) {
        throw new Error(`README.md:${node.position.start.line}: cannot find the destination "${node.url}" as written`);
      }
      const kind = node.type === 'image' ? 'raw' : 'blob';
      edits.push({ at, length: node.url.length, text: `${base}/${kind}/HEAD/${path.posix.normalize(node.url)}` });
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  let out = markdown;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.length);
  return { text: out, count: edits.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(root, process.argv[2] ?? 'out/vsix/README.md');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const { text, count } = absoluteLinks(readFileSync(path.join(root, 'README.md'), 'utf8'), repositoryUrl(pkg));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  console.log(`[vsix-readme] ${path.relative(root, out)}: ${count} relative link${count === 1 ? '' : 's'} made absolute`);
}
