import { afterEach, describe, expect, it } from 'vitest';
import type { within } from '@testing-library/react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Y from 'yjs';
import { ScaleBoard } from '../../../components/boards/ScaleBoard';
import { setScale } from '../../../lib/shared-doc/board-commands';
import { renderPanels } from '../helpers/render-board';
import type { Locale } from '../../../lib/i18n/i18n';
import { caseMeetingIn, goTo, member } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';
import { meetingViewOf, spyActions } from '../helpers/meeting-view';

afterEach(cleanup);

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const everyone = [anna, bram, carla];

const scaling = () => caseMeetingIn(anna, bram, 'scaling', { methodId: 'solution-focused' });

let panel: (m: TestMember) => ReturnType<typeof within> = () => {
  throw new Error('render the panels first');
};
const renderPanelsOf = (doc: Y.Doc, locale: Locale = 'en') => {
  panel = renderPanels(ScaleBoard, doc, everyone, locale);
};

describe('the scaling question', () => {
  it('lets the case bringer pick a number that every other panel shows, with what to ask', async () => {
    renderPanelsOf(scaling());
    expect(panel(carla).getByText('Bram picks a number from 0 to 10 here.')).toBeTruthy();
    expect(panel(carla).queryByRole('radio')).toBeNull();
    expect(panel(anna).queryByRole('radio')).toBeNull();
    const scale = panel(bram).getByRole('group', { name: 'Pick your number from 0 to 10' });
    expect(scale).toBeTruthy();
    expect(
      panel(bram)
        .getAllByRole('radio')
        .map((r: HTMLElement) => r.getAttribute('value')),
    ).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await userEvent.click(panel(bram).getByRole('radio', { name: '4' }));
    expect((panel(bram).getByRole('radio', { name: '4' }) as HTMLInputElement).checked).toBe(true);
    expect(panel(bram).getByText('The group sees: 4 of 10.')).toBeTruthy();
    for (const m of [anna, carla]) {
      expect(panel(m).getByText('Bram is at 4 of 10')).toBeTruthy();
      expect(
        panel(m).getByText('Ask what makes it not a 0, and what a 5 would look like.'),
      ).toBeTruthy();
    }
  });

  it('moves by arrow keys, and the bringer may take the number away', async () => {
    renderPanelsOf(scaling());
    const user = userEvent.setup();
    await user.click(panel(bram).getByRole('radio', { name: '9' }));
    await user.keyboard('{ArrowRight}');
    expect(panel(carla).getByText('Bram is at 10 of 10')).toBeTruthy();
    expect(
      panel(carla).getByText('Ask what is there already, and what helps to keep it so.'),
    ).toBeTruthy();
    await user.click(panel(bram).getByRole('button', { name: 'Take my number away' }));
    expect(panel(bram).getByText('Your number was taken away.')).toBeTruthy();
    expect(
      panel(bram)
        .getAllByRole('radio')
        .some((r: HTMLElement) => (r as HTMLInputElement).checked),
    ).toBe(false);
    expect(panel(carla).getByText('Bram picks a number from 0 to 10 here.')).toBeTruthy();
  });

  it('asks from 0 what would already make it a 1, in Dutch too', async () => {
    renderPanelsOf(scaling(), 'nl');
    expect(panel(bram).getByRole('heading', { name: 'Waar sta ik nu?' })).toBeTruthy();
    await userEvent.click(panel(bram).getByRole('radio', { name: '0' }));
    expect(panel(carla).getByText('Bram staat op 0 van 10')).toBeTruthy();
    expect(panel(carla).getByText('Vraag wat er al een 1 van zou maken.')).toBeTruthy();
    // Not "what makes it not a 0" when it is one.
    expect(
      panel(bram).getByText('Vertel wat er al een 1 van zou maken. De anderen vragen mee.'),
    ).toBeTruthy();
    expect(panel(bram).queryByText(/geen 0/)).toBeNull();
  });
});

describe('the meeting view around the scaling question', () => {
  it('shows the scale above the questions in its phase, and one line about it afterwards', () => {
    const doc = scaling();
    render(meetingViewOf(doc, carla, spyActions()));
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings.indexOf('Where the case bringer is now')).toBeGreaterThan(-1);
    expect(headings.indexOf('Where the case bringer is now')).toBeLessThan(
      headings.indexOf('Questions to the case bringer'),
    );
    cleanup();
    expect(setScale(bram.ctx(doc), 3).ok).toBe(true);
    goTo(doc, anna, 'next-step');
    render(meetingViewOf(doc, carla, spyActions()));
    expect(screen.getByText('On the scale: Bram at 3 of 10')).toBeTruthy();
    cleanup();
    render(meetingViewOf(doc, bram, spyActions()));
    expect(screen.getByText('On the scale you were at 3 of 10')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Where the case bringer is now' })).toBeNull();
  });

  it('shows no scale in a phase or method that does not ask it', () => {
    render(
      meetingViewOf(
        caseMeetingIn(anna, bram, 'exceptions', { methodId: 'solution-focused' }),
        bram,
        spyActions(),
      ),
    );
    expect(screen.queryByRole('radio')).toBeNull();
    cleanup();
    render(meetingViewOf(caseMeetingIn(anna, bram, 'asking'), bram, spyActions()));
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
