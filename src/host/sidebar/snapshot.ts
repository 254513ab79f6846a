import * as l10n from '../../shared/l10n';
import { FIRST_PAINT_ROWS } from '../../shared/pageData';
import { trend } from '../../shared/oneOnOnes/checkIns';
import { templateTitleOf } from '../../shared/oneOnOnes/templateTitle';
import { PRINCIPLES, type Principle } from '../../shared/principles/catalogue';
import { principleOfTheDay } from '../../shared/principles/daily';
import { HAT_DESCRIPTIONS, type Hat } from '../../shared/principles/hats';
import { SOURCES } from '../../shared/principles/sources';
import type { DelegationView, PersonView, PrincipleCard, Snapshot, StorageState } from '../../shared/protocol';
import { addBalance, balanceLabel, EMPTY_BALANCE, tagsOf, type HatBalance } from '../../shared/principles/balance';
import { dueStatus, formatDay, localToday, parseDay, sortForDisplay, type Person } from '../../shared/team';

function card(principle: Principle): PrincipleCard {
  return {
    id: principle.id,
    title: principle.title,
    summary: principle.summary,
    prompt: principle.prompts[0]!,
    source: SOURCES[principle.source].short,
  };
}

export const EMPTY_DELEGATION: DelegationView = { items: [], counts: { all: 0, holding: 0, handingOver: 0, delegated: 0 } };

/** The latest note of a person, as far as the sidebar needs it. */
export type NoteSummary = {
  id: string;
  title: string;
  date: string;
  templateId: string;
  openItems: readonly { line: number; text: string; private?: boolean | undefined }[];
  mood?: number | undefined;
  goals?: readonly { goal: string; score: number }[] | undefined;
};

/** A person's notes, newest first. */
export type NotesOf = (personId: string) => readonly NoteSummary[];

/** How many past notes each person's history shows in the sidebar. */
export const HISTORY_LENGTH = 8;

/**
 * The week's balance between the hats: tagged items in notes from the last seven days, and the
 * talking points still queued.
 */
export function weekBalance(
  notes: readonly { date: string; hatTags?: HatBalance | undefined }[],
  people: readonly Person[],
  today: string,
): HatBalance {
  // ISO days compare as strings: one date computation, not one per note.
  const weekStart = formatDay(parseDay(today) - 6 * 24 * 60 * 60 * 1000);
  const fromNotes = notes
    .filter((note) => note.date >= weekStart && note.date <= today)
    .reduce((sum, note) => addBalance(sum, note.hatTags ?? EMPTY_BALANCE), EMPTY_BALANCE);
  return people
    .filter((person) => !person.archived)
    .flatMap((person) => person.talkingPoints ?? [])
    .reduce((sum, point) => addBalance(sum, tagsOf(point.text)), fromNotes);
}

/** What a snapshot is built from: read from the stores by the sidebar, named so no two can swap. */
export interface SnapshotSources {
  readonly storage: StorageState;
  readonly people: readonly Person[];
  readonly hat: Hat;
  readonly notesOf: NotesOf;
  readonly balance?: HatBalance;
  readonly today?: string;
  readonly delegation?: DelegationView;
  /** The person whose 1:1 history the sidebar has open. */
  readonly historyOf?: string | undefined;
  /** True when `people` are already in the sidebar's order (the cached team is kept in it). */
  readonly inDisplayOrder?: boolean;
}

/** Everything the sidebar shows, computed by the host so the webview never derives data. */
export function buildSnapshot({
  storage,
  people,
  hat,
  notesOf,
  balance = EMPTY_BALANCE,
  today = localToday(),
  delegation = EMPTY_DELEGATION,
  historyOf,
  inDisplayOrder = false,
}: SnapshotSources): Snapshot {
  const hatSide = PRINCIPLES.filter((p) => p.side === HAT_DESCRIPTIONS[hat].side);
  return {
    storage,
    delegation,
    today,
    hat,
    balance: { ...balance, label: balanceLabel(balance) },
    principleOfTheDay: card(principleOfTheDay(today)),
    hatPrompt: card(principleOfTheDay(`${today}/${hat}`, hatSide)),
    people: (inDisplayOrder ? people : sortForDisplay(people)).map((person): PersonView => {
      const due = dueStatus(person, today);
      const notes = notesOf(person.id);
      const latest = notes[0];
      return {
        id: person.id,
        name: person.name,
        role: person.role,
        cadence: person.cadence,
        archived: person.archived,
        talkingPoints: (person.talkingPoints ?? []).map((point) => ({ text: point.text, standing: point.standing, fromCode: point.source !== undefined })),
        dueOn: due.dueOn,
        dueLabel: due.label,
        overdue: !person.archived && due.overdue,
        moodTrend: trend(notes, (note) => note.mood),
        goalViews: (person.goals ?? []).map((goal) => ({
          id: goal.id,
          text: goal.text,
          trend: trend(notes, (note) => note.goals?.find((g) => g.goal.toLowerCase() === goal.text.toLowerCase())?.score),
          ...(goal.reachedOn ? { reachedOn: goal.reachedOn } : {}),
        })),
        openItems: latest
          ? latest.openItems.map((item) => ({ noteId: latest.id, line: item.line, text: item.text, ...(item.private ? { private: true } : {}) }))
          : [],
        historyCount: Math.min(notes.length, HISTORY_LENGTH),
        ...(person.id === historyOf
          ? {
              history: notes.slice(0, HISTORY_LENGTH).map((note) => ({
                id: note.id,
                date: note.date,
                template: templateTitleOf(note),
                openItems: note.openItems.length,
                ...(note.mood !== undefined ? { mood: note.mood } : {}),
              })),
            }
          : {}),
        ...(latest
          ? { lastNote: { id: latest.id, label: l10n.t('Last 1:1 · {0} · {1}', latest.date, templateTitleOf(latest)) } }
          : {}),
      };
    }),
  };
}

/**
 * The snapshot with its first rows only, and how many it leaves out. Everyone else is below the
 * rows in sight, the core answers the page's first message with the whole team, and a page
 * carrying 200 people took longer to reach the webview (`npm run bench`: 108 KB against 58 KB
 * for one person). Archived people come last in the sidebar's order, so they are left out first.
 */
export function firstRowsOf(snapshot: Snapshot): Snapshot {
  if (snapshot.people.length <= FIRST_PAINT_ROWS) {
    return snapshot;
  }
  const rest = snapshot.people.slice(FIRST_PAINT_ROWS);
  const archived = rest.filter((person) => person.archived).length;
  return { ...snapshot, people: snapshot.people.slice(0, FIRST_PAINT_ROWS), leftOut: { active: rest.length - archived, archived } };
}
