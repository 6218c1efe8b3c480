import { describe, expect, it } from 'vitest';
import { cleanName, nameKey } from '../../../lib/util/clean-name';

describe('cleanName', () => {
  it.each([
    ['Anna', 'Anna'],
    ['  Anna de Vries  ', 'Anna de Vries'],
    ['An\nna', 'Anna'],
    ['Anna\t\r\u0000\u001b[31m', 'Anna[31m'],
    ['Ann\u007fa', 'Anna'],
    ['\n\t ', ''],
    ['Zoë Ünal', 'Zoë Ünal'],
    ['Kring 🙂', 'Kring 🙂'],
    // Invisible: a zero-width space, a word joiner, a byte-order mark, a soft hyphen.
    ['An\u200bna\u2060\ufeff\u00ad', 'Anna'],
    // Bidi controls that would reorder what follows the name ("Let … in").
    ['\u202eAnna\u202c \u2066Bram\u2069\u200f', 'Anna Bram'],
    // C1 controls.
    ['Anna\u0085\u009b', 'Anna'],
    // A composed letter in one form: "e" with a combining accent is "é".
    ['Zoe\u0308', 'Zoë'],
    // The joiners some scripts and emoji need stay.
    ['👩\u200d⚕️ Sanne', '👩\u200d⚕️ Sanne'],
  ])('turns %j into %j', (input, expected) => {
    expect(cleanName(input, 40)).toBe(expected);
  });

  it('cuts a name to its limit after stripping and trimming', () => {
    expect(cleanName('  abcdef  ', 3)).toBe('abc');
    expect(cleanName('\u0001\u0002abcdef', 3)).toBe('abc');
    expect(cleanName('x'.repeat(100), 40)).toHaveLength(40);
  });
});

describe('nameKey', () => {
  it.each([
    ['Anna', 'anna'],
    ['ANNA', 'anna'],
    [' Anna ', 'anna'],
    ['An\u200bna', 'anna'],
    ['\uff21\uff4e\uff4e\uff41', 'anna'],
    ['Anna de Vries', 'annadevries'],
  ])('takes %j as %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('keeps names apart that differ in a letter anyone sees', () => {
    expect(nameKey('Anna')).not.toBe(nameKey('Anne'));
    expect(nameKey('Zoë')).not.toBe(nameKey('Zoe'));
    expect(nameKey('Sanne')).not.toBe(nameKey('Sanna'));
    expect(nameKey('Wei')).not.toBe(nameKey('Wen'));
  });

  it.each([
    ['Anna', '\u0410nna', 'a Cyrillic capital A'],
    ['Anna', '\u0391\u039d\u039d\u0391', 'Greek capitals'],
    ['Sanne', '\u0405anne', 'a Cyrillic S'],
    ['Pieter', '\u0420i\u0435t\u0435r', 'Cyrillic P and e'],
    ['Ilse', 'llse', 'a small l for a capital I'],
    ['Marnix', 'Mamix', 'rn for m'],
    ['Tom', 'T0m', 'a zero for an o'],
    ['Joëlle', 'Jo\u0451lle', 'a Cyrillic ё'],
  ])('takes %j and %j for one name (%s)', (name, lookalike) => {
    expect(nameKey(lookalike)).toBe(nameKey(name));
  });
});
