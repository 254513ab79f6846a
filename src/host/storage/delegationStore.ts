/**
 * The delegation inventory on disk, one JSON file kept by `JsonFileStore`. The life-cycle rules
 * live in the shared `items` module; this adds ids, lookups and a way back from a delete.
 */
import { randomUUID } from 'node:crypto';
import * as l10n from '../../shared/l10n';
import type { DelegationItem } from '../../shared/delegation/items';
import { newItem } from '../../shared/delegation/items';
import { withoutPerson } from '../../shared/delegation/forgetPerson';
import { parseDelegationFile, serializeDelegationFile } from '../../shared/delegation/storedDelegation';
import type { CodeReference } from '../../shared/oneOnOnes/talkingPoints';
import { DELEGATION_FILE } from '../../shared/storageLayout';
import { localToday } from '../../shared/team';
import { JsonFileStore, type ChangeResult, type JsonFileStoreOptions } from './jsonFileStore';

export type ItemResult = ChangeResult<DelegationItem>;

export class DelegationStore extends JsonFileStore<readonly DelegationItem[]> {
  /** Items deleted in this session, newest last, so Undo can put them back where they were. */
  private readonly deleted: { item: DelegationItem; index: number }[] = [];

  constructor(options: JsonFileStoreOptions = {}) {
    super({ fileName: DELEGATION_FILE, empty: [], parse: parseDelegationFile, serialize: serializeDelegationFile }, options);
  }

  get all(): readonly DelegationItem[] {
    return this.value;
  }

  find(id: string): DelegationItem | undefined {
    return this.value.find((item) => item.id === id);
  }

  add(title: string, source?: CodeReference): Promise<ItemResult> {
    const item = newItem(randomUUID(), title, localToday(), source);
    return this.change((items) => ({ value: [...items, item], result: item }));
  }

  /** Changes one item; `change` returns the new version, or a sentence saying why not. */
  update(id: string, change: (current: DelegationItem) => DelegationItem | string): Promise<ItemResult> {
    return this.change((items) => {
      const current = items.find((item) => item.id === id);
      if (!current) {
        return l10n.t('That item is no longer in your delegation list.');
      }
      const next = change(current);
      return typeof next === 'string' ? next : { value: items.map((item) => (item.id === id ? next : item)), result: next };
    });
  }

  /** Changes several items in one save, for the check-ins a new 1:1 note has taken in. */
  updateMany(ids: readonly string[], change: (current: DelegationItem) => DelegationItem): Promise<ChangeResult<number>> {
    const wanted = new Set(ids);
    return this.change((items) => ({
      value: items.map((item) => (wanted.has(item.id) ? change(item) : item)),
      result: items.filter((item) => wanted.has(item.id)).length,
    }));
  }

  remove(id: string): Promise<ItemResult> {
    return this.change((items) => {
      const index = items.findIndex((item) => item.id === id);
      if (index < 0) {
        return l10n.t('That item is no longer in your delegation list.');
      }
      const item = items[index]!;
      this.deleted.push({ item, index });
      return { value: items.filter((other) => other.id !== id), result: item };
    });
  }

  /** Erases a person: the work they own goes, and their name leaves the rest (Undo included). */
  forgetPerson(personId: string, name: string): Promise<ChangeResult<number>> {
    this.deleted.splice(0, this.deleted.length, ...this.deleted.filter((entry) => entry.item.ownerId !== personId && !entry.item.title.toLowerCase().includes(name.toLowerCase())));
    return this.change((items) => {
      const kept = withoutPerson(items, personId, name);
      return { value: kept, result: items.length - kept.length };
    });
  }

  /** Puts a deleted item back where it was: the Undo after a delete. */
  restore(id: string): Promise<ItemResult> {
    return this.change((items) => {
      const at = this.deleted.findIndex((entry) => entry.item.id === id);
      if (at < 0) {
        return l10n.t('That item can no longer be restored.');
      }
      const [{ item, index }] = this.deleted.splice(at, 1) as [{ item: DelegationItem; index: number }];
      if (items.some((other) => other.id === id)) {
        return { value: items, result: item };
      }
      return { value: [...items.slice(0, index), item, ...items.slice(index)], result: item };
    });
  }
}
