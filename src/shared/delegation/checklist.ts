/**
 * The delegation checklist: what a good hand-over does, in four phases. Written in Two Hats' own
 * words from "The Difference between Management and Leadership" (leads who cannot let go of the
 * technical detail stall) and the texts on trust, alignment and feedback.
 */
import * as l10n from '../l10n';
import { SOURCES } from '../principles/sources';

export const PHASES = ['before', 'handOff', 'during', 'after'] as const;
export type Phase = (typeof PHASES)[number];

/** Getters, so each title is translated when read: the translator is installed after this module loads. */
export const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  get before() {
    return l10n.t('Before');
  },
  get handOff() {
    return l10n.t('Hand-off');
  },
  get during() {
    return l10n.t('During');
  },
  get after() {
    return l10n.t('After');
  },
};

export interface ChecklistStep {
  readonly id: string;
  readonly phase: Phase;
  readonly text: string;
  readonly source: string;
}

const difference = SOURCES.difference.short;
const threeWays = SOURCES.threeWays.short;
const mvl = SOURCES.managementVsLeadership.short;

/** A step whose text is translated when read, like the phase titles. */
function step(id: string, phase: Phase, text: () => string, source: string): ChecklistStep {
  return {
    id,
    phase,
    get text() {
      return text();
    },
    source,
  };
}

export const CHECKLIST: readonly ChecklistStep[] = [
  step('why-this-person', 'before', () => l10n.t('Why this person: what they will learn, and why they are ready'), mvl),
  step('what-stays', 'before', () => l10n.t('What stays with me, and why'), difference),
  step('problem-and-why', 'handOff', () => l10n.t('Explained the problem and why it matters'), threeWays),
  step('done-looks-like', 'handOff', () => l10n.t('Agreed what done looks like'), threeWays),
  step('decision-rights', 'handOff', () => l10n.t('Agreed decision rights at the chosen level, and when to escalate'), difference),
  step('access', 'handOff', () => l10n.t('Gave access, context and resources'), mvl),
  step('restated', 'handOff', () => l10n.t('They restated the goal in their own words'), threeWays),
  step('first-check-in', 'handOff', () => l10n.t('Booked the first check-in'), difference),
  step('others-told', 'handOff', () => l10n.t('Told others who owns it now'), threeWays),
  step('check-ins-held', 'during', () => l10n.t('Checked in at the agreed points, not in between'), difference),
  step('coached', 'during', () => l10n.t('Coached with questions instead of answers'), mvl),
  step('accepted-different', 'during', () => l10n.t('Accepted "different from how I would do it"'), difference),
  step('credited', 'after', () => l10n.t('Credited the work to them, in public'), mvl),
  step('recorded', 'after', () => l10n.t('Recorded the result'), mvl),
  step('level-reviewed', 'after', () => l10n.t('Raised or lowered the level for next time'), difference),
];

export function findStep(id: string): ChecklistStep | undefined {
  return CHECKLIST.find((step) => step.id === id);
}
