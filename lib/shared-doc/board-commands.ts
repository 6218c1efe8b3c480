import * as Y from 'yjs';
import { cleanName } from '../util/clean-name';
import { LIMITS } from '../util/limits';
import { randomId } from '../util/random-id';
import { readMeeting } from './meeting-state';
import type { MeetingState } from './meeting-state';
import type { Action } from '../method/roles';
import { mayAct } from './may-act';
import {
  boardMap,
  caseKey,
  LOCAL_ORIGIN,
  REVEALED_PREFIX,
  MEETING_KEYS,
  meetingMap,
  SCALE_KEY,
} from './doc-schema';
import type { BoardRoot } from './doc-schema';
import {
  caseOfItem,
  countItems,
  questionIsMarked,
  readPitch,
  scoreKey,
  voteKey,
} from './board-state';
import type { EvaluationKind, PitchScore, Rating } from './board-state';
import type { CommandResult } from './meeting-commands';
import { isRecord, isScalePoint, safeId } from '../util/guards';
import { clear, put, readValue } from './signed';

/** Who runs a command, and when (on their own clock). */
export interface CommandContext {
  readonly doc: Y.Doc;
  readonly actorId: string;
  readonly actorName: string;
  readonly now: number;
}

const OK: CommandResult = { ok: true };

