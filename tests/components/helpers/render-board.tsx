import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Y from 'yjs';
import { I18nProvider } from '../../../components/common/I18n';
import type { MeetingProps, Run } from '../../../components/boards/meeting-props';
import { readBoard } from '../../../lib/shared-doc/board-state';
import type { Locale } from '../../../lib/i18n/i18n';
import { readMeeting, roleOf } from '../../../lib/shared-doc/meeting-state';
import type { TestMember } from '../../lib/helpers/meeting';

// Every command gets a later clock, so that items keep the order in which they were written.
let clock = 1000;

/** One member's panel on a real document: re-reads the board on every update, as the panel does. */
function LiveBoard({
  board: Board,
  doc,
  who,
  everyone = [],
}: {
  board: ComponentType<MeetingProps>;
  doc: Y.Doc;
  who: TestMember;
  everyone?: readonly TestMember[];
}) {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const onUpdate = () => setVersion((n) => n + 1);
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc]);
  const meeting = readMeeting(doc);
  const run: Run = (command) => command(who.ctx(doc, clock++));
  const members = everyone.map((m) => ({
    memberId: m.id,
    name: m.name,
    role: roleOf(meeting, m.id),
    isSelf: m.id === who.id,
  }));
  return (
    <Board
      meeting={meeting}
      board={readBoard(doc, meeting.method, who.id)}
      role={roleOf(meeting, who.id)}
      members={members}
      selfId={who.id}
      run={run}
    />
  );
}

/**
 * Renders a board as `who` sees it; returns queries scoped to that panel (so that two members'
 * panels can be on screen at once) and a user-event instance.
 */
export function renderBoard(
  Board: ComponentType<MeetingProps>,
  doc: Y.Doc,
  who: TestMember,
  locale: Locale = 'en',
) {
  const { container } = render(
    <I18nProvider locale={locale}>
      <LiveBoard board={Board} doc={doc} who={who} />
    </I18nProvider>,
  );
  return { ...within(container), container, user: userEvent.setup() };
}

/**
 * Renders every member's panel of a board at once, each in a region named "Panel of <name>", all
 * present; returns a function that scopes queries to one member's panel.
 */
export function renderPanels(
  Board: ComponentType<MeetingProps>,
  doc: Y.Doc,
  everyone: readonly TestMember[],
  locale: Locale = 'en',
) {
  render(
    <I18nProvider locale={locale}>
      {everyone.map((m) => (
        <section key={m.id} aria-label={`Panel of ${m.name}`}>
          <LiveBoard board={Board} doc={doc} who={m} everyone={everyone} />
        </section>
      ))}
    </I18nProvider>,
  );
  return (m: TestMember) => within(screen.getByRole('region', { name: `Panel of ${m.name}` }));
}
