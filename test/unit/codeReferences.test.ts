import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertLinearEnough } from './support/adversarial';
import { codeSpanReferences, migrateCodeReference, withoutLocalFileLinks, workspaceReference, type CodeReference } from '../../src/shared/codeReferences';
import { newItem } from '../../src/shared/delegation/items';
import { parseDelegationFile, serializeDelegationFile } from '../../src/shared/delegation/storedDelegation';
import { exportedNote } from '../../src/shared/oneOnOnes/exportFormat';
import { composeFromMarkdown } from '../../src/shared/oneOnOnes/compose';
import { talkingPointAsMarkdown } from '../../src/shared/oneOnOnes/talkingPoints';
import { shareableAgenda } from '../../src/shared/oneOnOnes/templates';
import { parseTeamFile, serializeTeamFile } from '../../src/shared/storedTeam';

// User names are upper case, paths lower case: a user name can only turn up if it leaked.
const userName = fc.stringMatching(/^[A-Z][A-Z0-9]{2,11}$/);
const segment = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
const relativePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('/')}.ts`);
const home = fc.oneof(
  userName.map((user) => ({ user, home: `/home/${user}`, uriHome: `/home/${user}` })),
  userName.map((user) => ({ user, home: `/Users/${user}`, uriHome: `/Users/${user}` })),
  userName.map((user) => ({ user, home: `C:\\Users\\${user}`, uriHome: `/c%3A/Users/${user}` })),
);
const lines = fc.record({ startLine: fc.integer({ min: 1, max: 5000 }), span: fc.integer({ min: 0, max: 50 }) });

/** What Two Hats 0.1 stored: a path relative to the folder when inside one, absolute otherwise, and the absolute URI. */
const legacyReference = fc.record({ at: home, folder: segment, path: relativePath, lines, inside: fc.boolean() }).map(({ at, folder, path, lines: l, inside }) => {
  const absolute = `${at.home}${at.home.includes('\\') ? '\\' : '/'}${folder}/${path}`;
  return {
    user: at.user,
    home: at.home,
    folder,
    relative: path,
    inside,
    stored: {
      path: inside ? path : absolute,
      startLine: l.startLine,
      endLine: l.startLine + l.span,
      commit: '0123456789abcdef',
      uri: `file://${at.uriHome}/${folder}/${path}`,
    },
  };
});

function person(source: unknown) {
  return {
    id: 'ada',
    name: 'Ada',
    role: '',
    cadence: 'weekly',
    archived: false,
    addedOn: '2026-03-01',
    talkingPoints: [{ id: 'p1', text: 'Retry loop', standing: false, addedOn: '2026-03-02', source }],
  };
}

function assertPrivate(text: string, leak: { user: string; home: string }): void {
  assert.ok(!text.includes(leak.user), `user name in ${text}`);
  assert.ok(!text.includes(leak.home), `home folder in ${text}`);
  assert.ok(!/file:/i.test(text), `file URI in ${text}`);
}

