import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import * as Y from 'yjs';
import { PitchBoard } from '../../../components/boards/PitchBoard';
import { addPitch, handChair } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { member, start } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const dirk = member('Dirk');

const DIRK_PITCH = 'Een ouder die elke week klaagt over het rooster';
const BRAM_PITCH = 'Mijn collega neemt steeds mijn diensten over';

/** A basic meeting in its inventory phase, chaired by Anna, with Dirk's pitch already there. */
function meeting(): Y.Doc {
  const doc = new Y.Doc();
  start(doc, anna);
  expect(addPitch(dirk.ctx(doc, 500), DIRK_PITCH, 'case')).toEqual({ ok: true });
  return doc;
}

describe('the pitch board', () => {
  it('lets a member pitch, vote and score, and ranks the result', async () => {
    const doc = meeting();
    const panel = renderBoard(PitchBoard, doc, bram);
    const result = () =>
      panel
        .getAllByRole('listitem')
        .filter((li) => li.closest('ol'))
        .map((li) => li.textContent ?? '');

    await panel.user.type(panel.getByRole('textbox', { name: 'Your work question' }), BRAM_PITCH);
    await panel.user.click(panel.getByRole('radio', { name: 'Theme' }));
    await panel.user.click(panel.getByRole('button', { name: 'Add work question' }));

    expect(panel.getByText(BRAM_PITCH, { selector: '.item-text' })).toBeTruthy();
    expect(panel.getByText('Theme, by Bram')).toBeTruthy();
    expect(
      panel.getByRole<HTMLTextAreaElement>('textbox', { name: 'Your work question' }).value,
    ).toBe('');
    // Older pitch first while nobody has voted or scored.
    expect(result()[0]).toContain(DIRK_PITCH);

    await panel.user.click(panel.getByRole('button', { name: `Vote for this: ${BRAM_PITCH}` }));
    const unvote = panel.getByRole('button', { name: `Remove my vote: ${BRAM_PITCH}` });
    expect(unvote.getAttribute('aria-pressed')).toBe('true');
    expect(
      panel
        .getByRole('button', { name: `Vote for this: ${DIRK_PITCH}` })
        .getAttribute('aria-pressed'),
    ).toBe('false');

    await panel.user.selectOptions(
      panel.getByRole('combobox', { name: `Emotion for: ${BRAM_PITCH}` }),
      '3',
    );
    await panel.user.selectOptions(
      panel.getByRole('combobox', { name: `Time-bound for: ${BRAM_PITCH}` }),
      '2',
    );
    await panel.user.selectOptions(
      panel.getByRole('combobox', { name: `Shared for: ${DIRK_PITCH}` }),
      '1',
    );

    expect(panel.getByRole('region', { name: 'Result' })).toBeTruthy();
    expect(result()).toEqual([
      `${BRAM_PITCH} votes: 1 · EGT: 5 (Emotion 3, Shared 0, Time-bound 2)`,
      `${DIRK_PITCH} votes: 0 · EGT: 1 (Emotion 0, Shared 1, Time-bound 0)`,
    ]);
    const mine = readBoard(doc, readMeeting(doc).method, bram.id).pitches.find(
      (p) => p.text === BRAM_PITCH,
    );
    expect(mine).toMatchObject({
      kind: 'theme',
      myVote: true,
      myScore: { emotion: 3, shared: 0, time: 2 },
    });

    // One vote: moving it to Dirk's pitch takes it from Bram's.
    await panel.user.click(panel.getByRole('button', { name: `Vote for this: ${DIRK_PITCH}` }));
    expect(panel.getByRole('button', { name: `Vote for this: ${BRAM_PITCH}` })).toBeTruthy();
    expect(result()[0]).toContain(DIRK_PITCH);
  });

  it('shows the chair "Confirm as case" and no pitch or vote controls, and names the bringer', async () => {
    const doc = meeting();
    act(() => {
      addPitch(bram.ctx(doc), BRAM_PITCH, 'case');
    });
    const chair = renderBoard(PitchBoard, doc, anna);

    expect(chair.queryByRole('textbox', { name: 'Your work question' })).toBeNull();
    expect(chair.queryByRole('button', { name: /^Vote for this/ })).toBeNull();
    expect(chair.queryByRole('combobox')).toBeNull();
    expect(chair.getByRole('button', { name: `Confirm as case: ${DIRK_PITCH}` })).toBeTruthy();

    await chair.user.click(chair.getByRole('button', { name: `Confirm as case: ${BRAM_PITCH}` }));

    expect(chair.getByRole('status').textContent).toBe(`Case: ${BRAM_PITCH} — brought in by Bram`);
    expect(chair.queryByRole('button', { name: `Confirm as case: ${BRAM_PITCH}` })).toBeNull();
    expect(readMeeting(doc)).toMatchObject({ caseBringerId: bram.id, caseBringerName: 'Bram' });

    // Every member's panel shows the case too; Bram can no longer remove the chosen pitch.
    const bringer = renderBoard(PitchBoard, doc, bram);
    expect(bringer.getByRole('status').textContent).toBe(
      `Case: ${BRAM_PITCH} — brought in by Bram`,
    );
    expect(bringer.queryByRole('button', { name: `Remove: ${BRAM_PITCH}` })).toBeNull();
  });

  it('explains that the chair cannot confirm their own pitch', async () => {
    const doc = meeting();
    act(() => {
      addPitch(bram.ctx(doc), BRAM_PITCH, 'case');
      handChair(anna.ctx(doc), bram.id, 'Bram');
    });
    const chair = renderBoard(PitchBoard, doc, bram);
    await chair.user.click(chair.getByRole('button', { name: `Confirm as case: ${BRAM_PITCH}` }));
    expect(chair.getByRole('alert').textContent).toBe(
      "The chair cannot also be the case bringer; choose another member's work question.",
    );
    expect(readMeeting(doc).caseBringerId).toBeNull();
  });

  it('refuses an empty pitch with a message and lets authors remove their own', async () => {
    const doc = meeting();
    const panel = renderBoard(PitchBoard, doc, dirk);
    await panel.user.click(panel.getByRole('button', { name: 'Add work question' }));
    expect(panel.getByRole('alert').textContent).toBe('Write something first.');

    await panel.user.click(panel.getByRole('button', { name: `Remove: ${DIRK_PITCH}` }));
    expect(panel.queryByText(DIRK_PITCH)).toBeNull();
    expect(
      panel.getByText(
        'No work questions yet. Write the first: what are you struggling with at work?',
      ),
    ).toBeTruthy();
    expect(panel.queryByRole('alert')).toBeNull();
  });

  it('can be used by keyboard alone', async () => {
    const doc = meeting();
    const panel = renderBoard(PitchBoard, doc, bram);
    panel.getByRole('textbox', { name: 'Your work question' }).focus();
    await panel.user.keyboard(BRAM_PITCH);
    await panel.user.tab(); // the kind: "Case" is checked
    expect(document.activeElement).toBe(panel.getByRole('radio', { name: 'Case' }));
    await panel.user.tab();
    expect(document.activeElement).toBe(panel.getByRole('button', { name: 'Add work question' }));
    await panel.user.keyboard('{Enter}');
    expect(panel.getByText('Case, by Bram')).toBeTruthy();

    panel.getByRole('button', { name: `Vote for this: ${DIRK_PITCH}` }).focus();
    await panel.user.keyboard(' ');
    expect(readBoard(doc, readMeeting(doc).method, bram.id).pitches[0]?.myVote).toBe(true);
  });

  it('speaks Dutch', async () => {
    const doc = meeting();
    const panel = renderBoard(PitchBoard, doc, bram, 'nl');
    expect(panel.getByRole('heading', { name: 'Werkvragen' })).toBeTruthy();
    expect(panel.getByRole('textbox', { name: 'Je werkvraag' })).toBeTruthy();
    expect(panel.getByRole('radio', { name: 'Thema' })).toBeTruthy();
    expect(panel.getByRole('button', { name: 'Werkvraag inbrengen' })).toBeTruthy();
    expect(panel.getByRole('button', { name: `Stem hierop: ${DIRK_PITCH}` })).toBeTruthy();
    expect(panel.getByRole('combobox', { name: `Emotie voor: ${DIRK_PITCH}` })).toBeTruthy();
    expect(panel.getByRole('combobox', { name: `Gezamenlijk voor: ${DIRK_PITCH}` })).toBeTruthy();
    expect(panel.getByRole('combobox', { name: `Tijdslimiet voor: ${DIRK_PITCH}` })).toBeTruthy();
    expect(panel.getByRole('region', { name: 'Uitslag' })).toBeTruthy();
    expect(panel.getByText('Casus, door Dirk')).toBeTruthy();
  });
});
