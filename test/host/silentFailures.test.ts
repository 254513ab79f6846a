/**
 * A user's action that cannot be done says why: from the sidebar (a read-only window, a lock, a
 * note gone) and from commands handed someone, some note or some principle that is not there.
 * What VS Code would show is recorded by standing in for `showErrorMessage`, the only thing
 * replaced; everything behind it is what ships.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { delegationCommands } from '../../src/host/delegation/delegationCommands';
import { openNote } from '../../src/host/oneOnOnes/oneOnOneCommands';
import { talkingPointCommands } from '../../src/host/oneOnOnes/talkingPointCommands';
import { LastNoteEditor } from '../../src/host/principles/noteInsertion';
import { openPrinciple } from '../../src/host/principles/principleCommands';
import { reasonOf } from '../../src/host/sidebar/intentFailure';
import { safeFileReason } from '../../src/host/shownErrors';
import { addDelegationItem } from '../../src/host/useCases/delegation';
import { prepareOneOnOne } from '../../src/host/oneOnOnes/briefCommands';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { noteBodyUri } from '../../src/host/storage/layout';
import { NewerVersionGuard } from '../../src/host/storage/newerVersionGuard';
import { NoteStore } from '../../src/host/storage/noteStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { activateTwoHats, eventually, readText } from './helpers';
import { openSidebarOn } from './sidebarOnFolder';
import { closeFixture, openFixture } from './useCaseFixture';

interface ShownErrors {
  readonly shown: string[];
  restore(): void;
}

/** Records the error messages VS Code would show, instead of showing them. */
function recordErrorMessages(): ShownErrors {
  const window = vscode.window as unknown as { showErrorMessage: (message: string) => Thenable<undefined> };
  const original = window.showErrorMessage;
  const shown: string[] = [];
  window.showErrorMessage = (message: string) => {
    shown.push(message);
    return Promise.resolve(undefined);
  };
  assert.notEqual(window.showErrorMessage, original, 'error messages can be recorded');
  return { shown, restore: () => (window.showErrorMessage = original) };
}

function freshFolder(): vscode.Uri {
  return vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'two-hats-silent-')));
}

describe('no silent failures: an action that cannot be done says why', () => {
  let errors: ShownErrors | undefined;

  before(() => activateTwoHats());
  beforeEach(() => (errors = recordErrorMessages()));
  afterEach(() => errors?.restore());

  it('no silent failures: ticking an item from the sidebar in a read-only window says so, saves nothing, and repaints the truth', async () => {
    const guard = new NewerVersionGuard();
    const folder = freshFolder();
    const sidebar = await openSidebarOn(folder, { guard });
    try {
      const snapshots = () => sidebar.posted.filter((m) => m.type === 'didChangeSnapshot').length;
      const content = '# 1:1\n- [ ] Confidential salary talk\n';
      const beforeNote = snapshots();
      const note = await sidebar.notes.create({ personId: 'p1', date: '2026-11-30', templateId: 'weekly', title: 'Ada · 2026-11-30', content });
      await eventually(() => snapshots() > beforeNote || undefined, 'the snapshot with the new note');
      guard.turnReadOnly('team.json');
      const snapshotsBefore = snapshots();

      sidebar.send({ type: 'tickActionItem', noteId: note.id, line: 1, text: 'Confidential salary talk', done: true });

      const shown = await eventually(() => errors!.shown[0], 'an error message');
      assert.match(shown, /^Could not tick the action item; nothing was saved\. Two Hats was updated elsewhere/);
      assert.doesNotMatch(shown, /Confidential/, 'no note text in the message');
      await eventually(() => snapshots() > snapshotsBefore || undefined, 'a fresh snapshot, so the box unticks');
      assert.equal(await readText(noteBodyUri(folder, note.id)), content, 'nothing was written');
    } finally {
      sidebar.close();
      guard.dispose();
    }
  });

  it('no silent failures: a disk error that names a file under the home folder is told in words of its own, the path left to the log', () => {
    const held = vscode.Uri.file(path.join(homedir(), 'Private', 'Ada Lovelace 1-1.md'));
    const diskError = vscode.FileSystemError.NoPermissions(held);
    assert.ok(diskError.message.includes(homedir()), 'the error VS Code makes names the file');
    const told = reasonOf(diskError);
    assert.ok(!told.includes(homedir()) && !told.includes('Ada'), told);
    assert.match(told, /no permission/);

    // The same for a save that fails in a store (Node's own error names the file).
    const nodeError = Object.assign(new Error(`EACCES: permission denied, open '${held.fsPath}'`), { code: 'EACCES' });
    const saved = safeFileReason(nodeError);
    assert.ok(!saved.includes(homedir()) && !saved.includes('Ada'), saved);

    const guard = new NewerVersionGuard();
    guard.turnReadOnly('team.json');
    const refusal = (() => {
      try {
        guard.assertWritable();
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    assert.match(reasonOf(refusal), /read-only until it is reloaded/, 'Two Hats’ own sentence is shown as written');
  });

  it('no silent failures: Prepare for 1:1 on read-only data gives the same reason as Start 1:1, not "open a folder"', async () => {
    const folder = freshFolder();
    const guard = new NewerVersionGuard();
    const location = { kind: 'folder', uri: folder, scope: 'workspace' } as const;
    const team = new TeamStore({ guard });
    const notes = new NoteStore(guard);
    const delegation = new DelegationStore({ guard });
    const hidden = new vscode.EventEmitter<unknown>();
    try {
      await Promise.all([team.open(location), delegation.open(location), notes.open(folder)]);
      guard.turnReadOnly('team.json');
      const prepared = await prepareOneOnOne({ team, notes, delegation, isHidden: () => false, onDidChangeHidden: hidden.event }, { personId: 'p1' });
      assert.equal(prepared, undefined);
      assert.deepEqual(errors!.shown, [guard.readOnlyReason]);
    } finally {
      [team, notes, delegation, hidden, guard].forEach((d) => d.dispose());
    }
  });

  // The commands' own functions, on stores of their own: the running Two Hats has its own
  // `vscode` API object, which the recording above does not reach.
  it('no silent failures: commands handed someone no longer on the team say so', async () => {
    const f = await openFixture();
    try {
      const gone = 'someone-who-left';
      await talkingPointCommands(f.team).queueTalkingPoint({ personId: gone, text: 'Budget', standing: false });
      const hidden = new vscode.EventEmitter<unknown>();
      await prepareOneOnOne({ ...f, isHidden: () => false, onDidChangeHidden: hidden.event }, { personId: gone, quiet: true });
      hidden.dispose();
      const item = await addDelegationItem(f.delegation, { title: 'Release notes' });
      assert.ok(item.ok);
      await delegationCommands(f.delegation, f.team).assignDelegation({ itemId: item.result.id, personId: gone, level: 3, targetLevel: 5, quiet: true });
      assert.deepEqual(errors!.shown, Array(3).fill('That person is no longer on your team.'));
      assert.equal(f.delegation.find(item.result.id)?.ownerId, undefined, 'nobody was made owner');
    } finally {
      closeFixture(f);
    }
  });

  it('no silent failures: opening a note or a principle that is not there says so', async () => {
    const f = await openFixture();
    const lastNote = new LastNoteEditor();
    try {
      await openNote(f.notes, 'no-such-note');
      await openPrinciple(lastNote, 'no-such-principle');
      assert.deepEqual(errors!.shown, ['That note no longer exists.', 'There is no principle no-such-principle.']);
    } finally {
      lastNote.dispose();
      closeFixture(f);
    }
  });
});
