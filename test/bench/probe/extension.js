// For `npm run bench` only: Two Hats keeps the moments of its start in memory and offers them on
// its API; this writes them where the benchmark (outside VS Code) can read them.
const vscode = require('vscode');
const { writeFileSync } = require('fs');

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('benchProbe.saveTimeline', () => {
      const twoHats = vscode.extensions.getExtension('two-hats.two-hats');
      const marks = twoHats && twoHats.isActive && twoHats.exports.startupTimeline ? twoHats.exports.startupTimeline() : [];
      writeFileSync(process.env.TWO_HATS_BENCH_TIMELINE, JSON.stringify(marks));
    }),
  );
};
