import { describe, expect, it } from 'vitest';
import { byCodeUnits, byName, warmNameOrder } from '../../../lib/util/order';

describe('byCodeUnits', () => {
  it('orders ids by their code units, whatever the language', () => {
    const ids = ['b_1', 'B-2', 'aa', 'a-z', 'Z', '0x'];
    expect([...ids].sort(byCodeUnits)).toEqual(['0x', 'B-2', 'Z', 'a-z', 'aa', 'b_1']);
    // Danish collation puts "aa" after "z"; ids must not move with the browser's language.
    const danish = new Intl.Collator('da');
    expect(['aa', 'z'].sort(danish.compare)).toEqual(['z', 'aa']);
    expect(['aa', 'z'].sort(byCodeUnits)).toEqual(['aa', 'z']);
  });

  it('says equal only for the same string', () => {
    expect(byCodeUnits('abc', 'abc')).toBe(0);
    expect(byCodeUnits('abc', 'abd')).toBe(-1);
    expect(byCodeUnits('abd', 'abc')).toBe(1);
  });
});

describe('byName', () => {
  it('orders names as people read them: accents and case do not split the alphabet', () => {
    warmNameOrder();
    const names = ['Zoë', 'émile', 'Anna', 'bert', 'Éva'];
    expect([...names].sort(byName)).toEqual(['Anna', 'bert', 'émile', 'Éva', 'Zoë']);
    expect([...names].sort(byCodeUnits)).toEqual(['Anna', 'Zoë', 'bert', 'Éva', 'émile']);
  });
});
