import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertLinearEnough } from './support/adversarial';
import { splitFrontMatter } from '../../src/shared/oneOnOnes/importedFrontMatter';
import { dateInFileName, isContainerFolder, personInFileName } from '../../src/shared/oneOnOnes/importedPaths';
import { readImportedNote } from '../../src/shared/oneOnOnes/markdownImport';
import { openActionItems } from '../../src/shared/oneOnOnes/actionItems';
import { isPrivateLine, privateLineRanges, shareableAgenda } from '../../src/shared/oneOnOnes/privacy';

const day = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const name = fc
  .array(fc.stringMatching(/^[A-Z][a-zé]{1,10}$/), { minLength: 1, maxLength: 3 })
  .filter((words) => !isContainerFolder(words.join(' ')) && words.every((w) => !['Notes', 'Note', 'With', 'Meeting'].includes(w)))
  .map((words) => words.join(' '));

describe('reading Markdown notes kept elsewhere', () => {
  it('reads a folder per person with dated files', () => {
    assert.deepEqual(readImportedNote('Ada Lovelace/2026-03-01.md', '# Notes\n- [ ] Send the RFC\n'), {
      ok: true,
      person: 'Ada Lovelace',
      date: '2026-03-01',
      content: '# Notes\n- [ ] Send the RFC\n',
    });
    assert.deepEqual(readImportedNote('Ada Lovelace/1-1 2026_03_08.md', 'x'), { ok: true, person: 'Ada Lovelace', date: '2026-03-08', content: 'x' });
  });

  it('reads the person and date from the file name, in either order', () => {
    assert.equal((readImportedNote('2026-03-01 Ada.md', 'x') as { person: string }).person, 'Ada');
    assert.deepEqual(readImportedNote('1-1 Ada 2026-03-01.md', 'x'), { ok: true, person: 'Ada', date: '2026-03-01', content: 'x' });
    assert.deepEqual(readImportedNote('2026/2026-03-01 Grace Hopper.md', 'x'), { ok: true, person: 'Grace Hopper', date: '2026-03-01', content: 'x' });
  });

  it('prefers front matter, with person or with, and leaves it out of the note', () => {
    const text = '---\ndate: 2026-02-03\nwith: Grace Hopper\ntags: [career]\n---\n## Talked about\n';
    assert.deepEqual(readImportedNote('misc/whatever.md', text), { ok: true, person: 'Grace Hopper', date: '2026-02-03', content: '## Talked about\n' });
    assert.equal((readImportedNote('x.md', '---\nperson: Ada\ndate: 2026-02-03T10:00:00Z\n---\nhi') as { date: string }).date, '2026-02-03');
  });

  it('reads Obsidian wikilinks as the person, and refuses a person field it cannot use instead of guessing', () => {
    const read = (field: string) => readImportedNote('Grace Hopper/2026-03-01.md', `---\n${field}\n---\nx`);
    for (const field of ['person: "[[Ada Lovelace]]"', 'person: [[Ada Lovelace]]', 'person: [[Ada Lovelace|Ada]]', "with: '[[People/Ada Lovelace|Ada]]'", 'with: [Ada Lovelace]', 'Person: Ada Lovelace']) {
      assert.deepEqual(read(field), { ok: true, person: 'Ada Lovelace', date: '2026-03-01', content: 'x' }, field);
    }
    for (const field of ['with: [Ada, Grace]', 'person: [[Ada]], [[Grace]]', 'person: "[[Ada]], [[Grace]]"', 'person: 42', 'with: {name: Ada}', 'person: [[]]', 'person: true']) {
      const result = read(field);
      assert.equal(result.ok, false, `${field} must not fall back to the folder's Grace Hopper`);
      assert.match((result as { reason: string }).reason, /more than one person|not a name|not valid YAML/, field);
    }
    assert.equal((read('person:\nwith: Ada Lovelace') as { person: string }).person, 'Ada Lovelace', 'an empty field is absent');
    assert.equal((read('person: ""') as { person: string }).person, 'Grace Hopper', 'an empty field is absent');
  });

  it('says why a file cannot be read', () => {
    assert.match((readImportedNote('Ada/notes.md', 'x') as { reason: string }).reason, /no date/);
    assert.match((readImportedNote('2026-03-01.md', 'x') as { reason: string }).reason, /no person/);
    assert.match((readImportedNote('2026-02-30 Ada.md', 'x') as { reason: string }).reason, /no date/, 'not a real day');
    assert.match((readImportedNote('2026-03-01 Ada.md', '---\ndate: [\n---\nx') as { reason: string }).reason, /YAML/);
    assert.match((readImportedNote('2026-03-01 Ada.md', '---\ndate: 2026-01-01\n') as { reason: string }).reason, /closing/);
    assert.match((readImportedNote('2026-03-01 Ada.md', '  \n') as { reason: string }).reason, /empty/);
  });

  it('refuses YAML that would expand into something huge', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`).join(', ')}]`), 'date: 2026-01-01', '---', 'x'].join('\n');
    assert.equal(readImportedNote('Ada.md', bomb).ok, false);
  });

  it('refuses front matter nested deeply enough to overflow the parser, quickly and without dying', () => {
    const deep = ['['.repeat(2000), '{'.repeat(2000), '[a,'.repeat(600), '- '.repeat(5000), '? '.repeat(5000), `date: 2026-01-01\nk: ${'['.repeat(17)}`];
    const characters = 20 * deep.reduce((sum, shape) => sum + shape.length, 0);
    assertLinearEnough('deeply nested front matter, 20 times each shape', characters, () => {
      for (let i = 0; i < 20; i++) {
        for (const shape of deep) {
          const read = readImportedNote('Ada/2026-03-01.md', `---\n${shape}\n---\nx`);
          assert.equal(read.ok, false);
          assert.match((read as { reason: string }).reason, /nested too deeply/, shape.slice(0, 20));
        }
      }
    });
    const shallow = readImportedNote('Ada/2026-03-01.md', '---\ntags: [[a, {b: [c]}], d]\nitems:\n  - - x\n    - y\n---\nx');
    assert.equal(shallow.ok, true, 'ordinary nesting still reads');
  });

  it('never throws, whatever the path and text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 2000 }), (path, text) => {
        readImportedNote(path, text);
        readImportedNote(path, `---\n${text}`);
        readImportedNote(path, `---\n${text}\n---\n${text}`);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any date and name through the file-name layouts', () => {
    fc.assert(
      fc.property(day, name, fc.constantFrom('-', '_', '.'), (date, person, separator) => {
        const inName = date.replaceAll('-', separator);
        assert.equal(dateInFileName(`${inName} ${person}.md`), date);
        assert.deepEqual(readImportedNote(`${inName} ${person}.md`, 'x'), { ok: true, person, date, content: 'x' });
        assert.deepEqual(readImportedNote(`1-1 ${person} ${inName}.md`, 'x'), { ok: true, person, date, content: 'x' });
        assert.deepEqual(readImportedNote(`${person}/${inName}.md`, 'x'), { ok: true, person, date, content: 'x' });
      }),
    );
  });

  it('round-trips any date and name through front matter', () => {
    fc.assert(
      fc.property(day, name, fc.constantFrom('person', 'with'), fc.string({ maxLength: 200 }), (date, person, key, body) => {
        const text = `---\ndate: ${date}\n${key}: ${person}\n---\n${body}`;
        const read = readImportedNote('anything.md', text);
        if (body.trim().length === 0) {
          assert.equal(read.ok, false);
        } else {
          assert.deepEqual(read, { ok: true, person, date, content: body });
        }
      }),
    );
  });

  it('splits front matter in linear time on a long one-line file', () => {
    const oneLine = `---\n${'a'.repeat(1_000_000)}`;
    assertLinearEnough('front matter never closed, one 1 MB line', oneLine.length, () => splitFrontMatter(oneLine));
    const dashes = `${'-'.repeat(10_000)}x.md`;
    assertLinearEnough('a file name of 10,000 dashes', dashes.length, () => personInFileName(dashes));
  });
});

