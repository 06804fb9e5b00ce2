// Navigation features on the example workspace: definition (backtick paths, wikilinks with headings),
// document links, hover, references, completion and workspace symbols.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { service, uriOf, waitFor } from './support';
import { completionSiteAt, frontmatterSiteAt } from '../../src/extension/features/completionSite';

const CONSISTENCY = 'backend/system_design/03_consistency_trade_offs.md';
const SAGA = 'backend/distributed_systems/13_saga_pattern.md';

/** Position of the `at`-th character of the first occurrence of `needle` in the document. */
function positionOf(doc: vscode.TextDocument, needle: string, at = 1): vscode.Position {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(offset + at);
}

function targetUriOf(d: vscode.Location | vscode.LocationLink): vscode.Uri {
  return 'targetUri' in d ? d.targetUri : d.uri;
}

function targetRangeOf(d: vscode.Location | vscode.LocationLink): vscode.Range {
  return 'targetUri' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The hovers' Markdown as a reader sees it (VS Code's text escaping undone). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n')
    .replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

describe('navigation', () => {
  before(async () => { await service(); });

  afterEach(async () => {
    // leave no modified buffers behind for the other suites
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.isDirty) {
        await vscode.window.showTextDocument(editor.document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  });

  it('go to definition on a backtick path opens the chapter it names (series folder)', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(CONSISTENCY));
    const editor = await vscode.window.showTextDocument(doc);
    const pos = positionOf(doc, '`distributed_systems/13_saga_pattern.md`', 5);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
    assert.ok(defs.some(d => targetUriOf(d).toString() === uriOf(SAGA).toString()),
      `definitions: ${defs.map(d => targetUriOf(d).path).join(', ')}`);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitFor('the saga chapter to open', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === uriOf(SAGA).toString() ? true : undefined);
  });

  it('go to definition on a wikilink with a heading lands on that heading', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/database/postgres_lock_troubleshooting.md'));
    const pos = positionOf(doc, '[[15_distributed_locking#fencing-tokens]]', 4);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
    const target = await vscode.workspace.openTextDocument(uriOf('backend/distributed_systems/15_distributed_locking.md'));
    const headingLine = target.getText().split(/\r?\n/).findIndex(l => /^##\s+Fencing Tokens/.test(l));
    assert.ok(headingLine > 0);
    const def = defs.find(d => targetUriOf(d).toString() === target.uri.toString());
    assert.ok(def, `definitions: ${defs.map(d => targetUriOf(d).path).join(', ')}`);
    assert.equal(targetRangeOf(def).start.line, headingLine);
  });

  it('makes backtick paths and wikilinks clickable document links', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(CONSISTENCY));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 50);
    const refPos = positionOf(doc, '`distributed_systems/13_saga_pattern.md`', 3);
    const ref = links.find(l => l.range.contains(refPos) && l.target?.path.endsWith('/distributed_systems/13_saga_pattern.md'));
    assert.ok(ref, 'no document link on the backtick path');
    const wikiPos = positionOf(doc, '[[transactions]]', 4);
    const wiki = links.find(l => l.range.contains(wikiPos));
    assert.ok(wiki?.target?.path.endsWith('/backend/database/transactions.md'), `wikilink target: ${wiki?.target?.toString()}`);
  });

  it('hovers show the target note (title, priority, time) and say when a target is missing', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(CONSISTENCY));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri,
      positionOf(doc, '`distributed_systems/13_saga_pattern.md`', 5));
    const text = hoverText(hovers);
    assert.match(text, /Saga Pattern/);
    assert.match(text, /必讀/);
    assert.match(text, /90/);
    const broken = await vscode.workspace.openTextDocument(uriOf('backend/_lint_examples/broken_links.md'));
    const missing = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', broken.uri,
      positionOf(broken, '[[98_event_mesh]]', 4)));
    assert.match(missing, /No note named "98_event_mesh"/);
    const readme = await vscode.workspace.openTextDocument(uriOf('backend/README.md'));
    const planned = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', readme.uri,
      positionOf(readme, '(system_design/05_api_design_grpc_graphql.md)', 5)));
    assert.match(planned, /Planned chapter: backend\/system_design\/05_api_design_grpc_graphql\.md/);
    assert.match(planned, /重要 · 75 min/);
    // a link with a heading previews that section, not the note's first lines
    const postgres = await vscode.workspace.openTextDocument(uriOf('backend/database/postgres_lock_troubleshooting.md'));
    const section = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', postgres.uri,
      positionOf(postgres, '[[15_distributed_locking#fencing-tokens]]', 4)));
    assert.match(section, /單調遞增的 token/);
    assert.doesNotMatch(section, /分散式鎖用來確保/);
  });

  it('finds every reference to a link target, README and matrix included', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf(CONSISTENCY));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri,
      positionOf(doc, '`distributed_systems/13_saga_pattern.md`', 5));
    const files = new Set(refs.map(r => vscode.workspace.asRelativePath(r.uri, false)));
    for (const f of ['backend/README.md', 'backend/coverage_matrix.md', 'backend/database/transactions.md',
      'backend/system_design/07_microservices_vs_monolith.md', CONSISTENCY]) {
      assert.ok(files.has(f), `no reference from ${f} (got ${[...files].join(', ')})`);
    }
  });

  it('finds the references to a heading from a link with a #fragment, every link to the note from one without', async () => {
    const LOCKING = 'backend/distributed_systems/15_distributed_locking.md';
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/database/postgres_lock_troubleshooting.md'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri,
      positionOf(doc, '[[15_distributed_locking#fencing-tokens]]', 4));
    const where = (locations: vscode.Location[]) => locations.map(r => `${vscode.workspace.asRelativePath(r.uri, false)}:${r.range.start.line}`);
    const target = await vscode.workspace.openTextDocument(uriOf(LOCKING));
    const headingLine = target.getText().split(/\r?\n/).findIndex(l => /^##\s+Fencing Tokens/.test(l));
    const got = where(refs);
    assert.ok(got.includes(`${LOCKING}:${headingLine}`), `no declaration at the heading: ${got.join(', ')}`);
    assert.ok(got.some(r => r.startsWith('backend/database/postgres_lock_troubleshooting.md:')), got.join(', '));
    for (const other of ['backend/README.md', 'backend/infrastructure/21_caching_redis_patterns.md', 'backend/distributed_systems/12_cap_consistency_models.md']) {
      assert.ok(!got.some(r => r.startsWith(other + ':')), `${other} links elsewhere but is listed: ${got.join(', ')}`);
    }
    const plain = await vscode.workspace.openTextDocument(uriOf('backend/distributed_systems/12_cap_consistency_models.md'));
    const all = where(await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', plain.uri,
      positionOf(plain, '[[15_distributed_locking]]', 4)));
    for (const f of ['backend/README.md', 'backend/infrastructure/21_caching_redis_patterns.md', 'backend/database/postgres_lock_troubleshooting.md']) {
      assert.ok(all.some(r => r.startsWith(f + ':')), `no reference from ${f}: ${all.join(', ')}`);
    }
  });

  it('links to a folder: definition opens its README, the document link reveals it in the Explorer, nothing is broken', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/database/postgres_lock_troubleshooting.md'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(b => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\nfolders [backend](../) and [db](../database/)\n'));
    // (the provider waits for the index to catch up with the edited buffer)
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider',
      doc.uri, positionOf(doc, '[backend](../)', 2));
    assert.ok(defs.some(d => targetUriOf(d).toString() === uriOf('backend/README.md').toString()),
      `definitions: ${defs.map(d => targetUriOf(d).toString()).join(', ')}`);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 200);
    const dbPos = positionOf(doc, '(../database/)', 3);
    const db = links.filter(l => l.range.contains(dbPos)).map(l => l.target?.toString(true) ?? '');
    assert.ok(db.some(t => t.startsWith('command:revealInExplorer')), `links on the folder link: ${db.join(', ')}`);
    const line = doc.lineCount - 2;
    const problems = (await service()).index.diagnostics('backend/database/postgres_lock_troubleshooting.md');
    assert.deepEqual(problems.filter(d => d.range.start.line === line).map(d => d.message), []);
  });

  it('completes paths, headings, wikilinks and frontmatter values', async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('backend/system_design/10_ddd_basics.md'));
    const editor = await vscode.window.showTextDocument(doc);
    const items = async (): Promise<vscode.CompletionItem[]> => (await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', doc.uri, doc.lineAt(doc.lineCount - 1).range.end)).items;
    // each in a paragraph of its own: an unclosed backtick above would pair with the next one typed (a code span
    // may run over lines), and completion offers paths only where the checker reads a link
    const complete = async (typed: string): Promise<vscode.CompletionItem[]> => {
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      await editor.edit(b => b.insert(end, `\n\n${typed}`));
      return items();
    };
    // link paths come from VS Code's own Markdown support, which answers once its language server is up
    let linkItems = await complete('[x](../distributed_systems/');
    for (let i = 0; i < 50 && !linkItems.some(item => labelOf(item) === '13_saga_pattern.md'); i++) {
      await new Promise(r => setTimeout(r, 200));
      linkItems = await items();
    }
    const paths = linkItems.map(labelOf);
    assert.ok(paths.includes('13_saga_pattern.md'), `path items: ${paths.slice(0, 20).join(', ')}`);
    // ... and are not listed a second time by this extension
    assert.equal(new Set(paths).size, paths.length, `path items: ${paths.join(', ')}`);
    const refItems = (await complete('see `../database/')).map(labelOf);
    assert.ok(refItems.includes('transactions.md'), `ref items: ${refItems.slice(0, 20).join(', ')}`);
    const seriesRelative = (await complete('see `distributed_systems/')).map(labelOf);
    assert.ok(seriesRelative.includes('13_saga_pattern.md'), `series-relative ref items: ${seriesRelative.slice(0, 20).join(', ')}`);
    const headings = await complete('[y](../distributed_systems/15_distributed_locking.md#');
    const fencing = headings.filter(i => String(typeof i.insertText === 'object' ? i.insertText.value : i.insertText ?? labelOf(i)).includes('fencing-tokens'));
    assert.equal(fencing.length, 1, `heading items for "Fencing Tokens": ${headings.map(labelOf).join(', ')}`);
    const definition = (await complete('[saga]: ../distributed_systems/')).map(labelOf);
    assert.ok(definition.includes('13_saga_pattern.md'), `definition items: ${definition.slice(0, 20).join(', ')}`);
    // the src of an HTML image is ours alone (VS Code's own Markdown completion does not answer there): listed once
    const image = (await complete('<p align="center"><img src="../assets/')).map(labelOf);
    assert.deepEqual(image.filter(l => l === 'cache_aside.svg' || l === 'saga_flow.svg').sort(), ['cache_aside.svg', 'saga_flow.svg'], `image items: ${image.join(', ')}`);
    const wikis = (await complete('[[13_sa')).map(labelOf);
    assert.ok(wikis.includes('13_saga_pattern'), `wikilink items: ${wikis.slice(0, 20).join(', ')}`);
    const statusLine = doc.getText().split(/\r?\n/).findIndex(l => l.startsWith('status:'));
    assert.ok(statusLine > 0);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri,
      new vscode.Position(statusLine, 'status: '.length));
    const labels = values.items.map(labelOf);
    for (const v of ['active', 'draft', 'review', 'archived']) assert.ok(labels.includes(v), `status values: ${labels.join(', ')}`);
    const tagLine = doc.getText().split(/\r?\n/).findIndex(l => l.startsWith('tags:'));
    const tagPos = new vscode.Position(tagLine, doc.lineAt(tagLine).text.indexOf('[') + 1);
    const tags = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, tagPos)).items.map(labelOf);
    for (const t of ['system-design', 'backend', 'lint-example']) assert.ok(tags.includes(t), `tag values: ${tags.join(', ')}`);
  });

  it('lists notes as workspace symbols by title (fuzzy)', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'saga patt');
    assert.ok(symbols.some(s => s.name === 'Saga Pattern' && s.location.uri.toString() === uriOf(SAGA).toString()),
      `symbols: ${symbols.slice(0, 10).map(s => s.name).join(', ')}`);
    const fuzzy = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'dstlck');
    assert.ok(fuzzy.some(s => s.location.uri.path.endsWith('/15_distributed_locking.md')), `fuzzy: ${fuzzy.map(s => s.name).join(', ')}`);
  });
});

