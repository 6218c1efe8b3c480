import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import type { MeetingActions } from '../../../components/meeting/MeetingView';
import { ConnectionStatus, serverName } from '../../../components/shell/ConnectionStatus';
import { I18nProvider } from '../../../components/common/I18n';
import { goToPhase } from '../../../lib/shared-doc/meeting-commands';
import { chooseCoreQuestion } from '../../../lib/shared-doc/board-commands';
import { goTo, member, start, startWithCase } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';
import { meetingViewOf, spyActions } from '../helpers/meeting-view';
import { METHODS } from '../../../lib/method/method-list';
import { decodeSummary } from '../../../lib/shared-doc/meeting-summary';

afterEach(cleanup);

const anna = member('Anna');
const carla = member('Carla');

function meetingAt(phase: number): Y.Doc {
  const doc = new Y.Doc();
  start(doc, anna);
  if (phase > 0) goToPhase(doc, anna.id, phase, 1);
  return doc;
}

/** The view of `viewer` with Anna (chair) and Carla present. */
function view(
  doc: Y.Doc,
  viewer: TestMember,
  acts: MeetingActions,
  locale: 'nl' | 'en' = 'en',
  chairPresent = true,
) {
  const members = [
    { memberId: anna.id, name: 'Anna', role: 'chair' as const, isSelf: viewer === anna },
    { memberId: carla.id, name: 'Carla', role: 'member' as const, isSelf: viewer === carla },
  ];
  return meetingViewOf(doc, viewer, acts, { locale, members, chairPresent });
}

const actions = spyActions;

