import { describe, expect, it } from 'vitest';
import { parseJson, safePhaseId, untrimmedString } from '../../../lib/util/guards';

describe('safePhaseId', () => {
  it.each<[string, unknown, string | null]>([
    ['a one-word phase id', 'goal', 'goal'],
    ['a kebab-case phase id', 'look-back', 'look-back'],
    ['digits', 'round-2', 'round-2'],
    ['40 characters', 'a'.repeat(40), 'a'.repeat(40)],
    ['41 characters', 'a'.repeat(41), null],
    ['the empty string', '', null],
    ['capitals', 'Goal', null],
    ['an underscore', 'look_back', null],
    ['markup', '<img>', null],
    ['a space', 'look back', null],
    ['a number', 7, null],
    ['null', null, null],
  ])('reads %s as %j', (_, value, expected) => {
    expect(safePhaseId(value)).toBe(expected);
  });
});

describe('untrimmedString', () => {
  it.each<[string, unknown, string | null]>([
    ['keeps spaces around a text', ' zin ', ' zin '],
    ['keeps the empty string', '', ''],
    ['keeps a text of exactly max characters', 'abcde', 'abcde'],
    ['refuses a text over max characters', 'abcdef', null],
    ['refuses a number', 5, null],
  ])('%s', (_, value, expected) => {
    expect(untrimmedString(value, 5)).toBe(expected);
  });
});

describe('parseJson', () => {
  it.each<[string, string, unknown]>([
    ['reads an object', '{"a":[1,null]}', { a: [1, null] }],
    ['reads null as null, not as broken', 'null', null],
    ['answers undefined for text that is not JSON', '{"a":', undefined],
    ['answers undefined for an empty text', '', undefined],
  ])('%s', (_, text, expected) => {
    expect(parseJson(text)).toEqual(expected);
  });
});
