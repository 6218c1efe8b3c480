import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConcurrentMeetings } from '../../../components/shell/ConcurrentMeetings';
import { I18nProvider } from '../../../components/common/I18n';
import type { StartedMeeting } from '../../../lib/shared-doc/lobby';

afterEach(cleanup);

const GROUPS: StartedMeeting = {
  meetingId: 'meeting-aaaa',
  startedAt: 10,
  chairName: 'Anna',
  chairId: null,
};
const CARLAS: StartedMeeting = {
  meetingId: 'meeting-cccc',
  startedAt: 20,
  chairName: 'Carla',
  chairId: null,
};
const OLD: StartedMeeting = {
  meetingId: 'meeting-dddd',
  startedAt: 30,
  chairName: null,
  chairId: null,
};

function renderNotice(meetingId: string | null, others: readonly StartedMeeting[]) {
  const opened: string[] = [];
  render(
    <I18nProvider locale="en">
      <ConcurrentMeetings
        meetingId={meetingId}
        groupMeetingId={GROUPS.meetingId}
        otherMeetings={others}
        onOpen={(id) => opened.push(id)}
      />
    </I18nProvider>,
  );
  return opened;
}

describe('meetings started at the same time', () => {
  it('tells the group about the other meeting and opens it', async () => {
    const opened = renderNotice(GROUPS.meetingId, [CARLAS, OLD]);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Carla started another meeting at the same time.');
    expect(note.textContent).toContain('Someone started another meeting at the same time.');
    await userEvent.click(screen.getByRole('button', { name: 'Open the meeting of Carla' }));
    expect(opened).toEqual([CARLAS.meetingId]);
  });

  it("leads a member looking at the other meeting back to the group's", async () => {
    const opened = renderNotice(CARLAS.meetingId, [GROUPS]);
    expect(screen.getByRole('note').textContent).toContain(
      "You are looking at a meeting that was started at the same time as the group's.",
    );
    expect(screen.queryByRole('button', { name: 'Open the meeting of Anna' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: "Back to the group's meeting" }));
    expect(opened).toEqual([GROUPS.meetingId]);
  });

  it('says nothing when only one meeting runs, or while no meeting is shown', () => {
    renderNotice(GROUPS.meetingId, []);
    expect(screen.queryByRole('note')).toBeNull();
    cleanup();
    renderNotice(null, [CARLAS]);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
