import type { Locale, Message } from './i18n';

/**
 * Texts of the series (issue 14, point 7): "A group agrees in advance who chairs next ('per
 * toerbeurt') ... The panel shows the meeting's number in the series (e.g. 'meeting 3 of 10')."
 * The end dialog's next chair and date, the line before the start, the number and the group's
 * series length; part of MESSAGES.
 */
export const SERIES_MESSAGES = {
  endNextHeading: { nl: 'De volgende bijeenkomst', en: 'The next meeting' },
  nextChairLabel: { nl: 'Volgende voorzitter', en: 'Next chair' },
  nextChairNone: { nl: 'Nog niet afgesproken', en: 'Not agreed yet' },
  nextDateLabel: {
    nl: 'Datum van de volgende bijeenkomst (mag leeg)',
    en: 'Date of the next meeting (may stay empty)',
  },
  nextDateInvalid: {
    nl: 'Kies een dag na vandaag, hoogstens twee jaar vooruit, of laat de datum leeg.',
    en: 'Pick a day after today, at most two years ahead, or leave the date empty.',
  },
  nextMeetingChairAndDate: {
    nl: 'Volgende voorzitter: {name} · gepland op {date}',
    en: 'Next chair: {name} · planned for {date}',
  },
  nextMeetingChair: { nl: 'Volgende voorzitter: {name}', en: 'Next chair: {name}' },
  nextMeetingDate: {
    nl: 'Volgende bijeenkomst gepland op {date}',
    en: 'Next meeting planned for {date}',
  },
  keptNextDate: { nl: 'Volgende bijeenkomst', en: 'Next meeting' },
  meetingNumberOf: { nl: 'Bijeenkomst {number} van {total}', en: 'Meeting {number} of {total}' },
  meetingNumber: { nl: 'Bijeenkomst {number}', en: 'Meeting {number}' },
  seriesLengthLabel: { nl: 'Bijeenkomsten in deze reeks', en: 'Meetings in this series' },
  seriesLengthHint: {
    nl: 'Een getal van 1 tot 50; laat leeg als de reeks geen vaste lengte heeft. Alleen op dit apparaat.',
    en: 'A number from 1 to 50; leave empty when the series has no set length. On this device only.',
  },
  seriesLengthSave: { nl: 'Stel de lengte van de reeks in', en: 'Set the length of the series' },
  seriesLengthInvalid: {
    nl: 'Vul een getal van 1 tot 50 in, of laat het leeg.',
    en: 'Fill in a number from 1 to 50, or leave it empty.',
  },
  seriesLengthSaved: { nl: 'Lengte van de reeks bewaard.', en: 'Length of the series saved.' },
} satisfies Record<string, Message>;

/**
 * A planned date 'YYYY-MM-DD' as the panel says it: '14 december', 'December 14'. The date is a
 * calendar day, not a moment, so it is formatted in UTC, where Date.UTC put it.
 */
export function formatNextDate(date: string, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}