describe('reading Markdown notes kept elsewhere: folders that are not people', () => {
  /** A name in any mix of upper and lower case, as folders are named by hand. */
  const anyCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
  const container = fc.constantFrom('Meetings', '1-1s', '1:1s', 'One-on-ones', 'One on ones', '1on1', '1on1s', 'Notes', 'Meeting notes', '1-1 Notes', 'O3s').chain(anyCase);

  it('descends into a folder named like the common layouts’ meeting folders', () => {
    fc.assert(
      fc.property(container, day, name, (folder, date, person) => {
        assert.deepEqual(readImportedNote(`${folder}/${person}/${date}.md`, 'x'), { ok: true, person, date, content: 'x' });
        assert.deepEqual(readImportedNote(`${folder}/${date} ${person}.md`, 'x'), { ok: true, person, date, content: 'x' });
        assert.deepEqual(readImportedNote(`${folder}/${date}.md`, `---\nwith: ${person}\n---\nx`), { ok: true, person, date, content: 'x' });
        assert.equal(readImportedNote(`${folder}/${date}.md`, 'x').ok, false, 'the container is nobody');
      }),
    );
  });

  it('looks past a vault’s own folders below a person, and reads .markdown like .md', () => {
    for (const vault of ['archive', 'Archive', 'Daily Notes', 'Daily', 'Journal', 'Templates', 'Attachments', 'daily-notes']) {
      assert.deepEqual(readImportedNote(`People/Ada/${vault}/2024-01-01.md`, 'x'), { ok: true, person: 'Ada', date: '2024-01-01', content: 'x' }, vault);
      assert.deepEqual(readImportedNote(`Ada Lovelace/${vault}/2024/2024-01-01.md`, 'x'), { ok: true, person: 'Ada Lovelace', date: '2024-01-01', content: 'x' }, vault);
      assert.equal(readImportedNote(`People/${vault}/2024-01-01.md`, 'x').ok, false, `${vault} is nobody`);
    }
    assert.deepEqual(readImportedNote('2026-03-01 Ada Lovelace.markdown', 'x'), { ok: true, person: 'Ada Lovelace', date: '2026-03-01', content: 'x' });
    assert.deepEqual(readImportedNote('Ada/2026-03-01.MARKDOWN', 'x'), { ok: true, person: 'Ada', date: '2026-03-01', content: 'x' });
  });

  it('reads year and year-month folders below a person as time, not as people', () => {
    fc.assert(
      fc.property(day, name, fc.constantFrom('-', '_', '.'), (date, person, separator) => {
        const [year, month] = date.split('-');
        for (const folders of [[year], [`${year}${separator}${month}`], [year, month], [year, `${year}${separator}${month}`]]) {
          assert.deepEqual(readImportedNote(`${person}/${folders.join('/')}/${date}.md`, 'x'), { ok: true, person, date, content: 'x' }, folders.join('/'));
          assert.deepEqual(readImportedNote(`1-1s/${person}/${folders.join('/')}/${date}.md`, 'x'), { ok: true, person, date, content: 'x' });
        }
      }),
    );
    assert.deepEqual(readImportedNote('Alice/2025/2025-03-04.md', 'x'), { ok: true, person: 'Alice', date: '2025-03-04', content: 'x' });
  });
});

