import { afterEach, describe, expect, it } from 'vitest';
import type { within } from '@testing-library/react';
import { act, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as Y from 'yjs';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import { addAdvice, revealPhase } from '../../../lib/shared-doc/board-commands';
import { renderPanels } from '../helpers/render-board';
import type { Locale } from '../../../lib/i18n/i18n';
import { caseMeetingIn, goTo, member } from '../../lib/helpers/meeting';
import { METHODS } from '../../../lib/method/method-list';
import type { TestMember } from '../../lib/helpers/meeting';

afterEach(cleanup);

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const dirk = member('Dirk');
const everyone = [anna, bram, carla, dirk];

const meeting = (methodId: string, phase: string) => caseMeetingIn(anna, bram, phase, { methodId });

let panel: (m: TestMember) => ReturnType<typeof within> = () => {
  throw new Error('render the panels first');
};
const renderPanelsOf = (doc: Y.Doc, locale: Locale = 'en') => {
  panel = renderPanels(AdviceBoard, doc, everyone, locale);
};

describe('the advice board calls items what the method calls them', () => {
  it('asks for compliments, not advice, in the solution-focused compliments round', async () => {
    renderPanelsOf(meeting('solution-focused', 'compliments'));
    expect(panel(carla).getByRole('heading', { name: 'Compliments given' })).toBeTruthy();
    await userEvent.type(
      panel(carla).getByRole('textbox', { name: 'Your compliment' }),
      'Je bleef kalm',
    );
    await userEvent.click(panel(carla).getByRole('button', { name: 'Give compliment' }));
    expect(panel(carla).getByText('Your compliment was added.')).toBeTruthy();
    await userEvent.type(
      panel(dirk).getByRole('textbox', { name: 'Your compliment' }),
      'Goed gevraagd',
    );
    await userEvent.click(panel(dirk).getByRole('button', { name: 'Give compliment' }));
    expect(panel(bram).getByText('Everyone has given a compliment')).toBeTruthy();
    // The case bringer takes compliments in; they are not weighed like advice.
    expect(panel(bram).getByText('Je bleef kalm')).toBeTruthy();
    expect(panel(bram).queryByRole('button', { name: /^Star:/ })).toBeNull();
    expect(panel(bram).queryByRole('checkbox', { name: /^Already tried/ })).toBeNull();
    expect(panel(bram).queryByText(/Star the advice/)).toBeNull();
    for (const m of everyone) {
      expect(panel(m).queryByText(/advice/i)).toBeNull();
      expect(panel(m).queryByRole('button', { name: /advice/i })).toBeNull();
    }
  });

  it('says it in Dutch too', async () => {
    renderPanelsOf(meeting('solution-focused', 'compliments'), 'nl');
    expect(panel(bram).getByText(/Nog geen complimenten/)).toBeTruthy();
    await userEvent.type(panel(carla).getByRole('textbox', { name: 'Je compliment' }), 'Mooi');
    await userEvent.click(panel(carla).getByRole('button', { name: 'Geef compliment' }));
    expect(panel(bram).getByText('Mooi')).toBeTruthy();
    expect(panel(carla).queryByText(/advies/i)).toBeNull();
  });

  it('asks the case bringer for their next small step, with no advice list, in the solution-focused method', async () => {
    renderPanelsOf(meeting('solution-focused', 'next-step'));
    expect(panel(carla).getByText('Bram writes their next small step here.')).toBeTruthy();
    for (const m of everyone) expect(panel(m).queryByText(/advice/i)).toBeNull();
    await userEvent.type(
      panel(bram).getByRole('textbox', { name: 'My next small step' }),
      'Morgen om acht uur de planning bellen',
    );
    await userEvent.click(panel(bram).getByRole('button', { name: 'Save my step' }));
    expect(panel(carla).getByRole('heading', { name: "Bram's next small step" })).toBeTruthy();
    expect(panel(carla).getByText('Morgen om acht uur de planning bellen')).toBeTruthy();
    expect(panel(anna).queryByText('Bram writes their next small step here.')).toBeNull();
  });

  it('asks the case bringer what touched them after the gossip round, with no advice list', async () => {
    renderPanelsOf(meeting('gossip', 'reaction'), 'nl');
    expect(panel(bram).getByRole('heading', { name: 'Wat de inbrenger raakte' })).toBeTruthy();
    expect(
      panel(bram).getByRole('textbox', { name: 'Wat me raakte en wat ik ermee doe' }),
    ).toBeTruthy();
    for (const m of everyone) expect(panel(m).queryByText(/advies/i)).toBeNull();
  });

  it('keeps the Balint associations apart from the advice the case bringer weighs', async () => {
    const doc = meeting('balint', 'associations');
    renderPanelsOf(doc);
    await userEvent.type(
      panel(carla).getByRole('textbox', { name: 'Your association' }),
      'Verdrinken',
    );
    await userEvent.click(panel(carla).getByRole('button', { name: 'Add association' }));
    expect(
      panel(carla).getByText(
        'The others see your association only when the chair reveals the associations.',
      ),
    ).toBeTruthy();
    await userEvent.click(panel(anna).getByRole('button', { name: 'Reveal associations' }));
    act(() => {
      goTo(doc, anna, 'advice');
      expect(addAdvice(dirk.ctx(doc), 'Vraag om hulp').ok).toBe(true);
      expect(revealPhase(anna.ctx(doc)).ok).toBe(true);
      goTo(doc, anna, 'decision');
    });
    // The decision: the advice can be starred, the association is there but not weighed.
    expect(panel(bram).getByText('Verdrinken')).toBeTruthy();
    expect(panel(bram).getByRole('button', { name: 'Star: Vraag om hulp' })).toBeTruthy();
    expect(panel(bram).queryByRole('button', { name: 'Star: Verdrinken' })).toBeNull();
    expect(
      panel(bram).getByRole('textbox', { name: 'What I will do with this advice' }),
    ).toBeTruthy();
  });

  it('never heads the board with the phase’s own name, in any method or language', () => {
    for (const method of METHODS) {
      if (!method.hasCase) continue;
      for (const phase of method.phases) {
        if (phase.activity !== 'advising' && phase.activity !== 'reacting') continue;
        for (const locale of ['en', 'nl'] as const) {
          renderPanelsOf(meeting(method.id, phase.id), locale);
          for (const m of [anna, bram, carla]) {
            const headings = panel(m)
              .getAllByRole('heading')
              .map((h: HTMLElement) => h.textContent?.trim().toLowerCase());
            expect(headings, `${method.id}/${phase.id} (${locale})`).not.toContain(
              phase.name[locale].toLowerCase(),
            );
          }
          cleanup();
        }
      }
    }
  });

  it('leaves the basic method’s advice round as it was', () => {
    renderPanelsOf(meeting('basic', 'advising'));
    expect(panel(carla).getByRole('textbox', { name: 'Your advice' })).toBeTruthy();
    expect(panel(carla).getByRole('button', { name: 'Give advice' })).toBeTruthy();
    expect(
      panel(bram).getByRole('textbox', { name: 'What I will do with this advice' }),
    ).toBeTruthy();
  });
});
