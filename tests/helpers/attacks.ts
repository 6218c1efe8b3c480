import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { BOARD_ROOTS, MEETING_KEYS, meetingMap } from '../../lib/shared-doc/doc-schema';
import { PRESENCE_FIELD, presenceProof } from '../../lib/shared-doc/presence';
import { ROSTER_ROOT, writeBytes } from '../../lib/shared-doc/signed';
import type { SessionSigner } from '../../lib/shared-doc/signed';
import { toBase64 } from '../../lib/util/base64';

/**
 * Issue 13's list of what a member holding the invite could do to a meeting, as raw Yjs writes
 * by a hostile member with a valid card of their own (a real device key): every one must be
 * ignored by every honest panel. Shared by the in-memory test and the real-WebRTC scenario.
 */

/** Who and what the attacks aim at, read from the meeting's document. */
export interface AttackTargets {
  readonly meetingId: string;
  readonly chairId: string;
  readonly bringerId: string;
  /** A member who asked a question, and that question. */
  readonly askerId: string;
  readonly questionId: string;
  readonly phaseId: string;
}

/** The value inside a stored envelope (or the stored value), without checking it. */
function inner(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'v' in value
    ? (value as { v: unknown }).v
    : value;
}

/** Reads the targets from a meeting's document as any holder of the room could. */
export function targetsIn(doc: Y.Doc, meetingId: string): AttackTargets | null {
  const progress = meetingMap(doc);
  const chairId = inner(progress.get(MEETING_KEYS.chairId));
  const bringerId = inner(progress.get(MEETING_KEYS.caseBringerId));
  const timer = inner(progress.get(MEETING_KEYS.timer));
  let question: [string, string] | null = null;
  for (const [key, value] of doc.getMap<unknown>(BOARD_ROOTS.questions).entries()) {
    const item = inner(value);
    if (typeof item === 'object' && item !== null && 'authorId' in item) {
      question = [key, String((item as { authorId: unknown }).authorId)];
      break;
    }
  }
  const phaseId =
    typeof timer === 'object' && timer !== null && 'phaseId' in timer
      ? String((timer as { phaseId: unknown }).phaseId)
      : null;
  if (typeof chairId !== 'string' || typeof bringerId !== 'string' || !question || !phaseId) {
    return null;
  }
  return { meetingId, chairId, bringerId, askerId: question[1], questionId: question[0], phaseId };
}

/** A write signed as a panel signs, with the hostile member's own card; `writer` may lie. */
export function signedBy(
  signer: SessionSigner,
  scope: string,
  root: string,
  key: string,
  value: unknown,
  writer = signer.card.memberId,
  n = Date.now() * 1000 + Math.floor(Math.random() * 1000),
): unknown {
  const bytes = writeBytes({ scope, root, key, n, writer, value });
  return { w: writer, k: signer.card.session, n, s: toBase64(signer.sign(bytes)), v: value };
}

/** The attacks, by name, in the order they run. */
export function attacks(
  doc: Y.Doc,
  awareness: Awareness,
  signer: SessionSigner,
  t: AttackTargets,
): Array<readonly [string, () => void]> {
  const me = signer.card.memberId;
  const sign = (root: string, key: string, value: unknown, writer?: string) =>
    signedBy(signer, t.meetingId, root, key, value, writer);
  const progress = meetingMap(doc);
  const questions = doc.getMap<unknown>(BOARD_ROOTS.questions);
  const question = (text: string, authorId: string) => ({
    authorId,
    authorName: 'Carla',
    text,
    createdAt: 5,
    phaseId: t.phaseId,
  });
  return [
    [
      'his card in the roster, as any panel has (a valid identity of his own)',
      () => doc.getMap<unknown>(ROSTER_ROOT).set(signer.card.session, { ...signer.card }),
    ],
    [
      'forge a question in the asker’s name, claiming to be them',
      () =>
        questions.set(
          'forged-q-001',
          sign(
            'questions',
            'forged-q-001',
            question('Waarom ben je zo lui?', t.askerId),
            t.askerId,
          ),
        ),
    ],
    [
      'a question with the asker as author under his own signature',
      () =>
        questions.set(
          'forged-q-002',
          sign('questions', 'forged-q-002', question('Dus je bent bang?', t.askerId)),
        ),
    ],
    ['delete the asker’s question', () => questions.delete(t.questionId)],
    [
      'overwrite the asker’s question with his own',
      () =>
        questions.set(
          t.questionId,
          sign('questions', t.questionId, { ...question('Overgenomen', me), authorName: 'X' }),
        ),
    ],
    [
      'mark the question answered (the case bringer’s right)',
      () =>
        doc
          .getMap<unknown>(BOARD_ROOTS.questionMarks)
          .set(t.questionId, sign('questionMarks', t.questionId, { answered: true })),
    ],
    [
      'make the asker case bringer without a confirmed pitch',
      () =>
        doc.transact(() => {
          progress.set(
            MEETING_KEYS.caseBringerId,
            sign('session', MEETING_KEYS.caseBringerId, t.askerId),
          );
          progress.set(
            MEETING_KEYS.caseBringerName,
            sign('session', MEETING_KEYS.caseBringerName, 'Carla'),
          );
        }),
    ],
    [
      'jump to the last phase',
      () => progress.set(MEETING_KEYS.phaseIndex, sign('session', MEETING_KEYS.phaseIndex, 4)),
    ],
    ['jump to a phase, unsigned', () => progress.set(MEETING_KEYS.phaseIndex, 3)],
    [
      'set the timer to 238 minutes',
      () =>
        progress.set(
          MEETING_KEYS.timer,
          sign('session', MEETING_KEYS.timer, {
            phaseId: t.phaseId,
            durationMs: 238 * 60_000,
            elapsedMs: 0,
            runningSince: Date.now(),
            clockOf: me,
          }),
        ),
    ],
    [
      'take the chair while the chair is there',
      () =>
        doc.transact(() => {
          progress.set(MEETING_KEYS.chairId, sign('session', MEETING_KEYS.chairId, me));
          progress.set(MEETING_KEYS.chairName, sign('session', MEETING_KEYS.chairName, 'Xander'));
          progress.set(
            MEETING_KEYS.chairTakenOver,
            sign('session', MEETING_KEYS.chairTakenOver, {
              memberId: me,
              name: 'Xander',
              at: Date.now(),
              from: t.chairId,
            }),
          );
        }),
    ],
    [
      'end the meeting with a forged summary',
      () =>
        progress.set(
          MEETING_KEYS.ended,
          sign('session', MEETING_KEYS.ended, {
            meetingId: t.meetingId,
            startedAt: 0,
            endedAt: Date.now(),
            methodId: 'basic',
            chairName: 'Anna',
            caseBringerName: 'Bram',
            caseBringerId: t.bringerId,
            caseTitle: 'Vervalst',
            agreements: ['vervalst'],
            followUp: [],
          }),
        ),
    ],
    [
      'appear in the member list as the chair (her id, his card)',
      () =>
        awareness.setLocalState({
          [PRESENCE_FIELD]: {
            memberId: t.chairId,
            name: 'Anna',
            card: signer.card,
            proof: presenceProof(signer, awareness.clientID),
          },
        }),
    ],
  ];
}
