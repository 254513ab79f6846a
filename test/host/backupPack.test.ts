import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BackupPackDamaged } from '../../src/host/storage/backupFolders';
import type { BackupErasure } from '../../src/host/storage/backupErasure';
import { BackupKeeper, type OpenBackup } from '../../src/host/storage/backups';
import { withDataLock } from '../../src/host/storage/dataLock';
import { DelegationStore } from '../../src/host/storage/delegationStore';
import { backupFolderFor } from '../../src/host/storage/layout';
import { NoteStore } from '../../src/host/storage/noteStore';
import { readPackNames, unpackNotes } from '../../src/host/storage/notePack';
import { encodePack, PACK_HEADER_LENGTH, PACK_TRAILER_LENGTH } from '../../src/host/storage/notePackFormat';
import { LockBusyError } from '../../src/host/storage/fileLock';
import { serializeBackupManifest } from '../../src/shared/backups';
import { SidebarDraftStore } from '../../src/host/storage/sidebarDraftStore';
import { TeamStore } from '../../src/host/storage/teamStore';
import { erasePersonCommands, type Erased } from '../../src/host/team/erasePerson';
import { BACKUP_MANIFEST_FILE, BACKUPS_FOLDER, NOTE_PACK_FILE, NOTES_FOLDER, noteBodyName, noteHeaderName, noteIdOfFile, tempName } from '../../src/shared/storageLayout';
import { eventually, filesHolding, filesUnder } from './helpers';
import { MemoryMemento } from './useCaseFixture';

/**
 * The first backup of a large store writes its note copies into one pack (issue #15). What the
 * user relies on stays: restore brings every note back byte for byte, a later edit is backed up
 * and restored in its newer version, erasing a person leaves nothing of theirs in any file of the
 * backups, and a first pass cut short is never offered for restore. Real stores and a real keeper
 * on folders of their own.
 */
