/**
 * Bring 1:1 notes kept elsewhere into Two Hats: a folder of plain Markdown files, read by the
 * rules in src/shared/oneOnOnes/markdownImport.ts. First a preview of who and what would come
 * in and what could not be read; nothing is written until the user confirms. Nothing is ever
 * overwritten: each note comes in as a new note, and one already here (same person, date and
 * text) is skipped. Sizes are checked before any file is read. Built into the formats bundle (see
 * ../formats.ts): the `yaml` library is read only when someone imports.
 */
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import { readImportedNote } from '../../shared/oneOnOnes/markdownImport';
import { noteTitle } from '../../shared/oneOnOnes/compose';
import { localToday, nameProblem, normalizeName, type Person } from '../../shared/team';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { IMPORT_MAX_FILES, IMPORT_MAX_NEW_PEOPLE, NOTE_MAX_BYTES, sizeProblem } from '../../shared/fileLimits';
import { readBounded, TooLargeToRead } from '../storage/boundedRead';
import { UnreadableForNow } from '../storage/transientRead';
import { walkMarkdownFolder } from './markdownFolderWalk';
import { shownPlace } from '../shownErrors';

const IMPORTED_TEMPLATE_ID = 'imported';
const decoder = new TextDecoder('utf-8', { fatal: true });

export interface ImportPreviewPerson {
  readonly name: string;
  /** Already on the team (matched by name), or to be added. */
  readonly existing: boolean;
  readonly dates: readonly string[];
}

export interface FolderImportPreview {
  readonly people: readonly ImportPreviewPerson[];
  readonly notes: number;
  readonly alreadyHere: number;
  /** Files not imported (links, unreadable, undated…), each with the reason. */
  readonly unreadable: readonly { readonly file: string; readonly reason: string }[];
  /** Notes dated after today: not imported (listed under unreadable), since no such 1:1 was held yet. */
  readonly futureDated: number;
  /** The folder held more files than are looked at. */
  readonly truncated: boolean;
}

export interface FolderImportResult {
  readonly preview: FolderImportPreview;
  /** Notes brought in; undefined when the user did not confirm. */
  readonly imported?: number;
  readonly peopleAdded?: number;
  /** Everyone who received notes, by id. */
  readonly people?: readonly { readonly id: string; readonly name: string }[];
}

interface PlannedNote {
  readonly personName: string;
  readonly person?: Person;
  readonly date: string;
  readonly content: string;
}

/** Arguments a test or another extension may pass to skip the dialogs, checked by the command table. */
type Args = CommandArgs<'importMarkdownFolder'>;

const sameText = (a: string, b: string) => a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim();

