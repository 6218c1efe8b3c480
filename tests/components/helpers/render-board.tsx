import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Y from 'yjs';
import { I18nProvider } from '../../../components/I18n';
import type { MeetingProps, Run } from '../../../components/meeting-props';
import { readBoard } from '../../../lib/board-state';
import type { Locale } from '../../../lib/i18n';
import { readSession, roleOf } from '../../../lib/session-state';
import type { TestMember } from '../../lib/helpers/meeting';

/** One member's panel on a real document: re-reads the board on every update, as the panel does. */
function LiveBoard({
  board: Board,
  doc,
  who,
}: {
  board: ComponentType<MeetingProps>;
  doc: Y.Doc;
  who: TestMember;
}) {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const onUpdate = () => setVersion((n) => n + 1);
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc]);
  const session = readSession(doc);
  const run: Run = (command) => command(who.ctx(doc));
  return (
    <Board
      session={session}
      board={readBoard(doc, session.method, who.id)}
      role={roleOf(session, who.id)}
      members={[]}
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
