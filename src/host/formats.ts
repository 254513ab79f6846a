/**
 * The formats bundle (dist/formats.js): the .ics schedule export and the Markdown folder import,
 * with their libraries (`ics`, `yaml` and what they use), about 200 KB minified, which few sessions
 * need. The core registers their commands and loads this bundle the first time one of them runs
 * (oneOnOnes/fileFormatCommands.ts), so the sidebar's first paint never waits for them. The core
 * modules it uses, the translator above all, come from the core at run time (esbuild.mjs): a copy
 * of its own would never be given the user's language.
 */
export { exportSchedule } from './oneOnOnes/scheduleExport';
export { importMarkdownFolder } from './oneOnOnes/markdownFolderImport';
