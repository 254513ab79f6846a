/**
 * `Two Hats: Export Notes for Their Next Manager…`: when someone moves to another lead, what
 * may go with them. Shareable parts only, never a private part; still personal data, so the user
 * is told so before anything is written. While the notes are encrypted, the handover can be too
 * (sealedHandover.ts), under a one-time passphrase instead of the lead's own.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import { safeFileName } from '../../shared/oneOnOnes/exportFormat';
import { handoverMarkdown, handoverNote, handoverSummary, type Handover } from '../../shared/oneOnOnes/handover';
import { headerOf, type NoteHeader } from '../../shared/oneOnOnes/noteIndex';
import { handoverNoteTitle, sealedHandoverTexts, type HandoverSource } from '../../shared/oneOnOnes/sealedHandoverNotes';
import { localToday, type Person } from '../../shared/team';
import { writeFileAtomic } from '../storage/atomicFile';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { createPrivateFolder } from '../storage/permissions';
import { pickFolder } from './exportFiles';
import { ownKeyfile, sealedForms } from './sealedExport';
import { shownPlace } from '../shownErrors';

const encoder = new TextEncoder();
/** The sealed handover summary's template id: imported, it reads as a note of its own, dated the handover day. */
const SUMMARY_TEMPLATE_ID = 'handover';

export interface HandoverResult {
  /** The Markdown file, or the folder holding one file per note. */
  readonly written: vscode.Uri;
  readonly notes: number;
  /** Sealed under a one-time passphrase (a folder the import opens with it). */
  readonly encrypted: boolean;
}

type Args = CommandArgs<'exportForNextManager'>;

/**
 * With `{ personId, file }` or `{ personId, folder }` (tests), nothing is asked; with
 * `{ personId, folder, passphrase }` (and `encrypted: true` or nothing), the handover is sealed
 * under that passphrase. The sealing needs no key of the lead's: it is a fresh one.
 */
export function handoverExportCommands(team: TeamStore, notes: NoteStore): SomeCommandHandlers<'exportForNextManager'> {
  return { exportForNextManager: (args) => exportForNextManager(team, notes, args) };
}

/**
 * As the ordinary export: while the notes are encrypted, whether to seal the handover or write it
 * as plain Markdown; plain notes hand over plain. Undefined when the user cancelled.
 */
async function handoverForm(dataFolder: vscode.Uri | undefined, person: Person, args: Args): Promise<{ sealed: boolean } | undefined> {
  if (args.encrypted !== undefined || typeof args.passphrase === 'string') {
    return { sealed: args.encrypted ?? true };
  }
  // From the key file on disk: the key in memory is away while the folder is converted, or locked.
  if ((await ownKeyfile(dataFolder)) === undefined) {
    return { sealed: false };
  }
  const sealed = vscode.l10n.t('Export Encrypted');
  const plain = vscode.l10n.t('Export as Plain Markdown');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      "Your notes are encrypted. Export {0}'s handover encrypted, under a one-time passphrase you give their next manager separately, or as plain Markdown anyone who finds it can read?",
      person.name,
    ),
    { modal: true },
    sealed,
    plain,
  );
  return answer === undefined ? undefined : { sealed: answer === sealed };
}

