/**
 * The encryption bundle (dist/encryption.js): encryption at rest's key handling, conversions and
 * passphrase commands, which most workspaces never use. The core loads it only when a data folder
 * it opens shows signs of encryption, or when an encryption command runs (encryption/
 * encryptionOnDemand.ts). The core modules holding state this bundle shares (the codec in use,
 * the data lock, the translator, the locked error) come from the core at run time, not copied
 * here (esbuild.mjs).
 */
export { EncryptionAtRest } from './encryption/encryptionAtRest';
export { encryptionCommands } from './encryption/encryptionCommands';
