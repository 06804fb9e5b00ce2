// `npm run screenshots`: screenshots of the extension at work for the docs, taken in code-server's web workbench
// (the kit from scripts/vscode-kit.sh) with headless Chromium driven by playwright-core.
//   docs/sidebar.png   Notes Navigator activity-bar container, Series view with a series and a category open
//   docs/hover.png     a note open, hover over a backtick path reference `….md`
//   docs/problems.png  Problems panel on examples/notes
//   docs/coverage.png  "Notes Navigator: Show Coverage" panel
// Each shot runs in its own browser context: one failing shot does not stop the others (the failed
// state is saved under .vscode-test/screenshots-failed/ and the exit code is 1).
// usage: node scripts/screenshots.mjs [--only name[,name]] [--no-build] [--verbose]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  ensureKit, launchChromium, repoRoot, scratchDir, startCodeServer, workbenchUrl,
} from '../test/integration/harness/kit.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyArg = args.find(a => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : args[args.indexOf(onlyArg) + 1]).split(',') : undefined;
const workspace = path.join(repoRoot, 'examples', 'notes');
const docs = path.join(repoRoot, 'docs');
const failedDir = path.join(repoRoot, '.vscode-test', 'screenshots-failed');
const viewport = { width: 1440, height: 900 };
const log = (...a) => console.log('[screenshots]', ...a);

// ---- workbench helpers ------------------------------------------------------------------------------
const sleep = ms => new Promise(r => setTimeout(r, ms));

async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  // the activity bar item of our view container appears once the extension's contributions are registered
  await notesNavigatorIcon(page).waitFor({ timeout: 60000 });
  await waitForIndex(page);
  await dismissNotifications(page);
}

/**
 * The extension shows `Coverage N/M` in the status bar once the workspace is indexed; wait for it (and for
 * progress notifications to go) so that shots show results, not "loading". Not fatal: logs and goes on.
 */
async function waitForIndex(page) {
  const item = page.locator('.statusbar-item', { hasText: /Coverage\s+\d+\s*\/\s*\d+/ }).first();
  const ok = await item.waitFor({ timeout: 60000 }).then(() => true, () => false);
  if (!ok) log('  (no "Coverage N/M" status bar item after 60 s: shooting anyway)');
  const progress = page.locator('.notifications-toasts .monaco-progress-container.active, .statusbar-item .codicon-sync.codicon-modifier-spin');
  for (let i = 0; i < 60 && await progress.count() > 0; i++) await sleep(500);
}

function notesNavigatorIcon(page) {
  return page.locator('.activitybar .action-item a[aria-label*="Notes Navigator" i], ' +
    '.activitybar .action-item[aria-label*="Notes Navigator" i]').first();
}

async function dismissNotifications(page) {
  if (await page.locator('.notifications-toasts .notification-toast').count() === 0) return;
  await tryCommand(page, 'Notifications: Clear All Notifications');
}

/** Opens the quick input with `prefix` already typed (">" = commands, "" = files, ":" = go to line). */
async function quickInput(page, text) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input').first();
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(text);
  return input;
}

/** Runs a command from the palette by its exact title; throws when it does not exist. */
async function runCommand(page, title) {
  await quickInput(page, `>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 10000 }).catch(() => { throw new Error(`command not found: ${title}`); });
  await row.click();
  await parkMouse(page);
}

/** Moves the mouse onto the status bar, where it triggers no hover and hides nothing. */
async function parkMouse(page) {
  await page.mouse.move(viewport.width / 2, viewport.height - 6);
}

/** Drags the side bar's right edge to make it `width` px wide. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').first().boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width, y = box.y + box.height / 2;
  await page.mouse.move(x - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  await parkMouse(page);
}

async function tryCommand(page, title) {
  try {
    await runCommand(page, title);
    return true;
  } catch {
    await page.keyboard.press('Escape');
    return false;
  }
}

/** Opens a workspace file by its relative path with Quick Open. */
async function openFile(page, rel) {
  await quickInput(page, rel);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: path.posix.basename(rel) }).first();
  await row.waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label*="${path.posix.basename(rel)}"]`).first().waitFor({ timeout: 20000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 20000 });
}

