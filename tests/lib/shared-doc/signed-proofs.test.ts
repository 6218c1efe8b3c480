import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { boardMap } from '../../../lib/shared-doc/doc-schema';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import * as ed25519 from '../../../lib/shared-doc/ed25519';
import {
  enforceSignatures,
  provenSignatures,
  rejectedWrites,
  vouchFor,
} from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { meetingWithTwoPitches, signersNamed } from '../helpers/signed-docs';

vi.mock('../../../lib/shared-doc/ed25519', async (importOriginal) => {
  const original = await importOriginal<typeof ed25519>();
  return { ...original, verifyEd25519: vi.fn(original.verifyEd25519) };
});
const verify = vi.mocked(ed25519.verifyEd25519);

/**
 * Issue 15, late join: a panel that restores its kept copy of a meeting does not verify again
 * the signatures it verified before it kept it. The copy carries proofs (a digest of key,
 * signature and signed bytes); a proof matches only those very bytes, so anything else in the
 * document is verified as always.
 */
const SCOPE = 'meeting-proofs-1';
let anna: SessionSigner;
let bram: SessionSigner;
let annaAgain: SessionSigner;

beforeAll(async () => {
  [anna, bram, annaAgain] = await signersNamed('Anna', 'Bram', 'Anna');
});
// A block body: a function returned from beforeEach (mockClear returns the mock) is run as a
// teardown, with no arguments.
beforeEach(() => {
  verify.mockClear();
});

/** Anna's panel in a meeting with two pitches of Bram's, every write read once. */
function heldMeeting(): Y.Doc {
  const annaDoc = meetingWithTwoPitches(anna, bram, SCOPE);
  board(annaDoc);
  return annaDoc;
}

function board(doc: Y.Doc) {
  const meeting = readMeeting(doc);
  const read = readBoard(doc, meeting.method, anna.card.memberId);
  return {
    chair: meeting.chairId,
    pitches: read.pitches.map((p) => p.text).sort(),
  };
}

/** The panel after a reload: a new session, the kept state applied, with or without proofs. */
function restored(state: Uint8Array, proofs: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  enforceSignatures(doc, { scope: SCOPE, signer: annaAgain });
  if (proofs) vouchFor(doc, proofs);
  Y.applyUpdate(doc, state);
  return doc;
}

describe('a kept copy with the proofs of what was verified', () => {
  it('reads the same meeting and verifies none of its writes again', () => {
    const held = heldMeeting();
    const proofs = provenSignatures(held);
    expect(proofs.length % 16).toBe(0);
    expect(proofs.length / 16).toBeGreaterThanOrEqual(3);
    const state = Y.encodeStateAsUpdate(held);

    verify.mockClear();
    const plain = board(restored(state, null));
    const verifiedWithout = verify.mock.calls.length;
    expect(verifiedWithout).toBeGreaterThanOrEqual(4);

    verify.mockClear();
    const vouched = restored(state, proofs);
    expect(board(vouched)).toEqual(plain);
    expect(plain.pitches).toEqual([
      'Een ouder die boos belt',
      'Samenwerken met een nieuwe collega',
    ]);
    expect(verify).not.toHaveBeenCalled();
    expect(rejectedWrites(vouched)).toEqual([]);
    // The restored panel keeps them for its own next copy.
    expect(provenSignatures(vouched).length).toBeGreaterThanOrEqual(proofs.length - 16 * 2);
  });

  it('still refuses a write whose value was changed under a valid signature', () => {
    const held = heldMeeting();
    const proofs = provenSignatures(held);
    // A peer copies Bram's signed pitch and changes its text, keeping his signature.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(held));
    const pitches = forger.getMap<Record<string, unknown>>('pitches');
    const [key, envelope] = [...pitches.entries()][0]!;
    const value = envelope.v as Record<string, unknown>;
    pitches.set(key, { ...envelope, v: { ...value, text: 'Iets heel anders' } });

    verify.mockClear();
    const doc = restored(Y.encodeStateAsUpdate(forger), proofs);
    expect(board(doc).pitches).toHaveLength(1);
    expect(board(doc).pitches).not.toContain('Iets heel anders');
    expect(verify).toHaveBeenCalled();
    expect(rejectedWrites(doc)).toContainEqual(
      expect.objectContaining({ root: 'pitches', reason: 'forged' }),
    );
    expect(boardMap(doc, 'pitches').size).toBe(2);
  });

  it('verifies everything when the proofs are junk or from another meeting', () => {
    const held = heldMeeting();
    const state = Y.encodeStateAsUpdate(held);
    const junk = Uint8Array.from({ length: 16 * 40 + 7 }, (_, i) => (i * 37) % 256);
    verify.mockClear();
    const fromJunk = restored(state, junk);
    expect(board(fromJunk).pitches).toHaveLength(2);
    expect(verify.mock.calls.length).toBeGreaterThanOrEqual(4);

    // The same envelopes read in another meeting's scope are not these proofs' bytes.
    const other = new Y.Doc();
    enforceSignatures(other, { scope: 'meeting-proofs-2', signer: annaAgain });
    vouchFor(other, provenSignatures(held));
    Y.applyUpdate(other, state);
    verify.mockClear();
    expect(readBoard(other, readMeeting(other).method, anna.card.memberId).pitches).toEqual([]);
    expect(verify).toHaveBeenCalled();
  });
});
