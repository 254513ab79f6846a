import * as assert from 'node:assert/strict';
import * as l10n from '../../src/shared/l10n';
import { PRINCIPLES } from '../../src/shared/principles/catalogue';
import { principlePickerText } from '../../src/shared/principles/format';

/**
 * What VS Code's quick pick shows for a query, with `matchOnDescription` and `matchOnDetail` on
 * (vs/platform/quickinput quickInputList / quickInputTree `filter`): the trimmed query is matched
 * against the label, the description and the detail separately, each by `matchesFuzzyIconAware`,
 * which is `matchesFuzzy(query, text)` without separate-substring matching: the query as a
 * case-insensitive pattern in which only `*` is a wildcard, so its words must stand together, in
 * order, within one of the three. (Its fall-backs, prefix, contiguous substring and camel case,
 * add nothing here: the first two are within the pattern match, and camel case applies only to
 * a text of at most 60 characters, matched by the initials of its words.)
 */
function found(query: string): string[] {
  const trimmed = query.trim();
  const pattern = new RegExp(trimmed.replace(/[\\{}()[\]^$.+?|-]/g, '\\$&').replace(/\*/g, '.*'), 'i');
  return PRINCIPLES.filter((p) => {
    const { label, description, detail } = principlePickerText(p);
    return [label, description, detail].some((text) => pattern.test(text));
  }).map((p) => p.id);
}

describe('finding a principle the way people remember it', () => {
  it('finds principles by the person they quote, in the description the picker matches on', () => {
    for (const name of ['Drucker', 'Eisenhower', 'Kotter', 'Lao Tzu', 'Sinek']) {
      const quoting = PRINCIPLES.filter((p) => p.quote?.by.includes(name));
      assert.ok(quoting.length > 0, `the catalogue quotes ${name}`);
      for (const principle of quoting) {
        assert.match(principlePickerText(principle).description, new RegExp(`quoting .*${name}`));
        assert.ok(found(name).includes(principle.id), `typing “${name}” finds ${principle.id}`);
      }
    }
  });

  it('finds a principle by words of its quote, typed as they stand in it, in any case', () => {
    const culture = PRINCIPLES.find((p) => p.quote?.text.startsWith('Culture eats'))!;
    assert.deepEqual(found('eats strategy'), [culture.id]);
    const axe = PRINCIPLES.find((p) => p.quote?.text.includes('sharpening the axe'))!;
    assert.deepEqual(found('sharpening the axe'), [axe.id]);
    assert.deepEqual(found('  Sharpening The Axe '), [axe.id]);
    const laoTzu = PRINCIPLES.find((p) => p.quote?.by === 'Lao Tzu')!;
    assert.deepEqual(found('we did it ourselves'), [laoTzu.id]);
  });

  it('finds every quoted principle by any three words of its quote in a row', () => {
    for (const principle of PRINCIPLES.filter((p) => p.quote)) {
      const words = principle.quote!.text.split(/\s+/);
      for (let start = 0; start + 3 <= words.length; start++) {
        const typed = words.slice(start, start + 3).join(' ');
        assert.ok(found(typed).includes(principle.id), `typing “${typed}” finds ${principle.id}`);
      }
    }
  });

  it('models the picker as VS Code matches: words apart in the quote do not find it, the * wildcard does', () => {
    const axe = PRINCIPLES.find((p) => p.quote?.text.includes('sharpening the axe'))!;
    assert.ok(!found('sharpening axe').includes(axe.id), 'VS Code does not match words anywhere in the text');
    assert.ok(found('sharpening*axe').includes(axe.id));
  });

  it('says “quoting” in the user’s language', () => {
    const quoted = PRINCIPLES.find((p) => p.quote)!;
    l10n.setTranslator((message, args) => (message === '{0} · quoting {1}' ? l10n.format('{0} · zitiert {1}', args) : l10n.format(message, args)));
    try {
      assert.equal(principlePickerText(quoted).description.endsWith(`· zitiert ${quoted.quote!.by}`), true, principlePickerText(quoted).description);
    } finally {
      l10n.useBundle(undefined, 'en');
    }
  });

  it('keeps the source in the description of principles without a quote', () => {
    const plain = PRINCIPLES.find((p) => !p.quote)!;
    assert.doesNotMatch(principlePickerText(plain).description, /quoting/);
    assert.ok(principlePickerText(plain).description.length > 0);
  });
});
