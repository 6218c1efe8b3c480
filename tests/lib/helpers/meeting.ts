import * as Y from 'yjs';
import { startMeeting, goToPhase } from '../../../lib/shared-doc/meeting-commands';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { addPitch, confirmCase } from '../../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../../lib/shared-doc/board-commands';
import { readBoard } from '../../../lib/shared-doc/board-state';

/** A member in a test: id and name, and a context builder for their commands on a document. */
export interface TestMember {
  readonly id: string;
  readonly name: string;
  ctx(doc: Y.Doc, now?: number): CommandContext;
}

/** Makes a test member with a valid id. */
export function member(name: string): TestMember {
  const id = `${name.toLowerCase()}-0000`.padEnd(11, '0');
  return { id, name, ctx: (doc, now = 1000) => ({ doc, actorId: id, actorName: name, now }) };
}

/** Starts a meeting of `methodId` in `doc` with `chair`. */
export function start(
  doc: Y.Doc,
  chair: TestMember,
  methodId = 'basic',
  { chairJoinsIn = false } = {},
): void {
  const result = startMeeting(doc, {
    methodId,
    chairId: chair.id,
    chairName: chair.name,
    groupName: 'Testgroep',
    now: 0,
    chairJoinsIn,
  });
  if (!result.ok) throw new Error(result.reason);
}

/** The chair moves to the first phase with this activity (or id). */
export function goTo(doc: Y.Doc, chair: TestMember, activityOrId: string): void {
  const { method } = readMeeting(doc);
  const index = method.phases.findIndex(
    (p) => p.activity === activityOrId || p.id === activityOrId,
  );
  if (index < 0) throw new Error(`no phase ${activityOrId} in ${method.id}`);
  const result = goToPhase(doc, chair.id, index, 1);
  if (!result.ok) throw new Error(result.reason);
}

/**
 * Starts a meeting of `methodId` in which `bringer` pitches `caseText` and the chair confirms it
 * as the case; the meeting stays in its pitching phase.
 */
export function startWithCase(
  doc: Y.Doc,
  chair: TestMember,
  bringer: TestMember,
  {
    methodId = 'basic',
    caseText = 'Een ouder die steeds boos belt',
    chairJoinsIn = false,
  }: { methodId?: string; caseText?: string; chairJoinsIn?: boolean } = {},
): void {
  start(doc, chair, methodId, { chairJoinsIn });
  if (readMeeting(doc).phase.activity !== 'pitching') goTo(doc, chair, 'pitching');
  const pitched = addPitch(bringer.ctx(doc), caseText, 'case');
  if (!pitched.ok) throw new Error(`the case could not be pitched: ${pitched.reason}`);
  const pitch = readBoard(doc, readMeeting(doc).method, chair.id).pitches[0];
  if (!pitch) throw new Error('the pitch is not on the board');
  const confirmed = confirmCase(chair.ctx(doc), pitch.id);
  if (!confirmed.ok) throw new Error(`the case could not be confirmed: ${confirmed.reason}`);
}

/**
 * A new meeting of `methodId` with `bringer`'s case confirmed (startWithCase), moved to the
 * phase with this activity or id.
 */
export function caseMeetingIn(
  chair: TestMember,
  bringer: TestMember,
  activityOrId: string,
  options: { methodId?: string; caseText?: string; chairJoinsIn?: boolean } = {},
): Y.Doc {
  const doc = new Y.Doc();
  startWithCase(doc, chair, bringer, options);
  goTo(doc, chair, activityOrId);
  return doc;
}
