import * as assert from 'node:assert/strict';
import * as l10n from '../../src/shared/l10n';
import { PRINCIPLES } from '../../src/shared/principles/catalogue';
import { principlePickerText } from '../../src/shared/principles/format';

/** The picker's match, simplified: every typed word appears in the label, description or detail. */
function found(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/);
  return PRINCIPLES.filter((p) => {
    const { label, description, detail } = principlePickerText(p);
    const haystack = `${label}\n${description}\n${detail}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
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

  it('finds a principle by words of its quote', () => {
    const culture = PRINCIPLES.find((p) => p.quote?.text.startsWith('Culture eats'))!;
    assert.deepEqual(found('eats strategy'), [culture.id]);
    const axe = PRINCIPLES.find((p) => p.quote?.text.includes('sharpening the axe'))!;
    assert.ok(found('sharpening axe').includes(axe.id));
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
