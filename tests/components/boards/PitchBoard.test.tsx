import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import * as Y from 'yjs';
import { PitchBoard } from '../../../components/boards/PitchBoard';
import { addPitch, handChair, scorePitch } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { member, start } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');
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

function bramPitchId(doc: Y.Doc): string {
  const pitch = readBoard(doc, readMeeting(doc).method, anna.id).pitches.find(
    (p) => p.text === BRAM_PITCH,
  );
  if (!pitch) throw new Error("Bram's pitch is not on the board");
  return pitch.id;
}

describe('the pitch board', () => {
  it('lets a member pitch, vote and score, and ranks the result by EGT, votes breaking ties', async () => {
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

    // A vote breaks the tie at EGT 0.
    await panel.user.click(panel.getByRole('button', { name: `Vote for this: ${BRAM_PITCH}` }));
    const unvote = panel.getByRole('button', { name: `Remove my vote: ${BRAM_PITCH}` });
    expect(unvote.getAttribute('aria-pressed')).toBe('true');
    expect(
      panel
        .getByRole('button', { name: `Vote for this: ${DIRK_PITCH}` })
        .getAttribute('aria-pressed'),
    ).toBe('false');
    expect(result()[0]).toContain(BRAM_PITCH);

    // Bram does not score his own pitch; he scores Dirk's.
    expect(panel.queryByRole('combobox', { name: `Emotion for: ${BRAM_PITCH}` })).toBeNull();
    expect(panel.getByText('You do not score your own work question.')).toBeTruthy();
    await panel.user.selectOptions(
      panel.getByRole('combobox', { name: `Shared for: ${DIRK_PITCH}` }),
      '1',
    );
    // "Op basis van EGT": EGT 1 without votes ranks above EGT 0 with one vote.
    expect(result()).toEqual([
      `${DIRK_PITCH} EGT: 1 (Emotion 0, Shared 1, Time-bound 0) · votes: 0`,
      `${BRAM_PITCH} EGT: 0 (Emotion 0, Shared 0, Time-bound 0) · votes: 1`,
    ]);

    act(() => {
      scorePitch(carla.ctx(doc), bramPitchId(doc), { emotion: 3, shared: 0, time: 2 });
    });
    expect(panel.getByRole('region', { name: 'Result' })).toBeTruthy();
    expect(result()).toEqual([
      `${BRAM_PITCH} EGT: 5 (Emotion 3, Shared 0, Time-bound 2) · votes: 1`,
      `${DIRK_PITCH} EGT: 1 (Emotion 0, Shared 1, Time-bound 0) · votes: 0`,
    ]);
    const pitches = readBoard(doc, readMeeting(doc).method, bram.id).pitches;
    expect(pitches.find((p) => p.text === BRAM_PITCH)).toMatchObject({
      kind: 'theme',
      myVote: true,
      myScore: null,
    });
    expect(pitches.find((p) => p.text === DIRK_PITCH)?.myScore).toEqual({
      emotion: 0,
      shared: 1,
      time: 0,
    });

    // One vote: moving it to Dirk's pitch takes it from Bram's, but EGT still leads.
    await panel.user.click(panel.getByRole('button', { name: `Vote for this: ${DIRK_PITCH}` }));
    expect(panel.getByRole('button', { name: `Vote for this: ${BRAM_PITCH}` })).toBeTruthy();
    expect(result()[0]).toContain(BRAM_PITCH);
  });

  it('explains each EGT letter in one line, in both languages', () => {
    const doc = meeting();
    const lines = (panel: ReturnType<typeof renderBoard>, name: string) =>
      Array.from(panel.getByRole('list', { name }).querySelectorAll('li'), (li) => li.textContent);
    expect(lines(renderBoard(PitchBoard, doc, anna), 'What EGT means')).toEqual([
      'Emotion: Does this question come with a lot of emotion?',
      'Shared: Is it a kind of case the group shares in its work?',
      'Time-bound: Is the work question bound to a deadline?',
    ]);
    cleanup();
    expect(lines(renderBoard(PitchBoard, doc, bram, 'nl'), 'Wat EGT betekent')).toEqual([
      'Emotie: Gaat er veel emotie gepaard met deze vraag?',
      'Gezamenlijk: Gaat de vraag om casuïstiek die de groep gezamenlijk kent?',
      'Tijdslimiet: Is de werkvraag erg aan een tijdslimiet gebonden?',
    ]);
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
