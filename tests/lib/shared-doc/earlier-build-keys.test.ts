import { beforeAll, describe, expect, it } from 'vitest';
import { goToPhase } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { LOCAL_ORIGIN, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { tendMeeting } from '../../../lib/shared-doc/meeting-upkeep';
import { put, rejectedWrites } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { readTimer } from '../../../lib/shared-doc/timer';
import { signedPanel, signersNamed, startAsChair, syncDocs } from '../helpers/signed-docs';

/**
 * Until the sixteenth round of issue 15 every phase change also wrote `phaseStartedAt`, signed by
 * the chair, which nothing read. A chair on an earlier build still writes it: the members on this
 * build read the meeting as before, refuse nothing, and write nothing back because of it.
 */
const SCOPE = 'meeting-earlier-build-1';
let chair: SessionSigner;
let member: SessionSigner;

beforeAll(async () => {
  [chair, member] = await signersNamed('Anna', 'Bram');
});

describe('a key only an earlier build writes', () => {
  it('is read past, by the chair and by a member, in a signed meeting', () => {
    const chairDoc = signedPanel(chair, SCOPE);
    const memberDoc = signedPanel(member, SCOPE);
    startAsChair(chairDoc, chair);
    expect(goToPhase(chairDoc, chair.card.memberId, 1, 5_000).ok).toBe(true);
    // What the earlier build's goToPhase wrote beside the phase: the chair's own, signed.
    chairDoc.transact(() => put(meetingMap(chairDoc), 'phaseStartedAt', 5_000), LOCAL_ORIGIN);
    syncDocs([chairDoc, memberDoc]);
    const before = memberDoc.getMap('session').get('phaseStartedAt');
    expect(before).toBeDefined();
    for (const doc of [chairDoc, memberDoc]) {
      expect(readMeeting(doc)).toMatchObject({ started: true, phaseIndex: 1 });
      expect(readMeeting(doc)).not.toHaveProperty('phaseStartedAt');
      expect(readTimer(doc)).toMatchObject({ runningSince: 5_000, elapsedMs: 0 });
      expect(rejectedWrites(doc)).toEqual([]);
    }
    const present = [
      { memberId: chair.card.memberId, name: 'Anna', role: 'chair' as const, isSelf: false },
      { memberId: member.card.memberId, name: 'Bram', role: 'member' as const, isSelf: true },
    ];
    expect(tendMeeting(memberDoc, member.card.memberId, present)).toBe(false);
    expect(tendMeeting(chairDoc, chair.card.memberId, present)).toBe(false);
    expect(memberDoc.getMap('session').get('phaseStartedAt')).toEqual(before);
  });
});
