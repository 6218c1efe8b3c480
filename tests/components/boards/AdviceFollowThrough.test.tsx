import { afterEach, describe, expect, it } from 'vitest';
import type { within } from '@testing-library/react';
import { act, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { AdviceBoard } from '../../../components/boards/AdviceBoard';
import { addAdvice } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { renderPanels } from '../helpers/render-board';
import type { Locale } from '../../../lib/i18n/i18n';
import { goTo, member, startWithCase } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';

/*
 * Issue 14, point 4, in the panel: the case bringer "geeft aan wat hij/zij al gedaan heeft"
 * (ticks advice already tried) and says why each starred piece fits; everyone sees both.
 */

afterEach(cleanup);

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const dirk = member('Dirk');
const everyone = [anna, bram, carla, dirk];

let panel: (m: TestMember) => ReturnType<typeof within> = () => {
  throw new Error('render the panels first');
};

/** A basic meeting in the advice round with two pieces of advice, every panel on screen. */
function meeting(locale: Locale = 'en'): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram);
  goTo(doc, anna, 'advising');
  act(() => {
    addAdvice(carla.ctx(doc, 1), 'Bel zelf op een vast moment');
    addAdvice(dirk.ctx(doc, 2), 'Leg grenzen vast');
  });
  panel = renderPanels(AdviceBoard, doc, everyone, locale);
  return doc;
}

const itemOf = (m: TestMember, text: string) =>
  panel(m)
    .getAllByRole('listitem')
    .find((li: HTMLElement) => li.querySelector('.text')?.textContent === text)!;

describe('advice follow-through on the advice board ("geeft aan wat hij/zij al gedaan heeft")', () => {
  it('lets the case bringer tick advice already tried, and shows it to everyone', async () => {
    const doc = meeting();
    const tried = panel(bram).getByRole('checkbox', {
      name: 'Already tried: Leg grenzen vast',
    });
    expect(tried).toHaveProperty('checked', false);
    expect(panel(carla).queryByRole('checkbox', { name: /^Already tried/ })).toBeNull();
    expect(panel(anna).queryByRole('checkbox', { name: /^Already tried/ })).toBeNull();

    await userEvent.click(tried);
    expect(tried).toHaveProperty('checked', true);
    for (const m of [anna, carla, dirk]) {
      expect(itemOf(m, 'Leg grenzen vast').textContent).toContain('Already tried');
      expect(itemOf(m, 'Bel zelf op een vast moment').textContent).not.toContain('Already tried');
    }
    expect(readBoard(doc, readMeeting(doc).method, anna.id).advice[1]!.tried).toBe(true);

    await userEvent.click(tried);
    expect(itemOf(carla, 'Leg grenzen vast').textContent).not.toContain('Already tried');
  });

  it('asks why a starred piece fits, saves it on leaving the field, and shows it to everyone', async () => {
    meeting();
    const whyField = () =>
      panel(bram).queryByRole('textbox', { name: 'Why it fits: Bel zelf op een vast moment' });
    expect(whyField()).toBeNull();
    await userEvent.click(
      panel(bram).getByRole('button', { name: 'Star: Bel zelf op een vast moment' }),
    );
    expect(whyField()).not.toBeNull();
    // Only starred advice asks why.
    expect(
      panel(bram).queryByRole('textbox', { name: 'Why it fits: Leg grenzen vast' }),
    ).toBeNull();

    await userEvent.type(whyField()!, 'Dan weet de ouder waar hij aan toe is');
    expect(itemOf(carla, 'Bel zelf op een vast moment').textContent).not.toContain('Why it fits');
    await userEvent.tab();
    for (const m of [anna, carla, dirk]) {
      expect(itemOf(m, 'Bel zelf op een vast moment').textContent).toContain(
        'Why it fits: Dan weet de ouder waar hij aan toe is',
      );
    }
    expect(whyField()).toHaveProperty('value', 'Dan weet de ouder waar hij aan toe is');

    // The button saves too, and clearing the field takes the why away.
    await userEvent.clear(whyField()!);
    await userEvent.click(
      panel(bram).getByRole('button', { name: 'Save why: Bel zelf op een vast moment' }),
    );
    expect(itemOf(carla, 'Bel zelf op een vast moment').textContent).not.toContain('Why it fits');

    // Taking the star away takes the field away.
    await userEvent.click(
      panel(bram).getByRole('button', { name: 'Star: Bel zelf op een vast moment' }),
    );
    expect(whyField()).toBeNull();
  });

  it('speaks Dutch', async () => {
    meeting('nl');
    await userEvent.click(
      panel(bram).getByRole('checkbox', { name: 'Al geprobeerd: Leg grenzen vast' }),
    );
    expect(itemOf(dirk, 'Leg grenzen vast').textContent).toContain('Al geprobeerd');
    await userEvent.click(panel(bram).getByRole('button', { name: 'Ster: Leg grenzen vast' }));
    await userEvent.type(
      panel(bram).getByRole('textbox', { name: 'Waarom dit past: Leg grenzen vast' }),
      'Dat mis ik nu',
    );
    await userEvent.click(
      panel(bram).getByRole('button', { name: 'Bewaar waarom: Leg grenzen vast' }),
    );
    expect(itemOf(dirk, 'Leg grenzen vast').textContent).toContain(
      'Waarom dit past: Dat mis ik nu',
    );
  });
});
