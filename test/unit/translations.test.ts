import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '../../src/shared/l10n';
import { dueStatus, nameProblem } from '../../src/shared/team';
import { STATUS_LABELS } from '../../src/shared/delegation/items';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const bundle = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'l10n', name), 'utf8')) as Record<string, string>;

describe('shared strings in another language', () => {
  afterEach(() => l10n.useBundle(undefined, 'en'));

  it('reads as today in English', () => {
    const person = { cadence: 'weekly' as const, addedOn: '2026-03-01' };
    assert.equal(dueStatus(person, '2026-03-05').label, 'next 1:1 in 3 days');
    assert.equal(STATUS_LABELS.handingOver, 'Handing over');
  });

  it('speaks German from the German bundle, placeholders filled, labels read after the bundle was installed', () => {
    l10n.useBundle(bundle('bundle.l10n.de.json'), 'de');
    const person = { cadence: 'weekly' as const, addedOn: '2026-03-01' };
    assert.equal(dueStatus(person, '2026-03-05').label, 'nächstes 1:1 in 3 Tagen');
    assert.equal(STATUS_LABELS.handingOver, 'In Übergabe');
    assert.equal(nameProblem('', []), 'Einen Namen eingeben.');
    assert.deepEqual(l10n.activeBundle().language, 'de');
  });

  it('marks every message in the pseudo-locale, so raw English stands out', () => {
    l10n.useBundle(bundle('bundle.l10n.qps-ploc.json'), 'qps-ploc');
    const person = { cadence: 'weekly' as const, addedOn: '2026-03-01' };
    assert.equal(dueStatus(person, '2026-03-01').label, '[!! next 1:1 in 7 days !!]');
  });
});
