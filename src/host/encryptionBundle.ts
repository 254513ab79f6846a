/**
 * The encryption bundle (dist/encryption.js): encryption at rest's key handling, conversions and
 * passphrase commands, which most workspaces never use. The core loads it only when a data folder
 * it opens shows signs of encryption, or when an encryption command runs (encryption/
 * encryptionOnDemand.ts). The core modules holding state this bundle shares (the codec in use,
 * the data lock, the translator, the locked error) come from the core at run time, not copied
 * here (esbuild.mjs). It also seals and opens encrypted exports and handovers, loaded by the
 * first of them in a session (oneOnOnes/sealedExport.ts): envelopes, key wrapping and the
 * passphrase policy are then not read at every start.
 */
export { EncryptionAtRest } from './encryption/encryptionAtRest';
export { encryptionCommands } from './encryption/encryptionCommands';
export { oneTimePassphraseProblem, askOneTimePassphrase, writeSealedHandover } from './encryption/sealedHandover';
export { sealNote, openSealedNote, openExportKey } from './encryption/sealedNotes';
