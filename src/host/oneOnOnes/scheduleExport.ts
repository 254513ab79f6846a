/**
 * The 1:1 schedule as an .ics file for the user's calendar. Built into the formats bundle (see
 * ../formats.ts): the `ics` library is read only when someone exports.
 */
import { homedir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scheduleCalendar } from '../../shared/oneOnOnes/calendar';
import { localToday } from '../../shared/team';
import { writeFileAtomic } from '../storage/atomicFile';
import type { TeamStore } from '../storage/teamStore';
import type { CommandArgs } from '../commands/commandArgs';
import { shownPlace } from '../shownErrors';

export interface ScheduleExport {
  readonly file: vscode.Uri;
  readonly events: number;
  /** Archived people's series, written again as cancelled. */
  readonly cancelled: number;
}

export async function exportSchedule(team: TeamStore, args: CommandArgs<'exportSchedule'>): Promise<ScheduleExport | undefined> {
  const given = args.file;
  const calendar = scheduleCalendar(team.all, localToday(), Date.now());
  if (!calendar.ok) {
    void vscode.window.showInformationMessage(calendar.error);
    return undefined;
  }
  const file =
    given !== undefined
      ? vscode.Uri.file(given)
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Two Hats: Export 1:1 schedule'),
          saveLabel: vscode.l10n.t('Export'),
          filters: { 'iCalendar': ['ics'] },
          defaultUri: vscode.Uri.file(path.join(homedir(), 'two-hats-1-1s.ics')),
        });
  if (!file) {
    return undefined;
  }
  await writeFileAtomic(file, new TextEncoder().encode(calendar.text));
  if (given === undefined) {
    const exported = vscode.l10n.t('Exported {0} recurring 1:1s to {1}. They hold names only, no notes; exporting again updates the same events.', calendar.events, shownPlace(file));
    const cancelled = calendar.cancelled > 0 ? ` ${vscode.l10n.t('The 1:1s with {0} archived people are marked cancelled.', calendar.cancelled)}` : '';
    const reveal = vscode.l10n.t('Reveal in File Explorer');
    void vscode.window.showInformationMessage(`${exported}${cancelled}`, reveal).then((choice) => (choice === reveal ? vscode.commands.executeCommand('revealFileInOS', file) : undefined));
  }
  return { file, events: calendar.events, cancelled: calendar.cancelled };
}
