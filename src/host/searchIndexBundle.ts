/**
 * The search bundle (dist/search.js): the keeper of the persisted full-text index and the index
 * itself. The core loads it on the first search
 * (storage/noteSearchIndexFile.ts), so neither the sidebar's first paint nor a session without a
 * search pays for it. It reads and writes no file itself: the core hands it its codec's reads and
 * writes, so an encrypted folder's index is encrypted like the rest.
 */
export { NoteSearchIndex } from '../shared/oneOnOnes/searchIndex';
export { NoteSearchIndexKeeper } from './storage/searchIndexKeeper';
