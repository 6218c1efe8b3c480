import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import * as ed25519 from '../../../lib/shared-doc/ed25519';
import {
  enforceSignatures,
  provenSignatures,
  rejectedWrites,
} from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import {
  provePresencesAhead,
  vouchAhead,
  vouchUpdateAhead,
} from '../../../lib/shared-doc/vouch-ahead';
import { goToPhase } from '../../../lib/shared-doc/meeting-commands';
import {
  listMembers,
  PRESENCE_FIELD,
  presenceProof,
  ProofsInFlight,
} from '../../../lib/shared-doc/presence';
import type { PresenceState } from '../../../lib/shared-doc/presence';
import { fromBase64, toBase64 } from '../../../lib/util/base64';
import {
  meetingWithTwoPitches,
  signedPanel,
  signersNamed,
  startAsChair,
  syncDocs,
  TWO_PITCHES,
} from '../helpers/signed-docs';

vi.mock('../../../lib/shared-doc/ed25519', async (importOriginal) => {
  const original = await importOriginal<typeof ed25519>();
  return { ...original, verifyEd25519: vi.fn(original.verifyEd25519) };
});
const verify = vi.mocked(ed25519.verifyEd25519);

/**
 * Issue 15, late join: the signatures of a meeting a member just received are verified with
 * WebCrypto before its first read (lib/shared-doc/vouch-ahead.ts). A fast path only: what it
 * takes as verified is what the project's own check accepts, and everything else is verified
 * on read as always.
 */
const SCOPE = 'meeting-ahead-1';
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
let anna: SessionSigner;
let bram: SessionSigner;
let annaAgain: SessionSigner;

beforeAll(async () => {
  [anna, bram, annaAgain] = await signersNamed('Anna', 'Bram', 'Anna');
});
beforeEach(() => {
  verify.mockClear();
});

/** A meeting Anna chairs with two pitches of Bram's, as a joiner would receive it. */
function meetingState(): Uint8Array {
  return Y.encodeStateAsUpdate(meetingWithTwoPitches(anna, bram, SCOPE));
}

function joiner(): Y.Doc {
  const doc = new Y.Doc();
  enforceSignatures(doc, { scope: SCOPE, signer: annaAgain });
  return doc;
}

function read(doc: Y.Doc) {
  const meeting = readMeeting(doc);
  return {
    chair: meeting.chairId,
    pitches: readBoard(doc, meeting.method, anna.card.memberId)
      .pitches.map((p) => p.text)
      .sort(),
  };
}

/** The state with Bram's first pitch's envelope changed by `change`. */
function withPitchChanged(
  state: Uint8Array,
  change: (envelope: Record<string, unknown>) => Record<string, unknown>,
): Uint8Array {
  const forger = new Y.Doc();
  Y.applyUpdate(forger, state);
  const pitches = forger.getMap<Record<string, unknown>>('pitches');
  const [key, envelope] = [...pitches.entries()][0]!;
  pitches.set(key, change(envelope));
  return Y.encodeStateAsUpdate(forger);
}

