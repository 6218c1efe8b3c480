import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import * as Y from 'yjs';
import { CoreQuestion } from '../../../components/boards/CoreQuestion';
import { ReformulationBoard } from '../../../components/boards/ReformulationBoard';
import { addProposal, chooseCoreQuestion } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { goTo, member, startWithCase } from '../../lib/helpers/meeting';
import { renderBoard } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const dirk = member('Dirk');

const PROPOSAL = 'Hoe zeg ik nee tegen mijn collega zonder de sfeer te verpesten?';
const OWN = 'Hoe bewaak ik mijn eigen grenzen in het team?';

/** A basic meeting chaired by Anna, with Bram's case confirmed, in the awareness phase. */
function meeting(): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram, { caseText: 'Mijn collega neemt mijn diensten over' });
  goTo(doc, anna, 'reformulating');
  return doc;
}

describe('the reformulation board', () => {
  it('lets members propose and the case bringer choose a proposal as the core question', async () => {
    const doc = meeting();
    const proposer = renderBoard(ReformulationBoard, doc, dirk);
    await proposer.user.type(
      proposer.getByRole('textbox', { name: 'Your wording of the core question' }),
      PROPOSAL,
    );
    await proposer.user.click(proposer.getByRole('button', { name: 'Propose' }));
    expect(proposer.getByText(PROPOSAL)).toBeTruthy();
    expect(proposer.getByText('by Dirk')).toBeTruthy();
    expect(proposer.queryByRole('button', { name: /^Choose this one/ })).toBeNull();
    expect(proposer.queryByRole('textbox', { name: 'Or in your own words' })).toBeNull();

    const bringer = renderBoard(ReformulationBoard, doc, bram);
    expect(
      bringer.queryByRole('textbox', { name: 'Your wording of the core question' }),
    ).toBeNull();
    expect(bringer.getByRole('status').textContent).toBe('');
    await bringer.user.click(bringer.getByRole('button', { name: `Choose this one: ${PROPOSAL}` }));

    for (const panel of [bringer, proposer]) {
      expect(panel.getByRole('status').textContent).toBe(`Core question: ${PROPOSAL}`);
      expect(panel.getByText('by Dirk · chosen')).toBeTruthy();
    }
  });

  it('lets the case bringer set the core question in their own words', async () => {
    const doc = meeting();
    act(() => {
      addProposal(dirk.ctx(doc), PROPOSAL);
    });
    const bringer = renderBoard(ReformulationBoard, doc, bram);
    bringer.getByRole('textbox', { name: 'Or in your own words' }).focus();
    await bringer.user.keyboard(OWN);
    await bringer.user.tab();
    expect(document.activeElement).toBe(bringer.getByRole('button', { name: 'Set core question' }));
    await bringer.user.keyboard('{Enter}');
    expect(bringer.getByRole('status').textContent).toBe(`Core question: ${OWN}`);
    expect(bringer.getByText('by Dirk')).toBeTruthy();
  });

  it('refuses an empty core question with a message', async () => {
    const doc = meeting();
    const bringer = renderBoard(ReformulationBoard, doc, bram);
    await bringer.user.click(bringer.getByRole('button', { name: 'Set core question' }));
    expect(bringer.getByRole('alert').textContent).toBe('Write something first.');
    expect(readBoard(doc, readMeeting(doc).method, bram.id).coreQuestion).toBeNull();
  });

  it('lets authors remove their own proposal', async () => {
    const doc = meeting();
    act(() => {
      addProposal(dirk.ctx(doc), PROPOSAL);
    });
    const proposer = renderBoard(ReformulationBoard, doc, dirk);
    await proposer.user.click(proposer.getByRole('button', { name: `Remove: ${PROPOSAL}` }));
    expect(
      proposer.getByText('No proposals yet. Write the first wording of the core question.'),
    ).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    const doc = meeting();
    act(() => {
      addProposal(dirk.ctx(doc), PROPOSAL);
    });
    const proposer = renderBoard(ReformulationBoard, doc, dirk, 'nl');
    expect(
      proposer.getByRole('textbox', { name: 'Jouw formulering van de kernvraag' }),
    ).toBeTruthy();
    expect(proposer.getByRole('button', { name: 'Voorstellen' })).toBeTruthy();
    const bringer = renderBoard(ReformulationBoard, doc, bram, 'nl');
    expect(bringer.getByRole('textbox', { name: 'Of in je eigen woorden' })).toBeTruthy();
    expect(bringer.getByRole('button', { name: 'Kernvraag vastleggen' })).toBeTruthy();
    await bringer.user.click(bringer.getByRole('button', { name: `Kies deze: ${PROPOSAL}` }));
    expect(proposer.getByRole('status').textContent).toBe(`Kernvraag: ${PROPOSAL}`);
  });
});

describe('the core question', () => {
  it('shows nothing until the case bringer sets it, then the core question', () => {
    const doc = meeting();
    const panel = renderBoard(CoreQuestion, doc, anna);
    expect(panel.container.textContent).toBe('');
    act(() => {
      chooseCoreQuestion(bram.ctx(doc), { text: OWN });
    });
    expect(panel.container.textContent).toBe(`Core question: ${OWN}`);
  });
});
