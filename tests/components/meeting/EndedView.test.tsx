import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { EndedView } from '../../../components/meeting/EndedView';
import { I18nProvider } from '../../../components/common/I18n';
import { ListeningBanner } from '../../../components/meeting/ListeningBanner';
import { LastMeetingSummary } from '../../../components/meeting/LastMeetingSummary';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  confirmCase,
  setIntentions,
  setKeepCaseTitle,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import type { Locale } from '../../../lib/i18n/i18n';
import { endMeeting, readEndedSummary } from '../../../lib/shared-doc/meeting-end';
import type { MeetingSummary } from '../../../lib/shared-doc/meeting-end';
import { startMeeting } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member } from '../../lib/helpers/meeting';

afterEach(cleanup);

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');

// Midday, so that the date is the same in every time zone.
const MARCH_14 = Date.UTC(2025, 2, 14, 12);

/** A whole basic meeting, from the case to the evaluation, ended by the chair. */
function endedMeeting({ keepTitle }: { keepTitle: boolean }): MeetingSummary {
  const doc = new Y.Doc();
  const started = startMeeting(doc, {
    methodId: 'basic',
    chairId: anna.id,
    chairName: anna.name,
    groupName: 'Team Oost',
    now: MARCH_14,
  });
  expect(started.ok).toBe(true);
  expect(addPitch(bram.ctx(doc), 'Een ouder die steeds boos belt', 'case').ok).toBe(true);
  const pitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!;
  expect(confirmCase(anna.ctx(doc), pitch.id).ok).toBe(true);
  goTo(doc, anna, 'advising');
  expect(addAdvice(carla.ctx(doc), 'Spreek een vast belmoment af').ok).toBe(true);
  expect(setIntentions(bram.ctx(doc), 'Ik probeer het belmoment').ok).toBe(true);
  goTo(doc, anna, 'evaluating');
  expect(addEvaluation(carla.ctx(doc), 'learning', 'Ik vraag vaker door').ok).toBe(true);
  expect(addEvaluation(anna.ctx(doc), 'agreement', 'Volgende keer om 9 uur').ok).toBe(true);
  expect(addEvaluation(bram.ctx(doc), 'follow-up', 'Bram vertelt hoe het ging').ok).toBe(true);
  expect(setKeepCaseTitle(bram.ctx(doc), keepTitle).ok).toBe(true);
  expect(endMeeting(doc, anna.id, 'meeting-0001', MARCH_14 + 7_200_000).ok).toBe(true);
  return readEndedSummary(doc)!;
}

function summary(overrides: Partial<MeetingSummary>): MeetingSummary {
  return {
    meetingId: 'meeting-0001',
    startedAt: MARCH_14,
    endedAt: MARCH_14 + 1,
    methodId: 'basic',
    chairName: 'Anna',
    caseBringerName: 'Bram',
    caseBringerId: bram.id,
    caseTitle: null,
    agreements: [],
    followUp: [],
    ...overrides,
  };
}

function renderIn(locale: Locale, ui: ReactNode) {
  return render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
}

