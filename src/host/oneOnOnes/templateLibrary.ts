/**
 * Where 1:1 templates come from: the built-in library and the user's own folder (the
 * `twoHats.templates.folder` setting). Own templates are ordinary files, which may live in the
 * repository; they never hold notes. Also `Save Note as Template…`.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandArgs } from '../commands/commandArgs';
import type { SomeCommandHandlers } from '../commands/commandTable';
import {
  noteAsTemplate,
  OWN_TEMPLATE_MAX_BYTES,
  ownTemplateId,
  ownTemplateTitle,
  templateFileNameProblem,
  type OwnTemplate,
} from '../../shared/oneOnOnes/ownTemplates';
import { SETTINGS } from '../constants';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { writeFileAtomic } from '../storage/atomicFile';
import { readBounded, TooLargeToRead } from '../storage/boundedRead';
import type { Consents } from '../consent';
import { NOTE_SCHEME } from '../constants';
import { noteIdOf } from './noteFileSystem';

const MAX_OWN_TEMPLATES = 200;
const strict = new TextDecoder('utf-8', { fatal: true });

/** The folder the setting names; a relative path is taken from the first workspace folder. */
export function ownTemplatesFolder(): { folder: vscode.Uri; fromWorkspace: boolean } | undefined {
  const config = vscode.workspace.getConfiguration(SETTINGS.section);
  const configured = config.get<string>(SETTINGS.templatesFolder, '').trim();
  if (!configured) {
    return undefined;
  }
  const inspected = config.inspect<string>(SETTINGS.templatesFolder);
  const fromWorkspace = Boolean(inspected?.workspaceFolderValue?.trim() || inspected?.workspaceValue?.trim());
  if (configured.startsWith('/') || /^[a-z]:[\\/]/i.test(configured)) {
    return { folder: vscode.Uri.file(configured), fromWorkspace };
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return root ? { folder: vscode.Uri.joinPath(root, configured), fromWorkspace } : undefined;
}

async function realPath(uri: vscode.Uri): Promise<string> {
  return uri.scheme === 'file' ? realpath(uri.fsPath).catch(() => path.resolve(uri.fsPath)) : uri.path;
}

/** Whether the folder, links followed, lies inside one of the workspace's folders. */
async function insideWorkspace(folder: vscode.Uri): Promise<boolean> {
  const target = await realPath(folder);
  for (const root of vscode.workspace.workspaceFolders ?? []) {
    if (root.uri.scheme !== folder.scheme || root.uri.authority !== folder.authority) {
      continue;
    }
    const relative = path.relative(await realPath(root.uri), target);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
      return true;
    }
  }
  return false;
}

function consentFor(folder: vscode.Uri): string {
  return `templatesFolder:${folder.scheme}:${folder.fsPath}`;
}

/**
 * The templates folder, if Two Hats may use it. A workspace's own settings come with the
 * repository, so a folder they name outside the workspace (say `~/.ssh`) is read only after the
 * user said yes once.
 */
async function permittedTemplatesFolder(consents: Consents): Promise<{ folder: vscode.Uri } | { refused: string } | undefined> {
  const configured = ownTemplatesFolder();
  if (!configured || !configured.fromWorkspace || (await insideWorkspace(configured.folder))) {
    return configured;
  }
  const allowed = await consents.ask(
    consentFor(configured.folder),
    vscode.l10n.t('This workspace’s settings point Two Hats at {0} for 1:1 templates, outside the workspace. Use that folder for templates?', configured.folder.fsPath),
    vscode.l10n.t('Use That Folder'),
  );
  return allowed
    ? configured
    : { refused: vscode.l10n.t('The templates folder {0} is outside the workspace and was not used. Check the twoHats.templates.folder setting.', configured.folder.fsPath) };
}

export interface OwnTemplatesResult {
  readonly templates: OwnTemplate[];
  /** Sentences about files that could not be used, for one warning. */
  readonly problems: string[];
}

