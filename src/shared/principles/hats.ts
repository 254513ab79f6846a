/** The two hats: which one you are wearing, what it attends to, and which one a situation needs. */
import * as l10n from '../l10n';
import type { PrincipleId, Side } from './catalogue';

export const HATS = ['manager', 'leader'] as const;
export type Hat = (typeof HATS)[number];

export interface HatDescription {
  readonly label: string;
  readonly copes: string;
  readonly attendsTo: readonly string[];
  /** The side of the catalogue whose prompts the sidebar leans toward under this hat. */
  readonly side: Side;
}

export const HAT_DESCRIPTIONS: Record<Hat, HatDescription> = {
  manager: {
    label: 'Manager',
    copes: 'copes with complexity',
    attendsTo: ['plans and budgets', 'staffing', 'measures', 'problems'],
    side: 'management',
  },
  leader: {
    label: 'Leader',
    copes: 'copes with change',
    attendsTo: ['direction', 'alignment', 'motivation', 'repetition'],
    side: 'leadership',
  },
};

export function otherHat(hat: Hat): Hat {
  return hat === 'manager' ? 'leader' : 'manager';
}

export function hatTooltip(hat: Hat): string {
  return hat === 'leader'
    ? l10n.t("Two Hats: wearing the leader's hat, which copes with change. Attend to direction, alignment, motivation, repetition. Click to switch.")
    : l10n.t("Two Hats: wearing the manager's hat, which copes with complexity. Attend to plans and budgets, staffing, measures, problems. Click to switch.");
}

/** "Leader hat", "Manager hat": the hat's name on its own, in the status bar and the sidebar. */
export function hatName(hat: Hat): string {
  return hat === 'leader' ? l10n.t('Leader hat') : l10n.t('Manager hat');
}

export interface Situation {
  readonly id: string;
  readonly label: string;
  readonly hat: Hat;
  /** The principle that explains the answer. */
  readonly principleId: PrincipleId;
  readonly why: string;
}

/** Common moments in a lead's week, and the hat each one calls for (after Kotter's pairs). */
export const SITUATIONS: readonly Situation[] = [
  {
    id: 'sprint-planning',
    label: 'Planning next sprint',
    hat: 'manager',
    principleId: 'plan-and-budget',
    why: 'Turning an agreed direction into steps, owners and dates is coordination: planning and budgeting.',
  },
  {
    id: 'reorganisation',
    label: 'A reorganisation',
    hat: 'leader',
    principleId: 'make-change-attractive',
    why: 'A reorganisation is change. People need to know why and feel there is a better future in it, said more than once; the staffing details come after.',
  },
  {
    id: 'resisting-change',
    label: 'Someone resisting a change',
    hat: 'leader',
    principleId: 'results-pyramid',
    why: 'Resistance usually comes from a belief built on experience. Telling them again will not help; understand the belief and give them a new experience.',
  },
  {
    id: 'missed-deadline',
    label: 'A missed deadline',
    hat: 'manager',
    principleId: 'control-and-solve',
    why: 'A deviation from plan: find where it slipped, correct course, and fix the cause so it does not come back.',
  },
  {
    id: 'budget',
    label: 'Setting a budget',
    hat: 'manager',
    principleId: 'plan-and-budget',
    why: 'Budgeting allocates resources toward a set direction: a management task. Check the direction is clear first.',
  },
  {
    id: 'team-vision',
    label: 'Explaining where the team is going',
    hat: 'leader',
    principleId: 'align-by-repetition',
    why: 'Aligning people is a communication problem. They do not know what you know: say it plainly, and repeat it.',
  },
  {
    id: 'low-motivation',
    label: 'Someone who has lost their spark',
    hat: 'leader',
    principleId: 'give-a-cause',
    why: 'Motivation is leadership work: help them find their own reason to care about the work again.',
  },
  {
    id: 'hiring',
    label: 'Hiring or filling a role',
    hat: 'manager',
    principleId: 'organize-and-staff',
    why: 'Fitting people to roles is organizing and staffing: a design problem of seats, skills and processes.',
  },
  {
    id: 'performance-review',
    label: 'A performance review',
    hat: 'manager',
    principleId: 'rate-both-separately',
    why: 'Assess performance with care, and rate how the person manages and how they lead as two separate things.',
  },
  {
    id: 'taking-back-work',
    label: 'Tempted to do the technical work yourself',
    hat: 'leader',
    principleId: 'let-go-and-delegate',
    why: 'The work is now done through your people. Hand it over well, and spend your time growing the person who owns it.',
  },
];
