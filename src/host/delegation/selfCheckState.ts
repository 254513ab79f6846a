/** The weekly self-check: whether it is on, due, and done this week; shown by the sidebar and the palette. */
import * as vscode from 'vscode';
import { selfCheck, weekOf, type SelfCheck } from '../../shared/delegation/items';
import { localToday } from '../../shared/team';
import { SETTINGS } from '../constants';
import { MEMENTO_KEYS } from '../../shared/storageLayout';

const SELF_CHECK_DONE_KEY = MEMENTO_KEYS.selfCheckDoneForWeek;

/** Whether the self-check is on, and whether this week's has been done. */
export class SelfCheckState {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** This week's self-check, when it is switched on, has something to say and is not done yet. */
  due(items: Parameters<typeof selfCheck>[0], today = localToday()): (SelfCheck & { week: string }) | undefined {
    const enabled = vscode.workspace.getConfiguration(SETTINGS.section).get<boolean>(SETTINGS.weeklySelfCheck, true);
    const week = weekOf(today);
    if (!enabled || items.length === 0 || this.memento.get<string>(SELF_CHECK_DONE_KEY) === week) {
      return undefined;
    }
    return { ...selfCheck(items, today), week };
  }

  async markDone(week: string): Promise<void> {
    await this.memento.update(SELF_CHECK_DONE_KEY, week);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function selfCheckSentence(check: SelfCheck): string {
  const oldest = check.oldestHeld[0];
  return [
    vscode.l10n.t('You hold {0}, are handing over {1}, and have delegated {2}.', check.holding, check.handingOver, check.delegated),
    oldest
      ? oldest.days === 1
        ? vscode.l10n.t('Held longest: “{0}”, 1 day.', oldest.title)
        : vscode.l10n.t('Held longest: “{0}”, {1} days.', oldest.title, oldest.days)
      : '',
    check.recentRelapses > 0 ? vscode.l10n.t('{0} taken back in the last 30 days.', check.recentRelapses) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
