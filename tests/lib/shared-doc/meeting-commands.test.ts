import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  changeTimer,
  goToPhase,
  nextPhase,
  previousPhase,
  setPhaseMinutes,
  startMeeting,
} from '../../../lib/shared-doc/meeting-commands';
import type { CommandResult } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { readTimer } from '../../../lib/shared-doc/timer';
import { meetingMap } from '../../../lib/shared-doc/doc-schema';
import {
  addAdvice,
  addEvaluation,
  addPitch,
  addProposal,
  addQuestion,
  chooseCoreQuestion,
  confirmCase,
  handChair,
  markAnswered,
  orderAdvice,
  rateQuestion,
  removeOwnItem,
  revealPhase,
  scorePitch,
  setIntentions,
  setKeepCaseTitle,
  shareLookBack,
  starAdvice,
  takeChair,
  votePitch,
} from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';
import type { BoardState } from '../../../lib/shared-doc/board-state';
import { endMeeting } from '../../../lib/shared-doc/meeting-end';
import { goTo, member, start, startWithCase } from '../helpers/meeting';

const CHAIR = 'chair-000001';
const MEMBER = 'member-00002';

function started(): Y.Doc {
  const doc = new Y.Doc();
  const result = startMeeting(doc, {
    methodId: 'basic',
    chairId: CHAIR,
    chairName: 'Anna',
    groupName: 'Verpleging B3',
    now: 1000,
  });
  expect(result).toEqual({ ok: true });
  return doc;
}

describe('meeting commands', () => {
  it('starts a meeting in the first phase with the starter as chair', () => {
    const state = readMeeting(started());
    expect(state).toMatchObject({
      started: true,
      phaseIndex: 0,
      chairId: CHAIR,
      chairName: 'Anna',
      groupName: 'Verpleging B3',
    });
    expect(state.phase.id).toBe('inventory');
  });

  it('reads an empty document as not started', () => {
    expect(readMeeting(new Y.Doc()).started).toBe(false);
  });

  it('refuses to start a meeting twice or with an unknown method', () => {
    const doc = started();
    expect(
      startMeeting(doc, {
        methodId: 'basic',
        chairId: MEMBER,
        chairName: 'B',
        groupName: 'G',
        now: 2,
      }),
    ).toEqual({ ok: false, reason: 'already-started' });
    expect(
      startMeeting(new Y.Doc(), {
        methodId: 'nope',
        chairId: CHAIR,
        chairName: 'A',
        groupName: 'G',
        now: 2,
      }),
    ).toEqual({ ok: false, reason: 'unknown-method' });
  });

  it('lets the chair move forward and back through the phases', () => {
    const doc = started();
    expect(nextPhase(doc, CHAIR, 2000)).toEqual({ ok: true });
    expect(nextPhase(doc, CHAIR, 3000)).toEqual({ ok: true });
    expect(readMeeting(doc).phaseIndex).toBe(2);
    // The phase's timer runs from the move, on the chair's clock.
    expect(readTimer(doc)).toMatchObject({
      phaseId: readMeeting(doc).phase.id,
      runningSince: 3000,
      elapsedMs: 0,
    });
    expect(previousPhase(doc, CHAIR, 4000)).toEqual({ ok: true });
    expect(readMeeting(doc).phase.id).toBe('analysis');
  });

  it('does not let a member move the phase', () => {
    const doc = started();
    expect(nextPhase(doc, MEMBER, 2000)).toEqual({ ok: false, reason: 'not-chair' });
    expect(readMeeting(doc).phaseIndex).toBe(0);
  });

  it('stops at the first and the last phase', () => {
    const doc = started();
    expect(previousPhase(doc, CHAIR, 1)).toEqual({ ok: false, reason: 'no-such-phase' });
    expect(goToPhase(doc, CHAIR, 4, 2)).toEqual({ ok: true });
    expect(nextPhase(doc, CHAIR, 3)).toEqual({ ok: false, reason: 'no-such-phase' });
  });

  it('keeps the last valid values when a peer writes malformed ones', () => {
    const doc = started();
    expect(goToPhase(doc, CHAIR, 2, 2000)).toEqual({ ok: true });
    const map = meetingMap(doc);
    map.set('phaseIndex', 99);
    map.set('methodId', { evil: true });
    map.set('chairName', 'x'.repeat(10_000));
    map.set('startedAt', 'yesterday');
    const state = readMeeting(doc);
    expect(state.method.id).toBe('basic');
    expect(state.phaseIndex).toBe(2);
    expect(state.chairName).toBe('Anna');
    expect(state.startedAt).toBe(1000);
    // The chair's next step goes on from the phase the panel shows.
    expect(nextPhase(doc, CHAIR, 3000)).toEqual({ ok: true });
    expect(readMeeting(doc).phase.id).toBe('advice');
  });

  it('reads malformed values in a document that never held valid ones as safe defaults', () => {
    const doc = new Y.Doc();
    const map = meetingMap(doc);
    map.set('phaseIndex', 99);
    map.set('methodId', { evil: true });
    map.set('chairName', 'x'.repeat(10_000));
    map.set('startedAt', 'yesterday');
    const state = readMeeting(doc);
    expect(state.method.id).toBe('basic');
    expect(state.phaseIndex).toBe(0);
    expect(state.chairName).toBeNull();
    expect(state.startedAt).toBeNull();
    expect(state.started).toBe(false);
  });
});

