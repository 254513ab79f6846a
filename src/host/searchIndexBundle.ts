/**
 * The search bundle (dist/search.js): the persisted full-text index and MiniSearch's radix tree
 * under it. The core loads it on the first search (storage/noteSearchIndexFile.ts), so neither the
 * sidebar's first paint nor a session without a search pays for it.
 */
export { NoteSearchIndex } from '../shared/oneOnOnes/searchIndex';
