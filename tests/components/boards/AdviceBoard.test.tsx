import { afterEach, describe, expect, it } from 'vitest';
import type { within } from '@testing-library/react';
import { act, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import { addAdvice } from '../../../lib/shared-doc/board-commands';
import { renderPanels } from '../helpers/render-board';
import type { Locale } from '../../../lib/i18n/i18n';
import { caseMeetingIn, goTo, member, startWithCase } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';

afterEach(cleanup);

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const dirk = member('Dirk');
const eva = member('Eva');
const everyone = [anna, bram, carla, dirk, eva];

/** A meeting of `methodId` with Bram's pitch confirmed as the case, moved to `phase`. */
const meeting = (methodId: string, phase: string) => caseMeetingIn(anna, bram, phase, { methodId });

// Items written directly get increasing clocks too, so that they keep their order.
let clock = 1;

let panel: (m: TestMember) => ReturnType<typeof within> = () => {
  throw new Error('render the panels first');
};

function renderPanelsOf(doc: Y.Doc, locale: Locale = 'en') {
  panel = renderPanels(AdviceBoard, doc, everyone, locale);
}

async function giveAdvice(m: TestMember, text: string) {
  await userEvent.type(panel(m).getByRole('textbox', { name: 'Your advice' }), text);
  await userEvent.click(panel(m).getByRole('button', { name: 'Give advice' }));
}

/** The incident method's suggestions: its own words, as its phase and guidance say. */
async function giveSuggestion(m: TestMember, text: string) {
  await userEvent.type(panel(m).getByRole('textbox', { name: 'Your suggestion' }), text);
  await userEvent.click(panel(m).getByRole('button', { name: 'Add suggestion' }));
}

const adviceTexts = (m: TestMember) =>
  panel(m)
    .queryAllByRole('listitem')
    .map((item: HTMLElement) => item.querySelector('.text')?.textContent);

describe('the advice board', () => {
  it('shows whose turn it is and who has not given advice yet, as members give advice', async () => {
    const doc = meeting('basic', 'advising');
    renderPanelsOf(doc);
    // The chair and the case bringer do not advise; the others in the order of the list do.
    expect(panel(bram).getByText('Turn: Carla')).toBeTruthy();
    expect(panel(bram).getByText('Not yet: Carla, Dirk, Eva')).toBeTruthy();
    expect(panel(anna).queryByRole('textbox', { name: 'Your advice' })).toBeNull();
    expect(panel(bram).queryByRole('textbox', { name: 'Your advice' })).toBeNull();

    await giveAdvice(carla, 'Vraag wat de ouder nodig heeft');
    expect(panel(carla).getByText('Your advice was added.')).toBeTruthy();
    expect(panel(carla).getByRole('textbox', { name: 'Your advice' })).toHaveProperty('value', '');
    expect(panel(anna).getByText('Turn: Dirk')).toBeTruthy();
    expect(panel(anna).getByText('Not yet: Dirk, Eva')).toBeTruthy();
    expect(adviceTexts(dirk)).toEqual(['Vraag wat de ouder nodig heeft']);

    await giveAdvice(dirk, 'Spreek een vast belmoment af');
    await giveAdvice(eva, 'Bespreek het met je leidinggevende');
    expect(panel(bram).getByText('Everyone has given advice')).toBeTruthy();
    expect(panel(bram).queryByText(/^Turn:/)).toBeNull();
  });

  it('calls the last turn without repeating the name, and waits for a chair who joins in', async () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { methodId: 'basic', chairJoinsIn: true });
    goTo(doc, anna, 'advising');
    renderPanelsOf(doc);
    // A small group: the chair advises too, first in the list's order.
    expect(panel(bram).getByText('Turn: Anna')).toBeTruthy();
    expect(panel(bram).getByText('Not yet: Anna, Carla, Dirk, Eva')).toBeTruthy();
    await giveAdvice(anna, 'Vraag wat de ouder nodig heeft');
    await giveAdvice(carla, 'Spreek een vast belmoment af');
    await giveAdvice(dirk, 'Bespreek het met je leidinggevende');
    expect(panel(bram).getByText('Turn: Eva')).toBeTruthy();
    expect(panel(bram).queryByText(/^Not yet:/)).toBeNull();
  });

  it("names each item's round once the list holds an earlier one, which its author can no longer remove", async () => {
    const doc = meeting('balint', 'associations');
    renderPanelsOf(doc);
    await userEvent.type(
      panel(carla).getByRole('textbox', { name: 'Your association' }),
      'Een kraan',
    );
    await userEvent.click(panel(carla).getByRole('button', { name: 'Add association' }));
    // In its own round: no label, and its author may take it back.
    expect(adviceTexts(carla)).toEqual(['Een kraan']);
    expect(panel(carla).queryByText(/· First associations/)).toBeNull();
    expect(panel(carla).getByRole('button', { name: 'Remove: Een kraan' })).toBeTruthy();
    act(() => goTo(doc, anna, 'advice'));
    expect(panel(carla).getByText(/by Carla · First associations/)).toBeTruthy();
    expect(panel(carla).queryByRole('button', { name: 'Remove: Een kraan' })).toBeNull();
  });

  it('says why advice was refused', async () => {
    renderPanelsOf(meeting('basic', 'advising'));
    await userEvent.click(panel(carla).getByRole('button', { name: 'Give advice' }));
    expect(panel(carla).getByRole('alert').textContent).toBe('Write something first.');
    expect(panel(dirk).queryByRole('alert')).toBeNull();
  });

  it('hides blind suggestions from the others until the chair reveals them', async () => {
    const doc = meeting('incident', 'suggestions');
    renderPanelsOf(doc);
    await giveSuggestion(carla, 'Ik zou eerst terugbellen');
    await giveSuggestion(dirk, 'Ik zou het gesprek uitstellen');

    expect(adviceTexts(carla)).toEqual(['Ik zou eerst terugbellen']);
    expect(adviceTexts(dirk)).toEqual(['Ik zou het gesprek uitstellen']);
    expect(adviceTexts(bram)).toEqual([]);
    expect(panel(bram).getByRole('heading', { name: 'Suggestions written' })).toBeTruthy();
    expect(panel(carla).queryByText(/advice/i)).toBeNull();
    expect(panel(bram).getByText('Hidden until the chair reveals them: 2')).toBeTruthy();
    expect(panel(eva).getByText('Hidden until the chair reveals them: 2')).toBeTruthy();
    expect(panel(carla).getByText('Hidden until the chair reveals them: 1')).toBeTruthy();
    // Who has written still shows, without what they wrote; everyone writes at once, so nobody's
    // turn is called.
    expect(panel(eva).getByText('Not yet: Eva')).toBeTruthy();
    expect(panel(eva).queryByText(/^Turn:/)).toBeNull();
    expect(panel(carla).queryByRole('button', { name: 'Reveal suggestions' })).toBeNull();
    expect(panel(bram).queryByRole('button', { name: 'Reveal suggestions' })).toBeNull();

    await userEvent.click(panel(anna).getByRole('button', { name: 'Reveal suggestions' }));
    for (const m of everyone) {
      expect(adviceTexts(m)).toEqual(['Ik zou eerst terugbellen', 'Ik zou het gesprek uitstellen']);
      expect(panel(m).queryByText(/^Hidden until/)).toBeNull();
    }
    expect(panel(anna).queryByRole('button', { name: 'Reveal suggestions' })).toBeNull();
  });

  it('lets the case bringer star advice, put it in order and say what they will do', async () => {
    const doc = meeting('basic', 'advising');
    act(() => {
      addAdvice(carla.ctx(doc, clock++), 'Bel zelf op een vast moment');
      addAdvice(dirk.ctx(doc, clock++), 'Leg grenzen vast');
      addAdvice(eva.ctx(doc, clock++), 'Vraag een collega mee');
    });
    renderPanelsOf(doc);
    expect(panel(carla).queryByRole('button', { name: /^Star:/ })).toBeNull();

    const star = (text: string) => panel(bram).getByRole('button', { name: `Star: ${text}` });
    expect(star('Leg grenzen vast').getAttribute('aria-pressed')).toBe('false');
    await userEvent.click(star('Leg grenzen vast'));
    // One starred: nothing to put in order yet.
    expect(panel(bram).queryByRole('button', { name: 'Move up: Leg grenzen vast' })).toBeNull();
    await userEvent.click(star('Vraag een collega mee'));
    expect(star('Leg grenzen vast').getAttribute('aria-pressed')).toBe('true');
    expect(
      panel(bram).queryByRole('button', { name: 'Move up: Bel zelf op een vast moment' }),
    ).toBeNull();

    await userEvent.click(
      panel(bram).getByRole('button', { name: 'Move up: Vraag een collega mee' }),
    );
    // The best first, then the starred, then the rest; everyone sees the order and the stars.
    expect(adviceTexts(carla)).toEqual([
      'Vraag een collega mee',
      'Leg grenzen vast',
      'Bel zelf op een vast moment',
    ]);
    expect(panel(carla).getAllByText('starred:')).toHaveLength(2);
    const up = panel(bram).getByRole('button', { name: 'Move up: Vraag een collega mee' });
    expect(up.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(up);
    expect(adviceTexts(carla)[0]).toBe('Vraag een collega mee');

    // Taking the star away also takes the advice out of the order.
    await userEvent.click(star('Vraag een collega mee'));
    expect(adviceTexts(carla)).toEqual([
      'Leg grenzen vast',
      'Bel zelf op een vast moment',
      'Vraag een collega mee',
    ]);

    expect(
      panel(carla).queryByRole('textbox', { name: 'What I will do with this advice' }),
    ).toBeNull();
    await userEvent.type(
      panel(bram).getByRole('textbox', { name: 'What I will do with this advice' }),
      'Ik spreek grenzen af met de ouder',
    );
    await userEvent.click(panel(bram).getByRole('button', { name: 'Save intentions' }));
    expect(panel(bram).getByText('Saved.')).toBeTruthy();
    const intentions = panel(eva).getByRole('region', {
      name: 'What Bram will do with the advice',
    });
    expect(intentions.textContent).toContain('Ik spreek grenzen af met de ouder');
  });

  it('lets the case bringer order the revealed suggestions when reacting', async () => {
    const doc = meeting('incident', 'suggestions');
    renderPanelsOf(doc);
    await giveSuggestion(carla, 'Terugbellen');
    await userEvent.click(panel(anna).getByRole('button', { name: 'Reveal suggestions' }));
    act(() => goTo(doc, anna, 'reaction'));
    expect(panel(carla).queryByRole('textbox', { name: 'Your suggestion' })).toBeNull();
    expect(panel(carla).queryByText(/^Turn:/)).toBeNull();
    await userEvent.click(panel(bram).getByRole('button', { name: 'Star: Terugbellen' }));
    expect(panel(dirk).getByText('starred:')).toBeTruthy();
    expect(panel(dirk).getByRole('heading', { name: 'Suggestions written' })).toBeTruthy();
    // The case bringer weighs them and says what they will do, in the same words.
    expect(panel(bram).getByText(/^Star the suggestions that fit/)).toBeTruthy();
    expect(
      panel(bram).getByRole('textbox', { name: 'What I will do with these suggestions' }),
    ).toBeTruthy();
    expect(panel(bram).queryByText(/advice/i)).toBeNull();
  });

  it('can be used by keyboard alone', async () => {
    const doc = meeting('basic', 'advising');
    renderPanelsOf(doc);
    const user = userEvent.setup();
    panel(carla).getByRole('textbox', { name: 'Your advice' }).focus();
    await user.keyboard('Neem rust');
    await user.tab();
    expect(document.activeElement).toBe(panel(carla).getByRole('button', { name: 'Give advice' }));
    await user.keyboard('{Enter}');
    expect(adviceTexts(bram)).toEqual(['Neem rust']);

    const star = panel(bram).getByRole('button', { name: 'Star: Neem rust' });
    star.focus();
    await user.keyboard(' ');
    expect(star.getAttribute('aria-pressed')).toBe('true');
  });

  it('speaks Dutch', async () => {
    const doc = meeting('basic', 'advising');
    renderPanelsOf(doc, 'nl');
    expect(panel(carla).getByRole('heading', { name: 'Gegeven adviezen' })).toBeTruthy();
    expect(panel(carla).getByText('Aan de beurt: Carla')).toBeTruthy();
    await userEvent.type(panel(carla).getByRole('textbox', { name: 'Je advies' }), 'Neem rust');
    await userEvent.click(panel(carla).getByRole('button', { name: 'Geef advies' }));
    expect(panel(dirk).getByText('Nog niet: Dirk, Eva')).toBeTruthy();
    expect(panel(bram).getByRole('button', { name: 'Ster: Neem rust' })).toBeTruthy();
    expect(
      panel(bram).getByRole('textbox', { name: 'Wat ik met dit advies ga doen' }),
    ).toBeTruthy();
    expect(panel(bram).getByRole('button', { name: 'Bewaar voornemens' })).toBeTruthy();
  });
});
