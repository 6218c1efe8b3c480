import type * as Y from 'yjs';
import { finiteNumber, isRecord, safeId } from '../util/guards';
import { boardMap, LOCAL_ORIGIN } from './doc-schema';
import { indexer } from './map-index';
import { readMeeting } from './meeting-state';
import type { MeetingState } from './meeting-state';
import type { CommandResult } from './meeting-commands';
import { clear, put } from './signed';

/**
 * The group's confidentiality agreement (issue 14, point 9): "Wat er in de groep gezegd wordt,
 * blijft vertrouwelijk." The first phase of every method opens with it; each member confirms it
 * for themselves, and the chair sees who has.
 *
 * A confirmation is a member's own: the root map `confidentiality` is keyed by member id, value
 * `{ at }`. In a signed document an entry counts only when its key is the verified writer, so
 * nobody can confirm in another's name; in a plain document (unit tests of commands) the key
 * must at least be a safe id. Like every board, the end of the meeting clears it.
 */

/** One member's confirmation: when, on their own clock (display only). */
interface Confirmation {
  readonly at: number;
}

const confirmationIndex = indexer<Confirmation>((key, value, writer) => {
  const memberId = safeId(key);
  if (memberId === null) return null;
  // Signed documents: only the member themselves may confirm.
  if (writer !== null && memberId !== writer) return null;
  if (!isRecord(value)) return null;
  const at = finiteNumber(value.at);
  return at === null ? null : { at };
});

/**
 * The ids of the members who confirmed the agreement in this meeting. `meeting`: as the caller
 * read it in the same task (readBoard), else read here.
 */
export function readConfidentiality(
  doc: Y.Doc,
  meeting: Pick<MeetingState, 'ended'> = readMeeting(doc),
): ReadonlySet<string> {
  if (meeting.ended) return new Set();
  return new Set(confirmationIndex(boardMap(doc, 'confidentiality')).entries.keys());
}

/** The part of board-commands' CommandContext this needs (board-state.ts reads this file). */
interface ConfirmContext {
  readonly doc: Y.Doc;
  readonly actorId: string;
  readonly now: number;
}

/**
 * This member confirms the agreement (or, with `agree` false, takes it back). Anyone, in any
 * role and any phase while the meeting runs: a member who joins late confirms when they come.
 */
export function confirmConfidentiality(ctx: ConfirmContext, agree = true): CommandResult {
  const meeting = readMeeting(ctx.doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (safeId(ctx.actorId) === null) return { ok: false, reason: 'not-allowed' };
  const map = boardMap(ctx.doc, 'confidentiality');
  ctx.doc.transact(() => {
    if (agree) put(map, ctx.actorId, { at: ctx.now });
    else clear(map, ctx.actorId);
  }, LOCAL_ORIGIN);
  return { ok: true };
}