const listed = (name: string) =>
  within(screen.getByRole('list', { name }))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('the ended view', () => {
  it('shows what the group kept and nothing else', async () => {
    const onBack = vi.fn();
    const { container } = renderIn(
      'en',
      <EndedView summary={endedMeeting({ keepTitle: true })} onBack={onBack} />,
    );
    expect(screen.getByRole('heading', { name: 'The meeting has ended.' })).toBeTruthy();
    expect(screen.getByText('The shared board was cleared for everyone.')).toBeTruthy();
    const text = container.textContent ?? '';
    expect(text).toContain('March 14, 2025');
    expect(text).toContain('Basic five-phase model');
    expect(text).toContain('Anna');
    expect(text).toContain('Bram');
    expect(text).toContain('Een ouder die steeds boos belt');
    expect(listed('Agreements')).toEqual(['Volgende keer om 9 uur']);
    expect(listed('Follow-up')).toEqual(['Bram vertelt hoe het ging']);
    for (const gone of [
      'Spreek een vast belmoment af',
      'Ik probeer het belmoment',
      'Ik vraag vaker door',
      'Carla',
    ]) {
      expect(text).not.toContain(gone);
    }

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('keeps the case title only when the case bringer agreed', () => {
    const { container } = renderIn(
      'en',
      <EndedView summary={endedMeeting({ keepTitle: false })} onBack={vi.fn()} />,
    );
    expect(container.textContent).not.toContain('Een ouder die steeds boos belt');
    expect(container.textContent).not.toContain('Case title');
  });

  it('names the second case\u2019s bringer too ("een enkele keer lukt het om er nog een te bespreken")', () => {
    const summary: MeetingSummary = {
      ...endedMeeting({ keepTitle: false }),
      secondCase: { caseBringerName: 'Carla', caseBringerId: null, caseTitle: null },
    };
    const { container } = renderIn('en', <EndedView summary={summary} onBack={vi.fn()} />);
    expect(container.textContent).toContain('Case bringer, second case');
    expect(container.textContent).toContain('Carla');
    cleanup();
    const last = renderIn('nl', <LastMeetingSummary history={[summary]} selfId="x" />);
    expect(last.container.textContent).toContain('Tweede casus ingebracht door Carla');
  });

  it('speaks of no follow-up after a first meeting, which has no case, here or at the next meeting', () => {
    const first = summary({
      methodId: 'first-meeting',
      caseBringerName: null,
      caseBringerId: null,
      agreements: ['Eens per zes weken'],
    });
    const { container } = renderIn('en', <EndedView summary={first} onBack={vi.fn()} />);
    expect(listed('Agreements')).toEqual(['Eens per zes weken']);
    expect(container.textContent).not.toContain('Follow-up');
    cleanup();
    const next = renderIn('en', <LastMeetingSummary history={[first]} selfId="x" />);
    expect(next.container.textContent).toContain('Eens per zes weken');
    expect(next.container.textContent).not.toContain('Follow-up');
    cleanup();
    // A basic meeting says so even when none was written.
    renderIn('en', <EndedView summary={summary({})} onBack={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Follow-up' })).toBeTruthy();
  });

  it('moves focus to the heading, since the meeting vanished under it', () => {
    renderIn('en', <EndedView summary={summary({})} onBack={vi.fn()} />);
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'The meeting has ended.' }),
    );
  });

  it('speaks Dutch, with the date in Dutch', () => {
    const { container } = renderIn(
      'nl',
      <EndedView summary={summary({ agreements: ['Om 9 uur'] })} onBack={vi.fn()} />,
    );
    expect(screen.getByRole('heading', { name: 'De bijeenkomst is beëindigd.' })).toBeTruthy();
    expect(container.textContent).toContain('14 maart 2025');
    expect(container.textContent).toContain('Basismodel in vijf fasen');
    expect(listed('Afspraken')).toEqual(['Om 9 uur']);
    expect(container.textContent).toContain('Geen');
    expect(screen.getByRole('button', { name: 'Klaar' })).toBeTruthy();
  });
});

describe('the summary of the last meeting', () => {
  const history = [
    summary({
      meetingId: 'meeting-0002',
      agreements: ['Volgende keer om 9 uur'],
      followUp: ['Bram vertelt hoe het ging'],
    }),
    summary({
      meetingId: 'meeting-0001',
      startedAt: MARCH_14 - 30 * 86_400_000,
      caseBringerId: carla.id,
      caseBringerName: 'Carla',
      agreements: ['Een oude afspraak'],
    }),
  ];

  it("shows the most recent meeting's agreements and follow-up", () => {
    const { container } = renderIn(
      'en',
      <LastMeetingSummary history={history} selfId={carla.id} />,
    );
    expect(screen.getByRole('heading', { name: 'Last time (March 14, 2025)' })).toBeTruthy();
    expect(listed('Agreements')).toEqual(['Volgende keer om 9 uur']);
    expect(listed('Follow-up')).toEqual(['Bram vertelt hoe het ging']);
    expect(container.textContent).not.toContain('Een oude afspraak');
  });

  it("tells only last time's case bringer, privately, to say how it is going", () => {
    const note = 'You brought in the case last time. Tell the group how it is going now.';
    renderIn('en', <LastMeetingSummary history={history} selfId={carla.id} />);
    expect(screen.queryByText(note)).toBeNull();
    cleanup();
    renderIn('en', <LastMeetingSummary history={history} selfId={bram.id} />);
    expect(screen.getByText(note)).toBeTruthy();
    expect(screen.getByText('Only you see this:')).toBeTruthy();
  });

  it('renders nothing without history', () => {
    const { container } = renderIn('en', <LastMeetingSummary history={[]} selfId={bram.id} />);
    expect(container.innerHTML).toBe('');
  });

  it('speaks Dutch', () => {
    renderIn('nl', <LastMeetingSummary history={history} selfId={bram.id} />);
    expect(screen.getByRole('heading', { name: 'Vorige keer (14 maart 2025)' })).toBeTruthy();
    expect(
      screen.getByText('Jij bracht de vorige keer de casus in. Vertel de groep hoe het nu gaat.'),
    ).toBeTruthy();
  });
});

describe('the listening banner', () => {
  function sessionIn(phase: string) {
    const doc = new Y.Doc();
    startMeeting(doc, {
      methodId: 'basic',
      chairId: anna.id,
      chairName: 'Anna',
      groupName: 'G',
      now: 0,
    });
    addPitch(bram.ctx(doc), 'Een ouder die steeds boos belt', 'case');
    const pitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!;
    confirmCase(anna.ctx(doc), pitch.id);
    goTo(doc, anna, phase);
    return readMeeting(doc);
  }

  it('tells every member that the case bringer listens in the advice round', () => {
    const meeting = sessionIn('advising');
    for (const m of [anna, carla]) {
      renderIn('en', <ListeningBanner meeting={meeting} selfId={m.id} />);
      expect(screen.getByRole('status').textContent).toBe(
        'Bram listens without reacting in this round',
      );
      cleanup();
    }
  });

  it('tells the case bringer in their own words', () => {
    renderIn('en', <ListeningBanner meeting={sessionIn('advising')} selfId={bram.id} />);
    expect(screen.getByRole('status').textContent).toBe(
      'You listen without reacting in this round; you can take notes',
    );
    cleanup();
    renderIn('nl', <ListeningBanner meeting={sessionIn('advising')} selfId={carla.id} />);
    expect(screen.getByRole('status').textContent).toBe(
      'Bram luistert in deze ronde zonder te reageren',
    );
  });

  it('shows nothing when the case bringer may speak', () => {
    const { container } = renderIn(
      'en',
      <ListeningBanner meeting={sessionIn('asking')} selfId={carla.id} />,
    );
    expect(container.innerHTML).toBe('');
  });
});
