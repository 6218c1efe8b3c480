import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseMeetingIn, goTo, member, start, startWithCase } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';
import { ctxOf, signedPanel, signersNamed, syncDocs } from '../helpers/signed-docs';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { addPitch, confirmCase, setScale } from '../../../lib/shared-doc/board-commands';
import { goToPhase, openSecondCase } from '../../../lib/shared-doc/meeting-commands';
import { endMeeting } from '../../../lib/shared-doc/meeting-end';
import { repairMeeting } from '../../../lib/shared-doc/meeting-upkeep';
import { SCALE_KEY, caseKey, meetingMap } from '../../../lib/shared-doc/doc-schema';
import { put } from '../../../lib/shared-doc/signed';
import type { SessionSigner } from '../../../lib/shared-doc/signed';
import { takeHomeFrom, takeHomeLines } from '../../../lib/notebook/take-home';

/*
 * The solution-focused scaling question (domain.md: "scaling 0 to 10"): in its phase the case
 * bringer says where they are now, every panel reads the same number, and it goes home with
 * the take-home. Only the case bringer writes it, only in that phase, only 0 to 10.
 */

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const SF = { methodId: 'solution-focused' };

const scaleSeenBy = (doc: Y.Doc, viewer: TestMember) =>
  readBoard(doc, readMeeting(doc).method, viewer.id).scale;

describe('the scaling question', () => {
  it('lets the case bringer say where they are, change it and take it away', () => {
    const doc = caseMeetingIn(anna, bram, 'scaling', SF);
    expect(scaleSeenBy(doc, carla)).toBeNull();
    expect(setScale(bram.ctx(doc), 4)).toEqual({ ok: true });
    for (const viewer of [anna, bram, carla]) expect(scaleSeenBy(doc, viewer)).toBe(4);
    expect(setScale(bram.ctx(doc), 0)).toEqual({ ok: true });
    expect(scaleSeenBy(doc, carla)).toBe(0);
    expect(setScale(bram.ctx(doc), 10)).toEqual({ ok: true });
    expect(scaleSeenBy(doc, carla)).toBe(10);
    expect(setScale(bram.ctx(doc), null)).toEqual({ ok: true });
    expect(scaleSeenBy(doc, carla)).toBeNull();
    expect(meetingMap(doc).has(SCALE_KEY)).toBe(false);
  });

  it('refuses the chair, a member, a number off the scale, and every other phase', () => {
    const doc = caseMeetingIn(anna, bram, 'scaling', SF);
    expect(setScale(bram.ctx(doc), 6).ok).toBe(true);
    const refused = { ok: false, reason: 'not-allowed' };
    expect(setScale(anna.ctx(doc), 3)).toEqual(refused);
    expect(setScale(carla.ctx(doc), 3)).toEqual(refused);
    for (const off of [-1, 11, 4.5, Number.NaN, Infinity]) {
      expect(setScale(bram.ctx(doc), off), String(off)).toEqual(refused);
    }
    expect(scaleSeenBy(doc, carla)).toBe(6);
    // The exceptions phase asks questions too, but not this one; nor does the next small step.
    for (const phase of ['exceptions', 'next-step', 'compliments']) {
      goTo(doc, anna, phase);
      expect(setScale(bram.ctx(doc), 7), phase).toEqual(refused);
    }
    // Another method's question rounds have no scale.
    const basic = caseMeetingIn(anna, bram, 'asking');
    expect(setScale(bram.ctx(basic), 5)).toEqual(refused);
    expect(scaleSeenBy(basic, carla)).toBeNull();
  });

  it('keeps the number through the later phases, and reads a garbled one as the last valid', () => {
    const doc = caseMeetingIn(anna, bram, 'scaling', SF);
    expect(setScale(bram.ctx(doc), 4).ok).toBe(true);
    goTo(doc, anna, 'compliments');
    expect(scaleSeenBy(doc, carla)).toBe(4);
    for (const junk of ['vier', 11, -2, 3.5, { n: 4 }]) {
      meetingMap(doc).set(SCALE_KEY, junk);
      expect(scaleSeenBy(doc, carla), JSON.stringify(junk)).toBe(4);
    }
    // The case bringer's panel writes their number back; a member's does not.
    expect(repairMeeting(doc, carla.id)).toBe(false);
    expect(repairMeeting(doc, bram.id)).toBe(true);
    expect(meetingMap(doc).get(SCALE_KEY)).toBe(4);
  });

  it('goes home with the take-home, and is a line the bringer may share next time', () => {
    const doc = caseMeetingIn(anna, bram, 'scaling', SF);
    expect(setScale(bram.ctx(doc), 3).ok).toBe(true);
    goTo(doc, anna, 'next-step');
    const home = takeHomeFrom(readBoard(doc, readMeeting(doc).method, bram.id), null);
    expect(home.scale).toBe(3);
    expect(takeHomeLines(home)).toContainEqual({ key: 'scale', label: 'scale', text: '3' });
    // Not said: nothing about a scale in the take-home.
    const unsaid = caseMeetingIn(anna, bram, 'next-step', SF);
    const plain = takeHomeFrom(readBoard(unsaid, readMeeting(unsaid).method, bram.id), null);
    expect('scale' in plain).toBe(false);
    expect(takeHomeLines(plain).some((line) => line.label === 'scale')).toBe(false);
  });

  it('is cleared with everything said when the meeting ends', () => {
    const doc = caseMeetingIn(anna, bram, 'scaling', SF);
    expect(setScale(bram.ctx(doc), 8).ok).toBe(true);
    expect(endMeeting(doc, anna.id, 'meeting-00001', 5000).ok).toBe(true);
    expect(meetingMap(doc).has(SCALE_KEY)).toBe(false);
    expect(scaleSeenBy(doc, carla)).toBeNull();
  });

  it('keeps the first case’s number with its board when a second case opens', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { ...SF, caseText: 'Bram: de drukke klas' });
    expect(addPitch(carla.ctx(doc), 'Carla: het rooster', 'case').ok).toBe(true);
    goTo(doc, anna, 'scaling');
    expect(setScale(bram.ctx(doc), 5).ok).toBe(true);
    goTo(doc, anna, 'evaluation');
    expect(openSecondCase(doc, anna.id, 2000).ok).toBe(true);
    const carlas = readBoard(doc, readMeeting(doc).method, anna.id).pitches.find(
      (p) => p.authorId === carla.id,
    )!;
    expect(confirmCase(anna.ctx(doc), carlas.id).ok).toBe(true);
    goTo(doc, anna, 'scaling');
    const board = readBoard(doc, readMeeting(doc).method, anna.id);
    expect(board.scale).toBeNull();
    expect(board.earlierCases[0]?.scale).toBe(5);
    // Bram is a member now: the second case's number is Carla's.
    expect(setScale(bram.ctx(doc), 9).ok).toBe(false);
    expect(setScale(carla.ctx(doc), 2).ok).toBe(true);
    expect(meetingMap(doc).get(caseKey(SCALE_KEY, 2))).toBe(2);
    const after = readBoard(doc, readMeeting(doc).method, anna.id);
    expect([after.scale, after.earlierCases[0]?.scale]).toEqual([2, 5]);
  });
});