async function exportForNextManager(team: TeamStore, notes: NoteStore, args: Args): Promise<HandoverResult | undefined> {
  if (team.state.kind !== 'ready' || team.all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nobody on your team to hand over yet.'));
    return undefined;
  }
  const asked = args.file === undefined && args.folder === undefined;
  const person = args.personId !== undefined ? team.find(args.personId) : await pickPerson(team);
  if (!person) {
    return undefined;
  }
  if (typeof args.passphrase === 'string' && args.encrypted === false) {
    // A passphrase never goes with a plain handover: the user would believe it sealed.
    void vscode.window.showErrorMessage(vscode.l10n.t('A passphrase seals the handover: export it encrypted, or leave the passphrase out for plain Markdown.'));
    return undefined;
  }
  const form = asked || args.encrypted !== undefined || typeof args.passphrase === 'string' ? await handoverForm(team.dataFolder, person, args) : { sealed: false };
  if (!form) {
    return undefined;
  }
  const { handover, sources } = await handoverOf(person, notes);
  if (form.sealed) {
    return exportSealed(person, handover, sources, team.dataFolder, args);
  }
  if (asked) {
    const go = vscode.l10n.t('Export Shareable Parts');
    const what =
      handover.notes.length === 1
        ? vscode.l10n.t("Export what {0}'s next manager may read: their goals, open action items and the shareable part of 1 note?", person.name)
        : vscode.l10n.t("Export what {0}'s next manager may read: their goals, open action items and the shareable part of {1} notes?", person.name, handover.notes.length);
    const answer = await vscode.window.showWarningMessage(
      `${what} ${vscode.l10n.t('Private notes are left out, but this is still personal data about them: hand it over in person or through a private channel, and only with their knowledge.')}`,
      { modal: true },
      go,
    );
    if (answer !== go) {
      return undefined;
    }
  }
  const target = asked ? await pickTarget(person) : args.file !== undefined ? { file: vscode.Uri.file(args.file) } : { folder: vscode.Uri.file(args.folder!) };
  if (!target) {
    return undefined;
  }
  const written = 'file' in target ? await writeOneFile(target.file, handover) : await writeFolder(target.folder, person, handover);
  if (asked) {
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    void vscode.window
      .showInformationMessage(vscode.l10n.t("Exported the shareable notes for {0}'s next manager to {1}.", person.name, shownPlace(written)), reveal)
      .then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', written) : undefined))
      .then(undefined, () => undefined);
  }
  return { written, notes: handover.notes.length, encrypted: false };
}

async function exportSealed(person: Person, handover: Handover, sources: readonly HandoverSource[], dataFolder: vscode.Uri | undefined, args: Args): Promise<HandoverResult | undefined> {
  const asked = args.folder === undefined;
  if (asked) {
    const go = vscode.l10n.t('Export Shareable Parts');
    const answer = await vscode.window.showWarningMessage(
      handover.notes.length === 1
        ? vscode.l10n.t("Export what {0}'s next manager may read, encrypted: their goals, open action items and the shareable part of 1 note? Private notes are left out.", person.name)
        : vscode.l10n.t("Export what {0}'s next manager may read, encrypted: their goals, open action items and the shareable part of {1} notes? Private notes are left out.", person.name, handover.notes.length),
      { modal: true, detail: vscode.l10n.t('You choose a one-time passphrase next. Give it to their next manager in person or by phone, never with the files, and only with their knowledge.') },
      go,
    );
    if (answer !== go) {
      return undefined;
    }
  }
  let passphrase: string | undefined;
  if (typeof args.passphrase === 'string') {
    const problem = await sealedForms().oneTimePassphraseProblem(args.passphrase, dataFolder);
    if (problem !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('That passphrase is refused: {0}', problem));
      return undefined;
    }
    passphrase = args.passphrase;
  } else {
    passphrase = await sealedForms().askOneTimePassphrase(person.name, dataFolder);
  }
  if (passphrase === undefined) {
    return undefined;
  }
  const parent = asked ? await pickFolder(vscode.l10n.t('Two Hats: Export the handover notes to…'), vscode.l10n.t('Export Here')) : vscode.Uri.file(args.folder!);
  if (!parent) {
    return undefined;
  }
  const summaryHeader = { id: randomUUID(), personId: person.id, date: handover.today, templateId: SUMMARY_TEMPLATE_ID, title: 'Handover from their previous manager', createdAt: Date.now() };
  const texts = sealedHandoverTexts(handover, summaryHeader, sources);
  const written = await sealedForms().writeSealedHandover(parent, handover.today, texts, passphrase);
  if (asked) {
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t("Exported the shareable notes for {0}'s next manager, encrypted, to {1}. They open them with Import 1:1 Notes… and the one-time passphrase: give it to them separately.", person.name, shownPlace(written)),
        reveal,
      )
      .then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', written) : undefined))
      .then(undefined, () => undefined);
  }
  return { written, notes: handover.notes.length, encrypted: true };
}

