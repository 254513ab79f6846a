import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { originWithoutCredentials, parseBackupManifest, restoreCandidates, serializeBackupManifest, type BackupManifest } from '../../src/shared/backups';

// Hosts and paths are lower case; users and tokens never are, so any of their text that survives leaked.
const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}(\.[a-z]{2,6}){1,2}$/);
const repoPath = fc.array(fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const secret = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:/@!$&*+=%~?#'.split('')), minLength: 1, maxLength: 40 }).filter((s) => /[A-Z]/.test(s));
const forms = fc.constantFrom(
  (h: string, p: string, _user: string, token: string) => `https://${token}@${h}/${p}`,
  (h: string, p: string, user: string, token: string) => `https://${user}:${token}@${h}/${p}.git`,
  (h: string, p: string, user: string, token: string) => `https://${user}:${token}@${h}:8443/${p}.git/`,
  (h: string, p: string, user: string, token: string) => `ssh://${user}:${token}@${h}:22/${p}.git`,
  (h: string, p: string, user: string, token: string) => `${user}:${token}@${h}:${p}.git`,
);

describe('the git origin a backup keeps', () => {
  it('keeps host and path only: no user, password or token survives, whatever they hold', () => {
    fc.assert(
      fc.property(host, repoPath, secret, secret, forms, (h, p, user, token, form) => {
        const url = form(h, p, user, token);
        const kept = originWithoutCredentials(url);
        assert.equal(kept, `${h}/${p}`, url);
        const manifest: BackupManifest = { workspaceName: 'w', workspacePath: '/w', storagePath: '/s', repository: url, savedAt: 1, people: 1, notes: 0, items: 0 };
        const read = parseBackupManifest(serializeBackupManifest(manifest));
        assert.ok(read.ok);
        const stored = read.value.repository ?? '';
        assert.ok(!stored.includes(token) && !stored.includes(user), stored);
      }),
    );
  });

  it('names the same repository the same way however it was cloned', () => {
    const forms = [
      'https://token@github.com/me/atlas',
      'https://me:pass@github.com/me/atlas.git',
      'git@github.com:me/atlas.git',
      'ssh://git@github.com:22/me/atlas.git',
      'https://GitHub.com/me/atlas/',
    ];
    for (const form of forms) {
      assert.equal(originWithoutCredentials(form), 'github.com/me/atlas', form);
    }
    assert.equal(originWithoutCredentials('/srv/git/atlas.git'), '/srv/git/atlas.git');
    assert.equal(originWithoutCredentials('s3cret@'), undefined);
    assert.equal(originWithoutCredentials('me:s3cret@'), undefined);
  });

  it('matches a backup by repository across clone forms, an old manifest with credentials included', () => {
    const base: BackupManifest = { workspaceName: 'atlas-old', workspacePath: '/x/atlas-old', storagePath: '/ws/a', savedAt: 1, people: 1, notes: 0, items: 0 };
    const old = { id: 'old', manifest: { ...base, repository: 'https://me:s3cret@github.com/me/atlas.git' } };
    const current = { workspaceName: 'atlas', workspacePath: '/y/atlas', storagePath: '/ws/b', repository: 'git@github.com:me/atlas.git' };
    assert.deepEqual(restoreCandidates([old], current).map((b) => b.id), ['old']);
    assert.deepEqual(restoreCandidates([old], { ...current, repository: 'git@github.com:me/zephyr.git' }), []);
  });
});
