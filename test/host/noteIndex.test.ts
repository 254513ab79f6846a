import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SetAsideNotice } from '../../src/host/storage/jsonFileStore';
import { NoteStore } from '../../src/host/storage/noteStore';
import { parseNoteIndex } from '../../src/shared/oneOnOnes/noteIndex';
import { NOTE_INDEX_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats } from './helpers';

describe('a damaged notes index', () => {
  before(() => activateTwoHats());

  it('is set aside with a notice for the user, kept as it was, and rebuilt from the notes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-index-'));
    const folder = vscode.Uri.file(dir);
    const first = new NoteStore();
    await first.open(folder);
    await first.reconciled();
    const note = await first.create({ personId: 'p1', date: '2026-11-30', templateId: 'weekly', title: 'Ada · 2026-11-30', content: '- [ ] Ship the index test\n' });
    await first.flush();
    first.dispose();

    const garbage = '{"schemaVersion": 1, "notes": [ {"id": "torn';
    writeFileSync(path.join(dir, NOTE_INDEX_FILE), garbage);
    const store = new NoteStore();
    const notices: SetAsideNotice[] = [];
    store.onDidSetAside((notice) => notices.push(notice));
    try {
      await store.open(folder);
      assert.equal(notices.length, 1, 'the user is told, as for any file set aside');
      const [notice] = notices as [SetAsideNotice];
      assert.equal(path.basename(notice.original.fsPath), NOTE_INDEX_FILE);
      assert.match(notice.reason, /not valid JSON/);
      assert.match(path.basename(notice.movedTo.fsPath), /^notes-index\.corrupt-.*\.json$/);
      assert.equal(readFileSync(notice.movedTo.fsPath, 'utf8'), garbage, 'the old copy is kept, unchanged');

      const found = await store.reconciled();
      assert.equal(found.added, 1, 'the note was taken back from its files');
      assert.equal(store.find(note.id)?.openItems[0]?.text, 'Ship the index test');
      await store.flush();
      const rebuilt = parseNoteIndex(readFileSync(path.join(dir, NOTE_INDEX_FILE), 'utf8'));
      assert.ok(rebuilt.ok && rebuilt.notes.some((entry) => entry.id === note.id), 'a new index lists the note');
      assert.equal(readdirSync(dir).filter((name) => name.startsWith('notes-index.corrupt-')).length, 1);
    } finally {
      store.dispose();
    }
  });
});