/** Checks that the meeting runs and the actor may take the action in the current phase. */
function permit(ctx: CommandContext, action: Action): MeetingState | CommandResult {
  const meeting = readMeeting(ctx.doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  if (!mayAct(meeting, ctx.actorId, action)) return { ok: false, reason: 'not-allowed' };
  return meeting;
}

function isResult(value: MeetingState | CommandResult): value is CommandResult {
  return 'ok' in value;
}

function cleanText(text: string, max: number): string | CommandResult {
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (clean.length === 0) return { ok: false, reason: 'empty' };
  if (clean.length > max) return { ok: false, reason: 'too-long' };
  return clean;
}

const ITEM_OVERHEAD_BYTES = 512;

/**
 * Whether a new item with this text could push the encoded document past its limit: a joiner
 * must receive it whole. A UTF-16 unit is at most 3 bytes of UTF-8; the rest of an item (ids,
 * the author's name, times) stays well under ITEM_OVERHEAD_BYTES.
 *
 * Encoding the whole document costs time in proportion to its size, on every new item (issue
 * 15), so it is encoded once and then followed by the updates it takes: the document grows by
 * at most what they carry (an update holds the new content; the map values this project writes
 * are never split). It is encoded again only when that estimate comes near the limit.
 */
function wouldOverflow(doc: Y.Doc, text: string): boolean {
  const itemBytes = 3 * text.length + ITEM_OVERHEAD_BYTES;
  const size = sizeWatch(doc);
  if (size.encoded + size.since + itemBytes <= LIMITS.meetingDocumentBytes * 0.9) return false;
  size.encoded = Y.encodeStateAsUpdate(doc).length;
  size.since = 0;
  return size.encoded + itemBytes > LIMITS.meetingDocumentBytes;
}

interface SizeWatch {
  /** The document's encoded size when it was last encoded. */
  encoded: number;
  /** The bytes of the updates it has taken since. */
  since: number;
}

const sizes = new WeakMap<Y.Doc, SizeWatch>();

function sizeWatch(doc: Y.Doc): SizeWatch {
  const known = sizes.get(doc);
  if (known) return known;
  const size: SizeWatch = { encoded: Y.encodeStateAsUpdate(doc).length, since: 0 };
  doc.on('update', (update: Uint8Array) => {
    size.since += update.length;
  });
  sizes.set(doc, size);
  return size;
}

function addItem(
  ctx: CommandContext,
  action: Action,
  root: BoardRoot,
  text: string,
  max: number,
  extra: (meeting: MeetingState) => Record<string, unknown>,
): CommandResult {
  const meeting = permit(ctx, action);
  if (isResult(meeting)) return meeting;
  const clean = cleanText(text, max);
  if (typeof clean !== 'string') return clean;
  const map = boardMap(ctx.doc, root);
  if (countItems(ctx.doc, root) >= LIMITS.itemsPerBoard) return { ok: false, reason: 'board-full' };
  if (wouldOverflow(ctx.doc, clean)) return { ok: false, reason: 'meeting-full' };
  const id = randomId(9);
  ctx.doc.transact(() => {
    put(map, id, {
      authorId: ctx.actorId,
      authorName: cleanName(ctx.actorName, LIMITS.memberName),
      text: clean,
      createdAt: ctx.now,
      // Written for the second case: kept apart from the first case's board (board-state.ts).
      ...(meeting.caseNumber === 2 ? { caseNo: 2 } : {}),
      ...extra(meeting),
    });
  }, LOCAL_ORIGIN);
  return OK;
}

/** A member pitches a work question (or a theme) during the inventory. */
export function addPitch(ctx: CommandContext, text: string, kind: 'case' | 'theme'): CommandResult {
  return addItem(ctx, 'pitch', 'pitches', text, LIMITS.pitch, () => ({ kind }));
}

/**
 * A member scores another member's pitch on EGT (0-3 each); null withdraws their score. The
 * group chooses "op basis van EGT", so an author does not score their own pitch (readers drop
 * such a score too: board-state.ts).
 */
export function scorePitch(
  ctx: CommandContext,
  pitchId: string,
  score: PitchScore | null,
): CommandResult {
  const meeting = permit(ctx, 'score');
  if (isResult(meeting)) return meeting;
  const pitch = readPitch(ctx.doc, pitchId);
  if (!pitch) return { ok: false, reason: 'no-such-item' };
  if (pitch.authorId === ctx.actorId) return { ok: false, reason: 'not-allowed' };
  const valid = (n: number) => Number.isInteger(n) && n >= 0 && n <= 3;
  if (score && !(valid(score.emotion) && valid(score.shared) && valid(score.time))) {
    return { ok: false, reason: 'not-allowed' };
  }
  ctx.doc.transact(() => {
    const scores = boardMap(ctx.doc, 'scores');
    if (score) put(scores, scoreKey(pitchId, ctx.actorId), { ...score });
    else clear(scores, scoreKey(pitchId, ctx.actorId));
  }, LOCAL_ORIGIN);
  return OK;
}

/** A member gives their one vote to a pitch; null withdraws it. */
export function votePitch(ctx: CommandContext, pitchId: string | null): CommandResult {
  const meeting = permit(ctx, 'score');
  if (isResult(meeting)) return meeting;
  if (pitchId !== null && !readPitch(ctx.doc, pitchId))
    return { ok: false, reason: 'no-such-item' };
  ctx.doc.transact(() => {
    const scores = boardMap(ctx.doc, 'scores');
    if (pitchId) put(scores, voteKey(ctx.actorId), pitchId);
    else clear(scores, voteKey(ctx.actorId));
  }, LOCAL_ORIGIN);
  return OK;
}

/** The chair confirms the chosen pitch; its author becomes the case bringer. */
export function confirmCase(ctx: CommandContext, pitchId: string): CommandResult {
  const meeting = permit(ctx, 'confirm-case');
  if (isResult(meeting)) return meeting;
  const pitch = readPitch(ctx.doc, pitchId);
  if (!pitch) return { ok: false, reason: 'no-such-item' };
  if (pitch.authorId === meeting.chairId) return { ok: false, reason: 'chair-cannot-bring' };
  // The second case comes from the pitches that remain, and is another member's (who-writes.ts).
  const first = meeting.firstCase;
  if (first && (pitch.id === first.pitchId || pitch.authorId === first.bringerId)) {
    return { ok: false, reason: 'not-allowed' };
  }
  const n = meeting.caseNumber;
  ctx.doc.transact(() => {
    const map = meetingMap(ctx.doc);
    put(map, caseKey(MEETING_KEYS.casePitchId, n), pitch.id);
    put(map, caseKey(MEETING_KEYS.caseBringerId, n), pitch.authorId);
    put(map, caseKey(MEETING_KEYS.caseBringerName, n), pitch.authorName);
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * A member asks the case bringer a question; in a phase with a limit per member (Socratic,
 * gossip: up to three each) not more than that.
 */
export function addQuestion(ctx: CommandContext, text: string): CommandResult {
  const meeting = permit(ctx, 'ask');
  if (isResult(meeting)) return meeting;
  const limit = meeting.phase.questionsEach;
  if (limit !== undefined && ownQuestions(ctx, meeting) >= limit) {
    return { ok: false, reason: 'question-limit' };
  }
  return addItem(ctx, 'ask', 'questions', text, LIMITS.question, (s) => ({ phaseId: s.phase.id }));
}

/** How many questions `ctx`'s member has on the board in the current phase of this case. */
function ownQuestions(ctx: CommandContext, meeting: MeetingState): number {
  let count = 0;
  const questions = boardMap(ctx.doc, 'questions');
  for (const id of questions.keys()) {
    const item = readValue(questions, id);
    if (
      isRecord(item) &&
      item.authorId === ctx.actorId &&
      item.phaseId === meeting.phase.id &&
      caseOfItem(item) === meeting.caseNumber
    ) {
      count += 1;
    }
  }
  return count;
}

function markItem(
  ctx: CommandContext,
  action: Action,
  itemRoot: BoardRoot,
  marksRoot: BoardRoot,
  id: string,
  patch: Record<string, unknown>,
): CommandResult {
  const meeting = permit(ctx, action);
  if (isResult(meeting)) return meeting;
  const item = readValue(boardMap(ctx.doc, itemRoot), id);
  if (!isRecord(item)) return { ok: false, reason: 'no-such-item' };
  // An earlier case's board is closed: its bringer's marks stay as they were.
  if (caseOfItem(item) !== meeting.caseNumber) return { ok: false, reason: 'not-allowed' };
  ctx.doc.transact(() => {
    const marks = boardMap(ctx.doc, marksRoot);
    const current = readValue(marks, id);
    put(marks, id, { ...(isRecord(current) ? current : {}), ...patch });
  }, LOCAL_ORIGIN);
  return OK;
}

/** The case bringer marks a question answered (or not). */
export function markAnswered(
  ctx: CommandContext,
  questionId: string,
  answered: boolean,
): CommandResult {
  return markItem(ctx, 'mark-answered', 'questions', 'questionMarks', questionId, { answered });
}

/** The case bringer rates a question warm, neutral or cold; null clears it. */
export function rateQuestion(
  ctx: CommandContext,
  questionId: string,
  rating: Rating | null,
): CommandResult {
  return markItem(ctx, 'rate', 'questions', 'questionMarks', questionId, { rating });
}

/**
 * The chair reveals what members wrote blind, all at once: the current phase and any earlier
 * blind phase that was not revealed yet.
 */
export function revealPhase(ctx: CommandContext): CommandResult {
  const meeting = permit(ctx, 'reveal');
  if (isResult(meeting)) return meeting;
  const pending = unrevealedBlindPhases(ctx.doc, meeting, meeting.phaseIndex);
  if (pending.length === 0) return { ok: false, reason: 'not-allowed' };
  ctx.doc.transact(() => {
    for (const id of pending) {
      put(meetingMap(ctx.doc), caseKey(REVEALED_PREFIX + id, meeting.caseNumber), true);
    }
  }, LOCAL_ORIGIN);
  return OK;
}

/** Blind phases up to `lastIndex` whose items are still hidden. */
export function unrevealedBlindPhases(
  doc: Y.Doc,
  meeting: MeetingState,
  lastIndex: number,
): string[] {
  const map = meetingMap(doc);
  return meeting.method.phases
    .slice(0, lastIndex + 1)
    .filter(
      (phase) =>
        phase.blind &&
        readValue(map, caseKey(REVEALED_PREFIX + phase.id, meeting.caseNumber)) !== true,
    )
    .map((phase) => phase.id);
}

/** A member proposes a reformulation of the core question. */
export function addProposal(ctx: CommandContext, text: string): CommandResult {
  return addItem(ctx, 'propose', 'proposals', text, LIMITS.proposal, () => ({}));
}

/** The case bringer confirms the core question: a proposal, or their own words. */
export function chooseCoreQuestion(
  ctx: CommandContext,
  choice: { readonly proposalId: string } | { readonly text: string },
): CommandResult {
  const meeting = permit(ctx, 'choose-core');
  if (isResult(meeting)) return meeting;
  let text: string;
  let proposalId: string | null = null;
  if ('proposalId' in choice) {
    const proposal = readValue(boardMap(ctx.doc, 'proposals'), choice.proposalId);
    if (
      !isRecord(proposal) ||
      typeof proposal.text !== 'string' ||
      caseOfItem(proposal) !== meeting.caseNumber
    ) {
      return { ok: false, reason: 'no-such-item' };
    }
    text = proposal.text;
    proposalId = choice.proposalId;
  } else {
    const clean = cleanText(choice.text, LIMITS.proposal);
    if (typeof clean !== 'string') return clean;
    text = clean;
  }
  ctx.doc.transact(() => {
    put(meetingMap(ctx.doc), caseKey(MEETING_KEYS.coreQuestion, meeting.caseNumber), {
      text,
      proposalId,
    });
  }, LOCAL_ORIGIN);
  return OK;
}

/** A member gives the case bringer advice. */
export function addAdvice(ctx: CommandContext, text: string): CommandResult {
  return addItem(ctx, 'advise', 'advice', text, LIMITS.advice, (s) => ({ phaseId: s.phase.id }));
}

/** The case bringer stars advice that fits, or takes the star (and its place in the order) away. */
export function starAdvice(ctx: CommandContext, adviceId: string, starred: boolean): CommandResult {
  return markItem(
    ctx,
    'star',
    'advice',
    'adviceMarks',
    adviceId,
    // A why belongs to a chosen piece of advice: taking the star away takes the why with it.
    starred ? { starred } : { starred, order: null, why: null },
  );
}

/*
 * Issue 14, point 4, after the basic model: the case bringer "geeft aan wat hij/zij al gedaan
 * heeft" (says what they already did), and says why each chosen piece of advice fits. Both are
 * marks of the case bringer, in the same window as the star, and go into the take-home.
 */

/** The case bringer marks advice as already tried (or not). */
export function markTried(ctx: CommandContext, adviceId: string, tried: boolean): CommandResult {
  return markItem(ctx, 'star', 'advice', 'adviceMarks', adviceId, { tried });
}

/**
 * The case bringer says in a few words why a starred piece of advice fits; empty text or null
 * takes the why away. Advice without a star has no why: it was not chosen.
 */
export function explainFit(
  ctx: CommandContext,
  adviceId: string,
  why: string | null,
): CommandResult {
  let clean: string | null = null;
  if (why !== null) {
    const cleaned = cleanText(why, LIMITS.adviceWhy);
    if (typeof cleaned === 'string') clean = cleaned;
    else if (cleaned.ok === false && cleaned.reason === 'too-long') return cleaned;
  }
  const mark = readValue(boardMap(ctx.doc, 'adviceMarks'), adviceId);
  if (clean !== null && !(isRecord(mark) && mark.starred === true))
    return { ok: false, reason: 'not-allowed' };
  return markItem(ctx, 'star', 'advice', 'adviceMarks', adviceId, { why: clean });
}

/** The case bringer puts the best advice in order: ids first to last; others lose their place. */
export function orderAdvice(ctx: CommandContext, orderedIds: readonly string[]): CommandResult {
  const meeting = permit(ctx, 'star');
  if (isResult(meeting)) return meeting;
  const advice = boardMap(ctx.doc, 'advice');
  const ofThisCase = (id: string) => {
    const item = readValue(advice, id);
    return isRecord(item) && caseOfItem(item) === meeting.caseNumber;
  };
  if (!orderedIds.every(ofThisCase)) return { ok: false, reason: 'no-such-item' };
  ctx.doc.transact(() => {
    const marks = boardMap(ctx.doc, 'adviceMarks');
    const place = new Map(orderedIds.map((id, index) => [id, index]));
    // Only this case's advice: an earlier case's order stays its bringer's.
    for (const id of [...advice.keys()].filter(ofThisCase)) {
      const current = readValue(marks, id);
      const base = isRecord(current) ? current : {};
      const order = place.get(id) ?? null;
      if ((base.order ?? null) !== order) put(marks, id, { ...base, order });
    }
  }, LOCAL_ORIGIN);
  return OK;
}

/** The case bringer says what they will do with the advice. */
export function setIntentions(ctx: CommandContext, text: string): CommandResult {
  const meeting = permit(ctx, 'intend');
  if (isResult(meeting)) return meeting;
  const clean = text.trim();
  if (clean.length > LIMITS.intentions) return { ok: false, reason: 'too-long' };
  const key = caseKey(MEETING_KEYS.intentions, meeting.caseNumber);
  ctx.doc.transact(() => {
    if (clean) put(meetingMap(ctx.doc), key, clean);
    else clear(meetingMap(ctx.doc), key);
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * The case bringer says where they stand on the scaling question (Phase.scale): 0 to 10, or
 * null to take it back. Only in a phase that asks it.
 */
export function setScale(ctx: CommandContext, value: number | null): CommandResult {
  const meeting = permit(ctx, 'scale');
  if (isResult(meeting)) return meeting;
  if (meeting.phase.scale !== true) return { ok: false, reason: 'not-allowed' };
  if (value !== null && !isScalePoint(value)) return { ok: false, reason: 'not-allowed' };
  const key = caseKey(SCALE_KEY, meeting.caseNumber);
  ctx.doc.transact(() => {
    if (value === null) clear(meetingMap(ctx.doc), key);
    else put(meetingMap(ctx.doc), key, value);
  }, LOCAL_ORIGIN);
  return OK;
}

/** Anyone adds a line to the evaluation: what it gave them, an agreement, the follow-up. */
export function addEvaluation(
  ctx: CommandContext,
  kind: EvaluationKind,
  text: string,
): CommandResult {
  return addItem(ctx, 'evaluate', 'evaluation', text, LIMITS.evaluation, () => ({ kind }));
}

/**
 * A member shares a line about how it went since last time: the shared look back at the start
 * of a meeting. It comes from their private notes only when they choose to share it.
 */
export function shareLookBack(ctx: CommandContext, text: string): CommandResult {
  return addItem(ctx, 'share-look-back', 'sharedLookBack', text, LIMITS.sharedLookBack, () => ({}));
}

/** The case bringer agrees (or not) that the case title is kept in the meeting's summary. */
export function setKeepCaseTitle(ctx: CommandContext, keep: boolean): CommandResult {
  const meeting = permit(ctx, 'keep-title');
  if (isResult(meeting)) return meeting;
  const key = caseKey(MEETING_KEYS.keepCaseTitle, meeting.caseNumber);
  ctx.doc.transact(() => put(meetingMap(ctx.doc), key, keep), LOCAL_ORIGIN);
  return OK;
}

/** The author removes their own item (a pitch, question, proposal, advice or evaluation line). */
export function removeOwnItem(ctx: CommandContext, root: BoardRoot, id: string): CommandResult {
  const meeting = readMeeting(ctx.doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  const item = readValue(boardMap(ctx.doc, root), id);
  if (!isRecord(item)) return { ok: false, reason: 'no-such-item' };
  if (item.authorId !== ctx.actorId) return { ok: false, reason: 'not-allowed' };
  // A question the case bringer rated or answered belongs to their answer now.
  if (root === 'questions' && questionIsMarked(ctx.doc, id)) {
    return { ok: false, reason: 'not-allowed' };
  }
  // Advice and questions are taken back in their own round only: the Balint method's first
  // associations stay when its written advice is given, the incident method's questions on the
  // facts in its second round of questions.
  if ((root === 'advice' || root === 'questions') && item.phaseId !== meeting.phase.id) {
    return { ok: false, reason: 'not-allowed' };
  }
  if (root === 'pitches' && (meeting.casePitchId === id || meeting.firstCase?.pitchId === id)) {
    return { ok: false, reason: 'not-allowed' };
  }
  // An earlier case's board stays as it was until the end.
  if (root !== 'pitches' && root !== 'sharedLookBack' && caseOfItem(item) !== meeting.caseNumber) {
    return { ok: false, reason: 'not-allowed' };
  }
  ctx.doc.transact(() => clear(boardMap(ctx.doc, root), id), LOCAL_ORIGIN);
  return OK;
}

/** The chair hands the chair to another present member (never to the case bringer). */
export function handChair(ctx: CommandContext, toId: string, toName: string): CommandResult {
  const meeting = permit(ctx, 'hand-chair');
  if (isResult(meeting)) return meeting;
  if (safeId(toId) === null || toId === ctx.actorId) return { ok: false, reason: 'not-allowed' };
  if (toId === meeting.caseBringerId) return { ok: false, reason: 'chair-cannot-bring' };
  ctx.doc.transact(() => {
    const map = meetingMap(ctx.doc);
    put(map, MEETING_KEYS.chairId, toId);
    put(map, MEETING_KEYS.chairName, cleanName(toName, LIMITS.memberName));
    clear(map, MEETING_KEYS.chairTakenOver);
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * A member takes the chair when the chair's panel has gone (`chairPresent` false, from
 * presence); everybody sees who did. The case bringer cannot.
 */
export function takeChair(ctx: CommandContext, chairPresent: boolean): CommandResult {
  const meeting = permit(ctx, 'take-chair');
  if (isResult(meeting)) return meeting;
  if (chairPresent) return { ok: false, reason: 'chair-present' };
  ctx.doc.transact(() => {
    const map = meetingMap(ctx.doc);
    const name = cleanName(ctx.actorName, LIMITS.memberName);
    put(map, MEETING_KEYS.chairId, ctx.actorId);
    put(map, MEETING_KEYS.chairName, name);
    put(map, MEETING_KEYS.chairTakenOver, {
      memberId: ctx.actorId,
      name,
      at: ctx.now,
      ...(meeting.chairId ? { from: meeting.chairId } : {}),
    });
  }, LOCAL_ORIGIN);
  return OK;
}

/**
 * The member whose chair was taken while they were away takes it back (the take-over note names
 * them); everybody sees it.
 */
export function takeChairBack(ctx: CommandContext): CommandResult {
  const meeting = readMeeting(ctx.doc);
  if (!meeting.started || meeting.ended) return { ok: false, reason: 'not-started' };
  const taken = meeting.chairTakenOver;
  if (!taken || taken.from !== ctx.actorId || meeting.chairId === ctx.actorId) {
    return { ok: false, reason: 'not-allowed' };
  }
  if (meeting.caseBringerId === ctx.actorId) return { ok: false, reason: 'chair-cannot-bring' };
  ctx.doc.transact(() => {
    const map = meetingMap(ctx.doc);
    put(map, MEETING_KEYS.chairId, ctx.actorId);
    put(map, MEETING_KEYS.chairName, cleanName(ctx.actorName, LIMITS.memberName));
  }, LOCAL_ORIGIN);
  return OK;
}