describe('code references', () => {
  it('never keeps, renders or exports the home folder, the user name or a file URI from an old absolute reference', () => {
    fc.assert(
      fc.property(legacyReference, (legacy) => {
        const parsed = parseTeamFile(JSON.stringify({ schemaVersion: 1, people: [person(legacy.stored)] }));
        assert.ok(parsed.ok, JSON.stringify(parsed));
        const people = parsed.file.people;
        const point = people[0]!.talkingPoints![0]!;
        const line = talkingPointAsMarkdown(point);
        const note = composeFromMarkdown('# 1:1\n\n{{talkingPoints}}\n', {
          person: 'Ada',
          date: '2026-03-03',
          carriedItems: [],
          talkingPoints: [line],
        });
        const exported = exportedNote(
          { id: 'n1', personId: 'ada', date: '2026-03-03', templateId: 'weekly', title: 'Ada · 2026-03-03 · Weekly', createdAt: 1 },
          'Ada',
          note,
          true,
        );
        for (const text of [serializeTeamFile(people), line, note, shareableAgenda(note), exported.text]) {
          assertPrivate(text, legacy);
        }
        if (legacy.inside) {
          assert.deepEqual(point.source, { folder: legacy.folder, path: legacy.relative, startLine: legacy.stored.startLine, endLine: legacy.stored.endLine, commit: '0123456789abcdef' });
        } else {
          assert.equal(point.source?.pathLeftOut, true);
          assert.equal(point.source?.path, legacy.relative.split('/').at(-1));
          assert.match(line, /path left out/);
        }
      }),
    );
  });

  it('migrates delegation items the same way', () => {
    fc.assert(
      fc.property(legacyReference, (legacy) => {
        const item = { id: 'i1', title: 'Retries', createdOn: '2026-03-01', status: 'holding', levelHistory: [], steps: [], relapses: [], source: legacy.stored };
        const parsed = parseDelegationFile(JSON.stringify({ schemaVersion: 1, items: [item] }));
        assert.ok(parsed.ok);
        assertPrivate(serializeDelegationFile(parsed.value), legacy);
      }),
    );
  });

  it('takes the file links out of notes written before, keeping what they named', () => {
    fc.assert(
      fc.property(home, segment, relativePath, (at, folder, path) => {
        const uri = `file://${at.uriHome}/${folder}/${path}`;
        const old = `- Retry loop ([${path}:10-14](${uri}#L10) at \`0123456\`)\n- see ${uri} and <${uri}>\n`;
        const cleaned = withoutLocalFileLinks(old);
        assertPrivate(cleaned, at);
        assert.ok(cleaned.includes(`\`${path}:10-14\``));
      }),
    );
  });

  it('refuses to keep a path that climbs out of its folder or looks absolute', () => {
    for (const path of ['../../.ssh/id_rsa', '/etc/passwd', '~/notes.md', 'C:/Users/x/a.ts', 'a/../../b.ts']) {
      const ref = migrateCodeReference({ path, startLine: 1, endLine: 1 });
      assert.equal(ref.pathLeftOut, true, path);
      assert.ok(!ref.path.includes('/'), path);
    }
  });

  it('finds the places named in a note line, in linear time', () => {
    assert.deepEqual(codeSpanReferences('- Retry (`src/net/retry.ts:10-14` at `0123456`)'), [
      { start: 10, end: 32, path: 'src/net/retry.ts', startLine: 10, endLine: 14 },
    ]);
    assert.deepEqual(codeSpanReferences('`a.ts:3` and `/etc/passwd:1` and `x:0`'), [{ start: 1, end: 7, path: 'a.ts', startLine: 3, endLine: 3 }]);
    const hostile = '`'.repeat(20_000) + 'a:'.repeat(20_000);
    assertLinearEnough('backticks then "a:"', hostile.length, () => codeSpanReferences(hostile));
    const brackets = `${'['.repeat(20_000)}${'](file:'.repeat(5_000)}`;
    assertLinearEnough('brackets then "](file:"', brackets.length, () => withoutLocalFileLinks(brackets));
  });
});

describe('a reference made from a selection in a workspace folder', () => {
  const lines = { startLine: 3, endLine: 4 };
  const storedBack = (source: CodeReference) => parseDelegationFile(serializeDelegationFile([{ ...newItem('a', 'Port the parser', '2026-11-30'), source }]));

  it('keeps the folder and the relative path when they fit, as before', () => {
    assert.deepEqual(workspaceReference('api', 'src/parser.ts', lines), { folder: 'api', path: 'src/parser.ts', startLine: 3, endLine: 4 });
  });

  it('keeps only the file’s name when the folder’s name or the path is longer than the file keeps, so the list still loads', () => {
    const deep = `${'very-deep-folder/'.repeat(130)}parser.ts`;
    for (const source of [workspaceReference('f'.repeat(401), 'src/parser.ts', lines), workspaceReference('api', deep, lines)]) {
      assert.deepEqual(source, { path: 'parser.ts', pathLeftOut: true, startLine: 3, endLine: 4 });
      assert.equal(storedBack(source).ok, true);
    }
  });

  it('for any folder name and path, gives a reference the delegation file accepts (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 600 }), fc.string({ minLength: 1, maxLength: 2600, size: 'max' }), (folder, path) => storedBack(workspaceReference(folder, path, lines)).ok),
      { numRuns: 100 },
    );
  });
});
