import type { Snapshot, StorageState } from '../../shared/protocol';
import { dueStatus, localToday, sortForDisplay, type Person } from '../../shared/team';

/** Everything the sidebar shows, computed by the host so the webview never derives data. */
export function buildSnapshot(storage: StorageState, people: readonly Person[], today = localToday()): Snapshot {
  return {
    storage,
    today,
    people: sortForDisplay(people, today).map((person) => {
      const due = dueStatus(person, today);
      return { ...person, dueOn: due.dueOn, dueLabel: due.label, overdue: !person.archived && due.overdue };
    }),
  };
}
