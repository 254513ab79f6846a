// The smallest sidebar webview that paints something: the floor Two Hats is measured against.
// Its one script only marks the first frame with the paragraph, as Two Hats' sidebar marks its own.
const vscode = require('vscode');
const { randomBytes } = require('crypto');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('floor.view', {
      resolveWebviewView(view) {
        const nonce = randomBytes(16).toString('base64');
        view.webview.options = { enableScripts: true };
        view.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body><p id="floor-ready">One paragraph.</p><script nonce="${nonce}">requestAnimationFrame(() => setTimeout(() => performance.mark('firstFrame'), 0));</script></body></html>`;
      },
    }),
  );
};
