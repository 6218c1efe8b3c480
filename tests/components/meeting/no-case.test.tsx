import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import type { MeetingActions } from '../../../components/meeting/MeetingView';
import { goToPhase, nextPhase, previousPhase } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting, roleOf } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, start, startWithCase } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';
import { METHODS } from '../../../lib/method/method-list';
import { caseChoicePhase, mayDo } from '../../../lib/method/roles';
import { meetingViewOf, spyActions } from '../helpers/meeting-view';

/**
 * A chair who moves on from the inventory without confirming a case (seen in a field walk of
 * eight panels: Analysis then asks for "questions to the case bringer" and nobody is one).
 * Every panel says so; the chair's panel offers the way back, through the real commands on a
 * real document, and nothing is blocked.
 */

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

/** The meeting view of `viewer`, rendered again after every change of the document. */
function mount(doc: Y.Doc, viewer: TestMember, locale: 'nl' | 'en' = 'en') {
  const actions: MeetingActions = {
    ...spyActions(),
    run: (command) => command(viewer.ctx(doc)),
    next: () => nextPhase(doc, viewer.id, 1),
    previous: () => previousPhase(doc, viewer.id, 1),
    goTo: (index) => goToPhase(doc, viewer.id, index, 1),
  };
  const view = () => {
    const meeting = readMeeting(doc);
    const members = [anna, bram, carla].map((m) => ({
      memberId: m.id,
      name: m.name,
      role: roleOf(meeting, m.id),
      isSelf: m === viewer,
    }));
    return meetingViewOf(doc, viewer, actions, { locale, members });
  };
  const result = render(view());
  doc.on('update', () => result.rerender(view()));
  return result;
}

describe('a meeting that moved on without a case', () => {
  it('tells the chair and takes the group back to the inventory with one button', async () => {
    const doc = new Y.Doc();
    start(doc, anna);
    mount(doc, anna);
    expect(screen.queryByText('No case confirmed.')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    expect(screen.getByRole('heading', { name: 'Analysis' })).toBeTruthy();
    expect(screen.getByText('No case confirmed.')).toBeTruthy();
    expect(screen.getByText(/nobody answers the questions or receives the advice/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Back to Inventory' }));
    expect(readMeeting(doc).phaseIndex).toBe(0);
    expect(screen.getByRole('heading', { name: 'Inventory' })).toBeTruthy();
    expect(screen.queryByText('No case confirmed.')).toBeNull();
  });

  it('tells a member, without the button, in Dutch too', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    goTo(doc, anna, 'asking');
    mount(doc, carla, 'nl');
    expect(screen.getByText('Geen casus bevestigd.')).toBeTruthy();
    expect(
      screen.getByText(/De voorzitter kan teruggaan naar Probleeminventarisatie/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Terug naar/ })).toBeNull();
  });

  it('says nothing once a case is confirmed', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'asking');
    mount(doc, anna);
    expect(screen.queryByText('No case confirmed.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back to Inventory' })).toBeNull();
  });

  it('points a Balint group back to its choosing phase, not the collecting before it', async () => {
    const doc = new Y.Doc();
    start(doc, anna, 'balint');
    goTo(doc, anna, 'choosing');
    mount(doc, anna);
    expect(screen.queryByText('No case confirmed.')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
    await userEvent.click(screen.getByRole('button', { name: 'Back to Choose' }));
    expect(screen.getByRole('heading', { name: 'Choose' })).toBeTruthy();
  });

  it.each(METHODS.filter((m) => m.hasCase).map((m) => [m.id, m] as const))(
    'in %s, speaks up from the phase after the case is confirmed, not before',
    async (_id, method) => {
      const choice = caseChoicePhase(method)!;
      const doc = new Y.Doc();
      start(doc, anna, method.id);
      mount(doc, anna);
      const shown = () => screen.queryByText('No case confirmed.') !== null;
      for (let index = 0; index < method.phases.length; index++) {
        if (index > 0) {
          await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
        }
        expect(shown(), `phase ${index + 1}`).toBe(index > choice);
      }
      // The way back leads to a phase in which the chair may confirm the case.
      await userEvent.click(
        screen.getByRole('button', { name: `Back to ${method.phases[choice]!.name.en}` }),
      );
      expect(mayDo('confirm-case', 'chair', readMeeting(doc).phase.activity)).toBe(true);
    },
  );

  it('never speaks of a case in a method without one', async () => {
    const doc = new Y.Doc();
    start(doc, anna, 'first-meeting');
    mount(doc, anna);
    for (let step = 0; step < 3; step++) {
      await userEvent.click(screen.getByRole('button', { name: 'Next phase' }));
      expect(screen.queryByText('No case confirmed.')).toBeNull();
    }
    expect(readMeeting(doc).phaseIndex).toBe(3);
  });
});
