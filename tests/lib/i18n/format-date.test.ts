import { describe, expect, it } from 'vitest';
import { formatMeetingDate, isoCalendarDate } from '../../../lib/i18n/format-date';

// Local times, so that the day is the same in whatever time zone the tests run.
const MARCH_14 = new Date(2026, 2, 14, 12, 0).getTime();
const JUST_AFTER_MIDNIGHT = new Date(2026, 0, 5, 0, 1).getTime();
const JUST_BEFORE_MIDNIGHT = new Date(2025, 11, 31, 23, 59).getTime();

describe('formatMeetingDate', () => {
  it.each([
    ['nl', MARCH_14, '14 maart 2026'],
    ['en', MARCH_14, 'March 14, 2026'],
    ['nl', JUST_AFTER_MIDNIGHT, '5 januari 2026'],
    ['en', JUST_BEFORE_MIDNIGHT, 'December 31, 2025'],
  ] as const)('writes a meeting day in %s', (locale, ms, expected) => {
    expect(formatMeetingDate(ms, locale)).toBe(expected);
  });

  it('reads a broken time as an invalid date instead of throwing', () => {
    expect(formatMeetingDate(Number.NaN, 'en')).toBe('Invalid Date');
  });
});

describe('isoCalendarDate', () => {
  it.each([
    [MARCH_14, '2026-03-14'],
    [JUST_AFTER_MIDNIGHT, '2026-01-05'],
    [JUST_BEFORE_MIDNIGHT, '2025-12-31'],
  ])('writes %i as the local day %s', (ms, expected) => {
    expect(isoCalendarDate(ms)).toBe(expected);
  });
});
