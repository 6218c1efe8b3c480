import * as Y from 'yjs';
import { memoryDeviceKey } from '../lib/device/device-key';
import { enforceSignatures, newSessionSigner, publishCard } from '../lib/shared-doc/signed';
import { goToPhase, startMeeting } from '../lib/shared-doc/meeting-commands';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
  markAnswered,
  starAdvice,
} from '../lib/shared-doc/board-commands';
import type { CommandContext } from '../lib/shared-doc/board-commands';
import { readMeeting } from '../lib/shared-doc/meeting-state';
import { readBoard } from '../lib/shared-doc/board-state';

/** What the signed late-join figure reports. */
export interface SignedLateJoin {
  readonly encodedBytes: number;
  /** Applying the meeting and the first read of meeting and board, verifying every write. */
  readonly firstReadMs: readonly number[];
  /** The same document applied and read without signatures being checked. */
  readonly unsignedReadMs: readonly number[];
}

const MEMBERS = 8;
const SCOPE = 'bench-signed-meeting';

/**
 * A realistic meeting in a signed session (issue 13's signatures, issue 15's late join): eight
 * members, each with a device key and a session card; a case, 60 questions all marked answered
 * by the case bringer, 16 pieces of advice, 8 of them starred. Then a member who joins late
 * applies the whole document and reads the meeting and the board, which verifies every write
 * once (Ed25519 per write, P-256 per card).
 */
export async function signedLateJoin(runs = 5): Promise<SignedLateJoin> {
  const devices = await Promise.all(Array.from({ length: MEMBERS }, () => memoryDeviceKey()));
  const signers = await Promise.all(devices.map((d, i) => newSessionSigner(d, `Lid ${i + 1}`)));
  const docs = signers.map((signer) => {
    const doc = new Y.Doc();
    enforceSignatures(doc, { scope: SCOPE, signer });
    publishCard(doc, null);
    return doc;
  });
  const sync = (): void => {
    const merged = Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d)));
    for (const doc of docs) Y.applyUpdate(doc, merged);
  };
  const id = (i: number): string => devices[i]!.memberId;
  const ctx = (i: number): CommandContext => ({
    doc: docs[i]!,
    actorId: id(i),
    actorName: `Lid ${i + 1}`,
    now: Date.now(),
  });
  const must = (result: { ok: boolean }): void => {
    if (!result.ok) throw new Error(`bench setup failed: ${JSON.stringify(result)}`);
  };
  sync();
  must(
    startMeeting(docs[0]!, {
      methodId: 'basic',
      chairId: id(0),
      chairName: 'Lid 1',
      groupName: 'Bench',
      now: 1,
    }),
  );
  sync();
  must(addPitch(ctx(1), 'Een ouder die steeds boos belt over het rooster', 'case'));
  sync();
  const { method } = readMeeting(docs[0]!);
  const pitch = readBoard(docs[0]!, method, id(0)).pitches[0]!;
  must(confirmCase(ctx(0), pitch.id));
  sync();
  const phase = (activity: string): number =>
    method.phases.findIndex((p) => p.activity === activity);
  must(goToPhase(docs[0]!, id(0), phase('asking'), 2));
  sync();
  for (let q = 0; q < 60; q += 1) {
    must(
      addQuestion(
        ctx(2 + (q % (MEMBERS - 2))),
        `Vraag ${q}: wat gebeurde er toen precies?`.padEnd(120, '.'),
      ),
    );
  }
  sync();
  for (const q of readBoard(docs[1]!, method, id(1)).questions)
    must(markAnswered(ctx(1), q.id, true));
  sync();
  must(goToPhase(docs[0]!, id(0), phase('advising'), 3));
  sync();
  for (let a = 0; a < 16; a += 1) {
    must(
      addAdvice(
        ctx(2 + (a % (MEMBERS - 2))),
        `Advies ${a}: plan een vast moment.`.padEnd(200, '.'),
      ),
    );
  }
  sync();
  for (const a of readBoard(docs[1]!, method, id(1)).advice.slice(0, 8))
    must(starAdvice(ctx(1), a.id, true));
  sync();

  const update = Y.encodeStateAsUpdate(docs[0]!);
  const firstReadMs: number[] = [];
  const unsignedReadMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const device = await memoryDeviceKey();
    const joiner = new Y.Doc();
    enforceSignatures(joiner, { scope: SCOPE, signer: await newSessionSigner(device, 'Nieuw') });
    let t0 = performance.now();
    Y.applyUpdate(joiner, update);
    const board = readBoard(joiner, readMeeting(joiner).method, device.memberId);
    firstReadMs.push(performance.now() - t0);
    if (board.questions.length !== 60 || board.advice.length !== 16) {
      throw new Error('the late joiner did not read the whole meeting');
    }
    const plain = new Y.Doc();
    t0 = performance.now();
    Y.applyUpdate(plain, update);
    readBoard(plain, readMeeting(plain).method, device.memberId);
    unsignedReadMs.push(performance.now() - t0);
  }
  return { encodedBytes: update.length, firstReadMs, unsignedReadMs };
}
