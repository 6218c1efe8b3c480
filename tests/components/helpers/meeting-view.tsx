import type { ComponentProps, ReactElement } from 'react';
import type * as Y from 'yjs';
import { vi } from 'vitest';
import { I18nProvider } from '../../../components/common/I18n';
import { MeetingView } from '../../../components/meeting/MeetingView';
import type { MeetingActions } from '../../../components/meeting/MeetingView';
import type { Locale } from '../../../lib/i18n/i18n';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting, roleOf } from '../../../lib/shared-doc/meeting-state';
import { readTimer } from '../../../lib/shared-doc/timer';
import { readTimekeeper } from '../../../lib/shared-doc/timekeeper';
import type { TestMember } from '../../lib/helpers/meeting';

/** Every meeting action as a spy that does nothing: for tests of what a button asks for. */
export function spyActions(): MeetingActions {
  return {
    run: vi.fn(() => ({ ok: true }) as const),
    next: vi.fn(),
    previous: vi.fn(),
    goTo: vi.fn(),
    timer: vi.fn(),
    keepTime: vi.fn(),
    handChair: vi.fn(),
    takeChair: vi.fn(),
    takeChairBack: vi.fn(),
    endMeeting: vi.fn(),
  };
}

/**
 * `viewer`'s meeting view of the document as it is now, as the panel renders it from a
 * snapshot: the meeting, the board, the timer and the timekeeper read from `doc`. `props` adds to or replaces
 * what a test needs (members, chairPresent, mayTakeBack, rejected…); `wrap` puts what the panel
 * has around the view (a DraftProvider).
 */
export function meetingViewOf(
  doc: Y.Doc,
  viewer: TestMember,
  actions: MeetingActions,
  {
    locale = 'en',
    wrap = (view) => view,
    ...props
  }: {
    locale?: Locale;
    wrap?: (view: ReactElement) => ReactElement;
  } & Partial<ComponentProps<typeof MeetingView>> = {},
) {
  const meeting = readMeeting(doc);
  return (
    <I18nProvider locale={locale}>
      {wrap(
        <MeetingView
          meeting={meeting}
          board={readBoard(doc, meeting.method, viewer.id)}
          role={roleOf(meeting, viewer.id)}
          members={[]}
          selfId={viewer.id}
          timer={readTimer(doc)}
          timerOffset={0}
          timekeeper={readTimekeeper(doc)}
          chairPresent
          history={[]}
          sound="never"
          actions={actions}
          place={{
            groupId: 'group-000001',
            groupName: 'Testgroep',
            meetingId: 'meeting-0001',
            meeting,
          }}
          {...props}
        />,
      )}
    </I18nProvider>
  );
}
