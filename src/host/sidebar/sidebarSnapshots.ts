/**
 * Builds what the sidebar posts: the full snapshot from the loaded stores, or, while they are
 * still loading, the team as the sidebar showed it last time (see teamCache.ts). Both pass
 * through the presenting filter here, in the host: what is never sent cannot show on a shared screen.
 */
import type { Hat } from '../../shared/principles/hats';
import type { Snapshot } from '../../shared/protocol';
import { localToday } from '../../shared/team';
import { selfCheckSentence, type SelfCheckState } from '../delegation/selfCheckState';
import type { HatState } from '../principles/hatState';
import type { PresentingMode } from '../presenting/presentingMode';
import type { DelegationStore } from '../storage/delegationStore';
import type { DataLocation } from '../storage/jsonFileStore';
import type { NoteStore } from '../storage/noteStore';
import type { TeamStore } from '../storage/teamStore';
import { delegationView } from './delegationSnapshot';
import { forPresenting } from './presentingSnapshot';
import { buildSnapshot, weekBalance } from './snapshot';
import type { SidebarTeamCache } from './teamCache';

export interface SnapshotStores {
  readonly team: TeamStore;
  readonly notes: NoteStore;
  readonly delegation: DelegationStore;
  readonly hats: HatState;
  readonly selfChecks: SelfCheckState;
  readonly presenting: PresentingMode;
}

/** Where a fresh window's first paint comes from while the data files are read. */
export interface CachedTeamSource {
  readonly cache: SidebarTeamCache;
  /** Where the data will be read from: a cache kept for another folder is not shown. */
  location(): DataLocation;
}

export function fullSnapshot(stores: SnapshotStores, historyOf: string | undefined): Snapshot {
  const { team, notes, delegation, hats, selfChecks, presenting } = stores;
  const today = localToday();
  const check = selfChecks.due(delegation.all, today);
  const snapshot = buildSnapshot({
    storage: team.state,
    people: team.all,
    hat: hats.current,
    notesOf: (personId) => notes.forPerson(personId),
    balance: weekBalance(notes.all, team.all, today),
    today,
    delegation: delegationView(delegation.all, (id) => team.find(id)?.name, today, check ? { week: check.week, sentence: selfCheckSentence(check) } : undefined),
    historyOf,
  });
  return presenting.on ? forPresenting(snapshot) : snapshot;
}

/**
 * The cached team as a snapshot, due dates counted from today; undefined when there is no cache
 * for the folder the data will come from (the first start, another folder, a damaged entry).
 */
export function cachedSnapshot(source: CachedTeamSource, stores: { readonly hats: { readonly current: Hat }; readonly presenting: { readonly on: boolean } }): Snapshot | undefined {
  const cached = source.cache.read(source.location());
  if (!cached) {
    return undefined;
  }
  const snapshot: Snapshot = {
    ...buildSnapshot({ storage: { kind: 'ready', scope: cached.scope }, people: cached.people, inDisplayOrder: true, hat: stores.hats.current, notesOf: () => [] }),
    fromCache: true,
  };
  // The cache holds nothing private, but the filter is the one rule for a shared screen.
  return stores.presenting.on ? forPresenting(snapshot) : snapshot;
}
