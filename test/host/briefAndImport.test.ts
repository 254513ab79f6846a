import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../src/host/constants';
import type { PreparedBrief } from '../../src/host/oneOnOnes/briefCommands';
import { importConfirmationDetail, previewMarkdown, type FolderImportPreview, type FolderImportResult } from '../../src/host/oneOnOnes/markdownFolderImport';
import type { StartedOneOnOne } from '../../src/host/oneOnOnes/oneOnOneCommands';
import type { ScheduleExport } from '../../src/host/oneOnOnes/scheduleExport';
import { activateTwoHats, readText } from './helpers';
import { noteBodyUri } from '../../src/host/storage/layout';
import { NOTE_MAX_BYTES } from '../../src/shared/fileLimits';

/** Letters only, so a name never looks like a date. */
const unique = () => Date.now().toString().replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

describe('bringing Markdown notes in, and the brief before a 1:1', () => {
  const ada = `Ada Lovelace${unique()}`;
  const grace = `Grace Hopper${unique()}`;
  let source: string;
  let adaId: string;

  before(async () => {
    await activateTwoHats();
    source = mkdtempSync(path.join(tmpdir(), 'two-hats-markdown-'));
    // Layout one: a folder per person, dated files.
    mkdirSync(path.join(source, ada));
    writeFileSync(path.join(source, ada, '2026-01-05.md'), '## Notes\n\nDecision: ship the beta behind a flag\n\n- [ ] Send the RFC draft @ada\n');
    writeFileSync(path.join(source, ada, '2026-01-12.md'), '## Follow-ups\n\n- [ ] Book the architecture room\n\nShould we split the payments team?\n\n## Private notes\n\n- [ ] Ask HR about PRIVATE-SENTINEL\n');
    writeFileSync(path.join(source, ada, '2026-02-01 huge.md'), 'x'.repeat(NOTE_MAX_BYTES + 1024 * 1024));
    // Layout two: the date and person in the file name, or in front matter.
    writeFileSync(path.join(source, `2026-01-07 ${grace}.md`), '- [ ] Pair on the flaky test\n');
    mkdirSync(path.join(source, 'misc'));
    writeFileSync(path.join(source, 'misc', 'catch-up.md'), `---\ndate: 2026-01-21\nwith: ${grace}\n---\nTalked about the conference talk.\n`);
    writeFileSync(path.join(source, 'README.md'), '# How I keep notes\n');
  });

  it('previews who and what would come in, and what cannot be read, before writing anything', async () => {
    const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: false });
    assert.ok(result);
    assert.equal(result.imported, undefined, 'nothing is imported without a confirmation');
    assert.equal(result.preview.notes, 4);
    const people = Object.fromEntries(result.preview.people.map((p) => [p.name, p]));
    assert.deepEqual(people[ada], { name: ada, existing: false, dates: ['2026-01-05', '2026-01-12'] });
    assert.deepEqual(people[grace], { name: grace, existing: false, dates: ['2026-01-07', '2026-01-21'] });
    const reasons = Object.fromEntries(result.preview.unreadable.map((u) => [u.file, u.reason]));
    assert.match(reasons[`${ada}/2026-02-01 huge.md`] ?? '', /it is 9 MB, more than the 8 MB Two Hats reads/);
    assert.match(reasons['README.md'] ?? '', /no date/);
  });

  it('says “1 note” and “1 file”, not “1 notes” and “1 files”, in the preview and the question', () => {
    const one: FolderImportPreview = { people: [{ name: 'Evelyn Berezin', existing: false, dates: ['2026-03-04'] }], notes: 1, alreadyHere: 1, unreadable: [{ file: 'ideas.md', reason: 'no date' }], futureDated: 0, truncated: false };
    const preview = previewMarkdown('/notes', one);
    assert.match(preview, /\*\*Evelyn Berezin\*\* \(new\): 1 note, 2026-03-04/);
    assert.match(preview, /1 note to import; 1 already here \(skipped\)\./);
    assert.match(importConfirmationDetail(one), /^1 is already here and will be skipped; 1 file could not be read\./);
    assert.match(previewMarkdown('/notes', { ...one, futureDated: 1 }), /1 note is dated after today: a meeting not held yet is not imported\./);
    const two: FolderImportPreview = { ...one, people: [{ name: 'Evelyn Berezin', existing: true, dates: ['2026-03-04', '2026-03-11'] }], notes: 2, alreadyHere: 2, unreadable: [...one.unreadable, { file: 'b.md', reason: 'no date' }] };
    assert.match(previewMarkdown('/notes', two), /\(on your team\): 2 notes, 2026-03-04, 2026-03-11/);
    assert.match(importConfirmationDetail(two), /^2 are already here and will be skipped; 2 files could not be read\./);
  });

  it('imports on confirmation, into each person’s history, and never twice', async () => {
    const result = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: true });
    assert.equal(result?.imported, 4);
    assert.equal(result?.peopleAdded, 2);
    adaId = result.people!.find((p) => p.name === ada)!.id;
    const hits = await vscode.commands.executeCommand<string[]>(COMMANDS.searchNotes, 'flaky test');
    assert.equal(hits?.length, 1, 'the note can be found');
    const again = await vscode.commands.executeCommand<FolderImportResult>(COMMANDS.importMarkdownFolder, { folder: source, confirm: true });
    assert.equal(again?.preview.notes, 0);
    assert.equal(again?.preview.alreadyHere, 4);
    assert.equal(again?.preview.people.length, 0);
  });

  it('prepares a brief from the imported history, with private items marked', async () => {
    const brief = await vscode.commands.executeCommand<PreparedBrief>(COMMANDS.prepareOneOnOne, { personId: adaId, quiet: true });
    assert.ok(brief);
    const shown = await vscode.workspace.openTextDocument(brief.uri);
    assert.equal(shown.getText(), brief.markdown, 'the preview shows the brief');
    assert.match(brief.markdown, /^# Prepare: 1:1 with Ada Lovelace/);
    assert.match(brief.markdown, /Book the architecture room _\(open \d+ days\)_/);
    assert.match(brief.markdown, /## From the last 1:1 \(2026-01-12\)/);
    assert.match(brief.markdown, /- Should we split the payments team\?/);
    assert.match(brief.markdown, /🔒 \*\*private\*\* · Ask HR about PRIVATE-SENTINEL/);
    const carried = brief.markdown.slice(brief.markdown.indexOf('## What the new note will carry'));
    assert.match(carried, /- \[ \] Book the architecture room/);
    assert.doesNotMatch(carried, /PRIVATE-SENTINEL/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('starts the next 1:1 with the imported open tasks carried in', async () => {
    const started = await vscode.commands.executeCommand<StartedOneOnOne>(COMMANDS.startOneOnOne, { personId: adaId, templateId: 'weekly' });
    assert.ok(started);
    const api = await activateTwoHats();
    const text = (await readText(noteBodyUri(api.dataLocation()!, started.noteId))) ?? '';
    assert.match(text, /- \[ \] Book the architecture room/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('exports the schedule as an .ics file with names only and a stable UID per person', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'two-hats-ics-')), 'one-on-ones.ics');
    const first = await vscode.commands.executeCommand<ScheduleExport>(COMMANDS.exportSchedule, { file });
    assert.ok(first && first.events >= 2);
    const text = readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`UID:${adaId}@two-hats`));
    assert.match(text, /SUMMARY:1:1 with Ada Lovelace/);
    assert.doesNotMatch(text, /architecture|payments|conference/);
    await vscode.commands.executeCommand<ScheduleExport>(COMMANDS.exportSchedule, { file });
    assert.equal(readFileSync(file, 'utf8').match(new RegExp(`UID:${adaId}@two-hats`, 'g'))?.length, 1, 'exporting again replaces the file');
  });
});
