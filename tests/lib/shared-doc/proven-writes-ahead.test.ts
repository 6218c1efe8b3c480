import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as sha2 from '@noble/hashes/sha2.js';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import {
  enforceSignatures,
  provenSignatures,
  rejectedWrites,
  vouchFor,
  vouchVerified,
} from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { provenWritesAhead } from '../../../lib/shared-doc/vouch-ahead';
import { meetingWithTwoPitches, signersNamed, TWO_PITCHES } from '../helpers/signed-docs';

vi.mock('@noble/hashes/sha2.js', async (importOriginal) => {
  const original = await importOriginal<typeof sha2>();
  const create = vi.fn(original.sha256.create);
  return {
    ...original,
    sha256: Object.assign(original.sha256.bind(null), original.sha256, { create }),
  };
});
const hashes = vi.mocked(sha2.sha256.create);

/**
 * Issue 15, a returning member's reload: the writes of the copy this device kept are taken by the
 * proofs it sealed with it, each proof worked out by the platform's SHA-256 while the panel
 * opens (`provenWritesAhead`), so that the first read hashes none of them in JavaScript. On the
 * same ground as the kept proofs themselves: a write whose proof was not kept is verified on
 * read as always.
 */
const SCOPE = 'meeting-kept-1';
let anna: SessionSigner;
let bram: SessionSigner;
let annaAgain: SessionSigner;

beforeAll(async () => {
  [anna, bram, annaAgain] = await signersNamed('Anna', 'Bram', 'Anna');
});

function panel(): Y.Doc {
  const doc = new Y.Doc();
  enforceSignatures(doc, { scope: SCOPE, signer: annaAgain });
  return doc;
}

function pitchesOf(doc: Y.Doc): string[] {
  const meeting = readMeeting(doc);
  return readBoard(doc, meeting.method, anna.card.memberId)
    .pitches.map((p) => p.text)
    .sort();
}

/** What a panel keeps after reading the meeting: its copy and the proofs of what it verified. */
function keptCopy(): { state: Uint8Array; proven: Uint8Array } {
  const reader = panel();
  Y.applyUpdate(reader, Y.encodeStateAsUpdate(meetingWithTwoPitches(anna, bram, SCOPE)));
  expect(pitchesOf(reader)).toEqual([...TWO_PITCHES].sort());
  return { state: Y.encodeStateAsUpdate(reader), proven: provenSignatures(reader) };
}

/** Restores `state` as group-session.ts does, with or without the writes proven ahead. */
async function restore(
  state: Uint8Array,
  proven: Uint8Array,
  ahead: boolean,
): Promise<{ doc: Y.Doc; hashed: number; taken: number }> {
  const doc = panel();
  vouchFor(doc, proven);
  const writes = ahead ? await provenWritesAhead(SCOPE, state, proven) : null;
  if (writes) vouchVerified(doc, writes.writes, writes.proofs);
  hashes.mockClear();
  Y.applyUpdate(doc, state);
  pitchesOf(doc);
  return { doc, hashed: hashes.mock.calls.length, taken: writes?.writes.length ?? 0 };
}

/** The kept copy with Bram's first pitch's value changed under its genuine signature. */
function withPitchForged(state: Uint8Array): Uint8Array {
  const forger = new Y.Doc();
  Y.applyUpdate(forger, state);
  const pitches = forger.getMap<Record<string, unknown>>('pitches');
  const [key, envelope] = [...pitches.entries()][0]!;
  pitches.set(key, {
    ...envelope,
    v: { ...(envelope.v as Record<string, unknown>), text: 'Iets heel anders' },
  });
  return Y.encodeStateAsUpdate(forger);
}

describe('a kept copy’s writes proven ahead', () => {
  it('reads the same meeting and hashes none of the kept writes in JavaScript', async () => {
    const { state, proven } = keptCopy();
    const before = await restore(state, proven, false);
    const after = await restore(state, proven, true);
    expect(pitchesOf(after.doc)).toEqual(pitchesOf(before.doc));
    expect(after.taken).toBeGreaterThanOrEqual(4);
    // Every write taken ahead was one proof hashed in JavaScript on the first read before.
    expect(after.hashed).toBeLessThanOrEqual(before.hashed - after.taken);
    expect(rejectedWrites(after.doc)).toEqual([]);
    // The next copy keeps the same proofs.
    const sorted = (bytes: Uint8Array) =>
      Array.from({ length: bytes.length / 16 }, (_, i) =>
        String(bytes.subarray(i * 16, i * 16 + 16)),
      ).sort();
    expect(sorted(provenSignatures(after.doc))).toEqual(sorted(provenSignatures(before.doc)));
  });

  it('does not take a value changed in the copy under a signature whose proof was kept', async () => {
    const { state, proven } = keptCopy();
    const forged = withPitchForged(state);
    const writes = await provenWritesAhead(SCOPE, forged, proven);
    expect(writes).not.toBeNull();
    const { doc } = await restore(forged, proven, true);
    expect(pitchesOf(doc)).not.toContain('Iets heel anders');
    expect(rejectedWrites(doc)).toContainEqual(
      expect.objectContaining({ root: 'pitches', reason: 'forged' }),
    );
  });

  it('takes nothing without kept proofs, from proofs of another copy, or from bytes that do not decode', async () => {
    const { state, proven } = keptCopy();
    expect(await provenWritesAhead(SCOPE, state, new Uint8Array(0))).toBeNull();
    expect(await provenWritesAhead(SCOPE, state, new Uint8Array(64).fill(7))).toBeNull();
    // The same copy under another meeting's id signs other bytes: no kept proof matches.
    expect(await provenWritesAhead('another-meeting', state, proven)).toBeNull();
    expect(await provenWritesAhead(SCOPE, Uint8Array.of(1, 2, 3, 4, 5), proven)).toBeNull();
  });
});
