import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { MeetingView } from '../../../components/meeting/MeetingView';
import type { MeetingActions } from '../../../components/meeting/MeetingView';
import { MemberList } from '../../../components/meeting/MemberList';
import { I18nProvider } from '../../../components/common/I18n';
import { takeChair } from '../../../lib/shared-doc/board-commands';
import { readMeeting, roleOf } from '../../../lib/shared-doc/meeting-state';
import { readBoard } from '../../../lib/shared-doc/board-state';
import type { RejectedSummary } from '../../../lib/connection/group-session';
import { member, start } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';

/** Issue 13, point 4, as a member sees it: ignored writes, the chair taken back, fingerprints. */

afterEach(cleanup);

const anna = member('Anna');
const carla = member('Carla');

function actions(): MeetingActions {
  return {
    run: vi.fn(() => ({ ok: true }) as const),
    next: vi.fn(),
    previous: vi.fn(),
    goTo: vi.fn(),
    timer: vi.fn(),
    handChair: vi.fn(),
    takeChair: vi.fn(),
    takeChairBack: vi.fn(),
    endMeeting: vi.fn(),
  };
}

function view(
  doc: Y.Doc,
  viewer: TestMember,
  acts: MeetingActions,
  extra: { mayTakeBack?: boolean; rejected?: readonly RejectedSummary[] },
  locale: 'nl' | 'en' = 'en',
) {
  const meeting = readMeeting(doc);
  return (
    <I18nProvider locale={locale}>
      <MeetingView
        meeting={meeting}
        board={readBoard(doc, meeting.method, viewer.id)}
        role={roleOf(meeting, viewer.id)}
        members={[]}
        selfId={viewer.id}
        timer={null}
        timerOffset={0}
        chairPresent
        history={[]}
        sound="never"
        actions={acts}
        place={{ groupId: 'group-000001', groupName: 'G', meetingId: 'meeting-0001', meeting }}
        {...extra}
      />
    </I18nProvider>
  );
}

describe('signed writes in the panel', () => {
  it('shows the chair which changes were ignored and by whom, in both languages', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    const rejected = [
      { memberId: 'xander-00001', name: 'Xander', count: 3 },
      { memberId: null, name: null, count: 1 },
    ];
    render(view(doc, anna, actions(), { rejected }));
    const list = screen.getByRole('region', { name: 'Ignored changes' });
    expect(within(list).getByText('Xander: 3×')).toBeTruthy();
    expect(within(list).getByText('someone unknown: 1×')).toBeTruthy();
    cleanup();
    render(view(doc, anna, actions(), { rejected }, 'nl'));
    expect(screen.getByRole('region', { name: 'Genegeerde wijzigingen' })).toBeTruthy();
  });

  it('offers the chair back to a chair whose chair was taken while they were away', async () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(takeChair(carla.ctx(doc, 5), false)).toEqual({ ok: true });
    const acts = actions();
    render(view(doc, anna, acts, { mayTakeBack: true }));
    expect(screen.getByText('Carla took the chair while you were away.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Take the chair back' }));
    expect(acts.takeChairBack).toHaveBeenCalledOnce();
    // Not offered to take the chair as well: taking it back is the one thing to do.
    expect(screen.queryByRole('button', { name: 'Take the chair' })).toBeNull();
  });

  it('tells two members with the same name apart by their key', () => {
    render(
      <I18nProvider locale="en">
        <MemberList
          members={[
            {
              memberId: 'a-000001',
              name: 'Anna',
              role: 'chair',
              isSelf: false,
              fingerprint: '3F9A 11C2',
            },
            {
              memberId: 'x-000001',
              name: 'Anna',
              role: 'member',
              isSelf: false,
              fingerprint: 'B07E 9D41',
            },
            {
              memberId: 'c-000001',
              name: 'Carla',
              role: 'member',
              isSelf: true,
              fingerprint: '1234 ABCD',
            },
          ]}
        />
      </I18nProvider>,
    );
    expect(screen.getByText('key 3F9A 11C2')).toBeTruthy();
    expect(screen.getByText('key B07E 9D41')).toBeTruthy();
    expect(screen.queryByText('key 1234 ABCD')).toBeNull();
  });
});
