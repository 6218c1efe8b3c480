import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isBlindNow, readBoard } from '../../../lib/shared-doc/board-state';
import { revealPhase } from '../../../lib/shared-doc/board-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { BASIC_METHOD } from '../../../lib/method/methods/basic';
import { goTo, member, startWithCase } from '../helpers/meeting';

const asking = BASIC_METHOD.phases[1]!;

describe('whether the current phase is a blind round still hidden', () => {
  it.each([
    ['is not blind in an open phase', { ...asking, blind: false }, [], false],
    ['is blind in a blind phase nobody revealed', { ...asking, blind: true }, [], true],
    ['is not blind once its phase was revealed', { ...asking, blind: true }, [asking.id], false],
    ['stays blind when only another phase was revealed', { ...asking, blind: true }, ['x'], true],
  ])('%s', (_title, phase, revealed, expected) => {
    expect(isBlindNow(phase, { revealed })).toBe(expected);
  });

  it('ends for everyone when the chair reveals the round', () => {
    const anna = member('Anna');
    const bram = member('Bram');
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { methodId: 'incident' });
    goTo(doc, anna, 'asking');
    const blindNow = (viewer = bram) => {
      const meeting = readMeeting(doc);
      return isBlindNow(meeting.phase, readBoard(doc, meeting.method, viewer.id));
    };
    expect([blindNow(anna), blindNow(bram)]).toEqual([true, true]);
    expect(revealPhase(anna.ctx(doc))).toEqual({ ok: true });
    expect([blindNow(anna), blindNow(bram)]).toEqual([false, false]);
  });
});