async function gotoPosition(page, line, column) {
  await quickInput(page, `:${line}:${column}`);
  await sleep(300);
  await page.keyboard.press('Enter');
}

// ---- finding example content -------------------------------------------------------------------------
function markdownFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) markdownFiles(p, out);
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** A note line holding a backtick `….md` reference outside code fences and frontmatter: {rel, line, column}. */
function findBacktickReference() {
  const candidates = [];
  for (const file of markdownFiles(workspace)) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    let fence = false;
    let front = lines[0] === '---';
    for (let i = front ? 1 : 0; i < lines.length; i++) {
      const text = lines[i];
      if (front) { if (text === '---') front = false; continue; }
      if (/^\s{0,3}(```|~~~)/.test(text)) { fence = !fence; continue; }
      if (fence) continue;
      const m = /`([^`\s]+\.md)`/.exec(text);
      if (!m) continue;
      const rel = path.relative(workspace, file).split(path.sep).join('/');
      const isIndex = /(^|\/)(README|coverage_matrix)\.md$/.test(rel);
      // 1-based line/column in the middle of the reference
      candidates.push({ rel, line: i + 1, column: m.index + 2 + Math.floor(m[1].length / 2), isIndex, lines: lines.length });
    }
  }
  // prefer an ordinary note, then a reference early in the file (visible without scrolling)
  candidates.sort((a, b) => Number(a.isIndex) - Number(b.isIndex) || a.line - b.line);
  return candidates[0];
}

// ---- the shots -----------------------------------------------------------------------------------------
const shots = {
  async sidebar(page) {
    await notesNavigatorIcon(page).click();
    await widenSideBar(page, 470);
    const seriesHeader = page.locator('.pane-header', { hasText: /^\s*Series/i }).first();
    await seriesHeader.waitFor({ timeout: 20000 });
    if (await seriesHeader.getAttribute('aria-expanded') === 'false') await seriesHeader.click();
    const pane = page.locator('.pane', { has: seriesHeader }).first();
    const rows = pane.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 30000 });
    // open the first series (level 1) and the first category (level 2) in it
    for (const level of ['1', '2']) {
      const row = pane.locator(`.monaco-list-row[aria-level="${level}"][aria-expanded]`).first();
      await row.waitFor({ timeout: 20000 });
      if (await row.getAttribute('aria-expanded') === 'false') await row.click();
      await page.waitForFunction(el => el.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: 10000 });
    }
    await pane.locator('.monaco-list-row[aria-level="3"]').first().waitFor({ timeout: 20000 });
    await parkMouse(page);
    await sleep(500);
    log(`  series rows: ${JSON.stringify((await rows.allInnerTexts()).slice(0, 8).map(t => t.replace(/\s+/g, ' ')))}`);
  },

  async hover(page) {
    const ref = findBacktickReference();
    if (!ref) throw new Error('no backtick .md reference found in examples/notes');
    log(`  hovering ${ref.rel}:${ref.line}:${ref.column}`);
    await openFile(page, ref.rel);
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const hasContent = async () => {
      await hover.waitFor({ timeout: 10000 });
      // the provider answers once the index has the note: "Loading..." until then
      await page.waitForFunction(el => el.innerText.trim() !== '' && !/^Loading/.test(el.innerText.trim()),
        await hover.elementHandle(), { timeout: 20000 });
    };
    // the editor's "Show or Focus Hover" at the cursor, then a real mouse hover over the reference as a fallback
    let shown = false;
    for (let attempt = 0; attempt < 3 && !shown; attempt++) {
      if (attempt < 2) {
        await gotoPosition(page, ref.line, ref.column);
        await runCommand(page, 'Show or Focus Hover');
      } else {
        const cursor = page.locator('.editor-instance .monaco-editor .cursor').first();
        const box = await cursor.boundingBox();
        if (box) await page.mouse.move(box.x + 3, box.y + box.height / 2, { steps: 4 });
      }
      shown = await hasContent().then(() => true, () => false);
    }
    if (!shown) throw new Error('no hover with content appeared');
    await sleep(500);
    log(`  hover text: ${JSON.stringify((await hover.innerText()).slice(0, 160).replace(/\s+/g, ' '))}`);
  },

  async problems(page) {
    await tryCommand(page, 'Notes Navigator: Check Workspace');
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)').catch(() => page.keyboard.press('Control+Shift+M'));
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: 60000 });
    let count = -1;
    for (let i = 0; i < 20 && count !== await rows.count(); i++) { count = await rows.count(); await sleep(500); }
    const panel = page.locator('.part.panel').first();
    if (((await panel.boundingBox())?.height ?? 0) < viewport.height / 2) await tryCommand(page, 'View: Toggle Maximized Panel');
    await dismissNotifications(page);
    await parkMouse(page);
    await sleep(500);
    log(`  problem rows visible: ${await rows.count()}`);
  },

  async coverage(page) {
    await runCommand(page, 'Notes Navigator: Show Coverage');
    const webview = page.locator('iframe.webview.ready, .webview.ready iframe, iframe.webview').first();
    await webview.waitFor({ timeout: 30000 });
    // the webview's own document is two frames deep (outer host frame → #active-frame)
    const inner = page.frameLocator('iframe.webview').first().frameLocator('#active-frame');
    await inner.locator('body *').first().waitFor({ timeout: 30000 });
    // the page's own table when it renders one; any content otherwise
    const ready = await inner.locator('table, .matrix, svg').first().waitFor({ timeout: 30000 }).then(() => true, () => false);
    if (!ready) log('  (no table in the coverage page after 30 s: shooting what is there)');
    await dismissNotifications(page);
    await parkMouse(page);
    await sleep(1000);
    log(`  coverage text: ${JSON.stringify((await inner.locator('body').innerText()).slice(0, 160).replace(/\s+/g, ' '))}`);
  },
};

