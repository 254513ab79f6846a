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
