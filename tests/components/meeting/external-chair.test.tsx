import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../../components/common/I18n';
import { StartMeeting } from '../../../components/meeting/StartMeeting';
import { MemberList } from '../../../components/meeting/MemberList';
import { EndedView } from '../../../components/meeting/EndedView';
import type { Member } from '../../../lib/shared-doc/presence';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-summary';

afterEach(cleanup);

/**
 * Issue 14, point 8: "An external procesbegeleider: a role for a facilitator who is not a member
 * (guides, never brings a case, never gives advice, appears as such in the record)." The chair
 * says so at the start; the member list and what the group keeps name the role.
 */

function start(present: number, locale: 'nl' | 'en' = 'en') {
  const onStart = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <StartMeeting suggestedChair={null} present={present} onStart={onStart} />
    </I18nProvider>,
  );
  return { onStart, user: userEvent.setup() };
}

const EXTERNAL_EN = 'I guide as an external procesbegeleider (not a member of the group)';

describe('the start: guiding as an external procesbegeleider', () => {
  it('is off by default and starts as an ordinary chair', async () => {
    const { onStart, user } = start(5);
    const box = screen.getByRole('checkbox', { name: EXTERNAL_EN });
    expect((box as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Start the meeting as chair' }));
    expect(onStart.mock.calls[0]?.[3]).toBeFalsy();
  });

  it('ticked, starts as external and never joins in, even with two people', async () => {
    const { onStart, user } = start(2);
    await user.click(screen.getByRole('checkbox', { name: EXTERNAL_EN }));
    // What it means is said with the box, for screen readers too.
    const box = screen.getByRole('checkbox', { name: EXTERNAL_EN });
    const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(
      'You guide the process; you do not bring a case, ask questions or give advice.',
    );
    // The small-group notice no longer promises the chair may ask and advise.
    expect(screen.queryByText(/you as chair may ask/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start the meeting as chair' }));
    expect(onStart.mock.calls[0]?.[2]).toBe(false);
    expect(onStart.mock.calls[0]?.[3]).toBe(true);
  });

  it('says it in Dutch', () => {
    start(4, 'nl');
    expect(
      screen.getByRole('checkbox', {
        name: 'Ik begeleid als externe procesbegeleider (geen lid van de groep)',
      }),
    ).toBeTruthy();
  });
});

describe('the member list names the external procesbegeleider', () => {
  const members: Member[] = [
    { memberId: 'eva-000001', name: 'Eva', role: 'chair', isSelf: false, external: true },
    { memberId: 'bram-00002', name: 'Bram', role: 'bringer', isSelf: true },
    { memberId: 'carla-0003', name: 'Carla', role: 'member', isSelf: false },
  ];
  it.each([
    ['en', ['Eva (facilitator)', 'Bram (case bringer, you)', 'Carla (member)']],
    ['nl', ['Eva (procesbegeleider)', 'Bram (inbrenger, jij)', 'Carla (deelnemer)']],
  ] as const)('in %s', (locale, rows) => {
    render(
      <I18nProvider locale={locale}>
        <MemberList members={members} />
      </I18nProvider>,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.member-text')?.textContent)).toEqual(rows);
  });
});

describe('what the group keeps names the procesbegeleider', () => {
  const summary = (chairExternal: boolean): MeetingSummary =>
    ({
      meetingId: 'meeting-0001',
      startedAt: Date.UTC(2025, 2, 14, 12),
      endedAt: Date.UTC(2025, 2, 14, 14),
      methodId: 'basic',
      chairName: 'Eva',
      chairExternal,
      caseBringerName: 'Bram',
      caseBringerId: 'bram-00002',
      caseTitle: null,
      agreements: [],
      followUp: [],
    }) as MeetingSummary;

  it.each([
    ['en', true, 'Facilitator'],
    ['en', false, 'Chair'],
    ['nl', true, 'Procesbegeleider'],
    ['nl', false, 'Voorzitter'],
  ] as const)('in %s, external %s: %s', (locale, external, label) => {
    render(
      <I18nProvider locale={locale}>
        <EndedView summary={summary(external)} onBack={vi.fn()} />
      </I18nProvider>,
    );
    const term = screen.getByText(label, { selector: 'dt' });
    expect(term.nextElementSibling?.textContent).toBe('Eva');
  });
});
