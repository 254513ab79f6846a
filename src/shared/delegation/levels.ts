/**
 * The seven levels of delegation from Jurgen Appelo's delegation poker (Management 3.0), in Two
 * Hats' own words. A level says who decides, not how much the lead trusts the person.
 */
import * as l10n from '../l10n';

export const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Level = (typeof LEVELS)[number];

export interface LevelInfo {
  readonly level: Level;
  readonly name: string;
  /** Who decides, in one sentence. */
  readonly meaning: string;
}

export const LEVEL_CREDIT = 'Delegation poker, Jurgen Appelo (Management 3.0)';

/**
 * Getters, so each name and meaning is translated when read: the translator is installed after
 * this module loads.
 */
function info(level: Level, name: () => string, meaning: () => string): LevelInfo {
  return {
    level,
    get name() {
      return name();
    },
    get meaning() {
      return meaning();
    },
  };
}

export const LEVEL_INFO: Record<Level, LevelInfo> = {
  1: info(1, () => l10n.t('Tell'), () => l10n.t('You decide and tell them what you decided.')),
  2: info(2, () => l10n.t('Sell'), () => l10n.t('You decide, then win them over to why.')),
  3: info(3, () => l10n.t('Consult'), () => l10n.t('You ask for their input first, then you decide.')),
  4: info(4, () => l10n.t('Agree'), () => l10n.t('You decide together; neither of you decides alone.')),
  5: info(5, () => l10n.t('Advise'), () => l10n.t('They decide; you give your view and they weigh it.')),
  6: info(6, () => l10n.t('Inquire'), () => l10n.t('They decide, then tell you what they decided and why.')),
  7: info(7, () => l10n.t('Delegate'), () => l10n.t('They decide; you do not need to hear about it.')),
};

export function isLevel(value: unknown): value is Level {
  return typeof value === 'number' && (LEVELS as readonly number[]).includes(value);
}

export function levelLabel(level: Level): string {
  return `${level} · ${LEVEL_INFO[level].name}`;
}

/**
 * Days between check-ins at a level: the more the lead still decides, the sooner they look in;
 * at the top of the scale the person reports when they choose to.
 */
export function checkInIntervalDays(level: Level): number {
  if (level <= 3) {
    return 7;
  }
  if (level <= 5) {
    return 14;
  }
  return 28;
}
