import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { EvaluationBoard } from '../../../components/boards/EvaluationBoard';
import { renderPanels } from '../helpers/render-board';
import type { Locale } from '../../../lib/i18n/i18n';
import { goTo, member, start, startWithCase } from '../../lib/helpers/meeting';
import type { TestMember } from '../../lib/helpers/meeting';

afterEach(cleanup);

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const everyone = [anna, bram, carla];

/** A meeting in its evaluation, with Bram's pitch as the case. */
function evaluating(): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram);
  goTo(doc, anna, 'evaluating');
  return doc;
}

let panel: (m: TestMember) => ReturnType<typeof within> = () => {
  throw new Error('render the panels first');
};

function renderPanelsOf(doc: Y.Doc, locale: Locale = 'en') {
  panel = renderPanels(EvaluationBoard, doc, everyone, locale);
}

async function addLine(m: TestMember, kind: string, text: string) {
  await userEvent.click(panel(m).getByRole('radio', { name: kind }));
  await userEvent.type(panel(m).getByRole('textbox', { name: 'Your line' }), text);
  await userEvent.click(panel(m).getByRole('button', { name: 'Add line' }));
}

const lines = (m: TestMember, kind: string) =>
  within(panel(m).getByRole('list', { name: kind }))
    .getAllByRole('listitem')
    .map((item: HTMLElement) => item.querySelector('.text')?.textContent);

describe('the evaluation board', () => {
  it('lists the lines everyone adds under their kind', async () => {
    renderPanelsOf(evaluating());
    await addLine(carla, 'What this meeting gave me', 'Ik vraag vaker door');
    await addLine(anna, 'Agreement for next time', 'Volgende keer om 9 uur');
    await addLine(bram, 'Follow-up for the case bringer', 'Bram vertelt hoe het belmoment ging');
    await addLine(carla, 'Agreement for next time', 'Carla zit voor');

    for (const m of everyone) {
      expect(lines(m, 'What this meeting gave me')).toEqual(['Ik vraag vaker door']);
      expect(lines(m, 'Agreement for next time')).toEqual([
        'Volgende keer om 9 uur',
        'Carla zit voor',
      ]);
      expect(lines(m, 'Follow-up for the case bringer')).toEqual([
        'Bram vertelt hoe het belmoment ging',
      ]);
    }
    expect(panel(carla).getByText('Added.')).toBeTruthy();
    expect(panel(carla).getByRole('textbox', { name: 'Your line' })).toHaveProperty('value', '');
  });

  it('says why a line was refused', async () => {
    renderPanelsOf(evaluating());
    await userEvent.click(panel(carla).getByRole('button', { name: 'Add line' }));
    expect(panel(carla).getByRole('alert').textContent).toBe('Write something first.');
  });

  it('explains what the group keeps after the meeting', () => {
    renderPanelsOf(evaluating());
    expect(
      panel(carla).getByText(
        'After the meeting the group keeps only the date, the method, the roles, the agreements and the follow-up, and the case title only if the case bringer agrees; everything else is cleared for everyone.',
      ),
    ).toBeTruthy();
  });

  it('lets only the case bringer keep the case title, and tells everyone', async () => {
    renderPanelsOf(evaluating());
    const keep = "Keep the case title in the group's summary";
    expect(panel(carla).queryByRole('checkbox', { name: keep })).toBeNull();
    expect(panel(anna).queryByRole('checkbox', { name: keep })).toBeNull();
    expect(panel(carla).getByText('Case title: Een ouder die steeds boos belt')).toBeTruthy();
    expect(
      panel(carla).getByText('The case title will not be kept unless the case bringer agrees.'),
    ).toBeTruthy();

    const checkbox = panel(bram).getByRole('checkbox', { name: keep });
    expect(checkbox).toHaveProperty('checked', false);
    await userEvent.click(checkbox);
    expect(checkbox).toHaveProperty('checked', true);
    expect(panel(carla).getByText('The case title will be kept in the summary.')).toBeTruthy();
    await userEvent.click(checkbox);
    expect(
      panel(anna).getByText('The case title will not be kept unless the case bringer agrees.'),
    ).toBeTruthy();
  });

  it('has no follow-up for a case bringer in a first meeting, which has no case', () => {
    const doc = new Y.Doc();
    start(doc, anna, 'first-meeting');
    renderPanelsOf(doc);
    expect(panel(carla).getByRole('radio', { name: 'Agreement for next time' })).toBeTruthy();
    expect(
      panel(carla).queryByRole('radio', { name: 'Follow-up for the case bringer' }),
    ).toBeNull();
    expect(panel(carla).queryByRole('checkbox')).toBeNull();
    // What the group keeps, without a follow-up or a case title to speak of.
    expect(
      panel(carla).getByText(
        'After the meeting the group keeps only the date, the method, the roles and the agreements; everything else is cleared for everyone.',
      ),
    ).toBeTruthy();
  });

  it('starts on agreements in the first meeting’s working agreements phase, and only there', async () => {
    const doc = new Y.Doc();
    start(doc, anna, 'first-meeting');
    renderPanelsOf(doc);
    const checked = () =>
      (panel(carla).getByRole('radio', { checked: true }) as HTMLInputElement).labels?.[0]
        ?.textContent;
    expect(checked()).toContain('What this meeting gave me');
    act(() => goTo(doc, anna, 'agreements'));
    expect(checked()).toContain('Agreement for next time');
    await userEvent.type(
      panel(carla).getByRole('textbox', { name: 'Your line' }),
      'Eens per zes weken',
    );
    await userEvent.click(panel(carla).getByRole('button', { name: 'Add line' }));
    expect(lines(anna, 'Agreement for next time')).toEqual(['Eens per zes weken']);
    act(() => goTo(doc, anna, 'evaluation'));
    expect(checked()).toContain('What this meeting gave me');
  });

  it('can be used by keyboard alone', async () => {
    renderPanelsOf(evaluating());
    const user = userEvent.setup();
    panel(carla).getByRole('radio', { name: 'What this meeting gave me' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(panel(carla).getByRole('radio', { name: 'Agreement for next time' })).toHaveProperty(
      'checked',
      true,
    );
    panel(carla).getByRole('textbox', { name: 'Your line' }).focus();
    await user.keyboard('Om de beurt voorzitten');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(lines(anna, 'Agreement for next time')).toEqual(['Om de beurt voorzitten']);

    panel(bram).getByRole('checkbox').focus();
    await user.keyboard(' ');
    expect(panel(carla).getByText('The case title will be kept in the summary.')).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    renderPanelsOf(evaluating(), 'nl');
    await userEvent.click(
      panel(carla).getByRole('radio', { name: 'Afspraak voor de volgende keer' }),
    );
    await userEvent.type(panel(carla).getByRole('textbox', { name: 'Je regel' }), 'Om 9 uur');
    await userEvent.click(panel(carla).getByRole('button', { name: 'Regel toevoegen' }));
    expect(
      panel(anna).getByRole('list', { name: 'Afspraak voor de volgende keer' }).textContent,
    ).toContain('Om 9 uur');
    expect(
      panel(carla).getByRole('radio', { name: 'Wat deze bijeenkomst mij opleverde' }),
    ).toBeTruthy();
    expect(panel(carla).getByRole('radio', { name: 'Vervolg voor de inbrenger' })).toBeTruthy();
    expect(
      panel(bram).getByRole('checkbox', {
        name: 'Bewaar de titel van de casus in de samenvatting van de groep',
      }),
    ).toBeTruthy();
  });
});
