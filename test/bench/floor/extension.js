// The smallest sidebar webview that paints something: the floor Two Hats is measured against.
// Its one script only marks the first frame with the paragraph, as Two Hats' sidebar marks its own.
const vscode = require('vscode');
const { randomBytes } = require('crypto');
const { performance } = require('perf_hooks');

// The same host marks as Two Hats' own (src/host/startupTimeline.ts), read by the probe
// extension, so the bench can print the floor's host steps beside Two Hats'.
const marks = [];
const mark = (name) => marks.push({ name, at: performance.timeOrigin + performance.now() });

exports.activate = (context) => {
  mark('activate');
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('floor.view', {
      resolveWebviewView(view) {
        mark('sidebar.resolve');
        const nonce = randomBytes(16).toString('base64');
        view.webview.options = { enableScripts: true };
        view.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head><body><p id="floor-ready">One paragraph.</p><script nonce="${nonce}">requestAnimationFrame(() => setTimeout(() => performance.mark('firstFrame'), 0));</script></body></html>`;
        mark('sidebar.resolved');
      },
    }),
  );
  mark('activated');
  return { startupTimeline: () => [...marks] };
};
