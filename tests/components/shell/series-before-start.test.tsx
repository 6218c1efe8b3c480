import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BeforeMeeting } from '../../../components/shell/BeforeMeeting';
import { MeetingNumber, SeriesSetting } from '../../../components/shell/SeriesSetting';
import { I18nProvider } from '../../../components/common/I18n';
import { decodeSummary } from '../../../lib/shared-doc/meeting-summary';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-summary';
import { METHODS } from '../../../lib/method/method-list';

/**
 * Issue 14, point 7: "the next meeting opens with them", "In het begin kiest de groep voor een
 * vaste werkvorm" (remembered and preselected), and "The panel shows the meeting's number in
 * the series (e.g. 'meeting 3 of 10')".
 */

afterEach(cleanup);

const DEC_1 = Date.UTC(2026, 11, 1, 20);

function last(extra: Record<string, unknown>): MeetingSummary {
  return decodeSummary({
    meetingId: 'meeting-0001',
    startedAt: DEC_1 - 5_400_000,
    endedAt: DEC_1,
    methodId: 'basic',
    chairName: 'Anna',
    ...extra,
  })!;
}

function before(summary: MeetingSummary | null, { chairsFirst = false, locale = 'en' } = {}) {
  const onStart = vi.fn();
  render(
    <I18nProvider locale={locale as 'en' | 'nl'}>
      <BeforeMeeting
        lobby="heard"
        chairsFirst={chairsFirst}
        suggestedChair="Carla"
        selfName="Carla"
        present={5}
        last={summary}
        onStart={onStart}
      />
    </I18nProvider>,
  );
  return { onStart, user: userEvent.setup() };
}

describe('before the start: the next chair and date the group agreed', () => {
  it('says "Next chair: Bram · planned for 14 December" from the last summary', () => {
    before(last({ nextChair: 'Bram', nextDate: '2026-12-14' }));
    expect(screen.getByText('Next chair: Bram · planned for December 14')).toBeTruthy();
    // The rota's own suggestion would contradict what the group agreed: not shown.
    expect(screen.queryByText(/turn to chair/)).toBeNull();
  });

  it('says it in Dutch', () => {
    before(last({ nextChair: 'Bram', nextDate: '2026-12-14' }), { locale: 'nl' });
    expect(screen.getByText('Volgende voorzitter: Bram · gepland op 14 december')).toBeTruthy();
  });

  it('says only the date, or only the chair, when only one was agreed', () => {
    before(last({ nextDate: '2026-12-14' }));
    expect(screen.getByText('Next meeting planned for December 14')).toBeTruthy();
    cleanup();
    before(last({ nextChair: 'Bram' }));
    expect(screen.getByText('Next chair: Bram')).toBeTruthy();
  });

  it('says nothing of a next meeting after a summary kept before the series', () => {
    before(last({}));
    expect(screen.queryByText(/Next chair|Next meeting/)).toBeNull();
  });
});

describe("before the start: the group's method preselected", () => {
  const other = METHODS.find((m) => m.id !== METHODS[0]!.id)!;

  it("preselects the last meeting's method", () => {
    before(last({ methodId: other.id }), { chairsFirst: true });
    const method = screen.getByRole('combobox', { name: 'Method' }) as HTMLSelectElement;
    expect(method.value).toBe(other.id);
  });

  it('starts with the first method when the group has not met yet', () => {
    before(null, { chairsFirst: true });
    const method = screen.getByRole('combobox', { name: 'Method' }) as HTMLSelectElement;
    expect(method.value).toBe(METHODS[0]!.id);
  });

  it('starts the preselected method', async () => {
    const { onStart, user } = before(last({ methodId: other.id }), { chairsFirst: true });
    await user.click(screen.getByRole('button', { name: 'Start the meeting as chair' }));
    expect(onStart.mock.calls[0]?.[0]).toBe(other.id);
  });
});

describe('the meeting number', () => {
  it.each([
    ['en', 3, 10, 'Meeting 3 of 10'],
    ['nl', 3, 10, 'Bijeenkomst 3 van 10'],
    ['en', 3, null, 'Meeting 3'],
    ['nl', 1, null, 'Bijeenkomst 1'],
  ] as const)('in %s, number %s of %s reads "%s"', (locale, number, length, text) => {
    render(
      <I18nProvider locale={locale}>
        <MeetingNumber number={number} length={length} />
      </I18nProvider>,
    );
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('saves a series length the member types, and refuses one out of range', async () => {
    const saved: Array<number | null> = [];
    const user = userEvent.setup();
    render(
      <I18nProvider locale="en">
        <SeriesSetting
          length={null}
          onSave={async (length) => {
            saved.push(length);
            return true;
          }}
        />
      </I18nProvider>,
    );
    const field = screen.getByRole('spinbutton', { name: 'Meetings in this series' });
    await user.type(field, '60');
    await user.click(screen.getByRole('button', { name: 'Set the length of the series' }));
    expect(saved).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe(
      'Fill in a number from 1 to 50, or leave it empty.',
    );
    await user.clear(field);
    await user.type(field, '10');
    await user.click(screen.getByRole('button', { name: 'Set the length of the series' }));
    expect(saved).toEqual([10]);
  });
});
