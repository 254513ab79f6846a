/**
 * The core's modules a lazily loaded bundle uses as they are in the core, never as copies of its
 * own: some hold the state of the running extension (the codec every stored byte passes through,
 * the stored-form check, the window's key for backups, the translator, the set of errors that
 * carry Two Hats' own sentences), and the stores tell the locked error apart by its class; the rest
 * are here so that no bundle carries a second copy of code the core has anyway. esbuild.mjs
 * resolves a lazy bundle's (encryption, formats, search) imports of these files to this table,
 * read from dist/core.js at run time; an import of any other host module outside the bundle's own
 * files fails the build.
 */
import * as l10n from '../shared/l10n';
import * as exportFormat from '../shared/oneOnOnes/exportFormat';
import * as search from '../shared/oneOnOnes/search';
import * as constants from './constants';
import * as shownErrors from './shownErrors';
import * as lockedError from './encryption/lockedError';
import * as exportFiles from './oneOnOnes/exportFiles';
import * as sealedExport from './oneOnOnes/sealedExport';
import * as atomicFile from './storage/atomicFile';
import * as backupForms from './storage/backupForms';
import * as boundedRead from './storage/boundedRead';
import * as dataFiles from './storage/dataFiles';
import * as dataLock from './storage/dataLock';
import * as fileLock from './storage/fileLock';
import * as notePackCode from './storage/notePackCode';
import * as permissions from './storage/permissions';
import * as transientRead from './storage/transientRead';

/** Keyed by the module's path from the repository's root, without its extension. */
export const CORE_MODULES_FOR_BUNDLES = {
  'src/shared/l10n': l10n,
  'src/shared/oneOnOnes/exportFormat': exportFormat,
  'src/shared/oneOnOnes/search': search,
  'src/host/constants': constants,
  'src/host/shownErrors': shownErrors,
  'src/host/encryption/lockedError': lockedError,
  'src/host/oneOnOnes/exportFiles': exportFiles,
  'src/host/oneOnOnes/sealedExport': sealedExport,
  'src/host/storage/atomicFile': atomicFile,
  'src/host/storage/backupForms': backupForms,
  'src/host/storage/boundedRead': boundedRead,
  'src/host/storage/dataFiles': dataFiles,
  'src/host/storage/dataLock': dataLock,
  'src/host/storage/fileLock': fileLock,
  'src/host/storage/notePackCode': notePackCode,
  'src/host/storage/permissions': permissions,
  'src/host/storage/transientRead': transientRead,
} as const;
