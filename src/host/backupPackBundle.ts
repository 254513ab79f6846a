/**
 * The pack bundle (dist/backupPack.js): writing, listing, unpacking and cleaning a backup's note pack
 * (storage/notePack.ts). The core loads it when a backup pass has many notes to copy or finds a
 * pack, and before a restore, an erasure or a conversion reads a backup's notes
 * (storage/notePackCode.ts): about 13 KB that the core's budget leaves out.
 */
export { notePackStamp, PackUnderWay, readNotePack, readPackNames, unpackNotes } from './storage/notePack';
export { cleanBackupPack } from './storage/notePackErasure';
export { writeNotePack } from './storage/notePackWrite';
