/**
 * The one error a read or write of locked data throws. It lives in the core, not in the
 * encryption bundle: the stores tell it apart with `instanceof`, so both bundles must share this
 * very class (esbuild.mjs hands the bundle the core's copy).
 */
import * as l10n from '../../shared/l10n';

/** Thrown by `encode` while locked: the caller must not write (the data stays as it was). */
export class LockedError extends Error {
  constructor() {
    super(l10n.t('Two Hats is locked: unlock it with your passphrase before anything is saved.'));
    this.name = 'LockedError';
  }
}

/**
 * A stored file that does not decode: damaged, edited, swapped or of the wrong form. Set it aside.
 * Here beside the locked error for the same reason: the backup (in the core) tells a damaged copy
 * apart by its class, and the encryption bundle throws it.
 */
export class UndecodableFile extends Error {
  constructor(
    readonly problem: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'UndecodableFile';
  }
}
