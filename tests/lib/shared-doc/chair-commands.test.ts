import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changeTimer,
  goToPhase,
  nextPhase,
  previousPhase,
  setPhaseMinutes,
} from '../../../lib/shared-doc/meeting-commands';
import type { CommandResult } from '../../../lib/shared-doc/meeting-commands';
import { confirmCase, handChair, revealPhase } from '../../../lib/shared-doc/board-commands';
import { endMeeting } from '../../../lib/shared-doc/meeting-end';
import { readBoard } from '../../../lib/shared-doc/board-state';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { mayDo } from '../../../lib/method/roles';
import type { Action, Role } from '../../../lib/method/roles';
import { goTo, member, startWithCase } from '../helpers/meeting';
import type { TestMember } from '../helpers/meeting';

const anna = member('Anna'); // chair
const bram = member('Bram'); // case bringer
const carla = member('Carla');
const dirk = member('Dirk');
const BY_ROLE: Readonly<Record<Role, TestMember>> = { chair: anna, bringer: bram, member: carla };

/** An incident meeting with Bram's case, in the phase with this activity (its asking is blind). */
function meetingIn(activity: string): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, anna, bram, { methodId: 'incident' });
  if (readMeeting(doc).phase.activity !== activity) goTo(doc, anna, activity);
  return doc;
}

interface ChairCommand {
  readonly name: string;
  readonly action: Action;
  readonly activity: string;
  /** What a refusal says: the meeting commands predate the table and say 'not-chair'. */
  readonly refusal: CommandResult;
  readonly run: (doc: Y.Doc, who: TestMember) => CommandResult;
}

const NOT_CHAIR: CommandResult = { ok: false, reason: 'not-chair' };
const NOT_ALLOWED: CommandResult = { ok: false, reason: 'not-allowed' };

/** Every command that steers the meeting, each set up so that only the role decides. */
const CHAIR_COMMANDS: readonly ChairCommand[] = [
  {
    name: 'goToPhase',
    action: 'move-phase',
    activity: 'asking',
    refusal: NOT_CHAIR,
    run: (doc, who) => goToPhase(doc, who.id, 1, 5),
  },
  {
    name: 'nextPhase',
    action: 'move-phase',
    activity: 'asking',
    refusal: NOT_CHAIR,
    run: (doc, who) => nextPhase(doc, who.id, 5),
  },
  {
    name: 'previousPhase',
    action: 'move-phase',
    activity: 'asking',
    refusal: NOT_CHAIR,
    run: (doc, who) => previousPhase(doc, who.id, 5),
  },
  {
    name: 'changeTimer (pause)',
    action: 'timer',
    activity: 'asking',
    refusal: NOT_CHAIR,
    run: (doc, who) => changeTimer(doc, who.id, { kind: 'pause' }, 5),
  },
  {
    name: 'changeTimer (extend)',
    action: 'timer',
    activity: 'advising',
    refusal: NOT_CHAIR,
    run: (doc, who) => changeTimer(doc, who.id, { kind: 'extend', minutes: 2 }, 5),
  },
  {
    name: 'changeTimer (reset)',
    action: 'timer',
    activity: 'asking',
    refusal: NOT_CHAIR,
    run: (doc, who) => changeTimer(doc, who.id, { kind: 'reset' }, 5),
  },
  {
    name: 'setPhaseMinutes',
    action: 'timer',
    activity: 'pitching',
    refusal: NOT_CHAIR,
    run: (doc, who) =>
      setPhaseMinutes(
        doc,
        who.id,
        readMeeting(doc).method.phases.map(() => 7),
      ),
  },
  {
    name: 'endMeeting',
    action: 'end',
    activity: 'evaluating',
    refusal: NOT_CHAIR,
    run: (doc, who) => endMeeting(doc, who.id, 'meeting-0001', 5),
  },
  {
    name: 'confirmCase',
    action: 'confirm-case',
    activity: 'pitching',
    refusal: NOT_ALLOWED,
    run: (doc, who) => {
      const pitch = readBoard(doc, readMeeting(doc).method, who.id).pitches[0];
      if (!pitch) throw new Error('the case is not on the board');
      return confirmCase(who.ctx(doc), pitch.id);
    },
  },
  {
    name: 'revealPhase',
    action: 'reveal',
    activity: 'asking',
    refusal: NOT_ALLOWED,
    run: (doc, who) => revealPhase(who.ctx(doc)),
  },
  {
    name: 'handChair',
    action: 'hand-chair',
    activity: 'asking',
    refusal: NOT_ALLOWED,
    run: (doc, who) => handChair(who.ctx(doc), dirk.id, dirk.name),
  },
];

describe('commands that steer the meeting ask the roles table', () => {
  it.each(CHAIR_COMMANDS)('$name is refused to the case bringer and a member', (command) => {
    for (const role of ['bringer', 'member'] as const) {
      const doc = meetingIn(command.activity);
      const before = Y.encodeStateAsUpdate(doc);
      expect(command.run(doc, BY_ROLE[role])).toEqual(command.refusal);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    }
  });

  it.each(CHAIR_COMMANDS)('$name runs for the chair', (command) => {
    expect(command.run(meetingIn(command.activity), anna)).toEqual({ ok: true });
  });

  it.each(CHAIR_COMMANDS)('$name answers each role as the table does', (command) => {
    for (const role of ['chair', 'bringer', 'member'] as const) {
      const doc = meetingIn(command.activity);
      const activity = readMeeting(doc).phase.activity;
      expect(command.run(doc, BY_ROLE[role]).ok).toBe(mayDo(command.action, role, activity));
    }
  });

  it('gives nobody the chair in a document that names no chair', () => {
    const doc = new Y.Doc();
    for (const who of [anna, carla]) {
      expect(nextPhase(doc, who.id, 1)).toEqual(NOT_CHAIR);
      expect(changeTimer(doc, who.id, { kind: 'reset' }, 1)).toEqual(NOT_CHAIR);
      expect(setPhaseMinutes(doc, who.id, [10, 20, 10, 20, 10])).toEqual(NOT_CHAIR);
    }
    expect(readMeeting(doc).started).toBe(false);
  });
});
