import type * as Y from 'yjs';
import {
  LOCAL_ORIGIN,
  REVEALED_PREFIX,
  MEETING_KEYS,
  caseKey,
  meetingMap,
  SECOND_CASE_KEY,
} from './doc-schema';
import { findMethod } from '../method/method-list';
import { readMeeting, roleOf } from './meeting-state';
import type { MeetingState } from './meeting-state';
import { mayAct } from './may-act';
import { cleanName } from '../util/clean-name';
import { LIMITS } from '../util/limits';
import { safeId } from '../util/guards';
import { decodePhaseMinutes } from '../method/phase-times';
import { chairJoinsIn } from '../method/roles';
import {
  pausedTimer,
  readTimer,
  rebasedTimer,
  resumedTimer,
  writeTimer,
  MAX_TIMER_MS,
} from './timer';
import { put } from './signed';
import { readTimekeeper, TIMEKEEPER_KEY } from './timekeeper';
import {
  caseStartIndex,
  minutesLeft,
  secondCaseMinutes,
  secondCaseRefusal,
} from '../method/second-case';

/** Why a command was refused; the UI only offers allowed commands, so these mean a race. */
export type CommandRefusal =
  | 'not-chair'
  | 'no-such-phase'
  | 'unknown-method'
  | 'already-started'
  | 'not-started'
  | 'not-allowed'
  | 'empty'
  | 'too-long'
  | 'board-full'
  /** The shared document would grow past LIMITS.meetingDocumentBytes. */
  | 'meeting-full'
  | 'no-such-item'
  | 'chair-cannot-bring'
  | 'chair-present'
  /** A second case now: not before the first case's evaluation, and at most one. */
  | 'not-yet'
  | 'no-more'
  /** This member has written the phase's questions (Phase.questionsEach). */
  | 'question-limit';

/** A command either ran in one transaction or was refused with a reason. */
export type CommandResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: CommandRefusal };

const OK: CommandResult = { ok: true };

