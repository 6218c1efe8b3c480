import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { I18nProvider } from '../../../components/common/I18n';
import { StartMeeting } from '../../../components/meeting/StartMeeting';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import { QuestionBoard } from '../../../components/boards/QuestionBoard';
import { addPitch, confirmCase } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { startMeeting } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

/**
 * Issue 14, point 10: "With two people a method that needs questioners stalls silently today
 * (the only member becomes case bringer; nobody may ask)." The start says how many people the
 * method needs; in a small group the chair gets the question and advice forms.
 */

function start(present: number, locale: 'nl' | 'en' = 'en') {
  const onStart = vi.fn();
  render(
    <I18nProvider locale={locale}>
      <StartMeeting suggestedChair={null} present={present} onStart={onStart} />
    </I18nProvider>,
  );
  return { onStart, user: userEvent.setup() };
}

const startButton = () => screen.getByRole('button', { name: 'Start the meeting as chair' });

describe('the start says how many people the method needs', () => {
  it('tells a chair alone with one member that the basic model needs 3, and that they may ask and advise', async () => {
    const { onStart, user } = start(2);
    const notice =
      'This method needs at least 3 people; 2 are here now. ' +
      'Until enough people are here, you as chair may ask questions and give advice too.';
    expect(screen.getByText(notice)).toBeTruthy();
    // The start button carries the notice, so a screen reader hears it before starting.
    const describedBy = startButton().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(notice);
    // Starting with too few stays possible, and the chair's joining in goes with it.
    await user.click(startButton());
    expect(onStart).toHaveBeenCalledOnce();
    expect(onStart.mock.calls[0]?.[2]).toBe(true);
  });

  it('lets a method that keeps the chair out of the content (Balint) start too, saying what happens', async () => {
    const { onStart, user } = start(3);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Method' }), 'balint');
    expect(
      screen.getByText(
        'This method needs at least 4 people; 3 are here now. You can start and wait for the ' +
          'others: until enough people are here, this method cannot run as intended. ' +
          'The basic model suits a small group.',
      ),
    ).toBeTruthy();
    await user.click(startButton());
    expect(onStart.mock.calls[0]?.[0]).toBe('balint');
    expect(onStart.mock.calls[0]?.[2]).toBe(false);
  });

  it('only states the count when enough people are here, and the chair does not join in', async () => {
    const { onStart, user } = start(5);
    expect(screen.getByText('This method needs at least 3 people; 5 are here now.')).toBeTruthy();
    expect(screen.queryByText(/you as chair may ask/)).toBeNull();
    await user.click(startButton());
    expect(onStart.mock.calls[0]?.[2]).toBe(false);
  });

  it('says it in Dutch, one present in the singular', () => {
    start(1, 'nl');
    expect(
      screen.getByText(
        'Deze werkvorm vraagt minstens 3 mensen; nu is er 1. Tot er genoeg mensen zijn, mag jij ' +
          'als voorzitter ook vragen stellen en advies geven.',
      ),
    ).toBeTruthy();
    cleanup();
    start(2, 'nl');
    expect(
      screen.getByText(/^Deze werkvorm vraagt minstens 3 mensen; nu zijn er 2\./),
    ).toBeTruthy();
  });
});

const anna = member('Anna');
const bram = member('Bram');

/** Anna chairs the basic model with only Bram, whose case is confirmed; in `phase`. */
function twoPeople(joinsIn: boolean, phase: string): Y.Doc {
  const doc = new Y.Doc();
  startMeeting(doc, {
    methodId: 'basic',
    chairId: anna.id,
    chairName: anna.name,
    groupName: 'Testgroep',
    now: 0,
    chairJoinsIn: joinsIn,
  });
  addPitch(bram.ctx(doc), 'Een ouder die steeds boos belt', 'case');
  const pitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches[0]!;
  confirmCase(anna.ctx(doc), pitch.id);
  goTo(doc, anna, phase);
  return doc;
}

const NOTE = 'Few members: you may ask and advise too.';

describe("the chair's forms in a small group", () => {
  it('gives the chair the question form with the note, and the question lands on the board', async () => {
    const doc = twoPeople(true, 'asking');
    const panel = renderBoard(QuestionBoard, doc, anna);
    expect(panel.getByText(NOTE)).toBeTruthy();
    await panel.user.type(
      panel.getByRole('textbox', { name: 'Your question' }),
      'Wat deed je toen hij belde?',
    );
    await panel.user.click(panel.getByRole('button', { name: 'Post question' }));
    expect(readBoard(doc, readMeeting(doc).method, bram.id).questions.map((q) => q.text)).toEqual([
      'Wat deed je toen hij belde?',
    ]);
  });

  it('gives the chair the advice form with the note', () => {
    const doc = twoPeople(true, 'advising');
    const panel = renderBoard(AdviceBoard, doc, anna, 'nl');
    expect(
      panel.getByText('Weinig leden: je mag ook zelf vragen stellen en advies geven.'),
    ).toBeTruthy();
    expect(panel.getByRole('textbox', { name: 'Je advies' })).toBeTruthy();
  });

  it('shows the chair of a full group neither form nor note', () => {
    const asking = twoPeople(false, 'asking');
    const questions = renderBoard(QuestionBoard, asking, anna);
    expect(questions.queryByRole('textbox', { name: 'Your question' })).toBeNull();
    expect(questions.queryByText(NOTE)).toBeNull();
    cleanup();
    const advising = twoPeople(false, 'advising');
    const advice = renderBoard(AdviceBoard, advising, anna);
    expect(advice.queryByRole('textbox', { name: 'Your advice' })).toBeNull();
    expect(advice.queryByText(NOTE)).toBeNull();
  });

  it('shows the note to nobody but the chair', () => {
    const doc = twoPeople(true, 'asking');
    const panel = renderBoard(QuestionBoard, doc, bram);
    expect(panel.queryByText(NOTE)).toBeNull();
    expect(panel.queryByRole('textbox', { name: 'Your question' })).toBeNull();
  });
});
