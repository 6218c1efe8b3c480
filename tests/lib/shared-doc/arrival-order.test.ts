import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPitch,
  addQuestion,
  confirmCase,
  markAnswered,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { goToPhase } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { rejectedWrites } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import {
  ctxOf,
  signedPanel,
  signerNamed,
  signersNamed,
  startAsChair,
  syncDocs,
} from '../helpers/signed-docs';

/**
 * Updates from different members arrive over different connections, in any order: a panel may
 * read the chair's confirmation of a case before the pitch it names (seen in CI: Carla, who
 * joined at the start, never showed Bram as the case bringer). The chair's write must count once
 * the pitch is here, not be refused for good because it came first.
 */
const SCOPE = 'meeting-order-1';
let anna: SessionSigner;
let bram: SessionSigner;
let carla: SessionSigner;

beforeAll(async () => {
  [anna, bram, carla] = await signersNamed('Anna', 'Bram', 'Carla');
});

/** The update a command makes in `doc`, as it leaves that panel. */
function updateOf(doc: Y.Doc, run: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array) => (update = u);
  doc.on('update', take);
  run();
  doc.off('update', take);
  if (!update) throw new Error('the command wrote nothing');
  return update;
}

describe('updates that arrive out of order', () => {
  it('takes the chair’s case confirmation once the pitch it names arrives', () => {
    const docs = [signedPanel(anna, SCOPE), signedPanel(bram, SCOPE), signedPanel(carla, SCOPE)];
    const [annaDoc, bramDoc, carlaDoc] = docs as [Y.Doc, Y.Doc, Y.Doc];
    startAsChair(annaDoc, anna);
    syncDocs(docs);
    expect(readMeeting(carlaDoc).chairId).toBe(anna.card.memberId);

    const pitch = updateOf(bramDoc, () => {
      expect(
        addPitch(ctxOf(bramDoc, bram), 'Een collega die afspraken niet nakomt', 'case'),
      ).toEqual({ ok: true });
    });
    Y.applyUpdate(annaDoc, pitch);
    const pitchId = readBoard(annaDoc, readMeeting(annaDoc).method, anna.card.memberId).pitches[0]!
      .id;
    const confirmation = updateOf(annaDoc, () => {
      expect(confirmCase(ctxOf(annaDoc, anna), pitchId)).toEqual({ ok: true });
    });

    // Carla reads the confirmation first: no case bringer yet, and nothing refused.
    Y.applyUpdate(carlaDoc, confirmation);
    expect(readMeeting(carlaDoc).caseBringerId).toBeNull();
    // Then the pitch arrives.
    Y.applyUpdate(carlaDoc, pitch);
    const seen = readMeeting(carlaDoc);
    expect(seen.caseBringerId).toBe(bram.card.memberId);
    expect(seen.caseBringerName).toBe('Bram');
    expect(rejectedWrites(carlaDoc)).toEqual([]);
  });

  it('shows the case bringer’s mark that came before the confirmation naming them', async () => {
    const dana = await signerNamed('Dana');
    const all = [anna, bram, carla, dana].map((signer) => signedPanel(signer, SCOPE));
    const [annaDoc, bramDoc, carlaDoc, danaDoc] = all as [Y.Doc, Y.Doc, Y.Doc, Y.Doc];
    startAsChair(annaDoc, anna);
    syncDocs(all);
    expect(addPitch(ctxOf(bramDoc, bram), 'Een collega die afspraken niet nakomt', 'case').ok).toBe(
      true,
    );
    syncDocs(all);
    const pitchId = readBoard(annaDoc, readMeeting(annaDoc).method, anna.card.memberId).pitches[0]!
      .id;
    expect(confirmCase(ctxOf(annaDoc, anna), pitchId)).toEqual({ ok: true });
    expect(goToPhase(annaDoc, anna.card.memberId, 1, 1000)).toEqual({ ok: true });
    const fromAnna = Y.encodeStateAsUpdate(annaDoc, Y.encodeStateVector(danaDoc));
    const three = [annaDoc, bramDoc, carlaDoc];
    syncDocs(three);
    const question = updateOf(carlaDoc, () => {
      expect(addQuestion(ctxOf(carlaDoc, carla), 'Wat heb je al geprobeerd?').ok).toBe(true);
    });
    syncDocs(three);
    const questionId = readBoard(bramDoc, readMeeting(bramDoc).method, bram.card.memberId)
      .questions[0]!.id;
    const mark = updateOf(bramDoc, () => {
      expect(markAnswered(ctxOf(bramDoc, bram), questionId, true)).toEqual({ ok: true });
    });

    // Dana gets the question and Bram's mark before Anna's confirmation and phase.
    Y.applyUpdate(danaDoc, question);
    Y.applyUpdate(danaDoc, mark);
    const danaSees = () =>
      readBoard(danaDoc, readMeeting(danaDoc).method, dana.card.memberId).questions[0];
    expect(danaSees()?.answered).toBe(false);
    Y.applyUpdate(danaDoc, fromAnna);
    expect(readMeeting(danaDoc).caseBringerId).toBe(bram.card.memberId);
    expect(danaSees()?.answered).toBe(true);
  });
});
