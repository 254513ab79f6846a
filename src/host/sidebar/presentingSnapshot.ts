/**
 * What the sidebar may show while the lead shares their screen. Applied by the host to the whole
 * snapshot, so the private details never reach the webview (nor its DOM) at all; pure, no `vscode`.
 */
import type { DelegationView, PersonView, Snapshot } from '../../shared/protocol';

/** The snapshot without note history, check-in and goal scores, step notes or the self-check. */
export function forPresenting(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    presenting: true,
    people: snapshot.people.map(withoutPrivateDetails),
    delegation: withoutStepNotes(snapshot.delegation),
  };
}

function withoutPrivateDetails(person: PersonView): PersonView {
  // Listed field by field, not spread: a field added to PersonView later stays out until it is
  // judged safe to show on a shared screen.
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    cadence: person.cadence,
    archived: person.archived,
    talkingPoints: person.talkingPoints,
    dueOn: person.dueOn,
    dueLabel: person.dueLabel,
    overdue: person.overdue,
    // No history and no preview: its entries carry check-in scores and open whole notes.
    historyCount: 0,
    // The lead's private to-dos (typed in a note's private part) stay off a shared screen.
    openItems: person.openItems.filter((item) => !item.private),
    ...(person.lastNote ? { lastNote: person.lastNote } : {}),
    moodTrend: [],
    goalViews: person.goalViews.map((goal) => ({ id: goal.id, text: goal.text, trend: [], ...(goal.reachedOn ? { reachedOn: goal.reachedOn } : {}) })),
  };
}

function withoutStepNotes(view: DelegationView): DelegationView {
  return {
    counts: view.counts,
    items: view.items.map((item) => ({
      ...item,
      phases: item.phases.map((phase) => ({ ...phase, steps: phase.steps.map(({ id, text, source, done }) => ({ id, text, source, done })) })),
    })),
  };
}