export async function loadOwnTemplates(consents: Consents): Promise<OwnTemplatesResult> {
  const permitted = await permittedTemplatesFolder(consents);
  if (!permitted) {
    return { templates: [], problems: [] };
  }
  if ('refused' in permitted) {
    return { templates: [], problems: [permitted.refused] };
  }
  const folder = permitted.folder;
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return { templates: [], problems: [vscode.l10n.t('The templates folder {0} could not be read. Check the twoHats.templates.folder setting.', folder.fsPath)] };
  }
  const problems: string[] = [];
  const templates: OwnTemplate[] = [];
  const seen = new Set<string>();
  const files = entries.filter(([name, type]) => type === vscode.FileType.File && /\.md$/i.test(name)).map(([name]) => name).sort();
  for (const fileName of files.slice(0, MAX_OWN_TEMPLATES)) {
    const id = ownTemplateId(fileName);
    if (!id || seen.has(id)) {
      problems.push(vscode.l10n.t('{0}: its name clashes with another template.', fileName));
      continue;
    }
    const uri = vscode.Uri.joinPath(folder, fileName);
    try {
      // Checked on disk before reading: the folder may be anywhere, holding anything.
      const bytes = await readBounded(uri, OWN_TEMPLATE_MAX_BYTES);
      if (bytes === undefined) {
        continue;
      }
      templates.push({ id, title: ownTemplateTitle(fileName), fileName, markdown: strict.decode(bytes) });
      seen.add(id);
    } catch (error) {
      problems.push(error instanceof TooLargeToRead ? error.message : vscode.l10n.t('{0}: not readable as UTF-8 text.', fileName));
    }
  }
  return { templates, problems };
}

export function templateCommands(team: TeamStore, notes: NoteStore, consents: Consents): SomeCommandHandlers<'saveNoteAsTemplate'> {
  return { saveNoteAsTemplate: (args) => saveNoteAsTemplate(team, notes, consents, args) };
}

async function chooseFolder(consents: Consents): Promise<vscode.Uri | undefined> {
  const existing = await permittedTemplatesFolder(consents);
  if (existing && 'refused' in existing) {
    void vscode.window.showErrorMessage(existing.refused);
    return undefined;
  }
  if (existing) {
    return existing.folder;
  }
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Two Hats: Where should your 1:1 templates live?'),
    openLabel: vscode.l10n.t('Use This Folder for Templates'),
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  const folder = picked?.[0];
  if (folder) {
    // The user picked it: no need to ask again when the workspace setting names it.
    await consents.grant(consentFor(folder));
    await vscode.workspace.getConfiguration(SETTINGS.section).update(SETTINGS.templatesFolder, folder.fsPath, vscode.ConfigurationTarget.Workspace);
  }
  return folder;
}

/** What a caller other than the palette may pass: the name, and that a folder in the workspace is fine. */
type SaveAsTemplateArgs = CommandArgs<'saveNoteAsTemplate'>;

/**
 * A templates folder inside a workspace folder may be committed and pushed: say so before the
 * first line of a note goes there. Callers that pass `insideWorkspace: 'save'` have asked already.
 */
async function confirmFolderMayBeShared(folder: vscode.Uri, args: SaveAsTemplateArgs): Promise<boolean> {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  if (!workspaceFolder) {
    return true;
  }
  if (args.insideWorkspace === 'save') {
    return true;
  }
  const saveAnyway = vscode.l10n.t('Save Anyway');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Your templates folder is inside “{0}”, so this template may be committed and shared. Two Hats keeps only the note’s headings and prompts, but check it before you commit it.',
      workspaceFolder.name,
    ),
    { modal: true },
    saveAnyway,
  );
  return answer === saveAnyway;
}

/** Saves the open note's structure as a template: no private part, no names, no answers. */
async function saveNoteAsTemplate(team: TeamStore, notes: NoteStore, consents: Consents, args: SaveAsTemplateArgs): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  const id = editor && editor.document.uri.scheme === NOTE_SCHEME ? noteIdOf(editor.document.uri) : undefined;
  const meta = id ? notes.find(id) : undefined;
  if (!editor || !meta) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a 1:1 note first; its structure becomes the template.'));
    return undefined;
  }
  const given = args.name;
  const name =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Two Hats: Save Note as Template'),
          prompt: vscode.l10n.t('Templates are not private and may be shared: only the note’s headings and prompts are kept. Check it before sharing.'),
          placeHolder: vscode.l10n.t('e.g. Quarterly review'),
          ignoreFocusOut: true,
          validateInput: templateFileNameProblem,
        });
  if (name === undefined || templateFileNameProblem(name)) {
    return undefined;
  }
  const folder = await chooseFolder(consents);
  if (!folder || !(await confirmFolderMayBeShared(folder, args))) {
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder, `${name.trim()}.md`);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists && typeof given !== 'string') {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('A template called “{0}” exists. Replace it?', name.trim()), { modal: true }, replace);
    if (answer !== replace) {
      return undefined;
    }
  }
  const person = team.find(meta.personId)?.name ?? '';
  await vscode.workspace.fs.createDirectory(folder);
  await writeFileAtomic(target, new TextEncoder().encode(noteAsTemplate(editor.document.getText(), person, meta.date)));
  const open = vscode.l10n.t('Open Template');
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved the template “{0}”. It is offered the next time you start a 1:1.', name.trim()), open).then((choice) => {
    if (choice === open) {
      void vscode.window.showTextDocument(target);
    }
  });
  return target;
}
