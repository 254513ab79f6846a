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

export const CHECKLIST: readonly ChecklistStep[] = [
  { id: 'why-this-person', phase: 'before', text: 'Why this person: what they will learn, and why they are ready', source: mvl },
  { id: 'what-stays', phase: 'before', text: 'What stays with me, and why', source: difference },
  { id: 'problem-and-why', phase: 'handOff', text: 'Explained the problem and why it matters', source: threeWays },
  { id: 'done-looks-like', phase: 'handOff', text: 'Agreed what done looks like', source: threeWays },
  { id: 'decision-rights', phase: 'handOff', text: 'Agreed decision rights at the chosen level, and when to escalate', source: difference },
  { id: 'access', phase: 'handOff', text: 'Gave access, context and resources', source: mvl },
  { id: 'restated', phase: 'handOff', text: 'They restated the goal in their own words', source: threeWays },
  { id: 'first-check-in', phase: 'handOff', text: 'Booked the first check-in', source: difference },
  { id: 'others-told', phase: 'handOff', text: 'Told others who owns it now', source: threeWays },
  { id: 'check-ins-held', phase: 'during', text: 'Checked in at the agreed points, not in between', source: difference },
  { id: 'coached', phase: 'during', text: 'Coached with questions instead of answers', source: mvl },
  { id: 'accepted-different', phase: 'during', text: 'Accepted "different from how I would do it"', source: difference },
  { id: 'credited', phase: 'after', text: 'Credited the work to them, in public', source: mvl },
  { id: 'recorded', phase: 'after', text: 'Recorded the result', source: mvl },
  { id: 'level-reviewed', phase: 'after', text: 'Raised or lowered the level for next time', source: difference },
];

export function findStep(id: string): ChecklistStep | undefined {
  return CHECKLIST.find((step) => step.id === id);
}
