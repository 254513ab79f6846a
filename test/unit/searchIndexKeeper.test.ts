import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { NoteSearchIndexKeeper, type SearchIndexFiles } from '../../src/host/storage/searchIndexKeeper';
import type { NoteMeta } from '../../src/shared/oneOnOnes/noteIndex';

const folder = { path: '/data' } as unknown as vscode.Uri;
const decoder = new TextDecoder();

/** One data folder on one disk: the note files and search-index.json, as every window sees them. */
class Disk {
  readonly notes = new Map<string, { text: string; updatedAt: number }>();
  index: Uint8Array | undefined;
  private version = 0;
  readonly files: SearchIndexFiles = {
    read: () => Promise.resolve(this.index),
    write: (_folder, bytes) => {
      this.index = bytes;
      this.version++;
      return Promise.resolve();
    },
    remove: () => {
      this.index = undefined;
      this.version++;
      return Promise.resolve(true);
    },
    stamp: () => Promise.resolve(this.index ? String(this.version) : undefined),
  };
  indexText(): string {
    return this.index ? decoder.decode(this.index) : '';
  }
}

/** A window: its own idea of which notes there are (it learns of deletions elsewhere late), its own keeper. */
function windowOn(disk: Disk) {
  const known = new Map<string, number>([...disk.notes].map(([id, note]) => [id, note.updatedAt]));
  const keeper = new NoteSearchIndexKeeper({
    place: () => ({ folder, writable: true }),
    notes: () => [...known].map(([id, updatedAt]) => ({ id, updatedAt, date: '2026-11-30', createdAt: 1 }) as unknown as NoteMeta),
    read: (id) => {
      const note = disk.notes.get(id);
      return note ? Promise.resolve(note.text) : Promise.reject(new Error('no such note'));
    },
    shareable: (text) => text,
    files: disk.files,
  });
  return { keeper, known };
}

describe('the search index file shared by two windows', () => {
  it('keeps a person erased in window A out of the file when window B, not yet aware of it, writes its index', async () => {
    const disk = new Disk();
    disk.notes.set('erased', { text: 'quokkasecret about the erased person', updatedAt: 1 });
    disk.notes.set('kept', { text: 'ordinary agenda', updatedAt: 1 });
    const a = windowOn(disk);
    const b = windowOn(disk);
    await a.keeper.ready();
    await a.keeper.flushNow();
    await b.keeper.ready();
    assert.ok(disk.indexText().includes('quokkasecret'), 'the file held their words before (so the test can fail)');

    // Window A erases the person: the note file goes, the index file is rewritten without it.
    disk.notes.delete('erased');
    a.known.delete('erased');
    a.keeper.forget('erased');
    await a.keeper.erase();
    assert.ok(!disk.indexText().includes('quokkasecret'));

    // Window B, whose watcher has not yet reported the deletion, saves another note and writes.
    disk.notes.set('kept', { text: 'ordinary agenda wombatchange', updatedAt: 2 });
    b.known.set('kept', 2);
    b.keeper.set('kept', 'ordinary agenda wombatchange', 2);
    await b.keeper.ready();
    await b.keeper.flushNow();
    assert.ok(!disk.indexText().includes('quokkasecret'), 'B wrote the erased person’s words back');

    // B's next search starts from A's file, and takes its own save in.
    const index = await b.keeper.ready();
    assert.deepEqual(index.ids().sort(), ['kept']);
    await b.keeper.flushNow();
    assert.ok(disk.indexText().includes('wombatchange') && !disk.indexText().includes('quokkasecret'));
  });
});

describe('erasing a person from the search index file', () => {
  it('answers false while a file it could neither rewrite nor delete still holds their words, true once it is gone', async () => {
    const disk = new Disk();
    disk.notes.set('erased', { text: 'quokkasecret about the erased person', updatedAt: 1 });
    const a = windowOn(disk);
    await a.keeper.ready();
    await a.keeper.flushNow();
    assert.ok(disk.indexText().includes('quokkasecret'));

    // Held by another program: every write and delete fails, the file stays as it was.
    const { write, remove } = disk.files;
    Object.assign(disk.files, { write: () => Promise.reject(new Error('EBUSY')), remove: () => Promise.resolve(disk.index === undefined) });
    disk.notes.delete('erased');
    a.known.delete('erased');
    a.keeper.forget('erased');
    assert.equal(await a.keeper.erase(), false, 'the erasure said it was done while the file kept their words');
    assert.ok(disk.indexText().includes('quokkasecret'));

    // Let go: the next try rewrites the file without them.
    Object.assign(disk.files, { write, remove });
    assert.equal(await a.keeper.erase(), true);
    assert.ok(!disk.indexText().includes('quokkasecret'));
  });
});
