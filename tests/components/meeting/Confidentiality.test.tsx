import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import { Confidentiality } from '../../../components/meeting/Confidentiality';
import { confirmConfidentiality } from '../../../lib/shared-doc/confidentiality';
import { BOARD_ROOTS } from '../../../lib/shared-doc/doc-schema';
import { goTo, member, start } from '../../lib/helpers/meeting';
import { renderBoard, renderPanels } from '../helpers/render-board';

afterEach(cleanup);

const anna = member('Anna');
const bram = member('Bram');
const carla = member('Carla');

/** A basic meeting in its first phase, chaired by Anna. */
function meeting(methodId = 'basic'): Y.Doc {
  const doc = new Y.Doc();
  start(doc, anna, methodId);
  return doc;
}

describe('the confidentiality agreement (issue 14, point 9)', () => {
  it('lets each member agree with a named checkbox, and the chair sees who has and who not yet', async () => {
    const doc = meeting();
    const panel = renderPanels(Confidentiality, doc, [anna, bram, carla]);
    const user = userEvent.setup();
    for (const m of [anna, bram, carla]) {
      expect(panel(m).getByText('What is said in the group stays confidential.')).toBeTruthy();
    }
    const status = () => panel(anna).getByTestId('confidentiality-status').textContent;
    expect(status()).toBe('Confirmed: nobody yet · Not yet: Anna, Bram, Carla');
    // Only the chair reads the list.
    expect(panel(bram).queryByTestId('confidentiality-status')).toBeNull();

    const bramBox = panel(bram).getByRole('checkbox', { name: 'I agree' });
    expect(bramBox.getAttribute('aria-describedby')).toBeTruthy();
    await user.click(bramBox);
    expect(
      (panel(bram).getByRole('checkbox', { name: 'I agree' }) as HTMLInputElement).checked,
    ).toBe(true);
    // Bram's tick is his own: Carla's box stays empty.
    expect(
      (panel(carla).getByRole('checkbox', { name: 'I agree' }) as HTMLInputElement).checked,
    ).toBe(false);
    expect(status()).toBe('Confirmed: Bram · Not yet: Anna, Carla');
    const region = panel(anna).getByRole('status');
    expect(region.textContent).toBe(status());

    await user.click(panel(anna).getByRole('checkbox', { name: 'I agree' }));
    await user.click(panel(carla).getByRole('checkbox', { name: 'I agree' }));
    expect(status()).toBe('Confirmed: Anna, Bram, Carla · Everyone has confirmed.');

    // Unticking takes the confirmation back.
    await user.click(panel(carla).getByRole('checkbox', { name: 'I agree' }));
    expect(status()).toBe('Confirmed: Anna, Bram · Not yet: Carla');
  });

  it('counts no junk a peer writes into the confirmations', () => {
    const doc = meeting();
    const panel = renderPanels(Confidentiality, doc, [anna, bram]);
    act(() => {
      doc.getMap<unknown>(BOARD_ROOTS.confidentiality).set('not an id', { at: 1 });
      doc.getMap<unknown>(BOARD_ROOTS.confidentiality).set(bram.id, 'yes');
    });
    expect(panel(anna).getByTestId('confidentiality-status').textContent).toBe(
      'Confirmed: nobody yet · Not yet: Anna, Bram',
    );
  });

  it('speaks Dutch', async () => {
    const doc = meeting();
    const panel = renderBoard(Confidentiality, doc, bram, 'nl');
    expect(panel.getByText('Wat er in de groep gezegd wordt, blijft vertrouwelijk.')).toBeTruthy();
    await panel.user.click(panel.getByRole('checkbox', { name: 'Ik ga akkoord' }));
    expect(
      (panel.getByRole('checkbox', { name: 'Ik ga akkoord' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('opens the first phase of every method and leaves the later phases alone', () => {
    for (const methodId of ['basic', 'incident', 'balint', 'gossip', 'socratic']) {
      const doc = meeting(methodId);
      const panel = renderBoard(Confidentiality, doc, bram);
      expect(panel.queryByTestId('confidentiality')).not.toBeNull();
      act(() => goTo(doc, anna, 'asking'));
      expect(panel.queryByTestId('confidentiality')).toBeNull();
      cleanup();
    }
  });

  it('shows a member their own confirmation made on another device', () => {
    const doc = meeting();
    const panel = renderBoard(Confidentiality, doc, carla);
    act(() => {
      confirmConfidentiality(carla.ctx(doc));
    });
    expect((panel.getByRole('checkbox', { name: 'I agree' }) as HTMLInputElement).checked).toBe(
      true,
    );
  });
});
