import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTeamFile } from '../../src/shared/storedTeam';

describe('a stored file that is not valid JSON', () => {
  it('is refused with where it breaks, never with the text around it (the reason is shown in a notification)', () => {
    const damaged = '{"schemaVersion":1,"people":[{"name":"Ada Lovelace, on a performance plan" "role":""}]}';
    const result = parseTeamFile(damaged);
    assert.ok(!result.ok);
    assert.match(result.reason, /not valid JSON/);
    assert.ok(!/Ada|performance/.test(result.reason), result.reason);
  });

  it('never carries a word of the file into its reason, whatever the damage', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat({ max: 60 }), (cut, at) => {
        const text = `{"schemaVersion":1,"people":[{"name":"ZQXSECRET","role":"${cut}"}]}`;
        const damaged = text.slice(0, at) + '}' + text.slice(at);
        const result = parseTeamFile(damaged);
        if (!result.ok) {
          assert.ok(!result.reason.includes('ZQXSECRET'), result.reason);
        }
      }),
      { numRuns: 300 },
    );
  });
});
