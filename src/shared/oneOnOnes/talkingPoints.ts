/** Talking points queued for a person between 1:1s, and where in the code they came from. */
import * as l10n from '../l10n';
import { codeReferenceAsMarkdown, type CodeReference } from '../codeReferences';

export type { CodeReference } from '../codeReferences';


export interface TalkingPoint {
  readonly id: string;
  readonly text: string;
  /** Standing points come back every time; others leave the queue once in an agenda. */
  readonly standing: boolean;
  readonly addedOn: string;
  readonly source?: CodeReference;
}

import { TALKING_POINT_MAX_LENGTH } from '../storageLayout';
export { TALKING_POINT_MAX_LENGTH };

export function talkingPointProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) {
    return l10n.t('Enter what you want to talk about.');
  }
  if (trimmed.length > TALKING_POINT_MAX_LENGTH) {
    return l10n.t('Keep it under {0} characters; the detail can go in the note.', TALKING_POINT_MAX_LENGTH);
  }
  return undefined;
}

/** A talking point as an agenda line, naming the code it came from without any absolute path. */
export function talkingPointAsMarkdown(point: TalkingPoint): string {
  const text = point.text.replace(/\s+/g, ' ').trim();
  const standing = point.standing ? ' _(standing)_' : '';
  return point.source ? `${text} (${codeReferenceAsMarkdown(point.source)})${standing}` : `${text}${standing}`;
}

/** What a new agenda takes from the queue, and what stays queued afterwards. */
export function takeForAgenda(points: readonly TalkingPoint[]): { agenda: TalkingPoint[]; remaining: TalkingPoint[] } {
  return { agenda: [...points], remaining: points.filter((p) => p.standing) };
}

/** A short label for a selection of code: its first non-empty line, trimmed. */
export function summarizeSelection(text: string, maxLength = 80): string {
  const first = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return first.length > maxLength ? `${first.slice(0, maxLength - 1)}…` : first;
}
