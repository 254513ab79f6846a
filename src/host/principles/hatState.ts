/**
 * Which hat the lead is wearing: kept in global state (a preference, not a note about anyone),
 * shown in the status bar while Two Hats is active.
 */
import * as vscode from 'vscode';
import { hatName, hatTooltip, HATS, otherHat, type Hat } from '../../shared/principles/hats';
import { MEMENTO_KEYS } from '../../shared/storageLayout';
import { COMMANDS } from '../constants';

const HAT_KEY = MEMENTO_KEYS.hat;

/** The hat kept in `memento`; the leader's when none is (read by the sidebar's first page too). */
export function hatIn(memento: vscode.Memento): Hat {
  const stored = memento.get<string>(HAT_KEY);
  return (HATS as readonly string[]).includes(stored ?? '') ? (stored as Hat) : 'leader';
}

export class HatState implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Hat>();
  private readonly statusItem: vscode.StatusBarItem;
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {
    this.statusItem = vscode.window.createStatusBarItem('twoHats.hat', vscode.StatusBarAlignment.Left, 10);
    this.statusItem.name = vscode.l10n.t('Two Hats: Current Hat');
    this.statusItem.command = COMMANDS.switchHat;
    this.render();
    this.statusItem.show();
  }

  get current(): Hat {
    return hatIn(this.memento);
  }

  async wear(hat: Hat): Promise<void> {
    await this.memento.update(HAT_KEY, hat);
    this.render();
    this.emitter.fire(hat);
  }

  switch(): Promise<void> {
    return this.wear(otherHat(this.current));
  }

  dispose(): void {
    this.statusItem.dispose();
    this.emitter.dispose();
  }

  private render(): void {
    const hat = this.current;
    this.statusItem.text = `$(${hat === 'leader' ? 'compass' : 'checklist'}) ${hatName(hat)}`;
    this.statusItem.tooltip = hatTooltip(hat);
    const wearing = hat === 'leader' ? vscode.l10n.t('Wearing the leader hat.') : vscode.l10n.t('Wearing the manager hat.');
    this.statusItem.accessibilityInformation = { label: `${wearing} ${hatTooltip(hat)}` };
  }
}