async function pickPerson(team: TeamStore): Promise<Person | undefined> {
  const picked = await vscode.window.showQuickPick(
    team.all.map((p) => ({ label: p.name, description: p.archived ? vscode.l10n.t('archived') : p.role, person: p })),
    { title: vscode.l10n.t('Two Hats: Export Notes for Their Next Manager'), placeHolder: vscode.l10n.t('Who is moving to another manager?'), matchOnDescription: true },
  );
  return picked?.person;
}

/** The handover, and each of its notes with its header (for the sealed form, which the import reads). */
async function handoverOf(person: Person, notes: NoteStore): Promise<{ handover: Handover; sources: HandoverSource[] }> {
  const oldestFirst = [...notes.forPerson(person.id)].reverse();
  const read = await Promise.all(
    oldestFirst.map(async (meta): Promise<{ header: NoteHeader; content: string }[]> => {
      const content = await notes.read(meta.id).catch(() => undefined);
      return content === undefined ? [] : [{ header: headerOf(meta), content }];
    }),
  );
  const sources = read.flat();
  const handoverNotes = sources.map(({ header, content }) => ({ date: header.date, title: handoverNoteTitle(header.title), content }));
  return { handover: { name: person.name, role: person.role, goals: person.goals ?? [], notes: handoverNotes, today: localToday() }, sources };
}

async function pickTarget(person: Person): Promise<{ file: vscode.Uri } | { folder: vscode.Uri } | undefined> {
  const oneFile = { label: vscode.l10n.t('One Markdown file'), detail: vscode.l10n.t('Goals, open items and every note in one file.') };
  const folder = { label: vscode.l10n.t('A folder'), detail: vscode.l10n.t('A summary and one file per note, in a new folder.') };
  const shape = await vscode.window.showQuickPick([oneFile, folder], { title: vscode.l10n.t("Export for {0}'s next manager as…", person.name) });
  if (shape === oneFile) {
    const file = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Two Hats: Save the handover notes as…'),
      saveLabel: vscode.l10n.t('Export'),
      filters: { Markdown: ['md'] },
      defaultUri: vscode.Uri.file(`${safeFileName(person.name, 'person')} - notes for next manager.md`),
    });
    return file ? { file } : undefined;
  }
  if (shape === folder) {
    const picked = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Two Hats: Export the handover notes to…'), openLabel: vscode.l10n.t('Export Here'), canSelectFolders: true, canSelectFiles: false });
    return picked?.[0] ? { folder: picked[0] } : undefined;
  }
  return undefined;
}

async function writeOneFile(file: vscode.Uri, handover: Handover): Promise<vscode.Uri> {
  await writeFileAtomic(file, encoder.encode(handoverMarkdown(handover)));
  return file;
}

async function writeFolder(parent: vscode.Uri, person: Person, handover: Handover): Promise<vscode.Uri> {
  const base = `${safeFileName(person.name, 'person')} - notes for next manager`;
  let folder = vscode.Uri.joinPath(parent, base);
  for (let n = 2; await exists(folder); n++) {
    folder = vscode.Uri.joinPath(parent, `${base} ${n}`);
  }
  await createPrivateFolder(folder);
  await writeFileAtomic(vscode.Uri.joinPath(folder, 'README.md'), encoder.encode(handoverSummary(handover)));
  const used = new Set<string>();
  for (const note of handover.notes) {
    let name = `${note.date} ${safeFileName(note.title, 'note')}`;
    for (let n = 2; used.has(name); n++) {
      name = `${note.date} ${safeFileName(note.title, 'note')} ${n}`;
    }
    used.add(name);
    await writeFileAtomic(vscode.Uri.joinPath(folder, `${name}.md`), encoder.encode(handoverNote(note)));
  }
  return folder;
}

function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