describe('the meeting view', () => {
  it('names each phase in one heading only, in every method, role and language', () => {
    const bram = member('Bram');
    for (const method of METHODS) {
      for (const phase of method.phases) {
        const doc = new Y.Doc();
        if (method.hasCase) startWithCase(doc, anna, bram, { methodId: method.id });
        else start(doc, anna, method.id);
        goTo(doc, anna, phase.id);
        for (const locale of ['en', 'nl'] as const) {
          for (const viewer of [anna, bram, carla]) {
            render(view(doc, viewer, actions(), locale));
            const name = phase.name[locale].toLowerCase();
            const same = screen
              .getAllByRole('heading')
              .filter((h) => h.textContent?.trim().toLowerCase() === name);
            expect(same, `${method.id}/${phase.id}, ${viewer.name} (${locale})`).toHaveLength(1);
            cleanup();
          }
        }
      }
    }
    // About 380 renders of the whole view: near 5 s alone, over it beside the unit tests.
  }, 30_000);

  it('tells the case bringer, not the others, that they are the one talking while they tell', () => {
    const bram = member('Bram');
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { methodId: 'balint' });
    goTo(doc, anna, 'case');
    const members = [
      { memberId: anna.id, name: 'Anna', role: 'chair' as const, isSelf: false },
      { memberId: bram.id, name: 'Bram', role: 'bringer' as const, isSelf: true },
    ];
    render(meetingViewOf(doc, bram, actions(), { locale: 'nl', members, chairPresent: true }));
    expect(
      screen.getByText('In deze fase is er niets te schrijven: jij vertelt, de anderen luisteren.'),
    ).toBeTruthy();
    cleanup();
    render(view(doc, carla, actions()));
    expect(
      screen.getByText('Nothing to write in this phase; follow the conversation.'),
    ).toBeTruthy();
  });

  it('says in a look back when this device knows no earlier meeting, and the chair what to do', () => {
    const doc = new Y.Doc();
    start(doc, anna, 'incident');
    render(view(doc, anna, actions()));
    expect(
      screen.getByText(
        "This device knows no earlier meeting of this group to look back on. If it is the group's first meeting, go on to the next phase.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/^Nothing to write/)).toBeNull();
    cleanup();
    render(view(doc, carla, actions(), 'nl'));
    expect(
      screen.getByText(
        'Dit apparaat kent geen eerdere bijeenkomst van deze groep om op terug te blikken.',
      ),
    ).toBeTruthy();
    cleanup();
    const last = decodeSummary({
      meetingId: 'meeting-0000',
      startedAt: 1_000,
      endedAt: 2_000,
      methodId: 'incident',
      chairName: 'Anna',
    })!;
    render(meetingViewOf(doc, carla, actions(), { history: [last] }));
    expect(
      screen.getByText('Nothing to write in this phase; follow the conversation.'),
    ).toBeTruthy();
    expect(screen.queryByText(/knows no earlier meeting/)).toBeNull();
  });

  it('shows the chair the phase controls and a member none', () => {
    const doc = meetingAt(1);
    const acts = actions();
    const { rerender } = render(view(doc, anna, acts));
    expect(screen.getByRole('heading', { name: 'Analysis' })).toBeTruthy();
    expect(screen.getByText('Phase 2 of 5')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Chair controls' })).toBeTruthy();
    rerender(view(doc, carla, acts));
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Chair controls' })).toBeNull();
  });

  it('disables "previous" in the first phase and "next" in the last', async () => {
    const acts = actions();
    const { rerender } = render(view(meetingAt(0), anna, acts));
    expect(screen.getByRole('button', { name: 'Previous phase' }).hasAttribute('disabled')).toBe(
      true,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    expect(acts.next).toHaveBeenCalledOnce();
    rerender(view(meetingAt(4), anna, acts, 'nl'));
    expect(screen.getByRole('heading', { name: 'Evaluatie' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Volgende fase' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('moves once for a double click on a phase button, and once per click apart', async () => {
    const acts = actions();
    render(view(meetingAt(2), anna, acts));
    const next = screen.getByRole('button', { name: 'Next phase' });
    await userEvent.dblClick(next);
    expect(acts.next).toHaveBeenCalledTimes(1);
    await userEvent.click(next);
    expect(acts.next).toHaveBeenCalledTimes(2);
    await userEvent.dblClick(screen.getByRole('button', { name: 'Previous phase' }));
    expect(acts.previous).toHaveBeenCalledTimes(1);
    // From the keyboard every press counts (a click of detail 0).
    next.focus();
    await userEvent.keyboard('{Enter}');
    expect(acts.next).toHaveBeenCalledTimes(3);
  });

  it('shows the remaining time of the phase', () => {
    render(view(meetingAt(0), carla, actions()));
    expect(screen.getByRole('timer', { name: 'Time left in this phase' }).textContent).toMatch(
      /^-?\d+:\d\d$/,
    );
  });

  it('offers a member to take the chair only when the chair has gone', async () => {
    const acts = actions();
    const { rerender } = render(view(meetingAt(1), carla, acts));
    expect(screen.queryByRole('button', { name: 'Take the chair' })).toBeNull();
    rerender(view(meetingAt(1), carla, acts, 'en', false));
    await userEvent.click(screen.getByRole('button', { name: 'Take the chair' }));
    expect(acts.takeChair).toHaveBeenCalledOnce();
  });

  it('asks the chair to confirm before ending the meeting', async () => {
    const acts = actions();
    render(view(meetingAt(4), anna, acts));
    await userEvent.click(screen.getByRole('button', { name: 'End the meeting' }));
    expect(acts.endMeeting).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, end it' }));
    expect(acts.endMeeting).toHaveBeenCalledOnce();
  });

  it('puts ending the meeting under the phase bar in the last phase, once, and in the chair section before it', () => {
    const acts = actions();
    const ends = () => screen.getAllByRole('button', { name: 'End the meeting' });
    const chairSection = () => screen.getByRole('region', { name: 'For the chair' });
    const { rerender } = render(view(meetingAt(3), anna, acts));
    expect(ends()).toHaveLength(1);
    expect(chairSection().contains(ends()[0]!)).toBe(true);
    expect(
      screen.queryByText('This is the last phase. When the group is done, end the meeting.'),
    ).toBeNull();

    rerender(view(meetingAt(4), anna, acts));
    expect(ends()).toHaveLength(1);
    const end = ends()[0]!;
    expect(chairSection().contains(end)).toBe(false);
    expect(end.className).toContain('primary');
    expect(
      screen.getByText('This is the last phase. When the group is done, end the meeting.'),
    ).toBeTruthy();
    // Near the top: before the board and the chair's section, right after the phase's explanation.
    const explanation = screen.getByTestId('phase-explanation');
    const order = explanation.compareDocumentPosition(end);
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      end.compareDocumentPosition(chairSection()) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    // "Next phase" stays where it was, disabled: the group is in its last phase.
    expect(screen.getByRole('button', { name: 'Next phase' }).hasAttribute('disabled')).toBe(true);

    rerender(view(meetingAt(4), anna, acts, 'nl'));
    expect(screen.getAllByRole('button', { name: 'Beëindig de bijeenkomst' })).toHaveLength(1);
    expect(
      screen.getByText('Dit is de laatste fase. Is de groep klaar, beëindig dan de bijeenkomst.'),
    ).toBeTruthy();

    rerender(view(meetingAt(4), carla, acts));
    expect(screen.queryByRole('button', { name: 'End the meeting' })).toBeNull();
    expect(screen.queryByTestId('last-phase')).toBeNull();
  });

  it("says so while the case bringer's panel is gone, to everyone but the bringer, in both languages", () => {
    const bram = member('Bram');
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    const gone = 'Bram, the case bringer, is not connected right now.';
    const { rerender } = render(meetingViewOf(doc, carla, actions(), { bringerPresent: false }));
    expect(screen.getByTestId('bringer-gone').textContent).toContain(gone);
    rerender(meetingViewOf(doc, carla, actions(), { bringerPresent: false, locale: 'nl' }));
    expect(screen.getByTestId('bringer-gone').textContent).toContain(
      'Bram, de inbrenger, is nu niet verbonden.',
    );
    rerender(meetingViewOf(doc, anna, actions(), { bringerPresent: false }));
    expect(screen.getByTestId('bringer-gone').textContent).toContain(gone);
    // The bringer's own panel, just back, and everyone's while the bringer is here: nothing.
    rerender(meetingViewOf(doc, bram, actions(), { bringerPresent: false }));
    expect(screen.queryByTestId('bringer-gone')).toBeNull();
    rerender(meetingViewOf(doc, carla, actions(), { bringerPresent: true }));
    expect(screen.queryByTestId('bringer-gone')).toBeNull();
  });

  it('shows the core question once: on its own board while it is worded, above the board after', () => {
    const bram = member('Bram');
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'reformulating');
    expect(chooseCoreQuestion(bram.ctx(doc), { text: 'Hoe bewaak ik mijn grenzen?' }).ok).toBe(
      true,
    );
    const shown = () => screen.getAllByText('Core question: Hoe bewaak ik mijn grenzen?').length;
    const { rerender } = render(view(doc, carla, actions()));
    expect(shown()).toBe(1);
    goTo(doc, anna, 'advising');
    rerender(view(doc, carla, actions()));
    expect(shown()).toBe(1);
  });

  it('names the server as a member knows it, without the protocol in front', () => {
    expect(serverName('wss://kring.example.nl/')).toBe('kring.example.nl');
    expect(serverName('wss://kring.example.nl:8443/signal')).toBe('kring.example.nl:8443');
    expect(serverName('ws://127.0.0.1:4444')).toBe('127.0.0.1:4444');
    expect(serverName('not an address')).toBe('not an address');
  });

  it.each([
    [{ kind: 'connecting' } as const, 'Connecting…'],
    [{ kind: 'connected', members: 0 } as const, 'Connected; waiting for other members.'],
    [{ kind: 'connected', members: 1 } as const, 'Connected to 1 member.'],
    [{ kind: 'connected', members: 6 } as const, 'Connected to 6 members.'],
    [{ kind: 'unreachable', members: 0 } as const, 'The connection server cannot be reached (x:1)'],
  ])('says the connection state %j in words', (status, text) => {
    render(
      <I18nProvider locale="en">
        <ConnectionStatus status={status} signalingUrl="ws://x:1" />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toContain(text);
  });
});
