import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ctxOf,
  panelsInMeeting,
  signedPanel,
  signersNamed,
  startAsChair,
  syncDocs,
} from '../helpers/signed-docs';
import { changeTimer, nextPhase, setTimekeeper } from '../../../lib/shared-doc/meeting-commands';
import { handChair, takeChair } from '../../../lib/shared-doc/board-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { repairMeeting } from '../../../lib/shared-doc/meeting-upkeep';
import { readTimekeeper } from '../../../lib/shared-doc/timekeeper';
import { readTimer } from '../../../lib/shared-doc/timer';
import { DOORKEEPER_KEY, readDoorkeeper, setDoorkeeper } from '../../../lib/connection/doorkeeper';
import { enforceSignatures, publishCard, put } from '../../../lib/shared-doc/signed';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { acceptedWriter } from '../../../lib/shared-doc/last-valid';
import type { SessionSigner } from '../../../lib/shared-doc/signed';

/*
 * After the chair passes the chair on, a panel that reads the meeting afresh (a member who
 * joins or reloads later) must see what the group sees: the phase, the timer and the rest the
 * chair before wrote. Signed readers accept a chair key from the chair now; they used to refuse
 * the old chair's, and such a panel showed the first phase while the group was further on.
 */

const SCOPE = 'meeting-handover-1';
type Name = 'anna' | 'bram' | 'carla' | 'dirk';
let signers: Record<Name, SessionSigner>;
beforeAll(async () => {
  const [a, b, c, d] = await signersNamed('Anna', 'Bram', 'Carla', 'Dirk');
  signers = { anna: a, bram: b, carla: c, dirk: d };
});
const id = (who: Name) => signers[who].card.memberId;
const ctx = (doc: Y.Doc, who: Name) => ctxOf(doc, signers[who]);

/** Anna's meeting on Anna's, Bram's and Carla's panels, two phases on, every panel reading it. */
function meetingOnward() {
  const { anna, bram, carla } = signers;
  const docs = panelsInMeeting({ anna, bram, carla }, 'anna', SCOPE);
  expect(nextPhase(docs.anna, id('anna'), 1000).ok).toBe(true);
  expect(nextPhase(docs.anna, id('anna'), 2000).ok).toBe(true);
  syncDocs(Object.values(docs));
  for (const doc of Object.values(docs)) read(doc);
  return docs;
}

/** What a panel shows of the meeting's course. */
function read(doc: Y.Doc) {
  const meeting = readMeeting(doc);
  return { phase: meeting.phase.id, chair: meeting.chairId, timer: readTimer(doc)?.phaseId };
}

/** A panel of `who` that reads the meeting for the first time, with everything in it. */
function freshPanel(who: Name, from: readonly Y.Doc[]): Y.Doc {
  const doc = signedPanel(signers[who], SCOPE);
  syncDocs([...from, doc]);
  return doc;
}