describe('a first backup of a large store, packed', function () {
  this.timeout(120_000);
  const stamp = Date.now();
  const root = mkdtempSync(path.join(tmpdir(), 'two-hats-backup-pack-'));
  const data = vscode.Uri.file(path.join(root, 'data'));
  const backupsRoot = vscode.Uri.file(path.join(root, BACKUPS_FOLDER));
  const identity = { workspaceName: 'packed', workspacePath: '/packed', storagePath: path.join(root, 'data') };
  const team = new TeamStore();
  const delegation = new DelegationStore();
  const notes = new NoteStore();
  const log = vscode.window.createOutputChannel('Two Hats packed backup test', { log: true });
  const keeper = new BackupKeeper(backupsRoot, { team, delegation, notes }, log);
  const backupFolder = backupFolderFor(backupsRoot, identity.storagePath).fsPath;
  const backupNotes = path.join(backupFolder, NOTES_FOLDER);
  const dataNotes = path.join(data.fsPath, NOTES_FOLDER);
  const adaName = `Ada Packed ${stamp}`;
  const adaText = (i: number) => `Ada said ${i} on ${stamp}`;
  const adaNotes: string[] = [];
  const grace: string[] = [];
  let restores = 0;

  before(async () => {
    const location = { kind: 'folder' as const, uri: data, scope: 'workspace' as const };
    await Promise.all([team.open(location), delegation.open(location), notes.open(data)]);
    const ada = await team.add({ name: adaName, role: 'Engineer', cadence: 'weekly' });
    const grace_ = await team.add({ name: `Grace Packed ${stamp}`, role: 'Engineer', cadence: 'weekly' });
    assert.ok(ada.ok && grace_.ok);
    for (let i = 0; i < 60; i++) {
      adaNotes.push((await notes.create({ personId: ada.person.id, date: '2026-11-30', templateId: 'weekly', title: `Ada ${i}`, content: `# Ada ${i}\n\n${adaText(i)}.\n` })).id);
    }
    for (let i = 0; i < 60; i++) {
      grace.push((await notes.create({ personId: grace_.person.id, date: '2026-11-30', templateId: 'weekly', title: `Grace ${i}`, content: `# Grace ${i}\n\nGrace said ${i}.\n` })).id);
    }
  });

  after(() => {
    [keeper, team, delegation, notes, log].forEach((d) => d.dispose());
    rmSync(root, { recursive: true, force: true });
  });

  const listed = async () => (await keeper.list()).filter((backup): backup is OpenBackup => backup.manifest?.storagePath === identity.storagePath);
  const singleCopies = () => (existsSync(backupNotes) ? readdirSync(backupNotes).filter((name) => noteIdOfFile(name) !== undefined) : []);

  /** Restores the backup into a fresh, empty data folder; returns that folder's notes/. */
  async function restoreIntoFresh(): Promise<string> {
    const [backup] = await listed();
    assert.ok(backup, 'the backup is offered');
    const into = vscode.Uri.file(path.join(root, `restored-${restores++}`));
    mkdirSync(into.fsPath, { recursive: true });
    await keeper.restore(backup, into);
    return path.join(into.fsPath, NOTES_FOLDER);
  }

  it('is not offered while its pack could not be finished, and the next pass writes it whole', async () => {
    // One note file the pass cannot read stops it part-way through the pack, as a crash would.
    const blocked = path.join(dataNotes, noteBodyName(grace[7]!));
    renameSync(blocked, `${blocked}.away`);
    mkdirSync(blocked);
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.deepEqual(await listed(), [], 'a backup whose pack was not finished is not offered');
    assert.equal(existsSync(path.join(backupFolder, NOTE_PACK_FILE)), false, 'no half pack under its name');
    assert.deepEqual(readdirSync(backupFolder).filter((name) => name.endsWith('.tmp')), [], 'no temporary pack left behind');

    rmSync(blocked, { recursive: true });
    renameSync(`${blocked}.away`, blocked);
    await notes.write(grace[8]!, '# Grace 8\n\nChanged.\n');
    await keeper.flush();
    const [backup] = await listed();
    assert.ok(backup, 'the backup is offered once its pack is written');
    assert.equal(backup.manifest.notes, 120);
  });

  it('holds every note in one pack, and restore brings each note file back byte for byte', async () => {
    assert.ok(statSync(path.join(backupFolder, NOTE_PACK_FILE)).isFile(), 'the first backup wrote a pack');
    assert.deepEqual(singleCopies(), [], 'and not a file per note');
    assert.equal((statSync(path.join(backupFolder, NOTE_PACK_FILE)).mode & 0o777).toString(8), '600', 'the pack is for the user’s eyes only');

    const restored = await restoreIntoFresh();
    const names = readdirSync(dataNotes).filter((name) => noteIdOfFile(name) !== undefined);
    assert.equal(names.length, 240);
    for (const name of names) {
      assert.deepEqual(readFileSync(path.join(restored, name)), readFileSync(path.join(dataNotes, name)), name);
    }
  });

  it('copies a later edit as a single file, copies nothing else again at the next load, and restore takes the newer version', async () => {
    // The restore above unpacked the backup: pack it again as a first backup would.
    rmSync(backupFolder, { recursive: true, force: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.ok(existsSync(path.join(backupFolder, NOTE_PACK_FILE)));
    assert.deepEqual(singleCopies(), []);

    const edited = `# Grace 3\n\nEdited after the first backup ${stamp}.\n`;
    await notes.write(grace[3]!, edited);
    await keeper.flush();
    const onlyTheEdited = () => singleCopies().every((name) => noteIdOfFile(name) === grace[3]);
    assert.ok(singleCopies().includes(noteBodyName(grace[3]!)), 'the edited note is copied, as a file of its own');
    assert.ok(onlyTheEdited(), `only the edited note is copied: ${singleCopies().length} files`);

    // A reload of the notes marks everything: the packed notes count as copied.
    await notes.open(data);
    await keeper.flush();
    assert.ok(onlyTheEdited(), `the next load copies nothing the pack holds: ${singleCopies().length} files`);

    const restored = await restoreIntoFresh();
    assert.equal(readFileSync(path.join(restored, noteBodyName(grace[3]!)), 'utf8'), edited, 'the newer copy wins over the pack’s');
    assert.deepEqual(readFileSync(path.join(restored, noteHeaderName(grace[3]!))), readFileSync(path.join(dataNotes, noteHeaderName(grace[3]!))));
    assert.equal(readdirSync(restored).filter((name) => noteIdOfFile(name) !== undefined).length, 240, 'every note comes back');
  });

  it('packs many notes that arrive at once after the first backup too, with what the older pack held, and restore brings back every note as it is now', async () => {
    rmSync(backupFolder, { recursive: true, force: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.equal((await readPackNames(vscode.Uri.file(backupFolder)))?.size, 240);
    // A hundred notes at once (a sync tool, another machine's copy), copied by one pass.
    const resume = await keeper.pause();
    const person = team.all.find((p) => p.name !== adaName)!;
    for (let i = 0; i < 110; i++) {
      await notes.create({ personId: person.id, date: '2026-12-01', templateId: 'weekly', title: `Late ${i}`, content: `# Late ${i}\n\nArrived late ${i}.\n` });
    }
    resume();
    await keeper.flush();
    assert.equal((await readPackNames(vscode.Uri.file(backupFolder)))?.size, 460, 'the new notes joined the older pack’s');
    assert.deepEqual(singleCopies(), [], 'no note was copied as a file of its own');

    const restored = await restoreIntoFresh();
    const names = readdirSync(dataNotes).filter((name) => noteIdOfFile(name) !== undefined);
    assert.equal(names.length, 460);
    for (const name of names) {
      assert.deepEqual(readFileSync(path.join(restored, name)), readFileSync(path.join(dataNotes, name)), name);
    }
  });

  it('backs up notes that arrive at once when a note the older pack holds was deleted outside Two Hats, and keeps that note’s copy', async () => {
    rmSync(backupFolder, { recursive: true, force: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    const before = (await readPackNames(vscode.Uri.file(backupFolder)))!;
    assert.ok(before.size > 0, 'packed');
    // A sync tool deletes one note (its two files) behind Two Hats' back.
    const gone = [...before].find((name) => name.endsWith('.md'))!;
    rmSync(path.join(dataNotes, gone));
    rmSync(path.join(dataNotes, noteHeaderName(noteIdOfFile(gone)!)));
    const resume = await keeper.pause();
    const person = team.all.find((p) => p.name !== adaName)!;
    const late: string[] = [];
    for (let i = 0; i < 110; i++) {
      late.push((await notes.create({ personId: person.id, date: '2026-12-01', templateId: 'weekly', title: `Later ${i}`, content: `# Later ${i}\n\nArrived later ${i}.\n` })).id);
    }
    resume();
    await keeper.flush();
    const packedNow = (await readPackNames(vscode.Uri.file(backupFolder))) ?? new Set<string>();
    for (const id of late) {
      assert.ok(packedNow.has(noteBodyName(id)) || singleCopies().includes(noteBodyName(id)), `the late note ${id} is backed up`);
    }
    assert.ok(packedNow.has(gone) || singleCopies().includes(gone), 'the deleted note’s copy stays in the backup');
  });

  it('copies every note as a file of its own when the pack’s data is damaged, and restore brings them all back and says the pack did not read', async () => {
    rmSync(backupFolder, { recursive: true, force: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    const packFile = path.join(backupFolder, NOTE_PACK_FILE);
    assert.deepEqual(singleCopies(), [], 'packed at first');
    // One flipped bit in the notes' data (not in the index, which still reads).
    const bytes = readFileSync(packFile);
    bytes[40] = bytes[40]! ^ 0x01;
    writeFileSync(packFile, bytes);

    // A reload of the notes: a pass over everything.
    await notes.open(data);
    await keeper.flush();
    const noteFiles = readdirSync(dataNotes).filter((n) => noteIdOfFile(n) !== undefined);
    assert.equal(singleCopies().length, noteFiles.length, 'a pack that does not verify counts nothing as copied');

    const [backup] = await listed();
    const into = vscode.Uri.file(path.join(root, `restored-${restores++}`));
    mkdirSync(into.fsPath, { recursive: true });
    await assert.rejects(keeper.restore(backup!, into), (error: unknown) => error instanceof BackupPackDamaged && error.copied >= noteFiles.length);
    for (const name of noteFiles) {
      assert.deepEqual(readFileSync(path.join(into.fsPath, NOTES_FOLDER, name)), readFileSync(path.join(dataNotes, name)), name);
    }
  });

  it('erasing a person leaves none of their notes or their name in any file of the backups, the pack included', async () => {
    rmSync(backupFolder, { recursive: true, force: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.ok(existsSync(path.join(backupFolder, NOTE_PACK_FILE)));
    assert.ok(filesHolding(backupFolder, adaText(5)).length > 0, 'the backup holds her notes before (the check can fail)');
    // A pack a crashed window left half written, her notes in it.
    writeFileSync(path.join(backupFolder, tempName(NOTE_PACK_FILE, 999_999, 'abcdef012345')), `${adaName}\n${adaText(5)}\n`);

    const ada = team.all.find((person) => person.name === adaName)!;
    const erased = await keeper.erasePerson(ada.id, adaName, adaNotes);
    assert.deepEqual(erased.notCleaned, []);
    assert.equal(erased.notDeleted, 0);
    const everyFile = filesUnder(backupsRoot.fsPath);
    for (let i = 0; i < 60; i++) {
      assert.deepEqual(filesHolding(backupsRoot.fsPath, adaText(i)), [], `no file holds her note ${i}`);
    }
    assert.deepEqual(filesHolding(backupsRoot.fsPath, adaName), [], 'no file holds her name');
    assert.deepEqual(
      everyFile.filter((file) => adaNotes.some((id) => path.basename(file).startsWith(id))),
      [],
      'no file is named after her notes',
    );
    // Everyone else's notes are still there to restore.
    for (const id of grace) {
      assert.ok(existsSync(path.join(backupNotes, noteBodyName(id))), id);
    }
  });
  const packFile = path.join(backupFolder, NOTE_PACK_FILE);
  const adaId = () => team.all.find((person) => person.name === adaName)!.id;
  const holdsNothingOfAda = (what: string) => {
    for (let i = 0; i < 60; i++) {
      assert.deepEqual(filesHolding(backupsRoot.fsPath, adaText(i)), [], `${what}: no file holds her note ${i}`);
    }
  };
  /** A fresh first backup, packed. */
  async function packedAfresh(): Promise<void> {
    rmSync(backupFolder, { recursive: true, force: true });
    await keeper.follow(data, identity);
    await keeper.flush();
    assert.ok(existsSync(packFile), 'packed');
    assert.ok(filesHolding(backupFolder, adaText(5)).length > 0, 'the backup holds her notes before (the check can fail)');
  }

  it('erasing a person from this window’s backup before its first manifest is written waits for the data lock another window holds', async () => {
    await packedAfresh();
    // The first pass renames the pack into place before it writes the manifest, the one file that
    // says whose backup this is: a crash or an erasure may come in between.
    rmSync(path.join(backupFolder, BACKUP_MANIFEST_FILE));
    let erasure: Promise<BackupErasure> | undefined;
    let packWhileHeld = false;
    const packed = (await readPackNames(vscode.Uri.file(backupFolder)))!;
    // Another window of the workspace holds the data lock (it renames its new pack into place under it).
    await withDataLock(data, async () => {
      erasure = keeper.erasePerson(adaId(), adaName, adaNotes);
      // Every entry unpacked: all that is left is to remove the pack, under the lock held here.
      await eventually(() => ([...packed].every((name) => existsSync(path.join(backupNotes, name))) ? true : undefined), 'the pack unpacked', 60_000);
      packWhileHeld = existsSync(packFile);
    });
    const erased = await erasure!;
    assert.ok(packWhileHeld, 'the pack is not removed while the data lock is held by another');
    assert.deepEqual(erased.notCleaned, []);
    assert.deepEqual(erased.inUse, []);
    assert.equal(existsSync(packFile), false, 'the pack went once the lock was free');
    holdsNothingOfAda('after the erasure');
  });

  it('a backup whose data lock another window holds all the wait is reported in use, not unreadable, and the next erasure cleans it', async function () {
    this.timeout(120_000);
    await packedAfresh();
    let erasure: Promise<BackupErasure> | undefined;
    // Longer than a lock waits (ten seconds): Encrypt My Notes over a large store in another window.
    await withDataLock(data, async () => {
      erasure = keeper.erasePerson(adaId(), adaName, adaNotes);
      await erasure.then(undefined, () => undefined);
    });
    const erased = await erasure!;
    assert.deepEqual(
      erased.notCleaned.map((uri) => uri.fsPath),
      [],
      'a backup in use is never taken for a damaged one (that would offer to delete it)',
    );
    assert.deepEqual(
      erased.inUse.map((uri) => uri.fsPath),
      [backupFolder],
      'it is reported in use',
    );
    assert.ok(existsSync(packFile), 'its pack stays until the lock is free');
    assert.equal(erased.touched, 0, 'nor is it counted among the backups cleaned');

    const again = await keeper.erasePerson(adaId(), adaName, adaNotes);
    assert.deepEqual(again.inUse, []);
    assert.deepEqual(again.notCleaned, []);
    holdsNothingOfAda('after the second erasure');
  });

  it('a damaged pack is removed by the erasure, which says so, and the next pass copies everyone else’s notes again', async () => {
    await packedAfresh();
    const bytes = readFileSync(packFile);
    bytes[40] = bytes[40]! ^ 0x01;
    writeFileSync(packFile, bytes);

    const erased = await keeper.erasePerson(adaId(), adaName, adaNotes);
    assert.deepEqual(erased.notCleaned, [], 'the backup is not left reported as not cleaned for good');
    assert.equal(erased.damagedPacksRemoved, 1, 'the erasure says it removed a damaged pack');
    assert.equal(existsSync(packFile), false);
    holdsNothingOfAda('after the erasure');
    const again = await keeper.erasePerson(adaId(), adaName, adaNotes);
    assert.deepEqual(again.notCleaned, [], 'nor at the next erasure');

    // The data folder still holds the notes: the next pass backs them up again, and restore has them.
    await notes.open(data);
    await keeper.flush();
    const restored = await restoreIntoFresh();
    for (const id of grace) {
      assert.deepEqual(readFileSync(path.join(restored, noteBodyName(id))), readFileSync(path.join(dataNotes, noteBodyName(id))), id);
    }
  });

  it('a pack from a newer Two Hats is kept and the backup reported not cleaned (a newer version reads it)', async () => {
    await packedAfresh();
    const bytes = readFileSync(packFile);
    bytes.writeUInt32LE(2, 8);
    writeFileSync(packFile, bytes);

    const erased = await keeper.erasePerson(adaId(), adaName, adaNotes);
    assert.deepEqual(
      erased.notCleaned.map((uri) => uri.fsPath),
      [backupFolder],
    );
    assert.equal(erased.damagedPacksRemoved, 0);
    assert.ok(existsSync(packFile), 'the newer pack is kept');
  });

  /** Ada's note files as they are in the data folder, to put in a pack by hand. */
  const adaFiles = () =>
    adaNotes
      // One of them was deleted behind Two Hats' back above.
      .filter((id) => existsSync(path.join(dataNotes, noteBodyName(id))))
      .slice(0, 5)
      .flatMap((id) => [noteBodyName(id), noteHeaderName(id)].map((name) => ({ name, bytes: readFileSync(path.join(dataNotes, name)) })));
  /** A backup of another workspace, its pack given. */
  function otherBackup(name: string, storagePath: string, pack: Buffer): string {
    const folder = path.join(backupsRoot.fsPath, `${name}-${stamp}`);
    mkdirSync(folder, { recursive: true });
    const manifest = { workspaceName: name, workspacePath: `/${name}`, storagePath, savedAt: Date.now(), people: 2, notes: 5, items: 0 };
    writeFileSync(path.join(folder, BACKUP_MANIFEST_FILE), serializeBackupManifest(manifest));
    writeFileSync(path.join(folder, NOTE_PACK_FILE), pack);
    return folder;
  }
  const flipped = (pack: Buffer) => {
    pack[40] = pack[40]! ^ 0x01;
    return pack;
  };

  /** Erases Ada: the one backup reported not cleaned is `backup` (so the user decides), its pack kept. */
  async function erasedLeavingPackIn(backup: string, why: string): Promise<void> {
    const erased = await keeper.erasePerson(adaId(), adaName, adaNotes);
    assert.deepEqual(
      erased.notCleaned.map((uri) => uri.fsPath),
      [backup],
      why,
    );
    assert.equal(erased.damagedPacksRemoved, 0, 'no pack removed as damaged');
    assert.ok(existsSync(path.join(backup, NOTE_PACK_FILE)), 'its pack is kept');
  }

  it('keeps a damaged pack in a backup whose data folder is gone (it may be the only copy of everyone’s notes) and reports that backup not cleaned', async () => {
    await packedAfresh();
    const orphan = otherBackup('orphan', path.join(root, 'a-deleted-workspace'), flipped(encodePack(adaFiles())));
    try {
      await erasedLeavingPackIn(orphan, 'reported not cleaned, so the user is offered to delete it and decides');
    } finally {
      rmSync(orphan, { recursive: true, force: true });
    }
  });

  it('keeps a damaged pack whose data folder is there but no longer holds every note the pack does (emptied or reused since), and reports that backup not cleaned', async () => {
    await packedAfresh();
    // Another workspace's notes (not the person being erased), one of them still in its folder.
    const files = grace.slice(0, 5).flatMap((id) => [noteBodyName(id), noteHeaderName(id)].map((name) => ({ name, bytes: readFileSync(path.join(dataNotes, name)) })));
    const reused = path.join(root, `a-reused-workspace-${stamp}`);
    mkdirSync(path.join(reused, NOTES_FOLDER), { recursive: true });
    // One of the pack's notes is there; the rest exist only in the pack.
    writeFileSync(path.join(reused, NOTES_FOLDER, files[0]!.name), files[0]!.bytes);
    const other = otherBackup('reused', reused, flipped(encodePack(files)));
    try {
      await erasedLeavingPackIn(other, 'reported not cleaned: the pack may be the last copy of those notes, so the user decides');
    } finally {
      rmSync(other, { recursive: true, force: true });
      rmSync(reused, { recursive: true, force: true });
    }
  });

  it('keeps a pack whose hashes are sound though this version refuses what it holds, and reports the backup not cleaned', async () => {
    await packedAfresh();
    // Ada's notes and a file no pack of this version holds, under sound hashes (a later Two Hats'
    // kind of pack, or one larger than this version reads): not damaged, so not removed.
    const files = [...adaFiles(), { name: 'team.json', bytes: Buffer.from(`{"people":["${adaName}"]}`) }];
    const header = encodePack([]).subarray(0, PACK_HEADER_LENGTH);
    const body = Buffer.concat([header, ...files.map((file) => file.bytes)]);
    const index = Buffer.concat([
      u32(files.length),
      ...files.flatMap((file) => {
        const name = Buffer.from(file.name);
        const length = Buffer.alloc(2);
        length.writeUInt16LE(name.length);
        return [length, name, u32(file.bytes.length)];
      }),
    ]);
    const trailer = Buffer.alloc(PACK_TRAILER_LENGTH);
    trailer.writeBigUInt64LE(BigInt(body.length), 0);
    trailer.writeUInt32LE(index.length, 8);
    trailer.writeUInt32LE(files.length, 12);
    createHash('sha256').update(body).digest().copy(trailer, 16);
    createHash('sha256').update(index).digest().copy(trailer, 48);
    trailer.write('2HATPEND', 80, 'latin1');
    writeFileSync(packFile, Buffer.concat([body, index, trailer]));

    // A sound pack is never removed as damaged.
    await erasedLeavingPackIn(backupFolder, 'reported not cleaned: it may hold the person’s notes');
  });

  /**
   * Delete Person on these stores as the user runs it: they type the name to confirm, and what
   * they are shown is recorded. The running Two Hats has its own `vscode` API object: the command
   * runs here. `around`: what holds while it runs (another window's data lock).
   */
  async function deleteAsUser(person: { id: string; name: string }, around: (run: () => Promise<Erased | undefined>) => Promise<Erased | undefined> = (run) => run()) {
    const window = vscode.window as unknown as Record<'showInputBox' | 'showInformationMessage' | 'showWarningMessage', unknown>;
    const originals = { showInputBox: window.showInputBox, showInformationMessage: window.showInformationMessage, showWarningMessage: window.showWarningMessage };
    const infos: string[] = [];
    const warnings: string[] = [];
    window.showInputBox = () => Promise.resolve(person.name);
    window.showInformationMessage = (message: string) => (infos.push(message), Promise.resolve(undefined));
    window.showWarningMessage = (message: string) => (warnings.push(message), Promise.resolve(undefined));
    const drafts = new SidebarDraftStore();
    await drafts.open({ kind: 'folder', uri: data, scope: 'workspace' });
    try {
      const handlers = erasePersonCommands({ team, notes, delegation, drafts, backups: keeper, workspaceState: new MemoryMemento() });
      const erased = await around(async () => (await handlers.deletePerson({ personId: person.id })) as Erased | undefined);
      return { erased, infos, warnings };
    } finally {
      Object.assign(window, originals);
      drafts.dispose();
    }
  }

  it('Delete Person says so in its result when it removed a damaged pack (copies of everyone’s notes went), with no path in it', async () => {
    const hedy = await team.add({ name: `Hedy Packed ${stamp}`, role: 'Engineer', cadence: 'weekly' });
    assert.ok(hedy.ok);
    const hedyNote = await notes.create({ personId: hedy.person.id, date: '2026-12-01', templateId: 'weekly', title: 'Hedy', content: `# Hedy\n\nHedy said ${stamp}.\n` });
    await packedAfresh();
    assert.ok((await readPackNames(vscode.Uri.file(backupFolder)))?.has(noteBodyName(hedyNote.id)), 'her note is in the pack');
    writeFileSync(packFile, flipped(readFileSync(packFile)));

    const { erased, infos, warnings } = await deleteAsUser(hedy.person);
    assert.equal(erased?.damagedPacksRemoved, 1);
    assert.deepEqual(warnings, []);
    assert.equal(infos.length, 1, infos.join(' | '));
    assert.match(infos[0]!, /^Deleted Hedy Packed \d+, 1 note and 0 delegation items, here and in the backups on this machine\. 1 damaged file\(s\) of note copies in the backups could not be cleaned, so they were removed\. The notes are still in their data folders on this machine, and each workspace’s next backup copies them again\.$/);
    assert.ok(!/[\\/]/.test(infos[0]!), 'no path in the notification');
    assert.equal(existsSync(packFile), false);
  });

  it('Delete Person with a backup in use still offers to delete the backups it found unreadable in the same run, and never says "Deleted"', async function () {
    this.timeout(120_000);
    const lin = await team.add({ name: `Lin Packed ${stamp}`, role: 'Engineer', cadence: 'weekly' });
    assert.ok(lin.ok);
    const linNote = await notes.create({ personId: lin.person.id, date: '2026-12-01', templateId: 'weekly', title: 'Lin', content: `# Lin\n\nLin said ${stamp}.\n` });
    const linFiles = [noteBodyName(linNote.id), noteHeaderName(linNote.id)].map((name) => ({ name, bytes: readFileSync(path.join(dataNotes, name)) }));
    // Another workspace's backup, its data folder on this machine and its lock held all the wait;
    // and a deleted workspace's backup whose pack is damaged (unreadable: the user decides).
    const otherData = path.join(root, 'other-data');
    mkdirSync(otherData, { recursive: true });
    const busy = otherBackup('busy', otherData, encodePack(linFiles));
    const orphan = otherBackup('orphan-too', path.join(root, 'another-deleted-workspace'), flipped(encodePack(adaFiles())));
    try {
      const { erased, infos, warnings } = await deleteAsUser(lin.person, (run) => withDataLock(vscode.Uri.file(otherData), run));
      assert.equal(erased?.backupsInUse, 1);
      assert.equal(erased?.backupsNotCleaned, 1);
      assert.equal(warnings.length, 2, warnings.join(' | '));
      assert.match(warnings[0]!, /is busy with the backups on this machine/);
      assert.match(warnings[1]!, /^1 backup on this machine could not be cleaned/, 'the unreadable backup is offered for deletion in the same run');
      assert.deepEqual(infos, [], 'never "Deleted" while a backup in use may still hold them');
    } finally {
      rmSync(busy, { recursive: true, force: true });
      rmSync(orphan, { recursive: true, force: true });
    }
  });

  /** A pack of Ada's notes in a folder of its own, beside the backups. */
  function loosePack(name: string): { folder: vscode.Uri; pack: string; bytes: Buffer } {
    const folder = path.join(root, `${name}-${stamp}`);
    mkdirSync(folder, { recursive: true });
    const pack = path.join(folder, NOTE_PACK_FILE);
    const bytes = encodePack(adaFiles());
    writeFileSync(pack, bytes);
    return { folder: vscode.Uri.file(folder), pack, bytes };
  }

  it('never says a pack was unpacked and removed when whether it is still there cannot be told (a disk error): it may still hold the notes', async () => {
    const { folder, pack, bytes } = loosePack('stat-fails');
    const aside = `${pack}.aside`;
    const result = await unpackNotes(folder, async (remove) => {
      // While it is looked at, the pack's name does not resolve (a loop): stat fails, not with "no such file".
      renameSync(pack, aside);
      symlinkSync(NOTE_PACK_FILE, pack);
      try {
        await remove();
      } finally {
        unlinkSync(pack);
        renameSync(aside, pack);
      }
    }).then(
      (done) => done,
      (error: NodeJS.ErrnoException) => error.code,
    );
    assert.equal(result, 'ELOOP', 'the erasure is told it failed (the backup is reported not cleaned)');
    assert.deepEqual(readFileSync(pack), bytes, 'the pack is still there, her notes in it');
  });

  it('a pack replaced again and again while it is unpacked (another window’s passes) is in use, not damaged', async () => {
    const { folder, pack } = loosePack('replaced');
    let round = 0;
    await assert.rejects(
      unpackNotes(folder, async (remove) => {
        // A new pack renamed into place each time, as another window's pass does.
        writeFileSync(`${pack}.new`, encodePack(adaFiles().slice(0, 2 + (round++ % 4))));
        renameSync(`${pack}.new`, pack);
        await remove();
      }),
      (error: unknown) => error instanceof LockBusyError,
    );
    assert.ok(existsSync(pack));
  });
});

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
}
