import { describe, expect, it } from 'vitest';
import { pluralForm } from '../../../lib/i18n/i18n';
import type { Locale } from '../../../lib/i18n/i18n';

const FORMS = { one: 'one', other: 'other' } as const;

describe('pluralForm', () => {
  it.each<[Locale, number, 'one' | 'other']>([
    ['nl', 0, 'other'],
    ['nl', 1, 'one'],
    ['nl', 2, 'other'],
    ['nl', 21, 'other'],
    ['en', 0, 'other'],
    ['en', 1, 'one'],
    ['en', 2, 'other'],
    ['en', 21, 'other'],
  ])('in %s picks the %s wording for %i', (locale, count, form) => {
    expect(pluralForm(locale, FORMS, count)).toBe(form);
  });

  it('picks the other wording for a count that is not a number', () => {
    expect(pluralForm('en', FORMS, Number.NaN)).toBe('other');
  });
});
