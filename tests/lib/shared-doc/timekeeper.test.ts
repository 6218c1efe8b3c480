import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { member, start } from '../helpers/meeting';
import {
  ctxOf,
  panelsInMeeting,
  signedPanel,
  signersNamed,
  syncDocs,
} from '../helpers/signed-docs';
import { changeTimer, setTimekeeper } from '../../../lib/shared-doc/meeting-commands';
import { handChair } from '../../../lib/shared-doc/board-commands';
import { endMeeting } from '../../../lib/shared-doc/meeting-end';
import { repairMeeting } from '../../../lib/shared-doc/meeting-upkeep';
import { readTimekeeper, TIMEKEEPER_KEY } from '../../../lib/shared-doc/timekeeper';
import { readTimer, remainingMs } from '../../../lib/shared-doc/timer';
import { MEETING_KEYS, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { put } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';

/*
 * The timekeeper (domain.md, roles: "tijdbewaker ... some groups split these off from the
 * chair"): the chair names a member who pauses the timer and gives a minute more; the chair
 * keeps the phases, the plan and the reset. Every panel takes the timekeeper's timer, and
 * nobody else's.
 */

const anna = member('Anna'); // chair
const dirk = member('Dirk'); // timekeeper
const carla = member('Carla');
const MIN = 60_000;
const left = (doc: Y.Doc, at: number) => remainingMs(readTimer(doc)!, at, 0);

describe('the timekeeper', () => {
  it('is named by the chair, and then pauses, resumes and extends the timer, but does not reset it', () => {
    const doc = new Y.Doc();
    start(doc, anna); // at 0: inventory, 15 minutes
    expect(readTimekeeper(doc)).toBeNull();
    expect(changeTimer(doc, dirk.id, { kind: 'pause' }, 2 * MIN)).toEqual({
      ok: false,
      reason: 'not-chair',
    });
    expect(setTimekeeper(doc, anna.id, dirk.id)).toEqual({ ok: true });
    expect(readTimekeeper(doc)).toBe(dirk.id);

    expect(changeTimer(doc, dirk.id, { kind: 'pause' }, 4 * MIN)).toEqual({ ok: true });
    expect(left(doc, 30 * MIN)).toBe(11 * MIN);
    expect(changeTimer(doc, dirk.id, { kind: 'resume' }, 10 * MIN)).toEqual({ ok: true });
    expect(changeTimer(doc, dirk.id, { kind: 'extend', minutes: 1 }, 10 * MIN)).toEqual({
      ok: true,
    });
    expect(left(doc, 12 * MIN)).toBe(10 * MIN);
    expect(changeTimer(doc, dirk.id, { kind: 'reset' }, 12 * MIN)).toEqual({
      ok: false,
      reason: 'not-chair',
    });
    expect(left(doc, 12 * MIN)).toBe(10 * MIN);
    // Anyone else still may not touch it.
    expect(changeTimer(doc, carla.id, { kind: 'pause' }, 12 * MIN).ok).toBe(false);
    // The chair keeps all of it.
    expect(changeTimer(doc, anna.id, { kind: 'reset' }, 12 * MIN)).toEqual({ ok: true });
    expect(left(doc, 12 * MIN)).toBe(15 * MIN);
  });

  it('is named only by the chair, never the chair themself, and can be nobody again', () => {
    const doc = new Y.Doc();
    expect(setTimekeeper(doc, anna.id, dirk.id)).toEqual({ ok: false, reason: 'not-started' });
    start(doc, anna);
    expect(setTimekeeper(doc, carla.id, carla.id)).toEqual({ ok: false, reason: 'not-chair' });
    expect(setTimekeeper(doc, carla.id, dirk.id)).toEqual({ ok: false, reason: 'not-chair' });
    expect(setTimekeeper(doc, anna.id, anna.id)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(setTimekeeper(doc, anna.id, '<script>')).toEqual({ ok: false, reason: 'not-allowed' });
    expect(readTimekeeper(doc)).toBeNull();
    expect(setTimekeeper(doc, anna.id, dirk.id).ok).toBe(true);
    expect(setTimekeeper(doc, anna.id, null)).toEqual({ ok: true });
    expect(readTimekeeper(doc)).toBeNull();
    expect(changeTimer(doc, dirk.id, { kind: 'pause' }, MIN).ok).toBe(false);
  });

  it('reads garbage as the last valid timekeeper, and goes with the end of the meeting', () => {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(setTimekeeper(doc, anna.id, dirk.id).ok).toBe(true);
    // Read as every panel does on each refresh, before the garbage comes.
    expect(readTimekeeper(doc)).toBe(dirk.id);
    for (const junk of ['dirk', { memberId: 42 }, { memberId: '<b>' }, null]) {
      meetingMap(doc).set(TIMEKEEPER_KEY, junk);
      expect(readTimekeeper(doc), JSON.stringify(junk)).toBe(dirk.id);
    }
    expect(endMeeting(doc, anna.id, 'meeting-00001', 5 * MIN).ok).toBe(true);
    expect(meetingMap(doc).has(TIMEKEEPER_KEY)).toBe(false);
    expect(readTimekeeper(doc)).toBeNull();
  });
});

describe('a signed reader takes the timer from the chair and the timekeeper only', () => {
  const SCOPE = 'meeting-keeper-1';
  let signers: Record<'anna' | 'dirk' | 'carla', SessionSigner>;
  beforeAll(async () => {
    const [a, d, c] = await signersNamed('Anna', 'Dirk', 'Carla');
    signers = { anna: a, dirk: d, carla: c };
  });
  const id = (who: 'anna' | 'dirk' | 'carla') => signers[who].card.memberId;

  /** Three panels in one meeting, Anna chairing, all in step, each showing the timer. */
  function meeting() {
    const docs = panelsInMeeting(signers, 'anna', SCOPE);
    for (const doc of Object.values(docs)) expect(readTimer(doc)).not.toBeNull();
    return docs;
  }

  it("takes the timekeeper's pause on every panel, and a panel joining later reads it too", () => {
    const docs = meeting();
    expect(setTimekeeper(docs.anna, id('anna'), id('dirk')).ok).toBe(true);
    syncDocs(Object.values(docs));
    expect(readTimekeeper(docs.carla)).toBe(id('dirk'));
    expect(changeTimer(docs.dirk, id('dirk'), { kind: 'pause' }, 3 * MIN).ok).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) expect(readTimer(doc)?.runningSince).toBeNull();
    // The chair's panel has nothing to write back: the pause is accepted there too.
    expect(repairMeeting(docs.anna, id('anna'))).toBe(false);
    const late = signedPanel(signers.carla, SCOPE);
    syncDocs([...Object.values(docs), late]);
    expect(readTimer(late)?.runningSince).toBeNull();
  });

  it("counts the timekeeper's pause that comes before the chair's naming once the naming is here", () => {
    const docs = meeting();
    expect(setTimekeeper(docs.anna, id('anna'), id('dirk')).ok).toBe(true);
    syncDocs([docs.anna, docs.dirk]);
    // Carla hears Dirk's pause, as he sends it, before Anna's naming reaches her.
    const sent: Uint8Array[] = [];
    docs.dirk.on('update', (update: Uint8Array) => sent.push(update));
    expect(changeTimer(docs.dirk, id('dirk'), { kind: 'pause' }, 3 * MIN).ok).toBe(true);
    for (const update of sent) Y.applyUpdate(docs.carla, update);
    expect(readTimer(docs.carla)?.runningSince).not.toBeNull();
    syncDocs(Object.values(docs));
    expect(readTimer(docs.carla)?.runningSince).toBeNull();
  });

  it('keeps the timer against a member who writes it, and the chair writes it back', () => {
    const docs = meeting();
    const before = readTimer(docs.anna)!;
    // Carla, named by nobody, writes a timer of four hours under her own signature.
    expect(changeTimer(docs.carla, id('carla'), { kind: 'extend', minutes: 60 }, MIN).ok).toBe(
      false,
    );
    writeSignedTimer(docs.carla, { ...before, durationMs: 240 * MIN, clockOf: id('carla') });
    syncDocs(Object.values(docs));
    for (const doc of [docs.anna, docs.dirk]) expect(readTimer(doc)?.durationMs).toBe(15 * MIN);
    expect(repairMeeting(docs.anna, id('anna'))).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) expect(readTimer(doc)?.durationMs).toBe(15 * MIN);
  });

  it('takes no timer from a timekeeper the chair named nobody in place of', () => {
    const docs = meeting();
    expect(setTimekeeper(docs.anna, id('anna'), id('dirk')).ok).toBe(true);
    syncDocs(Object.values(docs));
    expect(setTimekeeper(docs.anna, id('anna'), null).ok).toBe(true);
    syncDocs(Object.values(docs));
    writeSignedTimer(docs.dirk, { ...readTimer(docs.dirk)!, runningSince: null });
    syncDocs(Object.values(docs));
    for (const doc of [docs.anna, docs.carla]) expect(readTimer(doc)?.runningSince).not.toBeNull();
  });

  it('lets a new chair name their own timekeeper; the old one keeps it until then', () => {
    const docs = meeting();
    expect(setTimekeeper(docs.anna, id('anna'), id('dirk')).ok).toBe(true);
    syncDocs(Object.values(docs));
    for (const doc of Object.values(docs)) expect(readTimekeeper(doc)).toBe(id('dirk'));
    expect(handChair(ctxOf(docs.anna, signers.anna), id('carla'), 'Carla').ok).toBe(true);
    syncDocs(Object.values(docs));
    expect(readTimekeeper(docs.carla)).toBe(id('dirk'));
    expect(setTimekeeper(docs.anna, id('anna'), null).ok).toBe(false);
    expect(setTimekeeper(docs.carla, id('carla'), null).ok).toBe(true);
    syncDocs(Object.values(docs));
    expect(readTimekeeper(docs.dirk)).toBeNull();
  });
});

/** Writes a timer value signed by the panel's own signer, past every command's check. */
function writeSignedTimer(doc: Y.Doc, timer: ReturnType<typeof readTimer> & {}): void {
  doc.transact(() => put(meetingMap(doc), MEETING_KEYS.timer, { ...timer }));
}
