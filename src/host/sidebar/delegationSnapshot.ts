/** The delegation section of the sidebar snapshot, computed by the host (no `vscode` import). */
import * as l10n from '../../shared/l10n';
import { CHECKLIST, PHASES, PHASE_TITLES } from '../../shared/delegation/checklist';
import { matchesFilter, progress, RELAPSE_LABELS, STATUS_LABELS, type DelegationItem, type Filter } from '../../shared/delegation/items';
import { levelLabel } from '../../shared/delegation/levels';
import type { DelegationItemView, DelegationView } from '../../shared/protocol';
import { daysBetween } from '../../shared/team';

const FILTERS: readonly Filter[] = ['all', 'holding', 'handingOver', 'delegated'];

export function delegationItemView(item: DelegationItem, ownerName: (id: string) => string | undefined, today: string): DelegationItemView {
  const done = new Map(item.steps.map((step) => [step.stepId, step]));
  const lastRelapse = item.relapses.at(-1);
  const owner = item.ownerId ? ownerName(item.ownerId) : undefined;
  return {
    id: item.id,
    title: item.title,
    status: item.status,
    statusLabel: STATUS_LABELS[item.status],
    ...(owner ? { ownerName: owner } : {}),
    ...(item.level ? { levelLabel: levelLabel(item.level) } : {}),
    ...(item.targetLevel && item.targetLevel !== item.level ? { targetLabel: levelLabel(item.targetLevel) } : {}),
    levelTrend: item.levelHistory.map((change) => change.to),
    progress: progress(item),
    phases: PHASES.map((phase) => ({
      phase,
      title: PHASE_TITLES[phase],
      steps: CHECKLIST.filter((step) => step.phase === phase).map((step) => {
        const record = done.get(step.id);
        return { id: step.id, text: step.text, source: step.source, done: record !== undefined, ...(record?.note ? { note: record.note } : {}) };
      }),
    })),
    relapses: item.relapses.length,
    ...(lastRelapse ? { lastRelapse: l10n.t('{0} on {1}', RELAPSE_LABELS[lastRelapse.kind], lastRelapse.on) } : {}),
    ...(item.nextCheckInOn && (item.status === 'handingOver' || item.status === 'delegated') ? { nextCheckInOn: item.nextCheckInOn } : {}),
    ...(item.source ? { sourceLabel: `${item.source.path}:${item.source.startLine}${item.source.endLine > item.source.startLine ? `–${item.source.endLine}` : ''}` } : {}),
    heldDays: Math.max(0, daysBetween(item.createdOn, today)),
  };
}

export function delegationView(
  items: readonly DelegationItem[],
  ownerName: (id: string) => string | undefined,
  today: string,
  selfCheck?: { week: string; sentence: string },
): DelegationView {
  const counts = Object.fromEntries(FILTERS.map((filter) => [filter, items.filter((item) => matchesFilter(item, filter)).length])) as Record<Filter, number>;
  return {
    items: items.map((item) => delegationItemView(item, ownerName, today)),
    counts,
    ...(selfCheck ? { selfCheck } : {}),
  };
}