describe('completion sites (what is being typed)', () => {
  it('finds paths in links and backticks, headings and wikilinks, the construct opened last winning', () => {
    assert.deepEqual(completionSiteAt('see [a](../dist'), { kind: 'path', syntax: 'link', typed: '../dist', start: 8, angle: false });
    assert.deepEqual(completionSiteAt('see [a](<my notes/x'), { kind: 'path', syntax: 'link', typed: 'my notes/x', start: 9, angle: true });
    assert.deepEqual(completionSiteAt('[a](b.md#fen'), { kind: 'heading', syntax: 'link', target: 'b.md', typed: 'fen', start: 9 });
    assert.deepEqual(completionSiteAt('[a](#'), { kind: 'heading', syntax: 'link', target: '', typed: '', start: 5 });
    assert.deepEqual(completionSiteAt('x [[15_dist'), { kind: 'wikilink', typed: '15_dist', start: 4 });
    assert.deepEqual(completionSiteAt('[[15_distributed_locking#Fen'), { kind: 'heading', syntax: 'wikilink', target: '15_distributed_locking', typed: 'Fen', start: 25 });
    assert.deepEqual(completionSiteAt('`a` then `sys'), { kind: 'path', syntax: 'ref', typed: 'sys', start: 10, angle: false });
    assert.deepEqual(completionSiteAt('[[done]] and [a](x'), { kind: 'path', syntax: 'link', typed: 'x', start: 17, angle: false });
    assert.equal(completionSiteAt('[a](b.md) and more'), undefined);
    assert.equal(completionSiteAt('`closed` text'), undefined);
    assert.equal(completionSiteAt('[[a|alias'), undefined);
    assert.equal(completionSiteAt('plain prose'), undefined);
  });

  it('is linear on a bracket storm', () => {
    const storm = '[['.repeat(50_000) + '](' .repeat(50_000) + '`'.repeat(50_001);
    const t0 = Date.now();
    completionSiteAt(storm);
    assert.ok(Date.now() - t0 < 100, `took ${Date.now() - t0} ms`);
  });

  it('finds frontmatter keys and values (scalars, flow lists, block list items)', () => {
    assert.deepEqual(frontmatterSiteAt('status: dr', () => undefined), { kind: 'value', key: 'status', typed: 'dr', start: 8, list: false });
    assert.deepEqual(frontmatterSiteAt('tags: [a, b', () => undefined), { kind: 'value', key: 'tags', typed: 'b', start: 10, list: true, taken: ['a'] });
    assert.deepEqual(frontmatterSiteAt('tags: [', () => undefined), { kind: 'value', key: 'tags', typed: '', start: 7, list: true });
    assert.deepEqual(frontmatterSiteAt('  - ba', () => 'tags'), { kind: 'value', key: 'tags', typed: 'ba', start: 4, list: true });
    assert.deepEqual(frontmatterSiteAt('status: "ac', () => undefined), { kind: 'value', key: 'status', typed: 'ac', start: 9, list: false });
    assert.deepEqual(frontmatterSiteAt('upd', () => undefined), { kind: 'key', typed: 'upd', start: 0 });
    assert.equal(frontmatterSiteAt('tags: [a, b]', () => undefined), undefined);
    assert.equal(frontmatterSiteAt('  - x', () => undefined), undefined);
  });
});

