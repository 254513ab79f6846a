/**
 * The seven levels of delegation from Jurgen Appelo's delegation poker (Management 3.0), in Two
 * Hats' own words. A level says who decides, not how much the lead trusts the person.
 */

export const LEVELS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Level = (typeof LEVELS)[number];

export interface LevelInfo {
  readonly level: Level;
  readonly name: string;
  /** Who decides, in one sentence. */
  readonly meaning: string;
}

export const LEVEL_CREDIT = 'Delegation poker, Jurgen Appelo (Management 3.0)';

export const LEVEL_INFO: Record<Level, LevelInfo> = {
  1: { level: 1, name: 'Tell', meaning: 'You decide and tell them what you decided.' },
  2: { level: 2, name: 'Sell', meaning: 'You decide, then win them over to why.' },
  3: { level: 3, name: 'Consult', meaning: 'You ask for their input first, then you decide.' },
  4: { level: 4, name: 'Agree', meaning: 'You decide together; neither of you decides alone.' },
  5: { level: 5, name: 'Advise', meaning: 'They decide; you give your view and they weigh it.' },
  6: { level: 6, name: 'Inquire', meaning: 'They decide, then tell you what they decided and why.' },
  7: { level: 7, name: 'Delegate', meaning: 'They decide; you do not need to hear about it.' },
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
