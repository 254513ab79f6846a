/**
 * The one place that builds webview HTML. Strict CSP: nothing loads unless it ships with the
 * extension, scripts run only with this render's nonce, and there are no inline handlers or styles.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** 128 bits from the OS's CSPRNG, fresh for every render so a leaked page cannot be replayed. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function webviewResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function buildSidebarHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = createNonce();
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'sidebar.css')}">
<title>Two Hats</title>
</head>
<body>
<main id="app" aria-live="polite" aria-busy="true"></main>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'sidebar.js')}"></script>
</body>
</html>`;
}