describe('verifying a received meeting ahead', () => {
  it('reads the same meeting without verifying its writes in JavaScript', async () => {
    const state = meetingState();
    const plain = joiner();
    Y.applyUpdate(plain, state);
    const expected = read(plain);
    expect(expected.pitches).toEqual([...TWO_PITCHES].sort());
    expect(verify.mock.calls.length).toBeGreaterThanOrEqual(4);

    verify.mockClear();
    const ahead = joiner();
    expect(await vouchAhead(ahead, state)).toBeGreaterThanOrEqual(6);
    Y.applyUpdate(ahead, state);
    expect(read(ahead)).toEqual(expected);
    expect(verify).not.toHaveBeenCalled();
    expect(rejectedWrites(ahead)).toEqual([]);
  });

  it('keeps the very proofs a read in JavaScript keeps, worked out by the platform', async () => {
    const state = meetingState();
    const plain = joiner();
    Y.applyUpdate(plain, state);
    read(plain);
    const ahead = joiner();
    await vouchAhead(ahead, state);
    Y.applyUpdate(ahead, state);
    read(ahead);
    const proofs = (doc: Y.Doc) => {
      const bytes = provenSignatures(doc);
      return Array.from({ length: bytes.length / 16 }, (_, i) =>
        toBase64(bytes.subarray(i * 16, i * 16 + 16)),
      ).sort();
    };
    expect(proofs(ahead).length).toBeGreaterThanOrEqual(6);
    expect(proofs(ahead)).toEqual(proofs(plain));
  });

  it('refuses a value changed under a signature it verified ahead for the genuine value', async () => {
    const state = meetingState();
    const forged = withPitchChanged(state, (envelope) => ({
      ...envelope,
      v: { ...(envelope.v as Record<string, unknown>), text: 'Iets heel anders' },
    }));
    const doc = joiner();
    // The genuine meeting is verified ahead; the forged copy of it is what gets applied.
    await vouchAhead(doc, state);
    verify.mockClear();
    Y.applyUpdate(doc, forged);
    expect(read(doc).pitches).not.toContain('Iets heel anders');
    expect(verify).toHaveBeenCalled();
    expect(rejectedWrites(doc)).toContainEqual(
      expect.objectContaining({ root: 'pitches', reason: 'forged' }),
    );
  });

  it('still refuses a value changed under a valid signature', async () => {
    const forged = withPitchChanged(meetingState(), (envelope) => ({
      ...envelope,
      v: { ...(envelope.v as Record<string, unknown>), text: 'Iets heel anders' },
    }));
    const doc = joiner();
    await vouchAhead(doc, forged);
    verify.mockClear();
    Y.applyUpdate(doc, forged);
    expect(read(doc).pitches).toHaveLength(1);
    expect(read(doc).pitches).not.toContain('Iets heel anders');
    expect(verify).toHaveBeenCalled();
    expect(rejectedWrites(doc)).toContainEqual(
      expect.objectContaining({ root: 'pitches', reason: 'forged' }),
    );
  });

  it('leaves a signature with S above the group order to the strict check, which refuses it', async () => {
    // The same signature with S + L: the equation still holds; RFC 8032 says refuse.
    const malleable = withPitchChanged(meetingState(), (envelope) => {
      const sig = fromBase64(envelope.s as string)!;
      let s = 0n;
      for (let i = 63; i >= 32; i -= 1) s = (s << 8n) | BigInt(sig[i]!);
      s += L;
      for (let i = 32; i < 64; i += 1) {
        sig[i] = Number(s & 0xffn);
        s >>= 8n;
      }
      return { ...envelope, s: toBase64(sig) };
    });
    const doc = joiner();
    await vouchAhead(doc, malleable);
    verify.mockClear();
    Y.applyUpdate(doc, malleable);
    expect(read(doc).pitches).toHaveLength(1);
    expect(verify).toHaveBeenCalled();
  });

  it('takes nothing from an update that does not apply, or in a document that enforces nothing', async () => {
    expect(await vouchAhead(joiner(), Uint8Array.of(1, 2, 3, 4, 5))).toBe(0);
    expect(await vouchAhead(new Y.Doc(), meetingState())).toBe(0);
  });
});

/**
 * Issue 15, the phase path: each update a peer sends during a meeting is verified the same way
 * before it is read (the y-webrtc patch's `gate`, lib/connection/room-connection.ts). A phase
 * change overwrites two keys (the phase and its timer), and an overwriting entry names neither its root nor its key in
 * the update: they are found through the entry it follows, in the receiving document.
 */
describe('verifying a peer’s update ahead', () => {
  async function meetingOfTwo(scope: string) {
    const [chair, member] = await signersNamed('Chair', 'Member');
    const chairDoc = signedPanel(chair, scope);
    const memberDoc = signedPanel(member, scope);
    startAsChair(chairDoc, chair);
    syncDocs([chairDoc, memberDoc]);
    // The member has read the meeting once, as a panel does, before the change arrives.
    readMeeting(memberDoc);
    const updates: Uint8Array[] = [];
    chairDoc.on('update', (update: Uint8Array) => updates.push(update));
    return { chair, chairDoc, memberDoc, updates };
  }

  it('reads a phase change without verifying its writes in JavaScript', async () => {
    const { chair, chairDoc, memberDoc, updates } = await meetingOfTwo('ahead-phase-1');
    expect(goToPhase(chairDoc, chair.card.memberId, 1, 5_000).ok).toBe(true);
    const [update] = updates;
    const ahead = vouchUpdateAhead(memberDoc, update!);
    expect(ahead).not.toBeNull();
    expect(await ahead).toBe(2);
    verify.mockClear();
    Y.applyUpdate(memberDoc, update!);
    expect(readMeeting(memberDoc).phaseIndex).toBe(1);
    expect(verify).not.toHaveBeenCalled();
    expect(rejectedWrites(memberDoc)).toEqual([]);
  });

  it('still refuses a phase change whose value was changed under a valid signature', async () => {
    const { chair, chairDoc, memberDoc, updates } = await meetingOfTwo('ahead-phase-2');
    expect(goToPhase(chairDoc, chair.card.memberId, 1, 5_000).ok).toBe(true);
    // Someone between the two moves the meeting two phases on under the chair's signature.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(memberDoc));
    const forgerUpdates: Uint8Array[] = [];
    forger.on('update', (update: Uint8Array) => forgerUpdates.push(update));
    Y.applyUpdate(forger, updates[0]!);
    forgerUpdates.length = 0;
    const meeting = forger.getMap<Record<string, unknown>>('session');
    const signed = meeting.get('phaseIndex')!;
    meeting.set('phaseIndex', { ...signed, v: 2 });
    const forged = Y.mergeUpdates([updates[0]!, ...forgerUpdates]);
    await vouchUpdateAhead(memberDoc, forged);
    verify.mockClear();
    Y.applyUpdate(memberDoc, forged);
    expect(readMeeting(memberDoc).phaseIndex).not.toBe(2);
    expect(verify).toHaveBeenCalled();
    expect(rejectedWrites(memberDoc)).toContainEqual(
      expect.objectContaining({ root: 'session', key: 'phaseIndex', reason: 'forged' }),
    );
  });

  it('answers at once for an update it holds no new signature for', async () => {
    const { chair, chairDoc, memberDoc, updates } = await meetingOfTwo('ahead-phase-3');
    expect(goToPhase(chairDoc, chair.card.memberId, 1, 5_000).ok).toBe(true);
    Y.applyUpdate(memberDoc, updates[0]!);
    // The same update again (another peer passing it on): nothing new in it.
    expect(vouchUpdateAhead(memberDoc, updates[0]!)).toBeNull();
    expect(vouchUpdateAhead(memberDoc, Uint8Array.of(0, 0))).toBeNull();
    expect(vouchUpdateAhead(new Y.Doc(), updates[0]!)).toBeNull();
  });

  it('verifies a copy that arrives while the first is being verified only once', async () => {
    const { chair, chairDoc, memberDoc, updates } = await meetingOfTwo('ahead-phase-4');
    expect(goToPhase(chairDoc, chair.card.memberId, 1, 5_000).ok).toBe(true);
    const native = vi.spyOn(globalThis.crypto.subtle, 'verify');
    try {
      const first = vouchUpdateAhead(memberDoc, updates[0]!);
      const copy = vouchUpdateAhead(memberDoc, updates[0]!);
      expect(copy).not.toBeNull();
      await Promise.all([first, copy]);
      expect(native).toHaveBeenCalledTimes(2);
    } finally {
      native.mockRestore();
    }
    verify.mockClear();
    Y.applyUpdate(memberDoc, updates[0]!);
    expect(readMeeting(memberDoc).phaseIndex).toBe(1);
    expect(verify).not.toHaveBeenCalled();
  });
});

