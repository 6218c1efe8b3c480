import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAdvice, addPitch, removeOwnItem } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { LIMITS } from '../../../lib/util/limits';
import { goTo, member, startWithCase } from '../helpers/meeting';

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');

const size = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).length;

/**
 * A meeting in its advice round whose document has `room` bytes left under the limit. Valid
 * items cannot get it there (the caps keep a meeting under about 3.3 MB), so the rest is junk
 * a peer wrote into a root of its own, as a hostile or broken panel could.
 */
function meetingWithRoom(room: number): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram);
  goTo(doc, anna, 'advising');
  const junk = doc.getMap<string>('junk');
  const target = LIMITS.meetingDocumentBytes - room;
  let fill = target - size(doc);
  // Each entry costs a few bytes of its own: adjust until the room left is exact.
  for (let tries = 0; tries < 5 && size(doc) !== target; tries++) {
    junk.set('x', 'x'.repeat(fill));
    fill += target - size(doc);
  }
  expect(size(doc)).toBe(target);
  return doc;
}

describe('the meeting size limit', () => {
  it('refuses an item that could push the document past LIMITS.meetingDocumentBytes, and writes nothing', () => {
    const doc = meetingWithRoom(1000);
    const before = size(doc);
    expect(addAdvice(carla.ctx(doc), 'Bel de ouder terug.'.padEnd(200, '.'))).toEqual({
      ok: false,
      reason: 'meeting-full',
    });
    expect(size(doc)).toBe(before);
  });

  it('takes an item exactly when its worst case fits: three bytes a character, 512 besides', () => {
    expect(addAdvice(carla.ctx(meetingWithRoom(3 * 100 + 512)), 'a'.repeat(100))).toEqual({
      ok: true,
    });
    expect(addAdvice(carla.ctx(meetingWithRoom(3 * 100 + 511)), 'a'.repeat(100))).toEqual({
      ok: false,
      reason: 'meeting-full',
    });
  });

  it('lets a member make room by removing an item of their own', () => {
    const doc = meetingWithRoom(3 * 1000 + 512);
    expect(addAdvice(carla.ctx(doc), 'c'.repeat(1000))).toEqual({ ok: true });
    expect(size(doc)).toBeLessThanOrEqual(LIMITS.meetingDocumentBytes);
    const again = 'd'.repeat(900);
    expect(addAdvice(carla.ctx(doc), again)).toEqual({ ok: false, reason: 'meeting-full' });
    const [own] = readBoard(doc, readMeeting(doc).method, carla.id).advice;
    expect(removeOwnItem(carla.ctx(doc), 'advice', own!.id)).toEqual({ ok: true });
    expect(addAdvice(carla.ctx(doc), again)).toEqual({ ok: true });
  });

  it('notices what the document took since its last item (the size is followed, not encoded each time)', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    goTo(doc, anna, 'advising');
    expect(addAdvice(carla.ctx(doc), 'Vraag het team om hulp.')).toEqual({ ok: true });
    // A peer's junk arrives as an update from elsewhere, up to 1,000 bytes under the limit.
    const peer = new Y.Doc();
    peer
      .getMap<string>('junk')
      .set('x', 'x'.repeat(LIMITS.meetingDocumentBytes - size(doc) - 1000));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    expect(addAdvice(carla.ctx(doc), 'Bel de ouder terug.'.padEnd(200, '.'))).toEqual({
      ok: false,
      reason: 'meeting-full',
    });
  });

  it('does not limit a meeting of ordinary size', () => {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram);
    expect(addPitch(carla.ctx(doc), 'Een collega die nooit terugbelt', 'case')).toEqual({
      ok: true,
    });
  });
});