describe('references and definitions beside VS Code\'s own Markdown support', () => {
  // VS Code lists what every reference provider returns; its own Markdown support answers on Markdown links, headings
  // and (reading `[[name]]` as the shortcut reference `[name]`) inside wikilinks, with other ranges than ours
  before(async () => { await service(); });
  const MQ = 'backend/distributed_systems/16_message_queue_fundamentals.md';
  const IDEM = 'backend/distributed_systems/19_idempotency_design.md';
  const KAFKA = 'backend/distributed_systems/17_kafka_deep_dive.md';
  const where = (l: vscode.Location | vscode.LocationLink) => {
    const r = targetRangeOf(l);
    return `${vscode.workspace.asRelativePath(targetUriOf(l), false)}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  };
  async function at(file: string, needle: string, delta: number): Promise<[vscode.Uri, vscode.Position]> {
    const doc = await vscode.workspace.openTextDocument(uriOf(file));
    await vscode.window.showTextDocument(doc);
    return [doc.uri, positionOf(doc, needle, delta)];
  }
  const references = async (file: string, needle: string, delta: number) =>
    vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', ...await at(file, needle, delta));
  const definitions = async (file: string, needle: string, delta: number) =>
    vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', ...await at(file, needle, delta));

  /** Fails when two locations overlap (the same link listed twice). */
  function assertOnce(what: string, locations: vscode.Location[]): void {
    const listed = locations.map(where).sort();
    for (let i = 0; i < locations.length; i++) {
      for (let j = i + 1; j < locations.length; j++) {
        const [a, b] = [locations[i], locations[j]];
        const overlap = a.uri.toString() === b.uri.toString() && a.range.intersection(b.range) !== undefined
          && !(a.range.isEmpty && b.range.isEmpty && !a.range.isEqual(b.range));
        assert.ok(!overlap, `${what}: ${where(a)} and ${where(b)} are the same link\n  ${listed.join('\n  ')}`);
      }
    }
  }

  it('lists each link once', async function () {
    this.timeout(60000);
    // its language server starts after the first Markdown file opens: wait until it answers (it alone goes to the
    // definition of a heading: itself)
    const end = Date.now() + 30000;
    while ((await definitions(MQ, '\n## 核心概念', 5)).length === 0) {
      assert.ok(Date.now() < end, 'VS Code\'s own Markdown support does not answer');
      await new Promise(r => setTimeout(r, 300));
    }
    const onHeading = await references(MQ, '\n## 核心概念', 5);
    assert.ok(onHeading.some(l => l.uri.path.endsWith('/17_kafka_deep_dive.md')), `on the heading: ${onHeading.map(where).join(', ')}`);
    assertOnce('on a heading', onHeading);
    // the case seen: 19_idempotency_design.md:70 twice, as [[16_message_queue_fundamentals]] and as its inner name
    const onWikilink = await references(IDEM, '[[16_message_queue_fundamentals]]', 4);
    assertOnce('inside a wikilink', onWikilink);
    assert.equal(onWikilink.filter(l => l.uri.path.endsWith('/19_idempotency_design.md') && l.range.start.line === 69).length, 1,
      onWikilink.map(where).join(', '));
    for (const f of ['backend/README.md', 'backend/coverage_matrix.md', 'backend/system_design/01_scalability_fundamentals.md', KAFKA]) {
      assert.ok(onWikilink.some(l => vscode.workspace.asRelativePath(l.uri, false) === f), `no reference from ${f}: ${onWikilink.map(where).join(', ')}`);
    }
    assertOnce('inside a wikilink with an alias', await references('backend/system_design/03_consistency_trade_offs.md', '[[Saga Pattern|saga]]', 4));
    const onPath = await references('backend/README.md', '(distributed_systems/16_message_queue_fundamentals.md)', 5);
    assertOnce('on a Markdown link\'s path', onPath);
    // the file is meant there: the wikilinks to the note are listed too
    assert.ok(onPath.some(l => l.uri.path.endsWith('/19_idempotency_design.md')), onPath.map(where).join(', '));
    assertOnce('on a Markdown link\'s path before a #fragment', await references(KAFKA, '(16_message_queue_fundamentals.md#', 3));
    assertOnce('on a Markdown link\'s #fragment', await references(KAFKA, '#核心概念)', 2));
    assertOnce('on a reference link', await references('backend/engineering/36_concurrency_patterns.md', '[Worker Pool][worker-pool]', 16));
    assertOnce('on a reference definition', await references('backend/engineering/36_concurrency_patterns.md', '[worker-pool]: ../', 20));
    assertOnce('on a reference definition\'s label', await references('backend/engineering/36_concurrency_patterns.md', '[worker-pool]: ../', 3));
    // go to definition: one answer per link (its own answers on headings and reference labels only)
    for (const [file, needle, delta] of [[IDEM, '[[16_message_queue_fundamentals]]', 4], [KAFKA, '(16_message_queue_fundamentals.md#', 3],
      [KAFKA, '#核心概念)', 2], ['backend/README.md', '(distributed_systems/16_message_queue_fundamentals.md)', 5],
      ['backend/engineering/36_concurrency_patterns.md', '[Worker Pool][worker-pool]', 16],
      ['backend/engineering/36_concurrency_patterns.md', '[worker-pool]: ../', 20]] as const) {
      const defs = await definitions(file, needle, delta);
      assert.equal(defs.length, 1, `${file} ${needle}: ${defs.map(where).join(', ')}`);
    }
  });
});