// ---- main -------------------------------------------------------------------------------------------------
let server, browser, scratch;
async function cleanup() {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

async function main() {
  if (!args.includes('--no-build')) {
    log('building (node scripts/build.mjs) ...');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) { console.error('[screenshots] build failed'); process.exit(1); }
  }
  const kit = ensureKit({ quiet: true });
  mkdirSync(docs, { recursive: true });
  scratch = scratchDir('nn-screenshots-');
  server = await startCodeServer({ kit, scratch, verbose });
  browser = await launchChromium(kit, { xdgRoot: scratch });
  const url = workbenchUrl(server.host, { folder: workspace, devPaths: [repoRoot] });
  const failed = [];
  try {
    for (const [name, take] of Object.entries(shots)) {
      if (only && !only.includes(name)) continue;
      const t0 = Date.now();
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      if (verbose) page.on('console', m => console.error(`[browser ${m.type()}] ${m.text()}`));
      try {
        log(`${name}: opening the workbench ...`);
        await openWorkbench(page, url);
        await take(page);
        const out = path.join(docs, `${name}.png`);
        await page.screenshot({ path: out });
        log(`${name}: wrote ${path.relative(repoRoot, out)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (err) {
        failed.push(name);
        mkdirSync(failedDir, { recursive: true });
        const out = path.join(failedDir, `${name}.png`);
        await page.screenshot({ path: out }).catch(() => {});
        console.error(`[screenshots] ${name}: FAILED: ${err instanceof Error ? err.message.split('\n')[0] : err}` +
          ` (state saved to ${path.relative(repoRoot, out)})`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await cleanup();
  }
  if (failed.length) {
    console.error(`[screenshots] failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  log('all screenshots written');
}

process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
void main().catch(async err => {
  console.error(`[screenshots] ${err instanceof Error ? err.message : err}`);
  await cleanup();
  process.exit(1);
});
