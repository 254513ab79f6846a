/**
 * The core's modules a lazily loaded bundle uses as they are in the core, never as copies of its
 * own: some hold the state of the running extension (the codec every stored byte passes through,
 * the stored-form check, the window's key for backups, the translator, the set of errors that
 * carry Two Hats' own sentences), and the stores tell the locked error apart by its class.
 * esbuild.mjs resolves the encryption and formats bundles' imports of these files to this table,
 * read from dist/core.js at run time; an import of any other host module outside a bundle's own
 * modules fails the build.
 */
import * as l10n from '../shared/l10n';
import * as constants from './constants';
import * as shownErrors from './shownErrors';
import * as lockedError from './encryption/lockedError';
import * as atomicFile from './storage/atomicFile';
import * as backupForms from './storage/backupForms';
import * as dataFiles from './storage/dataFiles';
import * as dataLock from './storage/dataLock';
import * as permissions from './storage/permissions';

/** Keyed by the module's path from the repository's root, without its extension. */
export const CORE_MODULES_FOR_BUNDLES = {
  'src/shared/l10n': l10n,
  'src/host/constants': constants,
  'src/host/shownErrors': shownErrors,
  'src/host/encryption/lockedError': lockedError,
  'src/host/storage/atomicFile': atomicFile,
  'src/host/storage/backupForms': backupForms,
  'src/host/storage/dataFiles': dataFiles,
  'src/host/storage/dataLock': dataLock,
  'src/host/storage/permissions': permissions,
} as const;
