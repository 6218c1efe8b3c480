import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { setTimekeeper } from '../../../lib/shared-doc/meeting-commands';
import { member, start } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';
import { meetingViewOf, spyActions } from '../helpers/meeting-view';
import type { MeetingActions } from '../../../components/meeting/MeetingView';

afterEach(cleanup);

const anna = member('Anna'); // chair
const dirk = member('Dirk');
const carla = member('Carla');

function meeting(timekeeper: TestMember | null): Y.Doc {
  const doc = new Y.Doc();
  start(doc, anna);
  if (timekeeper) expect(setTimekeeper(doc, anna.id, timekeeper.id).ok).toBe(true);
  return doc;
}

function view(doc: Y.Doc, viewer: TestMember, acts: MeetingActions, locale: 'nl' | 'en' = 'en') {
  const members = [anna, dirk, carla].map((m) => ({
    memberId: m.id,
    name: m.name,
    role: m === anna ? ('chair' as const) : ('member' as const),
    isSelf: m === viewer,
  }));
  return render(meetingViewOf(doc, viewer, acts, { locale, members }));
}

describe('the timekeeper', () => {
  it('is named by the chair from those present, or nobody', async () => {
    const acts = spyActions();
    view(meeting(null), anna, acts);
    const choice = screen.getByRole('combobox', { name: 'Timekeeper' });
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Nobody, I keep the time', 'Dirk', 'Carla']);
    await userEvent.setup().selectOptions(choice, 'Dirk');
    expect(acts.keepTime).toHaveBeenCalledExactlyOnceWith(dirk.id);
  });

  it('has the timer’s buttons beside the time, and is told what the role asks', async () => {
    const acts = spyActions();
    view(meeting(dirk), dirk, acts);
    const keeping = screen.getByRole('group', { name: 'Timekeeping' });
    const user = userEvent.setup();
    await user.click(within(keeping).getByRole('button', { name: 'Pause timer' }));
    expect(acts.timer).toHaveBeenCalledWith({ kind: 'pause' });
    await user.click(within(keeping).getByRole('button', { name: 'Add one minute' }));
    expect(acts.timer).toHaveBeenCalledWith({ kind: 'extend', minutes: 1 });
    // The reset and the phases stay the chair's.
    expect(screen.queryByRole('button', { name: 'Reset timer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Next phase' })).toBeNull();
    expect(document.body.textContent).toContain('You keep the time.');
  });

  it('is shown to everyone, and the others have no timer buttons', () => {
    view(meeting(dirk), carla, spyActions());
    expect(screen.queryByRole('group', { name: 'Timekeeping' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause timer' })).toBeNull();
    expect(document.body.textContent).toContain('Timekeeper: Dirk');
    expect(document.body.textContent).toContain('Your role: member');
    expect(document.body.textContent).not.toContain('You keep the time.');
  });

  it('speaks Dutch', () => {
    view(meeting(dirk), dirk, spyActions(), 'nl');
    const keeping = screen.getByRole('group', { name: 'Tijd bewaken' });
    expect(within(keeping).getByRole('button', { name: 'Pauzeer timer' })).toBeTruthy();
    expect(document.body.textContent).toContain('Tijdbewaker: Dirk');
    cleanup();
    view(meeting(dirk), anna, spyActions(), 'nl');
    const choice = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Tijdbewaker' });
    expect(choice.selectedOptions[0]?.textContent).toBe('Dirk');
  });
});
