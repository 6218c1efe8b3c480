import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, within } from '@testing-library/react';
import type * as Y from 'yjs';
import { QuestionBoard } from '../../../components/boards/QuestionBoard';
import {
  addQuestion,
  markAnswered,
  rateQuestion,
  revealPhase,
} from '../../../lib/shared-doc/board-commands';
import type { Rating } from '../../../lib/shared-doc/board-state';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { caseMeetingIn, goTo, member } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
const dirk = member('Dirk');
const eva = member('Eva');

const CLOSED = 'Heb je al met haar gepraat?';
const DIRK_QUESTION = 'Wat zei je collega toen je het rooster liet zien?';
const EVA_QUESTION = 'Wanneer merkte je voor het eerst dat het misging?';

/** A meeting of `methodId` chaired by Anna, with Bram's case confirmed, in phase `phase`. */
const meeting = (methodId: string, phase: string) =>
  caseMeetingIn(anna, bram, phase, { methodId, caseText: 'Mijn collega neemt mijn diensten over' });

function ask(doc: Y.Doc, who: typeof dirk, text: string) {
  act(() => {
    expect(addQuestion(who.ctx(doc), text).ok).toBe(true);
  });
}

describe('the question board', () => {
  it('coaches a closed question as it is typed, and still lets it be posted', async () => {
    const doc = meeting('basic', 'asking');
    const panel = renderBoard(QuestionBoard, doc, carla);
    const field = panel.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your question' });

    await panel.user.type(field, CLOSED);

    const coach = panel.container.querySelector('[aria-live="polite"]');
    expect(coach?.textContent).toMatch(/^Coach: /);
    expect(coach?.textContent).not.toContain('no remarks');
    // The coach is part of the field's description, so a screen reader hears it on focus.
    expect(field.getAttribute('aria-describedby')).toContain(coach?.id);
    const post = panel.getByRole('button', { name: 'Post question' });
    expect(post.hasAttribute('disabled')).toBe(false);

    await panel.user.click(post);
    expect(panel.getByText(CLOSED, { selector: '.item-text' })).toBeTruthy();
    expect(panel.getByText('by Carla')).toBeTruthy();
    expect(field.value).toBe('');
    expect(coach?.textContent).toBe('');
  });

  it('hides blind questions behind a count until the chair reveals them', async () => {
    const doc = meeting('incident', 'fact-questions');
    ask(doc, dirk, DIRK_QUESTION);
    ask(doc, eva, EVA_QUESTION);

    const writer = renderBoard(QuestionBoard, doc, carla);
    expect(writer.getByRole('status').textContent).toBe(
      '2 questions hidden until the chair reveals them',
    );
    expect(writer.queryByText(DIRK_QUESTION)).toBeNull();
    expect(writer.getByText(/Only you see your own questions/)).toBeTruthy();
    await writer.user.type(
      writer.getByRole('textbox', { name: 'Your question' }),
      'Wat deed je toen?',
    );
    await writer.user.click(writer.getByRole('button', { name: 'Post question' }));
    expect(writer.getByText('Wat deed je toen?')).toBeTruthy();
    expect(writer.queryByRole('button', { name: 'Reveal questions' })).toBeNull();

    const chair = renderBoard(QuestionBoard, doc, anna);
    expect(chair.getByRole('status').textContent).toBe(
      '3 questions hidden until the chair reveals them',
    );
    expect(chair.queryByRole('textbox', { name: 'Your question' })).toBeNull();
    await chair.user.click(chair.getByRole('button', { name: 'Reveal questions' }));

    for (const panel of [chair, writer]) {
      expect(panel.getByText(DIRK_QUESTION)).toBeTruthy();
      expect(panel.getByText(EVA_QUESTION)).toBeTruthy();
      expect(panel.getByText('Wat deed je toen?')).toBeTruthy();
      expect(panel.getByRole('status').textContent).toBe('');
    }
    expect(chair.queryByRole('button', { name: 'Reveal questions' })).toBeNull();
  });

  it('says "1 question" when one is hidden', () => {
    const doc = meeting('incident', 'fact-questions');
    ask(doc, dirk, DIRK_QUESTION);
    const panel = renderBoard(QuestionBoard, doc, bram);
    expect(panel.getByRole('status').textContent).toBe(
      '1 question hidden until the chair reveals the questions',
    );
  });

  it('lets the case bringer mark a question answered and rate it warm, for everyone to see', async () => {
    const doc = meeting('ten-step', 'last-questions');
    ask(doc, dirk, DIRK_QUESTION);
    const bringer = renderBoard(QuestionBoard, doc, bram);
    const asker = renderBoard(QuestionBoard, doc, dirk);

    expect(bringer.queryByRole('textbox', { name: 'Your question' })).toBeNull();
    const answered = bringer.getByRole<HTMLInputElement>('checkbox', {
      name: `Answered: ${DIRK_QUESTION}`,
    });
    await bringer.user.click(answered);
    expect(answered.checked).toBe(true);

    const rating = bringer.getByRole('group', { name: `Rating: ${DIRK_QUESTION}` });
    const warm = bringer.getAllByRole('button', { name: 'Warm' })[0]!;
    expect(rating.contains(warm)).toBe(true);
    await bringer.user.click(warm);
    expect(warm.getAttribute('aria-pressed')).toBe('true');
    expect(bringer.getByRole('button', { name: 'Cold' }).getAttribute('aria-pressed')).toBe(
      'false',
    );

    expect(asker.getByText('by Dirk · ✓ answered · rating: Warm')).toBeTruthy();
    expect(asker.queryByRole('checkbox')).toBeNull();
    expect(asker.queryByRole('button', { name: 'Warm' })).toBeNull();

    // Pressing the rating again clears it.
    await bringer.user.click(warm);
    expect(asker.getByText('by Dirk · ✓ answered')).toBeTruthy();
  });

  it('offers the rating only in a method that rates (Socratic, ten-step), answered in every one', () => {
    const doc = meeting('basic', 'asking');
    ask(doc, dirk, DIRK_QUESTION);
    const bringer = renderBoard(QuestionBoard, doc, bram);
    expect(bringer.getByRole('checkbox', { name: `Answered: ${DIRK_QUESTION}` })).toBeTruthy();
    expect(bringer.queryByRole('group', { name: `Rating: ${DIRK_QUESTION}` })).toBeNull();
    expect(bringer.queryByRole('button', { name: 'Warm' })).toBeNull();
  });

  it('can be used by keyboard alone', async () => {
    const doc = meeting('ten-step', 'last-questions');
    ask(doc, dirk, DIRK_QUESTION);
    const bringer = renderBoard(QuestionBoard, doc, bram);
    bringer.getByRole('checkbox', { name: `Answered: ${DIRK_QUESTION}` }).focus();
    await bringer.user.keyboard(' ');
    await bringer.user.tab();
    expect(document.activeElement).toBe(bringer.getByRole('button', { name: 'Warm' }));
    await bringer.user.tab();
    await bringer.user.keyboard('{Enter}');
    expect(readBoard(doc, readMeeting(doc).method, bram.id).questions[0]).toMatchObject({
      answered: true,
      rating: 'neutral',
    });
  });

  it('lets authors remove their own question', async () => {
    const doc = meeting('basic', 'asking');
    ask(doc, dirk, DIRK_QUESTION);
    const panel = renderBoard(QuestionBoard, doc, dirk);
    await panel.user.click(panel.getByRole('button', { name: `Remove: ${DIRK_QUESTION}` }));
    expect(panel.queryByText(DIRK_QUESTION)).toBeNull();
    expect(panel.getByText('No questions yet. Write the first one.')).toBeTruthy();
  });

  it('no longer offers to remove a question once the case bringer rated or answered it', async () => {
    const doc = meeting('basic', 'asking');
    ask(doc, dirk, DIRK_QUESTION);
    ask(doc, dirk, EVA_QUESTION);
    ask(doc, dirk, CLOSED);
    const asked = readBoard(doc, readMeeting(doc).method, bram.id).questions;
    const rated = asked.find((q) => q.text === DIRK_QUESTION);
    const answered = asked.find((q) => q.text === EVA_QUESTION);
    const panel = renderBoard(QuestionBoard, doc, dirk);
    expect(panel.queryAllByRole('button', { name: /^Remove: / })).toHaveLength(3);
    act(() => expect(rateQuestion(bram.ctx(doc), rated!.id, 'cold').ok).toBe(true));
    act(() => expect(markAnswered(bram.ctx(doc), answered!.id, true).ok).toBe(true));
    expect(
      panel
        .queryAllByRole('button', { name: /^Remove: / })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([`Remove: ${CLOSED}`]);
  });

  it("no longer offers to remove an earlier round's question (incident: the second round)", async () => {
    const doc = meeting('incident', 'fact-questions');
    ask(doc, dirk, DIRK_QUESTION);
    act(() => void revealPhase(anna.ctx(doc)));
    act(() => goTo(doc, anna, 'second-questions'));
    ask(doc, dirk, EVA_QUESTION);
    const panel = renderBoard(QuestionBoard, doc, dirk);
    expect(
      panel
        .queryAllByRole('button', { name: /^Remove: / })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([`Remove: ${EVA_QUESTION}`]);
    expect(panel.getByText('by Dirk · Questions on the facts')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    const doc = meeting('socratic', 'questions');
    const member = renderBoard(QuestionBoard, doc, carla, 'nl');
    expect(member.getByRole('heading', { name: 'Vragen aan de inbrenger' })).toBeTruthy();
    await member.user.type(member.getByRole('textbox', { name: 'Je vraag' }), EVA_QUESTION);
    await member.user.click(member.getByRole('button', { name: 'Vraag plaatsen' }));
    const chair = renderBoard(QuestionBoard, doc, anna, 'nl');
    await chair.user.click(chair.getByRole('button', { name: 'Vragen tonen' }));

    act(() => goTo(doc, anna, 'rating'));
    const bringer = renderBoard(QuestionBoard, doc, bram, 'nl');
    expect(bringer.getByRole('group', { name: `Waardering: ${EVA_QUESTION}` })).toBeTruthy();
    expect(bringer.getByRole('checkbox', { name: `Beantwoord: ${EVA_QUESTION}` })).toBeTruthy();
    expect(bringer.getByRole('button', { name: 'Warm' })).toBeTruthy();
    expect(bringer.getByRole('button', { name: 'Neutraal' })).toBeTruthy();
    await bringer.user.click(bringer.getByRole('button', { name: 'Koud' }));
    expect(member.getByText(/^door Carla · .* · waardering: Koud$/)).toBeTruthy();
  });

  it('keeps each member to three questions where the method says "up to three" (Socratic), in both languages', async () => {
    const doc = meeting('socratic', 'asking');
    expect(readMeeting(doc).phase.questionsEach).toBe(3);
    const panel = renderBoard(QuestionBoard, doc, carla);
    const field = () => panel.queryByRole('textbox', { name: 'Your question' });
    expect(panel.getByText(/Your questions in this round: 0 of 3\./)).toBeTruthy();
    for (const [n, text] of ['Wat voel je?', 'Wat wil je?', 'Wat weet je al?'].entries()) {
      await panel.user.type(field()!, text);
      await panel.user.click(panel.getByRole('button', { name: 'Post question' }));
      if (n < 2)
        expect(panel.getByText(new RegExp(`in this round: ${n + 1} of 3\\.`))).toBeTruthy();
    }
    expect(field()).toBeNull();
    await panel.findByText(
      'You have written your 3 questions for this round. Remove one if you want to ask another.',
    );
    // Past the form too: the command itself refuses a fourth.
    expect(addQuestion(carla.ctx(doc), 'Nog een?')).toEqual({
      ok: false,
      reason: 'question-limit',
    });
    // Another member still asks; one removed makes room again.
    act(() => {
      expect(addQuestion(dirk.ctx(doc), DIRK_QUESTION).ok).toBe(true);
    });
    await panel.user.click(panel.getByRole('button', { name: 'Remove: Wat wil je?' }));
    expect(field()).toBeTruthy();
    expect(panel.getByText(/in this round: 2 of 3\./)).toBeTruthy();
    cleanup();
    const nl = renderBoard(QuestionBoard, doc, carla, 'nl');
    expect(nl.getByText(/Jouw vragen in deze ronde: 2 van 3\./)).toBeTruthy();
  });

  it('sets no limit where the method has none (basic)', async () => {
    const doc = meeting('basic', 'asking');
    act(() => {
      for (const text of ['Een?', 'Twee?', 'Drie?', 'Vier?']) {
        expect(addQuestion(carla.ctx(doc), text).ok).toBe(true);
      }
    });
    const panel = renderBoard(QuestionBoard, doc, carla);
    expect(panel.getByRole('textbox', { name: 'Your question' })).toBeTruthy();
    expect(panel.queryByText(/in this round/)).toBeNull();
  });

  describe('after the case bringer rated the questions (Socratic, ten-step)', () => {
    const WARM = 'Wat gebeurt er in je als je ja zegt?';
    const NEUTRAL = 'Wat verwacht je van je leidinggevende?';
    const COLD = 'Wanneer lukte het wel?';
    const UNRATED = 'Wie heeft er belang bij dat je ja zegt?';

    /** Four questions written blind and revealed, in this order, then the rating phase. */
    function rated(methodId: 'socratic' | 'ten-step', ratings: (Rating | null)[]) {
      const doc = meeting(methodId, 'questions');
      act(() => {
        // Each a second after the one before: the board keeps the order they were written in.
        for (const [n, [who, text]] of (
          [
            [carla, COLD],
            [dirk, NEUTRAL],
            [carla, UNRATED],
            [eva, WARM],
          ] as const
        ).entries()) {
          expect(addQuestion(who.ctx(doc, 1_000 * (n + 1)), text).ok).toBe(true);
        }
      });
      act(() => {
        expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
        goTo(doc, anna, methodId === 'socratic' ? 'sorting' : 'rating');
      });
      const ids = readBoard(doc, readMeeting(doc).method, bram.id).questions.map((q) => q.id);
      act(() => {
        ratings.forEach((rating, i) => {
          if (rating) expect(rateQuestion(bram.ctx(doc), ids[i]!, rating).ok).toBe(true);
        });
      });
      return doc;
    }
    const texts = (panel: ReturnType<typeof renderBoard>) =>
      [...panel.container.querySelectorAll('.item-text')].map((p) => p.textContent);
    const groupHeadings = (panel: ReturnType<typeof renderBoard>) =>
      panel.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);

    it('shows every panel how far the case bringer is while they rate, in the order written', async () => {
      const doc = rated('socratic', [null, null, null, null]);
      const member = renderBoard(QuestionBoard, doc, dirk);
      const bringer = renderBoard(QuestionBoard, doc, bram);
      expect(member.getByText('Rated: 0 of 4')).toBeTruthy();
      await bringer.user.click(
        bringer
          .getAllByRole('group', { name: `Rating: ${COLD}` })[0]!
          .querySelector<HTMLElement>('[data-rating=cold]')!,
      );
      expect(member.getByText('Rated: 1 of 4')).toBeTruthy();
      // While the case bringer sorts, nothing moves from under their hand.
      expect(texts(bringer)).toEqual([COLD, NEUTRAL, UNRATED, WARM]);
      expect(bringer.queryAllByRole('heading', { level: 4 })).toEqual([]);
    });

    it('stands the questions by their rating in the answering phase: warm first, cold last and left aside (Socratic)', () => {
      const doc = rated('socratic', ['cold', 'neutral', null, 'warm']);
      act(() => goTo(doc, anna, 'answers'));
      for (const who of [bram, dirk, anna]) {
        const panel = renderBoard(QuestionBoard, doc, who);
        expect(groupHeadings(panel)).toEqual([
          'Warm (1)',
          'Neutral (1)',
          'Not rated yet (1)',
          'Cold (1)',
        ]);
        expect(texts(panel)).toEqual([WARM, NEUTRAL, UNRATED, COLD]);
        // The case bringer reads it about themselves.
        expect(
          panel.getByText(
            who === bram
              ? 'Left aside: you answer the warm and neutral questions.'
              : 'Left aside: the case bringer answers the warm and neutral questions.',
          ),
        ).toBeTruthy();
        expect(
          panel.getByText(
            who === bram
              ? 'In the order you rated them: warm first.'
              : 'In the order the case bringer rated them: warm first.',
          ),
        ).toBeTruthy();
        expect(panel.queryByText(/^Rated: /)).toBeNull();
        cleanup();
      }
    });

    it('puts the cold questions last without setting them aside where the method answers them all (ten-step)', () => {
      const doc = rated('ten-step', ['cold', 'warm', 'warm', null]);
      act(() => goTo(doc, anna, 'answers'));
      const panel = renderBoard(QuestionBoard, doc, bram);
      expect(groupHeadings(panel)).toEqual(['Warm (2)', 'Not rated yet (1)', 'Cold (1)']);
      expect(texts(panel)).toEqual([NEUTRAL, UNRATED, WARM, COLD]);
      expect(panel.queryByText(/^Left aside/)).toBeNull();
      // The case bringer still marks each answered, wherever it stands.
      expect(panel.getByRole('checkbox', { name: `Answered: ${COLD}` })).toBeTruthy();
    });

    it('keeps focus on the pressed rating when a new rating moves its question to another group', async () => {
      const doc = rated('socratic', ['cold', 'neutral', null, 'warm']);
      act(() => goTo(doc, anna, 'answers'));
      const bringer = renderBoard(QuestionBoard, doc, bram);
      const group = () => bringer.getByRole('group', { name: `Rating: ${COLD}` });
      within(group()).getByRole('button', { name: 'Warm' }).focus();
      await bringer.user.keyboard('{Enter}');

      expect(texts(bringer)).toEqual([COLD, WARM, NEUTRAL, UNRATED]);
      expect(groupHeadings(bringer)).toEqual(['Warm (2)', 'Neutral (1)', 'Not rated yet (1)']);
      const warm = within(group()).getByRole('button', { name: 'Warm' });
      expect(warm.getAttribute('aria-pressed')).toBe('true');
      expect(document.activeElement).toBe(warm);
      // And back: pressed again, the rating is cleared and the question waits among the unrated.
      await bringer.user.keyboard('{Enter}');
      expect(texts(bringer)).toEqual([WARM, NEUTRAL, COLD, UNRATED]);
      expect(document.activeElement).toBe(within(group()).getByRole('button', { name: 'Warm' }));
    });

    it('speaks Dutch', () => {
      const doc = rated('socratic', ['cold', 'neutral', null, 'warm']);
      const sorting = renderBoard(QuestionBoard, doc, dirk, 'nl');
      expect(sorting.getByText('Gewaardeerd: 3 van 4')).toBeTruthy();
      cleanup();
      act(() => goTo(doc, anna, 'answers'));
      expect(
        renderBoard(QuestionBoard, doc, bram, 'nl').getByText(
          'Op volgorde van jouw waardering: warm eerst.',
        ),
      ).toBeTruthy();
      cleanup();
      const panel = renderBoard(QuestionBoard, doc, dirk, 'nl');
      expect(groupHeadings(panel)).toEqual([
        'Warm (1)',
        'Neutraal (1)',
        'Nog niet gewaardeerd (1)',
        'Koud (1)',
      ]);
      expect(
        panel.getByText(
          'Deze blijven liggen: de inbrenger beantwoordt de warme en neutrale vragen.',
        ),
      ).toBeTruthy();
      expect(
        panel.getByText('Op volgorde van de waardering door de inbrenger: warm eerst.'),
      ).toBeTruthy();
    });
  });
});
