import { describe, expect, it } from 'vitest';
import { cleanName } from '../../../lib/util/clean-name';

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
  ])('turns %j into %j', (input, expected) => {
    expect(cleanName(input, 40)).toBe(expected);
  });

  it('cuts a name to its limit after stripping and trimming', () => {
    expect(cleanName('  abcdef  ', 3)).toBe('abc');
    expect(cleanName('\u0001\u0002abcdef', 3)).toBe('abc');
    expect(cleanName('x'.repeat(100), 40)).toHaveLength(40);
  });
});
