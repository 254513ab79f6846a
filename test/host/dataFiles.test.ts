import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { identityCodec, useCodec, type ByteCodec } from '../../src/host/storage/dataFiles';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { LOCK_FILE } from '../../src/shared/storageLayout';
import { activateTwoHats } from './helpers';

/** A stand-in for encryption (issue 14): every byte flipped, and a marker `decode` insists on. */
const MARK = 0x7f;
const flipping: ByteCodec = {
  encode: (plain) => Promise.resolve(Uint8Array.from([MARK, ...plain.map((byte) => byte ^ 0xff)])),
  decode: (stored) => {
    if (stored[0] !== MARK) {
      return Promise.reject(new Error('not a file this codec wrote'));
    }
    return Promise.resolve(stored.subarray(1).map((byte) => byte ^ 0xff));
  },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('every byte of the data passes one codec', () => {
  before(() => activateTwoHats());
  afterEach(() => useCodec(identityCodec));

  it('a codec set once holds for the team, the delegation list, notes, headers and the index', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'two-hats-codec-'));
    const uri = vscode.Uri.file(dir);
    const location = { kind: 'folder', uri, scope: 'workspace' } as const;
    useCodec(flipping);
    const team = new TeamStore();
    const delegation = new DelegationStore();
    const notes = new NoteStore();
    const name = `Sentinelname${Date.now()}`;
    const text = `Sentineltext ${Date.now()}\n- [ ] Sentinelitem\n`;
    try {
      await Promise.all([team.open(location), delegation.open(location), notes.open(uri)]);
      const added = await team.add({ name, role: '', cadence: 'weekly' });
      assert.ok(added.ok);
      assert.ok((await delegation.add(`Sentineltask for ${name}`)).ok);
      const note = await notes.create({ personId: added.person.id, date: '2026-11-30', templateId: 'weekly', title: `${name} · 2026-11-30`, content: text });
      await notes.flush();

      const files = filesUnder(dir).filter((file) => !file.includes(LOCK_FILE));
      assert.ok(files.length >= 5, `team, delegation, note, header and index are on disk: ${files.join(', ')}`);
      for (const file of files) {
        const raw = readFileSync(file, 'latin1');
        assert.ok(!/Sentinel/.test(raw), `${path.basename(file)} holds no plain text`);
      }

      // Read back through the same codec, by stores that start afresh.
      [team, delegation, notes].forEach((store) => store.dispose());
      const again = { team: new TeamStore(), delegation: new DelegationStore(), notes: new NoteStore() };
      try {
        await Promise.all([again.team.open(location), again.delegation.open(location), again.notes.open(uri)]);
        assert.equal(again.team.find(added.person.id)?.name, name);
        assert.equal(again.delegation.all.length, 1);
        assert.equal(await again.notes.read(note.id), text);
        assert.equal(again.notes.find(note.id)?.openItems[0]?.text, 'Sentinelitem', 'the index was read back');
      } finally {
        Object.values(again).forEach((store) => store.dispose());
      }
    } finally {
      [team, delegation, notes].forEach((store) => store.dispose());
    }
  });
});