describe('every command is one transaction, so a peer never receives half of one', () => {
  const anna = member('Anna'); // chair
  const bram = member('Bram'); // case bringer
  const carla = member('Carla');

  const boardOf = (doc: Y.Doc): BoardState => readBoard(doc, readMeeting(doc).method, anna.id);

  /** A meeting with a case, in the first phase of `activity`. */
  function meetingIn(activity: string, methodId = 'basic'): Y.Doc {
    const doc = new Y.Doc();
    startWithCase(doc, anna, bram, { methodId });
    goTo(doc, anna, activity);
    return doc;
  }

  function withPitch(): { doc: Y.Doc; pitchId: string } {
    const doc = new Y.Doc();
    start(doc, anna);
    expect(addPitch(carla.ctx(doc), 'Een lastig gesprek', 'case')).toEqual({ ok: true });
    return { doc, pitchId: boardOf(doc).pitches[0]!.id };
  }

  function withQuestion(): { doc: Y.Doc; questionId: string } {
    const doc = meetingIn('asking');
    expect(addQuestion(carla.ctx(doc), 'Wat maakt het lastig?')).toEqual({ ok: true });
    return { doc, questionId: boardOf(doc).questions[0]!.id };
  }

  function withAdvice(): { doc: Y.Doc; adviceId: string } {
    const doc = meetingIn('advising');
    expect(addAdvice(carla.ctx(doc), 'Vraag door')).toEqual({ ok: true });
    return { doc, adviceId: boardOf(doc).advice[0]!.id };
  }

  const startInput = {
    methodId: 'basic',
    chairId: anna.id,
    chairName: 'Anna',
    groupName: 'Testgroep',
    now: 1000,
  };

  /** Each command with the document it runs on; setting up is not counted. */
  const commands: ReadonlyArray<readonly [string, () => { doc: Y.Doc; run: () => CommandResult }]> =
    [
      [
        'startMeeting',
        () => {
          const doc = new Y.Doc();
          return { doc, run: () => startMeeting(doc, startInput) };
        },
      ],
      [
        'startMeeting with planned minutes',
        () => {
          const doc = new Y.Doc();
          return {
            doc,
            run: () => startMeeting(doc, { ...startInput, phaseMinutes: [10, 20, 10, 15, 5] }),
          };
        },
      ],
      [
        'setPhaseMinutes',
        () => {
          const doc = started();
          return { doc, run: () => setPhaseMinutes(doc, CHAIR, [12, 20, 10, 15, 5]) };
        },
      ],
      [
        'goToPhase',
        () => {
          const doc = started();
          return { doc, run: () => goToPhase(doc, CHAIR, 3, 2000) };
        },
      ],
      [
        'nextPhase',
        () => {
          const doc = started();
          return { doc, run: () => nextPhase(doc, CHAIR, 2000) };
        },
      ],
      [
        'previousPhase',
        () => {
          const doc = started();
          nextPhase(doc, CHAIR, 2000);
          return { doc, run: () => previousPhase(doc, CHAIR, 3000) };
        },
      ],
      [
        'changeTimer pause',
        () => {
          const doc = started();
          return { doc, run: () => changeTimer(doc, CHAIR, { kind: 'pause' }, 2000) };
        },
      ],
      [
        'changeTimer resume',
        () => {
          const doc = started();
          changeTimer(doc, CHAIR, { kind: 'pause' }, 2000);
          return { doc, run: () => changeTimer(doc, CHAIR, { kind: 'resume' }, 3000) };
        },
      ],
      [
        'changeTimer extend',
        () => {
          const doc = started();
          return { doc, run: () => changeTimer(doc, CHAIR, { kind: 'extend', minutes: 2 }, 2000) };
        },
      ],
      [
        'changeTimer reset',
        () => {
          const doc = started();
          return { doc, run: () => changeTimer(doc, CHAIR, { kind: 'reset' }, 2000) };
        },
      ],
      [
        'addPitch',
        () => {
          const doc = new Y.Doc();
          start(doc, anna);
          return { doc, run: () => addPitch(carla.ctx(doc), 'Een lastig gesprek', 'case') };
        },
      ],
      [
        'scorePitch',
        () => {
          const { doc, pitchId } = withPitch();
          return {
            doc,
            run: () => scorePitch(bram.ctx(doc), pitchId, { emotion: 1, shared: 2, time: 3 }),
          };
        },
      ],
      [
        'votePitch',
        () => {
          const { doc, pitchId } = withPitch();
          return { doc, run: () => votePitch(bram.ctx(doc), pitchId) };
        },
      ],
      [
        'confirmCase',
        () => {
          const { doc, pitchId } = withPitch();
          return { doc, run: () => confirmCase(anna.ctx(doc), pitchId) };
        },
      ],
      [
        'addQuestion',
        () => {
          const doc = meetingIn('asking');
          return { doc, run: () => addQuestion(carla.ctx(doc), 'Wat maakt het lastig?') };
        },
      ],
      [
        'markAnswered',
        () => {
          const { doc, questionId } = withQuestion();
          return { doc, run: () => markAnswered(bram.ctx(doc), questionId, true) };
        },
      ],
      [
        'rateQuestion',
        () => {
          const { doc, questionId } = withQuestion();
          return { doc, run: () => rateQuestion(bram.ctx(doc), questionId, 'warm') };
        },
      ],
      [
        'revealPhase',
        () => {
          const doc = meetingIn('questions', 'socratic');
          return { doc, run: () => revealPhase(anna.ctx(doc)) };
        },
      ],
      [
        'addProposal',
        () => {
          const doc = meetingIn('reformulating');
          return { doc, run: () => addProposal(carla.ctx(doc), 'Hoe blijf ik rustig?') };
        },
      ],
      [
        'chooseCoreQuestion',
        () => {
          const doc = meetingIn('reformulating');
          return {
            doc,
            run: () => chooseCoreQuestion(bram.ctx(doc), { text: 'Hoe blijf ik rustig?' }),
          };
        },
      ],
      [
        'addAdvice',
        () => {
          const doc = meetingIn('advising');
          return { doc, run: () => addAdvice(carla.ctx(doc), 'Vraag door') };
        },
      ],
      [
        'starAdvice',
        () => {
          const { doc, adviceId } = withAdvice();
          return { doc, run: () => starAdvice(bram.ctx(doc), adviceId, true) };
        },
      ],
      [
        'orderAdvice',
        () => {
          const { doc, adviceId } = withAdvice();
          return { doc, run: () => orderAdvice(bram.ctx(doc), [adviceId]) };
        },
      ],
      [
        'setIntentions',
        () => {
          const doc = meetingIn('advising');
          return { doc, run: () => setIntentions(bram.ctx(doc), 'Ik vraag eerst door') };
        },
      ],
      [
        'addEvaluation',
        () => {
          const doc = meetingIn('evaluating');
          return { doc, run: () => addEvaluation(carla.ctx(doc), 'learning', 'Rust') };
        },
      ],
      [
        'shareLookBack',
        () => {
          const doc = new Y.Doc();
          start(doc, anna);
          return { doc, run: () => shareLookBack(carla.ctx(doc), 'Het gesprek ging beter') };
        },
      ],
      [
        'setKeepCaseTitle',
        () => {
          const doc = meetingIn('asking');
          return { doc, run: () => setKeepCaseTitle(bram.ctx(doc), true) };
        },
      ],
      [
        'removeOwnItem',
        () => {
          const { doc, pitchId } = withPitch();
          return { doc, run: () => removeOwnItem(carla.ctx(doc), 'pitches', pitchId) };
        },
      ],
      [
        'handChair',
        () => {
          const doc = new Y.Doc();
          start(doc, anna);
          return { doc, run: () => handChair(anna.ctx(doc), carla.id, 'Carla') };
        },
      ],
      [
        'takeChair',
        () => {
          const doc = new Y.Doc();
          start(doc, anna);
          return { doc, run: () => takeChair(carla.ctx(doc), false) };
        },
      ],
      [
        'endMeeting',
        () => {
          const doc = meetingIn('evaluating');
          return { doc, run: () => endMeeting(doc, anna.id, 'meeting-0001', 5000) };
        },
      ],
    ];

  it.each(commands)('%s writes in exactly one transaction', (_name, prepare) => {
    const { doc, run } = prepare();
    let transactions = 0;
    const count = (): void => {
      transactions++;
    };
    doc.on('afterTransaction', count);
    expect(run()).toEqual({ ok: true });
    doc.off('afterTransaction', count);
    expect(transactions).toBe(1);
  });
});