/** Starts the meeting in a fresh document, with the caller as chair, in the first phase. */
export function startMeeting(
  doc: Y.Doc,
  input: {
    methodId: string;
    chairId: string;
    chairName: string;
    groupName: string;
    now: number;
    phaseMinutes?: readonly number[];
    /**
     * The chair starts with fewer people than the method needs and will ask and advise too
     * (lib/method/roles.ts chairJoinsIn); ignored for a method that does not allow it.
     */
    chairJoinsIn?: boolean;
    /**
     * The chair guides as an external procesbegeleider, not a member of the group: never brings
     * a case, never asks or advises, even in a small group (issue 14, point 8).
     */
    chairIsExternal?: boolean;
  },
): CommandResult {
  if (!findMethod(input.methodId)) return { ok: false, reason: 'unknown-method' };
  if (readMeeting(doc).started) return { ok: false, reason: 'already-started' };
  doc.transact(() => {
    const map = meetingMap(doc);
    put(map, MEETING_KEYS.methodId, input.methodId);
    put(map, MEETING_KEYS.chairId, input.chairId);
    put(map, MEETING_KEYS.chairName, cleanName(input.chairName, LIMITS.memberName));
    put(map, MEETING_KEYS.groupName, cleanName(input.groupName, LIMITS.groupName));
    put(map, MEETING_KEYS.startedAt, input.now);
    if (input.phaseMinutes) {
      const method = findMethod(input.methodId);
      const valid = method ? decodePhaseMinutes([...input.phaseMinutes], method) : null;
      if (valid) put(map, MEETING_KEYS.phaseMinutes, valid);
    }
    // Stored, not counted from presence by each reader: every panel and every command then reads
    // the same choice. The chair's panel keeps it true to the group as people arrive and leave
    // (fitChairToGroup, and goToPhase with the number present).
    if (input.chairIsExternal === true) {
      // The chair's own id: the role is theirs and does not pass with the chair (meeting-state).
      put(map, MEETING_KEYS.chairIsExternal, input.chairId);
    } else if (input.chairJoinsIn === true && findMethod(input.methodId)?.chairMayJoinIn === true) {
      put(map, MEETING_KEYS.chairJoinsIn, true);
    }
    put(map, MEETING_KEYS.phaseIndex, 0);
    // In the same transaction: a peer must never see a started meeting without its timer.
    startPhaseTimer(doc, input.chairId, input.now);
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * Moves the meeting to a phase; only the chair may, and only to a phase that exists. `state`:
 * the meeting as the caller just read it, in the same task.
 */
export function goToPhase(
  doc: Y.Doc,
  actorId: string,
  index: number,
  now: number,
  state: MeetingState = readMeeting(doc),
  present?: number,
): CommandResult {
  if (state.ended) return { ok: false, reason: 'not-started' };
  if (!mayAct(state, actorId, 'move-phase')) return { ok: false, reason: 'not-chair' };
  if (!Number.isInteger(index) || index < 0 || index >= state.method.phases.length) {
    return { ok: false, reason: 'no-such-phase' };
  }
  doc.transact(() => {
    const map = meetingMap(doc);
    // Moving on from a blind round reveals it: by then everyone has written, and items that
    // stayed hidden for good would be lost to the group.
    if (index > state.phaseIndex) {
      for (const phase of state.method.phases.slice(0, index)) {
        if (phase.blind) put(map, caseKey(REVEALED_PREFIX + phase.id, state.caseNumber), true);
      }
    }
    put(map, MEETING_KEYS.phaseIndex, index);
    // A new phase judges the group's size afresh, in both directions (fitChairToGroup).
    const joinsIn = present === undefined ? state.chairJoinsIn : joinsInFor(state, present);
    if (joinsIn !== state.chairJoinsIn) put(map, MEETING_KEYS.chairJoinsIn, joinsIn);
    // From the state read above: this transaction changes neither the method nor its minutes,
    // and reading the whole meeting again would delay the change on its way to the others.
    // (The index is in range: checked above.)
    startPhaseTimer(doc, actorId, now, {
      phase: state.method.phases[index]!,
      phaseIndex: index,
      phaseMinutes: state.phaseMinutes,
    });
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * Starts the current phase's timer afresh, running from now on the writer's clock. `state`:
 * the meeting as it is now, when the caller knows it (else read from the document).
 */
function startPhaseTimer(
  doc: Y.Doc,
  writerId: string,
  now: number,
  state: Pick<MeetingState, 'phase' | 'phaseIndex' | 'phaseMinutes'> = readMeeting(doc),
): void {
  const minutes = state.phaseMinutes[state.phaseIndex] ?? state.phase.minutes;
  writeTimer(doc, {
    phaseId: state.phase.id,
    durationMs: minutes * 60_000,
    elapsedMs: 0,
    runningSince: now,
    clockOf: writerId,
  });
}

/** What the chair can do with the phase timer. */
export type TimerAction =
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'extend'; readonly minutes: number }
  | { readonly kind: 'reset' };

/**
 * The chair pauses, resumes, extends or resets the phase timer; the timekeeper the chair named
 * (timekeeper.ts) pauses, resumes and extends it, and leaves the reset, which throws away the
 * time the group has spent, to the chair. `previousWriterOffset` is the actor's estimate of the
 * last writer's clock offset, so that a new writer does not shift it.
 */
export function changeTimer(
  doc: Y.Doc,
  actorId: string,
  action: TimerAction,
  now: number,
  previousWriterOffset = 0,
): CommandResult {
  const state = readMeeting(doc);
  const keepsTime =
    state.started && !state.ended && action.kind !== 'reset' && readTimekeeper(doc) === actorId;
  if (!mayAct(state, actorId, 'timer') && !keepsTime) return { ok: false, reason: 'not-chair' };
  const current = readTimer(doc);
  if (!current || current.phaseId !== state.phase.id || action.kind === 'reset') {
    startPhaseTimer(doc, actorId, now);
    return OK;
  }
  const timer = rebasedTimer(current, now, actorId, previousWriterOffset);
  switch (action.kind) {
    case 'pause':
      writeTimer(doc, pausedTimer(timer, now, actorId));
      return OK;
    case 'resume':
      writeTimer(doc, resumedTimer(timer, now, actorId));
      return OK;
    case 'extend': {
      if (!Number.isInteger(action.minutes) || action.minutes < -60 || action.minutes > 60) {
        return { ok: false, reason: 'not-allowed' };
      }
      const durationMs = Math.min(
        MAX_TIMER_MS,
        Math.max(60_000, timer.durationMs + action.minutes * 60_000),
      );
      writeTimer(doc, { ...timer, durationMs });
      return OK;
    }
  }
}

/**
 * The chair names the member who keeps the time beside them (timekeeper.ts), or nobody (null).
 * Not the chair themself; whoever it is keeps it until the chair names another or the meeting
 * ends.
 */
export function setTimekeeper(doc: Y.Doc, actorId: string, memberId: string | null): CommandResult {
  return nameMember(doc, actorId, TIMEKEEPER_KEY, memberId);
}

/**
 * The chair names a member for a task beside the chair under `key` (named-member.ts: the
 * timekeeper, the doorkeeper), or nobody (null); never the chair themself.
 */
export function nameMember(
  doc: Y.Doc,
  actorId: string,
  key: string,
  memberId: string | null,
): CommandResult {
  const meeting = readMeeting(doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (roleOf(meeting, actorId) !== 'chair') return { ok: false, reason: 'not-chair' };
  if (memberId !== null && (safeId(memberId) === null || memberId === actorId)) {
    return { ok: false, reason: 'not-allowed' };
  }
  doc.transact(() => put(meetingMap(doc), key, { memberId }), LOCAL_ORIGIN);
  return OK;
}

/** The chair sets the minutes per phase (after rescaling to the time the group has). */
export function setPhaseMinutes(
  doc: Y.Doc,
  actorId: string,
  minutes: readonly number[],
): CommandResult {
  const state = readMeeting(doc);
  if (!mayAct(state, actorId, 'timer')) return { ok: false, reason: 'not-chair' };
  const valid = decodePhaseMinutes([...minutes], state.method);
  if (!valid) return { ok: false, reason: 'not-allowed' };
  doc.transact(() => {
    put(meetingMap(doc), MEETING_KEYS.phaseMinutes, valid);
    // The running phase's timer follows its new minutes in the same transaction, so that no
    // peer sees the new plan with the old duration.
    const timer = readTimer(doc);
    if (timer && timer.phaseId === state.phase.id) {
      const durationMs = (valid[state.phaseIndex] ?? state.phase.minutes) * 60_000;
      writeTimer(doc, { ...timer, durationMs });
    }
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * Moves the meeting one phase on (the chair's "next phase"). `present`: the people in the
 * meeting as the chair's panel counts them, when it does (goToPhase judges the group's size).
 */
export function nextPhase(
  doc: Y.Doc,
  actorId: string,
  now: number,
  present?: number,
): CommandResult {
  return stepPhase(doc, actorId, 1, now, present);
}

/** Moves the meeting one phase back (the chair's "previous phase"); `present` as nextPhase. */
export function previousPhase(
  doc: Y.Doc,
  actorId: string,
  now: number,
  present?: number,
): CommandResult {
  return stepPhase(doc, actorId, -1, now, present);
}

function stepPhase(
  doc: Y.Doc,
  actorId: string,
  by: 1 | -1,
  now: number,
  present: number | undefined,
): CommandResult {
  const state = readMeeting(doc);
  return goToPhase(doc, actorId, state.phaseIndex + by, now, state, present);
}

/** Whether the chair of this meeting joins in with `present` people here. */
function joinsInFor(state: MeetingState, present: number): boolean {
  return !state.chairIsExternal && chairJoinsIn(state.method, present);
}

/**
 * The chair steps back from asking and advising once the group is big enough for its method.
 * A chair usually starts alone (the invite's first step says the others come in by themselves),
 * so a start too small for the method is the rule, not the exception; without this, the chair
 * of eight would keep asking and advising because they were one when they started. Only this
 * direction happens within a phase: a member whose panel reloads is gone from the count for a
 * moment, and the chair's forms must not come and go with it. Joining in again when people
 * left waits for the next phase (goToPhase). `present`: the people in the meeting as the
 * chair's panel counts them, the chair included (as the start form counts them); `state`: the
 * meeting as the caller just read it, in the same task. No-op (ok) when nothing changes.
 */
export function fitChairToGroup(
  doc: Y.Doc,
  actorId: string,
  present: number,
  state: MeetingState = readMeeting(doc),
): CommandResult {
  if (!state.started || state.ended) return { ok: false, reason: 'not-started' };
  if (state.chairId !== actorId) return { ok: false, reason: 'not-chair' };
  if (!state.chairJoinsIn || joinsInFor(state, present)) return OK;
  doc.transact(() => put(meetingMap(doc), MEETING_KEYS.chairJoinsIn, false), LOCAL_ORIGIN);
  return OK;
}

/**
 * The chair opens a second case after the first case's evaluation, without ending the meeting
 * (issue 14, point 5: "een enkele keer lukt het om er nog een te bespreken"). In one
 * transaction: the second case is marked open, the meeting goes back to the method's pitch
 * round, where the group chooses the second case from the pitches that remain, and the case's
 * phases share the time the meeting has left (second-case.ts). The first case's boards and
 * answers stay as they were, kept apart by case (board-state.ts) until the end.
 */
export function openSecondCase(doc: Y.Doc, actorId: string, now: number): CommandResult {
  const state = readMeeting(doc);
  if (!state.started || state.ended) return { ok: false, reason: 'not-started' };
  const refusal = secondCaseRefusal({
    method: state.method,
    isChair: state.chairId === actorId,
    phaseIndex: state.phaseIndex,
    caseNumber: state.caseNumber,
    caseBringerId: state.caseBringerId,
    ended: state.ended,
  });
  if (refusal === 'not-chair') return { ok: false, reason: 'not-chair' };
  if (refusal === 'not-yet') return { ok: false, reason: 'not-yet' };
  if (refusal === 'no-more') return { ok: false, reason: 'no-more' };
  if (refusal !== null) return { ok: false, reason: 'not-allowed' };
  const start = caseStartIndex(state.method) ?? 0;
  const left = minutesLeft(state.startedAt ?? now, state.phaseMinutes, now);
  const minutes = secondCaseMinutes(state.method, state.phaseMinutes, left);
  doc.transact(() => {
    const map = meetingMap(doc);
    put(map, SECOND_CASE_KEY, { n: 2, at: now });
    put(map, MEETING_KEYS.phaseMinutes, minutes);
    put(map, MEETING_KEYS.phaseIndex, start);
    startPhaseTimer(doc, actorId, now);
  }, LOCAL_ORIGIN);
  return OK;
}