async function plan(team: TeamStore, notes: NoteStore, folder: vscode.Uri): Promise<{ preview: FolderImportPreview; planned: PlannedNote[] }> {
  const { files, skipped, truncated } = await walkMarkdownFolder(folder);
  const unreadable: { file: string; reason: string }[] = [...skipped];
  const planned: PlannedNote[] = [];
  const newPeople = new Map<string, string>();
  let alreadyHere = 0;
  let futureDated = 0;
  const today = localToday();
  const existingText = new Map<string, string | undefined>();
  for (const file of files) {
    if (file.size === undefined) {
      // Never read a file whose size is unknown: the size check is what keeps a huge one out.
      unreadable.push({ file: file.relative, reason: vscode.l10n.t('its size could not be read') });
      continue;
    }
    // The same limit as a note Two Hats keeps: what it can hold, it can bring in.
    const tooLarge = sizeProblem(file.size, NOTE_MAX_BYTES);
    if (tooLarge) {
      unreadable.push({ file: file.relative, reason: tooLarge });
      continue;
    }
    let text: string;
    try {
      // Checked again as it is read: the file may have grown since the folder was listed.
      const bytes = await readBounded(file.uri, NOTE_MAX_BYTES);
      if (bytes === undefined) {
        unreadable.push({ file: file.relative, reason: vscode.l10n.t('it was removed while the folder was read') });
        continue;
      }
      text = decoder.decode(bytes);
    } catch (error) {
      const reason =
        error instanceof TooLargeToRead
          ? error.problem
          : error instanceof UnreadableForNow
            ? vscode.l10n.t('held by another program; try again in a moment')
            : vscode.l10n.t('not readable as UTF-8 text');
      unreadable.push({ file: file.relative, reason });
      continue;
    }
    const note = readImportedNote(file.relative, text);
    if (!note.ok) {
      unreadable.push({ file: file.relative, reason: note.reason });
      continue;
    }
    if (note.date > today) {
      // Imported, it would become the latest note: carried over and briefed as if held.
      futureDated++;
      unreadable.push({ file: file.relative, reason: vscode.l10n.t('dated after today: a meeting not held yet') });
      continue;
    }
    const name = normalizeName(note.person);
    const person = team.all.find((p) => p.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0);
    if (!person) {
      const key = name.toLocaleLowerCase();
      const problem = newPeople.has(key) ? undefined : nameProblem(name, team.all);
      if (problem) {
        unreadable.push({ file: file.relative, reason: problem });
        continue;
      }
      if (!newPeople.has(key) && newPeople.size >= IMPORT_MAX_NEW_PEOPLE) {
        unreadable.push({ file: file.relative, reason: vscode.l10n.t('more than {0} new people in one import', IMPORT_MAX_NEW_PEOPLE) });
        continue;
      }
      newPeople.set(key, name);
    }
    const personName = person?.name ?? newPeople.get(name.toLocaleLowerCase())!;
    const twinInImport = planned.some((p) => p.personName === personName && p.date === note.date && sameText(p.content, note.content));
    let twinHere = false;
    for (const meta of person ? notes.forPerson(person.id).filter((m) => m.date === note.date) : []) {
      if (!existingText.has(meta.id)) {
        existingText.set(meta.id, await notes.read(meta.id).catch(() => undefined));
      }
      const here = existingText.get(meta.id);
      twinHere ||= here !== undefined && sameText(here, note.content);
    }
    if (twinInImport || twinHere) {
      alreadyHere++;
      continue;
    }
    planned.push({ personName, ...(person ? { person } : {}), date: note.date, content: note.content });
  }
  const people = new Map<string, ImportPreviewPerson>();
  for (const note of planned) {
    const entry = people.get(note.personName) ?? { name: note.personName, existing: note.person !== undefined, dates: [] };
    people.set(note.personName, { ...entry, dates: [...entry.dates, note.date].sort() });
  }
  return { preview: { people: [...people.values()], notes: planned.length, alreadyHere, unreadable, futureDated, truncated }, planned };
}

const futureDatedSentence = (count: number) =>
  count === 1
    ? vscode.l10n.t('1 note is dated after today: a meeting not held yet is not imported.')
    : vscode.l10n.t('{0} notes are dated after today: meetings not held yet are not imported.', count);

/** The preview in full, for the user to read before confirming. */
export function previewMarkdown(folder: string, preview: FolderImportPreview): string {
  const toImport = preview.notes === 1 ? vscode.l10n.t('1 note to import; {0} already here (skipped).', preview.alreadyHere) : vscode.l10n.t('{0} notes to import; {1} already here (skipped).', preview.notes, preview.alreadyHere);
  const lines = [`# ${vscode.l10n.t('Import preview: {0}', folder)}`, '', toImport, ''];
  for (const person of preview.people) {
    const dates = person.dates.length > 12 ? `${person.dates.slice(0, 12).join(', ')}, …` : person.dates.join(', ');
    lines.push(`- **${person.name}** (${person.existing ? vscode.l10n.t('on your team') : vscode.l10n.t('new')}): ${person.dates.length === 1 ? vscode.l10n.t('1 note, {0}', dates) : vscode.l10n.t('{0} notes, {1}', person.dates.length, dates)}`);
  }
  if (preview.futureDated > 0) {
    lines.push('', futureDatedSentence(preview.futureDated));
  }
  if (preview.unreadable.length > 0) {
    lines.push('', `## ${vscode.l10n.t('Not imported ({0})', preview.unreadable.length)}`, '', ...preview.unreadable.slice(0, 500).map((u) => `- \`${u.file.replace(/`/g, "'")}\`: ${u.reason}`));
  }
  if (preview.truncated) {
    lines.push('', `_${vscode.l10n.t('Only the first {0} files were looked at.', IMPORT_MAX_FILES.toLocaleString('en'))}_`);
  }
  return `${lines.join('\n')}\n`;
}

