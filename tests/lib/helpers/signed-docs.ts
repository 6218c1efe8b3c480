import * as Y from 'yjs';
import { addPitch } from '../../../lib/shared-doc/board-commands';
import { startMeeting } from '../../../lib/shared-doc/meeting-commands';
import { enforceSignatures, newSessionSigner, publishCard } from '../../../lib/shared-doc/signed';
import { memoryDeviceKey } from '../../../lib/device/device-key';
import type { SessionSigner } from '../../../lib/shared-doc/signed';

/**
 * One panel's meeting document without a session around it: it enforces signatures for the
 * meeting `scope` and signs with this member's session key; its card is in the roster.
 */
export function signedPanel(signer: SessionSigner, scope: string): Y.Doc {
  const doc = new Y.Doc();
  enforceSignatures(doc, { scope, signer });
  publishCard(doc, 'local');
  return doc;
}

/** Brings every document up to date with every other (what a mesh of panels does). */
export function syncDocs(docs: readonly Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

/** A command context for `signer`'s panel. */
export function ctxOf(doc: Y.Doc, signer: SessionSigner) {
  return { doc, actorId: signer.card.memberId, actorName: signer.card.name, now: 1000 };
}

/** A member's session signer on a device key of its own (in memory). */
export async function signerNamed(name: string): Promise<SessionSigner> {
  return newSessionSigner(await memoryDeviceKey(), name);
}

/** Session signers for these names, each on a device of its own. */
export function signersNamed<const Names extends readonly string[]>(
  ...names: Names
): Promise<{ [K in keyof Names]: SessionSigner }> {
  return Promise.all(names.map(signerNamed)) as Promise<{ [K in keyof Names]: SessionSigner }>;
}

/** `chair` starts a basic-method meeting in `doc` (their panel); throws when refused. */
export function startAsChair(doc: Y.Doc, chair: SessionSigner): void {
  const started = startMeeting(doc, {
    methodId: 'basic',
    chairId: chair.card.memberId,
    chairName: chair.card.name,
    groupName: 'Testgroep',
    now: 0,
  });
  if (!started.ok) throw new Error(`start refused: ${started.reason}`);
}

/**
 * One signed panel per member in a meeting `chair` started (basic method, scope `scope`), all in
 * step: the panels by the same keys as `signers`.
 */
export function panelsInMeeting<Name extends string>(
  signers: Readonly<Record<Name, SessionSigner>>,
  chair: NoInfer<Name>,
  scope: string,
): Record<Name, Y.Doc> {
  const names = Object.keys(signers) as Name[];
  const docs = Object.fromEntries(
    names.map((name) => [name, signedPanel(signers[name], scope)]),
  ) as Record<Name, Y.Doc>;
  startAsChair(docs[chair], signers[chair]);
  syncDocs(Object.values(docs));
  return docs;
}

export const TWO_PITCHES = ['Een ouder die boos belt', 'Samenwerken met een nieuwe collega'];

/**
 * `chair`'s panel in a meeting (basic method, scope `scope`) with `member`'s two pitches
 * (TWO_PITCHES), both panels up to date; throws when a command is refused.
 */
export function meetingWithTwoPitches(
  chair: SessionSigner,
  member: SessionSigner,
  scope: string,
): Y.Doc {
  const chairDoc = signedPanel(chair, scope);
  const memberDoc = signedPanel(member, scope);
  startAsChair(chairDoc, chair);
  syncDocs([chairDoc, memberDoc]);
  const [first, second] = TWO_PITCHES as [string, string];
  for (const [text, kind] of [
    [first, 'case'],
    [second, 'theme'],
  ] as const) {
    const done = addPitch(ctxOf(memberDoc, member), text, kind);
    if (!done.ok) throw new Error(`pitch refused: ${done.reason}`);
  }
  syncDocs([chairDoc, memberDoc]);
  return chairDoc;
}
