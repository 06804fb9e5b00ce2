import * as vscode from 'vscode';
import { coverageCsp } from '../../webview/protocol';

/** The coverage page's HTML shell: strict CSP, one nonce'd stylesheet (media/) and one nonce'd script (dist/). */

export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Only media/ and dist/ may be loaded by the page. */
export function coverageResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')];
}

export function coverageWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: coverageResourceRoots(extensionUri) };
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function coverageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, strings: { title: string; loading: string }): string {
  const nonce = makeNonce();
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'coverage.css')).toString();
  const js = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString();
  const lang = escapeAttr(vscode.env.language || 'en');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${coverageCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${nonce}" href="${escapeAttr(css)}">
<title>${escapeAttr(strings.title)}</title>
</head>
<body>
<header id="toolbar" class="toolbar" role="search"></header>
<main id="content" class="content"><p class="empty">${escapeAttr(strings.loading)}</p></main>
<div id="live" class="visually-hidden" aria-live="polite"></div>
<script nonce="${nonce}" src="${escapeAttr(js)}"></script>
</body>
</html>`;
}