describe('reading Markdown notes kept elsewhere: notes marked private', () => {
  const bodyLine = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('- [ ] Ask HR about the raise', '## Shared heading', '<!-- end private -->', '<!--end   PRIVATE-->', '---', '```', '> quoted', '# Agenda', '   <!-- end private -->'),
  );
  const body = fc.array(bodyLine, { minLength: 1, maxLength: 12 }).map((lines) => `${lines.join('\n')}\nlast words`);

  it('puts the whole body of a note marked `private: true` or `private: yes` in its private part', () => {
    fc.assert(
      fc.property(fc.constantFrom('true', 'yes', 'Yes', 'TRUE', '"yes"'), body, (flag, text) => {
        const read = readImportedNote('Ada/2026-03-01.md', `---\nprivate: ${flag}\n---\n${text}`);
        assert.ok(read.ok);
        assert.equal(read.private, true);
        assert.equal(shareableAgenda(read.content).trim(), '', 'nothing of it reaches an agenda, copy or export');
        assert.ok(read.content.includes('last words'));
        for (const item of openActionItems(read.content)) {
          assert.ok(isPrivateLine(privateLineRanges(read.content), item.line), 'its tasks are private action items');
        }
      }),
    );
  });

  it('fails closed: every way of marking a note private keeps it private', () => {
    const anyCase = (text: string) => fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
    const yes = fc.constantFrom('true', 'yes', 'y', 'on', '1').chain(anyCase).chain((word) => fc.constantFrom(word, `"${word}"`, `'${word}'`));
    const notClearlyFalse = fc.string({ maxLength: 20 }).filter((v) => !['false', 'no', 'n', 'off', '0'].includes(v.trim().toLowerCase())).map((v) => JSON.stringify(v));
    const marking = fc.oneof(
      fc.tuple(anyCase('private'), fc.oneof(yes, notClearlyFalse, fc.constantFrom('1', '2', '', '~', '[a]', '{x: 1}', 'secret'))).map(([key, value]) => `${key}: ${value}`),
      fc.tuple(anyCase('visibility'), anyCase('private')).map(([key, value]) => `${key}: ${value}`),
      fc.tuple(fc.constantFrom('tags', 'Tags', 'TAG', 'tag'), anyCase('private')).chain(([key, tag]) =>
        fc.constantFrom(`${key}: [career, ${tag}]`, `${key}: career, ${tag}`, `${key}: ${tag}`, `${key}:\n  - career\n  - ${tag}`, `${key}: "#${tag}"`, `${key}: career ${tag}`),
      ),
    );
    fc.assert(
      fc.property(marking, fc.boolean(), (line, first) => {
        const fields = first ? `${line}\ndate: 2026-03-01\nperson: Ada` : `date: 2026-03-01\nperson: Ada\n${line}`;
        const read = readImportedNote('x.md', `---\n${fields}\n---\n- [ ] Ask HR about the raise\n`);
        assert.ok(read.ok, line);
        assert.equal(read.private, true, line);
        assert.equal(shareableAgenda(read.content).trim(), '', line);
      }),
    );
  });

  it('leaves a note clearly marked not private as it is', () => {
    for (const value of ['false', 'False', 'NO', 'n', 'off', '0', '"0"']) {
      const read = readImportedNote('Ada/2026-03-01.md', `---\nPrivate: ${value}\ntags: [career, privacy]\nvisibility: team\n---\nx`);
      assert.deepEqual(read, { ok: true, person: 'Ada', date: '2026-03-01', content: 'x' }, value);
    }
  });

  it('leaves a note marked `private: false` as it is', () => {
    assert.deepEqual(readImportedNote('Ada/2026-03-01.md', '---\nprivate: false\n---\n- [ ] Share this\n'), { ok: true, person: 'Ada', date: '2026-03-01', content: '- [ ] Share this\n' });
  });
});
