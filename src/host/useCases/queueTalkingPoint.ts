/** Queueing a talking point for a person's next 1:1 (or every 1:1): the use case, no prompts. */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { talkingPointProblem, type CodeReference, type TalkingPoint } from '../../shared/oneOnOnes/talkingPoints';
import { localToday } from '../../shared/team';
import { notReadyMessage, type TeamStore } from '../storage/teamStore';
import type { Person } from '../../shared/team';

/** Everything a queued point needs; `source` when it was made from a selection of code. */
export interface TalkingPointToQueue {
  readonly personId: string;
  readonly text: string;
  /** A standing point comes back in every 1:1; otherwise it leaves the queue once on an agenda. */
  readonly standing: boolean;
  readonly source?: CodeReference;
}

export type QueuedTalkingPoint = { ok: true; person: Person; point: TalkingPoint } | { ok: false; error: string };

/** Queues the point on the person; says why not when the text is unfit or the team cannot be written. */
export async function queueTalkingPoint(team: TeamStore, { personId, text, standing, source }: TalkingPointToQueue): Promise<QueuedTalkingPoint> {
  if (team.state.kind !== 'ready') {
    return {
      ok: false,
      error:
        team.state.kind === 'noFolder'
          ? vscode.l10n.t('Open a folder first: Two Hats keeps talking points in that workspace’s private storage.')
          : notReadyMessage(team.state),
    };
  }
  const problem = talkingPointProblem(text);
  if (problem) {
    return { ok: false, error: problem };
  }
  const point: TalkingPoint = { id: randomUUID(), text: text.trim(), standing, addedOn: localToday(), ...(source ? { source } : {}) };
  const result = await team.queueTalkingPoint(personId, point);
  return result.ok ? { ok: true, person: result.person, point } : result;
}