describe('strictFormOk', () => {
  it('holds for a real signature and not for S >= L or a small-order key', () => {
    const signature = anna.sign(new TextEncoder().encode('kring'));
    const key = fromBase64(anna.card.session)!;
    expect(ed25519.strictFormOk(signature, key)).toBe(true);
    const high = Uint8Array.from(signature);
    high.fill(0xff, 32);
    expect(ed25519.strictFormOk(high, key)).toBe(false);
    const identity = new Uint8Array(32);
    identity[0] = 1; // the neutral point: of small order
    expect(ed25519.strictFormOk(signature, identity)).toBe(false);
  });
});

/**
 * The presences of a group a member just joined are verified the same way before a read counts
 * them (`provePresencesAhead`): no curve math in JavaScript for a presence the browser proved,
 * and nothing counted while it is being proven.
 */
describe('presences proven ahead', () => {
  const meeting = readMeeting(new Y.Doc());

  function presence(
    signer: SessionSigner,
    clientId: number,
    proof = presenceProof(signer, clientId),
  ) {
    const state: PresenceState = {
      memberId: signer.card.memberId,
      name: signer.card.name,
      card: signer.card,
      proof,
    };
    return [clientId, { [PRESENCE_FIELD]: state }] as const;
  }

  it('counts whom the browser proved, without verifying them in JavaScript', async () => {
    const [carla, dirk] = await signersNamed('Carla', 'Dirk');
    const states = new Map<number, unknown>([presence(carla, 11), presence(dirk, 12)]);
    const inFlight = new ProofsInFlight();
    const proving = provePresencesAhead(states, inFlight);
    // Not counted while the browser verifies: neither shown nor verified here.
    expect(inFlight.has(presenceOf(states, 11), 11)).toBe(true);
    expect(listMembers(states, meeting, 'nobody-000000', { proven: true, inFlight })).toEqual([]);
    expect(await proving).toBe(true);
    expect(inFlight.has(presenceOf(states, 11), 11)).toBe(false);
    expect(
      listMembers(states, meeting, 'nobody-000000', { proven: true, inFlight }).map((m) => m.name),
    ).toEqual(['Carla', 'Dirk']);
    expect(verify).not.toHaveBeenCalled();
  });

  it('leaves a proof the browser refuses to the check on read, which refuses it too', async () => {
    const [eva, fleur] = await signersNamed('Eva', 'Fleur');
    // Eva's proof is for another client id: someone replaying her presence.
    const states = new Map<number, unknown>([
      presence(eva, 21, presenceProof(eva, 99)),
      presence(fleur, 22),
    ]);
    expect(await provePresencesAhead(states, new ProofsInFlight())).toBe(true);
    expect(
      listMembers(states, meeting, 'nobody-000000', { proven: true }).map((m) => m.name),
    ).toEqual(['Fleur']);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  function presenceOf(states: Map<number, unknown>, clientId: number): PresenceState {
    return (states.get(clientId) as Record<string, PresenceState>)[PRESENCE_FIELD]!;
  }
});