/** What the import question says under it: what is skipped, what cannot be read, that nothing is overwritten. */
export function importConfirmationDetail(preview: FolderImportPreview): string {
  const skipped = preview.alreadyHere === 1 ? vscode.l10n.t('1 is already here and will be skipped') : vscode.l10n.t('{0} are already here and will be skipped', preview.alreadyHere);
  const unread = preview.unreadable.length;
  const notRead = unread === 1 ? vscode.l10n.t('1 file could not be read') : vscode.l10n.t('{0} files could not be read', unread);
  return vscode.l10n.t('{0}; {1}. Nothing already in Two Hats is overwritten.', skipped, notRead);
}

async function confirmImport(folder: vscode.Uri, preview: FolderImportPreview): Promise<boolean> {
  const added = preview.people.filter((p) => !p.existing).length;
  const go = vscode.l10n.t('Import {0} Notes', preview.notes);
  const details = vscode.l10n.t('Show Details…');
  for (;;) {
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Import {0} notes for {1} people ({2} new) from {3}?', preview.notes, preview.people.length, added, folder.fsPath),
      {
        modal: true,
        detail: [
          importConfirmationDetail(preview),
          ...(preview.futureDated > 0 ? [futureDatedSentence(preview.futureDated)] : []),
        ].join(' '),
      },
      go,
      details,
    );
    if (answer !== details) {
      return answer === go;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: previewMarkdown(folder.fsPath, preview) });
    await vscode.window.showTextDocument(document, { preview: true });
  }
}

export async function importMarkdownFolder(team: TeamStore, notes: NoteStore, args: Args): Promise<FolderImportResult | undefined> {
  if (team.state.kind !== 'ready' || !notes.ready) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: Two Hats keeps 1:1 notes in that workspace’s private storage.'));
    return undefined;
  }
  const given = args.folder !== undefined ? vscode.Uri.file(args.folder) : undefined;
  const picked =
    given ??
    (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Two Hats: Import notes from a Markdown folder'), openLabel: vscode.l10n.t('Preview Import'), canSelectFolders: true, canSelectFiles: false }))?.[0];
  if (!picked) {
    return undefined;
  }
  const { preview, planned } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Two Hats: reading the folder…') },
    () => plan(team, notes, picked),
  );
  if (preview.notes === 0) {
    if (!given) {
      const reasons = preview.unreadable.slice(0, 3).map((u) => `${u.file}: ${u.reason}`).join('; ');
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Nothing to import from {0}: {1} already here, {2} not readable ({3}).', shownPlace(picked), preview.alreadyHere, preview.unreadable.length, reasons),
      );
    }
    return { preview };
  }
  const confirmed = given ? args.confirm === true : await confirmImport(picked, preview);
  if (!confirmed) {
    return { preview };
  }
  const ids = new Map<string, string>();
  let peopleAdded = 0;
  let imported = 0;
  const latest = new Map<string, string>();
  for (const note of planned) {
    let personId = note.person?.id ?? ids.get(note.personName);
    if (!personId) {
      const added = await team.add({ name: note.personName, role: '', cadence: 'weekly' });
      if (!added.ok) {
        continue;
      }
      personId = added.person.id;
      ids.set(note.personName, personId);
      peopleAdded++;
    }
    await notes.create({ personId, date: note.date, templateId: IMPORTED_TEMPLATE_ID, title: noteTitle(note.personName, note.date, { title: vscode.l10n.t('Imported') }), content: note.content });
    imported++;
    latest.set(personId, [latest.get(personId) ?? '', note.date].sort().at(-1)!);
  }
  // The last 1:1 moves only forward: an import of old notes leaves a later 1:1 as it is.
  for (const [personId, date] of latest) {
    if (date !== '') {
      await team.recordOneOnOne(personId, date, []);
    }
  }
  if (!given) {
    void vscode.window.showInformationMessage(
      peopleAdded > 0 ? vscode.l10n.t('Imported {0} notes and added {1} people.', imported, peopleAdded) : vscode.l10n.t('Imported {0} notes.', imported),
    );
  }
  const people = [...latest.keys()].map((id) => ({ id, name: team.find(id)?.name ?? '' }));
  return { preview, imported, peopleAdded, people };
}