describe('a signed reader takes the number only from the case bringer', () => {
  const SCOPE = 'meeting-scale-1';
  let signers: Record<'anna' | 'bram' | 'carla', SessionSigner>;
  beforeAll(async () => {
    const [a, b, c] = await signersNamed('Anna', 'Bram', 'Carla');
    signers = { anna: a, bram: b, carla: c };
  });

  it('ignores a member who writes it, and keeps the bringer’s for a panel that joins later', () => {
    const annaDoc = signedPanel(signers.anna, SCOPE);
    const bramDoc = signedPanel(signers.bram, SCOPE);
    const carlaDoc = signedPanel(signers.carla, SCOPE);
    const all = [annaDoc, bramDoc, carlaDoc];
    const chair: TestMember = {
      id: signers.anna.card.memberId,
      name: 'Anna',
      ctx: (doc) => ctxOf(doc, signers.anna),
    };
    start(annaDoc, chair, 'solution-focused');
    syncDocs(all);
    expect(addPitch(ctxOf(bramDoc, signers.bram), 'De drukke klas', 'case').ok).toBe(true);
    syncDocs(all);
    const pitch = readBoard(annaDoc, readMeeting(annaDoc).method, chair.id).pitches[0]!;
    expect(confirmCase(ctxOf(annaDoc, signers.anna), pitch.id).ok).toBe(true);
    const scaling = readMeeting(annaDoc).method.phases.findIndex((p) => p.scale);
    expect(goToPhase(annaDoc, chair.id, scaling, 2000).ok).toBe(true);
    syncDocs(all);
    const seen = (doc: Y.Doc) =>
      readBoard(doc, readMeeting(doc).method, signers.carla.card.memberId).scale;
    expect(setScale(ctxOf(bramDoc, signers.bram), 4).ok).toBe(true);
    syncDocs(all);
    for (const doc of all) expect(seen(doc)).toBe(4);
    // Carla writes a number of her own under the bringer's key, signed as herself.
    carlaDoc.transact(() => put(meetingMap(carlaDoc), SCALE_KEY, 9));
    syncDocs(all);
    for (const doc of all) expect(seen(doc)).toBe(4);
    // The bringer's panel writes the number back, so that a panel joining later reads it too.
    expect(repairMeeting(bramDoc, signers.bram.card.memberId)).toBe(true);
    const late = signedPanel(signers.carla, SCOPE);
    syncDocs([...all, late]);
    for (const doc of [...all, late]) expect(seen(doc)).toBe(4);
  });
});