describe('a panel reading the meeting after the chair was passed on', () => {
  it('sees the phase and the timer the chair before set, after a hand-over', () => {
    const docs = meetingOnward();
    expect(handChair(ctx(docs.anna, 'anna'), id('bram'), 'Bram').ok).toBe(true);
    syncDocs(Object.values(docs));
    const late = freshPanel('dirk', Object.values(docs));
    expect(read(late)).toEqual({ phase: 'awareness', chair: id('bram'), timer: 'awareness' });
    // Every panel agrees, and the new chair goes on from there.
    for (const doc of Object.values(docs)) expect(read(doc)).toEqual(read(late));
    expect(nextPhase(docs.bram, id('bram'), 3000).ok).toBe(true);
    syncDocs([...Object.values(docs), late]);
    expect(read(late).phase).toBe(readMeeting(docs.anna).method.phases[3]!.id);
  });

  it('takes nothing the chair before writes after handing the chair on', () => {
    const docs = meetingOnward();
    const before = read(docs.carla);
    expect(handChair(ctx(docs.anna, 'anna'), id('bram'), 'Bram').ok).toBe(true);
    syncDocs(Object.values(docs));
    // Anna's panel, as a member now, cannot move the phase; a write past the command neither.
    expect(nextPhase(docs.anna, id('anna'), 3000).ok).toBe(false);
    docs.anna.transact(() => put(meetingMap(docs.anna), MEETING_KEYS.phaseIndex, 4));
    syncDocs(Object.values(docs));
    expect(read(docs.carla)).toEqual({ ...before, chair: id('bram') });
    // The chair's panel writes the phase back, so that a panel reading afresh has it too.
    expect(repairMeeting(docs.bram, id('bram'))).toBe(true);
    syncDocs(Object.values(docs));
    const late = freshPanel('dirk', Object.values(docs));
    expect(read(late)).toEqual({ ...before, chair: id('bram') });
  });

  it('after two hand-overs, once the chair now has written the meeting again in its name', () => {
    const docs = meetingOnward();
    expect(setTimekeeper(docs.anna, id('anna'), id('carla')).ok).toBe(true);
    expect(setDoorkeeper(docs.anna, id('anna'), id('carla')).ok).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) {
      expect([readTimekeeper(doc), readDoorkeeper(doc)]).toEqual([id('carla'), id('carla')]);
    }
    expect(handChair(ctx(docs.anna, 'anna'), id('bram'), 'Bram').ok).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) read(doc);
    // Bram's panel writes Anna's keys again as his own, once (the session adds its own keys).
    expect(repairMeeting(docs.bram, id('bram'), [DOORKEEPER_KEY])).toBe(true);
    expect(repairMeeting(docs.bram, id('bram'), [DOORKEEPER_KEY])).toBe(false);
    syncDocs(Object.values(docs));
    expect(handChair(ctx(docs.bram, 'bram'), id('carla'), 'Carla').ok).toBe(true);
    syncDocs(Object.values(docs));
    const late = freshPanel('dirk', Object.values(docs));
    expect(read(late)).toEqual({ phase: 'awareness', chair: id('carla'), timer: 'awareness' });
    expect(readTimekeeper(late)).toBe(id('carla'));
    expect(readDoorkeeper(late)).toBe(id('carla'));
  });

  it("after a take-over, once the new chair's panel has written the meeting again", () => {
    const absent = new Set<string>();
    const chairAbsent = (memberId: string) => absent.has(memberId);
    const panel = (who: Name) => {
      const doc = new Y.Doc();
      enforceSignatures(doc, { scope: SCOPE, signer: signers[who], chairAbsent });
      publishCard(doc, 'local');
      return doc;
    };
    const docs = { anna: panel('anna'), carla: panel('carla') };
    startAsChair(docs.anna, signers.anna);
    expect(nextPhase(docs.anna, id('anna'), 1000).ok).toBe(true);
    syncDocs(Object.values(docs));
    read(docs.carla);
    // Anna's laptop dies; Carla takes the chair.
    absent.add(id('anna'));
    expect(takeChair(ctx(docs.carla, 'carla'), false).ok).toBe(true);
    expect(repairMeeting(docs.carla, id('carla'))).toBe(true);
    const late = freshPanel('dirk', [docs.carla]);
    expect(read(late)).toEqual({ phase: 'analysis', chair: id('carla'), timer: 'analysis' });
  });

  it("keeps the timekeeper's timer theirs when a new chair writes the meeting again", () => {
    const docs = meetingOnward();
    expect(setTimekeeper(docs.anna, id('anna'), id('carla')).ok).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) readTimekeeper(doc);
    expect(changeTimer(docs.carla, id('carla'), { kind: 'pause' }, 2500).ok).toBe(true);
    syncDocs(Object.values(docs));
    expect(handChair(ctx(docs.anna, 'anna'), id('bram'), 'Bram').ok).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) read(doc);
    const timer = meetingMap(docs.bram).get(MEETING_KEYS.timer);
    expect(repairMeeting(docs.bram, id('bram'))).toBe(true);
    // The phase is Bram's now; the paused timer is still Carla's write.
    expect(meetingMap(docs.bram).get(MEETING_KEYS.timer)).toBe(timer);
    expect(acceptedWriter(meetingMap(docs.bram), MEETING_KEYS.phaseIndex)).toBe(id('bram'));
    syncDocs(Object.values(docs));
    const late = freshPanel('dirk', Object.values(docs));
    expect(readTimer(late)?.runningSince).toBeNull();
  });
});
