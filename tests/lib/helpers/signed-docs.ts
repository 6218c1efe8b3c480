import * as Y from 'yjs';
import { enforceSignatures, publishCard } from '../../../lib/shared-doc/signed';
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
