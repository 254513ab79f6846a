// The smallest sidebar webview that paints something: the floor Two Hats is measured against.
const vscode = require('vscode');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.window.registerWebviewViewProvider('floor.view', {
      resolveWebviewView(view) {
        view.webview.options = { enableScripts: false };
        view.webview.html = '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body><p id="ready">One paragraph.</p></body></html>';
      },
    }),
  );
};
