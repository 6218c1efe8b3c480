import type * as Y from 'yjs';
import {
  boundedString,
  finiteNumber,
  isRecord,
  isScalePoint,
  safeId,
  safePhaseId,
} from '../util/guards';
import { LIMITS } from '../util/limits';
import {
  boardMap,
  caseKey,
  REVEALED_PREFIX,
  MEETING_KEYS,
  meetingMap,
  SCALE_KEY,
} from './doc-schema';
import type { BoardRoot, CaseNumber } from './doc-schema';
import type { Method, Phase } from '../method/method';
import { readMeeting } from './meeting-state';
import type { MeetingState } from './meeting-state';
import { LATER, settled } from './last-valid';
import type { KeyRule } from './last-valid';
import { indexer, liveKeys } from './map-index';
import { bringerOf, byBringerOf, byChair } from './who-writes';
import { readValue, ROSTER_ROOT } from './signed';
import { readConfidentiality } from './confidentiality';
import type { ReadMeter } from './map-index';
import { byCodeUnits } from '../util/order';

/** Who wrote an item, as the item says (display only: peers can claim any name). */
export interface Authored {
  readonly id: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly createdAt: number;
}

/**
 * An item written for one case of the meeting: items carry `caseNo: 2` when written during a
 * second case (absent: the first), so both cases' boards stay apart until the end.
 */
export interface CaseItem {
  readonly caseNumber: CaseNumber;
}

/** A pitched work question: a case, or a theme instead of a case. */
export interface Pitch extends Authored {
  readonly kind: 'case' | 'theme';
}

/**
 * A member's EGT score of a pitch, 0-3 each: Emotie (how much emotion comes with it),
 * Gezamenlijk (a case the group shares), Tijdslimiet (bound to a deadline).
 */
export interface PitchScore {
  readonly emotion: number;
  readonly shared: number;
  readonly time: number;
}

/** A pitch with its tally and the viewer's own score and vote. */
export interface PitchView extends Pitch {
  readonly votes: number;
  readonly egt: PitchScore;
  readonly total: number;
  readonly scorers: number;
  readonly myScore: PitchScore | null;
  readonly myVote: boolean;
}

/** A question to the case bringer, with the bringer's marks. */
export interface Question extends Authored, CaseItem {
  readonly phaseId: string;
  readonly answered: boolean;
  readonly rating: Rating | null;
}

/** How a question landed with the case bringer (Socratic and ten-step methods). */
export type Rating = 'warm' | 'neutral' | 'cold';

/** A proposed reformulation of the core question. */
export type Proposal = Authored & CaseItem;

/**
 * Advice to the case bringer, with the bringer's marks: the star, the place in their order,
 * whether they already tried it, and (starred advice only) why it fits.
 */
export interface Advice extends Authored, CaseItem {
  readonly phaseId: string;
  readonly starred: boolean;
  readonly order: number | null;
  readonly tried: boolean;
  readonly why: string | null;
}

/** A line of the evaluation: what it gave me, an agreement for next time, the follow-up. */
export interface EvaluationItem extends Authored, CaseItem {
  readonly kind: EvaluationKind;
}

/** The kinds of evaluation lines. */
export type EvaluationKind = 'learning' | 'agreement' | 'follow-up';

/**
 * An earlier case's board as it stood when the chair opened the next case: kept, read-only,
 * until the meeting ends (issue 14, point 5: "both cases' boards stay until the end").
 */
export interface CaseBoard {
  readonly caseNumber: CaseNumber;
  readonly bringerName: string | null;
  /** The pitch that was the case. */
  readonly caseTitle: string | null;
  readonly questions: readonly Question[];
  readonly proposals: readonly Proposal[];
  readonly coreQuestion: string | null;
  readonly advice: readonly Advice[];
  readonly intentions: string | null;
  /** Where the case bringer stood on the scaling question (0 to 10), or null. */
  readonly scale: number | null;
  readonly evaluation: readonly EvaluationItem[];
}

/**
 * The boards as one member may see them: blind items of others stay hidden until revealed.
 * Questions, proposals, advice and evaluation are the current case's; an earlier case's are in
 * `earlierCases`.
 */
export interface BoardState {
  readonly pitches: readonly PitchView[];
  readonly questions: readonly Question[];
  readonly hiddenQuestions: number;
  readonly proposals: readonly Proposal[];
  readonly coreQuestion: string | null;
  readonly advice: readonly Advice[];
  readonly hiddenAdvice: number;
  /** Member ids that gave advice in the current phase (including hidden advice). */
  readonly adviceGivenBy: readonly string[];
  readonly evaluation: readonly EvaluationItem[];
  /** The shared look back: what members chose to share about how it went since last time. */
  readonly sharedLookBack: readonly Authored[];
  readonly intentions: string | null;
  /**
   * Where the case bringer says they stand on the scaling question (Phase.scale): 0 to
   * SCALE_TOP, or null while not said.
   */
  readonly scale: number | null;
  readonly keepCaseTitle: boolean;
  /** Phase ids whose blind items the chair revealed. */
  readonly revealed: readonly string[];
  /** Member ids that confirmed the confidentiality agreement (confidentiality.ts). */
  readonly confidentiality: readonly string[];
  /** The first case's board while a second case runs; empty on the first case. */
  readonly earlierCases: readonly CaseBoard[];
}

/**
 * True while the phase is a blind round the chair has not revealed yet: members write without
 * seeing each other's items, and the chair is offered the reveal.
 */
export function isBlindNow(phase: Phase, board: Pick<BoardState, 'revealed'>): boolean {
  return phase.blind === true && !board.revealed.includes(phase.id);
}

/** What a board reads as once the meeting has ended: late writes are ignored (issue 10). */
const ENDED_BOARD: BoardState = {
  pitches: [],
  questions: [],
  hiddenQuestions: 0,
  proposals: [],
  coreQuestion: null,
  advice: [],
  hiddenAdvice: 0,
  adviceGivenBy: [],
  evaluation: [],
  sharedLookBack: [],
  intentions: null,
  scale: null,
  keepCaseTitle: false,
  revealed: [],
  confidentiality: [],
  earlierCases: [],
};

/** A reveal is never taken back: anything but `true` is garbage, and a removal too. */
const REVEALED_RULE: KeyRule = { valid: (value) => value === true, absent: 'keeps', who: byChair };

/** The case bringer's answers, one rule object per case, each checked against that case's bringer. */
function bringerRules(caseNumber: CaseNumber) {
  const who = byBringerOf(caseNumber);
  return {
    core: { valid: (value: unknown) => decodeCore(value) !== null, absent: 'clears', who },
    intentions: {
      valid: (value: unknown) => boundedString(value, LIMITS.intentions) !== null,
      absent: 'clears',
      who,
    },
    keepTitle: { valid: (value: unknown) => typeof value === 'boolean', absent: 'clears', who },
    scale: { valid: isScalePoint, absent: 'clears', who },
  } satisfies Record<string, KeyRule>;
}
const BRINGER_RULES = { 1: bringerRules(1), 2: bringerRules(2) } as const;

/** The case an item was written for (absent: the first, as in documents of earlier builds). */
export function caseOfItem(raw: unknown): CaseNumber {
  return isRecord(raw) && raw.caseNo === 2 ? 2 : 1;
}

/** The blind phases of one case the chair revealed. */
function revealedIn(progress: Y.Map<unknown>, method: Method, caseNumber: CaseNumber): string[] {
  return method.phases
    .filter(
      (phase) =>
        settled(progress, caseKey(REVEALED_PREFIX + phase.id, caseNumber), REVEALED_RULE) === true,
    )
    .map((phase) => phase.id);
}

/** The case bringer's intentions for one case. */
function intentionsOf(progress: Y.Map<unknown>, caseNumber: CaseNumber): string | null {
  const key = caseKey(MEETING_KEYS.intentions, caseNumber);
  return boundedString(
    settled(progress, key, BRINGER_RULES[caseNumber].intentions),
    LIMITS.intentions,
  );
}

/** Where one case's bringer said they stand on the scaling question. */
function scaleOf(progress: Y.Map<unknown>, caseNumber: CaseNumber): number | null {
  const value = settled(progress, caseKey(SCALE_KEY, caseNumber), BRINGER_RULES[caseNumber].scale);
  return isScalePoint(value) ? value : null;
}

/** The core question one case's bringer confirmed. */
function coreOf(progress: Y.Map<unknown>, caseNumber: CaseNumber): string | null {
  const key = caseKey(MEETING_KEYS.coreQuestion, caseNumber);
  return decodeCore(settled(progress, key, BRINGER_RULES[caseNumber].core));
}

function decodeCore(value: unknown): string | null {
  return isRecord(value) ? boundedString(value.text, LIMITS.proposal) : null;
}

/**
 * Reads every board for one viewer, validating each item and hiding others' blind items. Once
 * the meeting has ended the boards read empty, whatever a member who was offline sends late.
 * `meter` counts the entries the read looked at: at most LIMITS.entriesPerRoot per root,
 * however many junk keys a peer wrote. `meeting`: the meeting as the caller read it in the same
 * task, with nothing written since (a panel's refresh reads both on every change).
 */
export function readBoard(
  doc: Y.Doc,
  method: Method,
  viewerId: string,
  meter?: ReadMeter,
  meeting: MeetingState = readMeeting(doc),
): BoardState {
  if (meeting.ended) return ENDED_BOARD;
  const progress = meetingMap(doc);
  const current = meeting.caseNumber;
  const revealedBy: Record<CaseNumber, string[]> = {
    1: revealedIn(progress, method, 1),
    2: current === 2 ? revealedIn(progress, method, 2) : [],
  };
  const revealed = revealedBy[current];
  const blindPhases = new Set(method.phases.filter((p) => p.blind).map((p) => p.id));
  const currentPhaseId = method.phases[meeting.phaseIndex]?.id;
  const hidden = (item: { authorId: string; phaseId: string; caseNumber: CaseNumber }) =>
    blindPhases.has(item.phaseId) &&
    !revealedBy[item.caseNumber].includes(item.phaseId) &&
    item.authorId !== viewerId;

  const allQuestions = readItems(
    doc,
    'questions',
    (raw, base, marks) => {
      const phaseId = safePhaseId(raw.phaseId);
      if (phaseId === null) return null;
      return {
        ...base,
        caseNumber: caseOfItem(raw),
        phaseId,
        answered: marks?.answered === true,
        rating: isRating(marks?.rating) ? marks.rating : null,
      };
    },
    meter,
    'questionMarks',
  );
  const allAdvice = readItems(
    doc,
    'advice',
    (raw, base, marks) => {
      const phaseId = safePhaseId(raw.phaseId);
      if (phaseId === null) return null;
      return {
        ...base,
        caseNumber: caseOfItem(raw),
        phaseId,
        starred: marks?.starred === true,
        order: finiteNumber(marks?.order),
        tried: marks?.tried === true,
        // Only chosen advice has a why (an unstar made offline may leave one behind).
        why: marks?.starred === true ? boundedString(marks.why, LIMITS.adviceWhy) : null,
      };
    },
    meter,
    'adviceMarks',
  );
  const allProposals = readItems(
    doc,
    'proposals',
    (raw, base) => ({ ...base, caseNumber: caseOfItem(raw) }),
    meter,
  );
  const allEvaluation = readItems(
    doc,
    'evaluation',
    (raw, base) =>
      isEvaluationKind(raw.kind) ? { ...base, caseNumber: caseOfItem(raw), kind: raw.kind } : null,
    meter,
  );
  const ofCase = <T extends CaseItem>(items: readonly T[], n: CaseNumber): T[] =>
    items.filter((item) => item.caseNumber === n);
  const caseAdvice = ofCase(allAdvice, current);
  const caseQuestions = ofCase(allQuestions, current);
  const visibleAdvice = caseAdvice.filter((a) => !hidden(a));
  const pitches = readPitches(doc, viewerId, meter);
  const earlierCases: CaseBoard[] =
    current === 2
      ? [
          {
            caseNumber: 1,
            bringerName: meeting.firstCase?.bringerName ?? null,
            caseTitle: pitches.find((p) => p.id === meeting.firstCase?.pitchId)?.text ?? null,
            questions: ofCase(allQuestions, 1).filter((q) => !hidden(q)),
            proposals: ofCase(allProposals, 1),
            coreQuestion: coreOf(progress, 1),
            advice: sortAdvice(ofCase(allAdvice, 1).filter((a) => !hidden(a))),
            intentions: intentionsOf(progress, 1),
            scale: scaleOf(progress, 1),
            evaluation: ofCase(allEvaluation, 1),
          },
        ]
      : [];
  return {
    pitches,
    questions: caseQuestions.filter((q) => !hidden(q)),
    hiddenQuestions: caseQuestions.filter(hidden).length,
    proposals: ofCase(allProposals, current),
    coreQuestion: coreOf(progress, current),
    advice: sortAdvice(visibleAdvice),
    hiddenAdvice: caseAdvice.length - visibleAdvice.length,
    adviceGivenBy: [
      ...new Set(caseAdvice.filter((a) => a.phaseId === currentPhaseId).map((a) => a.authorId)),
    ],
    evaluation: ofCase(allEvaluation, current),
    sharedLookBack: readItems(doc, 'sharedLookBack', (_raw, base) => base, meter),
    intentions: intentionsOf(progress, current),
    scale: scaleOf(progress, current),
    keepCaseTitle:
      settled(
        progress,
        caseKey(MEETING_KEYS.keepCaseTitle, current),
        BRINGER_RULES[current].keepTitle,
      ) === true,
    revealed,
    confidentiality: [...readConfidentiality(doc, meeting)],
    earlierCases,
  };
}

/**
 * Whether the first case's bringer agreed to keep its title (for the summary, read while the
 * second case runs).
 */
export function keepsCaseTitle(doc: Y.Doc, caseNumber: CaseNumber): boolean {
  const key = caseKey(MEETING_KEYS.keepCaseTitle, caseNumber);
  return settled(meetingMap(doc), key, BRINGER_RULES[caseNumber].keepTitle) === true;
}

/**
 * How many items a board holds, junk not counted: for refusing a new item on a full board
 * (a count of the root's keys would let a peer's junk fill it).
 */
export function countItems(doc: Y.Doc, root: BoardRoot): number {
  const map = boardMap(doc, root);
  return isItemRoot(root) ? ITEM_INDEX[root](map).entries.size : liveKeys(map).keys.size;
}

/** Reads one pitch by id (for confirming the case), or null. */
export function readPitch(doc: Y.Doc, pitchId: string): Pitch | null {
  return readPitchList(doc).find((p) => p.id === pitchId) ?? null;
}

/** The key of a voter's EGT score of a pitch in the scores map. */
export function scoreKey(pitchId: string, voterId: string): string {
  return `score:${pitchId}:${voterId}`;
}

/** The key of a voter's single vote in the scores map. */
export function voteKey(voterId: string): string {
  return `vote:${voterId}`;
}

/** Decodes an EGT score; each criterion is a whole number from 0 to 3. */
export function decodeScore(value: unknown): PitchScore | null {
  if (!isRecord(value)) return null;
  const parts = [value.emotion, value.shared, value.time];
  if (!parts.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 3)) {
    return null;
  }
  return { emotion: Number(value.emotion), shared: Number(value.shared), time: Number(value.time) };
}

function readPitchList(doc: Y.Doc, meter?: ReadMeter): Pitch[] {
  return readItems(
    doc,
    'pitches',
    (raw, base) => ({ ...base, kind: raw.kind === 'theme' ? 'theme' : 'case' }),
    meter,
  );
}

/** A vote or an EGT score as the scores map holds it, decoded once when it arrives. */
type ScoreEntry =
  | { readonly kind: 'vote'; readonly voter: string; readonly pitchId: string }
  | {
      readonly kind: 'score';
      readonly voter: string;
      readonly pitchId: string;
      readonly score: PitchScore;
    };

const scoreIndex = indexer<ScoreEntry>((key, value, writer, map) => {
  if (key.startsWith('vote:')) {
    const voter = safeId(key.slice('vote:'.length));
    const pitchId = safeId(value);
    // Signed documents: a vote or score is its voter's own.
    if (writer !== null && voter !== writer) return null;
    return voter !== null && pitchId !== null ? { kind: 'vote', voter, pitchId } : null;
  }
  const match = /^score:([^:]+):([^:]+)$/.exec(key);
  const score = decodeScore(value);
  if (!match || score === null) return null;
  const pitchId = match[1] ?? '';
  const voter = match[2] ?? '';
  if (writer !== null && voter !== writer) return null;
  // "Op basis van EGT" the group chooses: an author scoring their own pitch is refused (and a
  // signed panel reports it as an ignored change). A score that arrives before its pitch is
  // dropped when counted (readPitches).
  if (map.doc && pitchAuthor(map.doc, pitchId) === voter) return null;
  return { kind: 'score', pitchId, voter, score };
});

/** A pitch's author by id, looked up in the pitches' index (a score flood stays cheap). */
function pitchAuthor(doc: Y.Doc, pitchId: string): string | null {
  return ITEM_INDEX.pitches(boardMap(doc, 'pitches')).entries.get(pitchId)?.base.authorId ?? null;
}

function readPitches(doc: Y.Doc, viewerId: string, meter?: ReadMeter): PitchView[] {
  const pitches = readPitchList(doc, meter);
  const authors = new Map(pitches.map((p) => [p.id, p.authorId]));
  const votes = new Map<string, number>();
  const sums = new Map<
    string,
    { emotion: number; shared: number; time: number; scorers: number }
  >();
  const mine = new Map<string, PitchScore>();
  let myVote: string | null = null;
  let examined = 0;
  for (const entry of scoreIndex(boardMap(doc, 'scores'), meter).entries.values()) {
    if (examined >= LIMITS.entriesPerRoot) break;
    examined += 1;
    const author = authors.get(entry.pitchId);
    if (author === undefined) continue;
    if (entry.kind === 'vote') {
      votes.set(entry.pitchId, (votes.get(entry.pitchId) ?? 0) + 1);
      if (entry.voter === viewerId) myVote = entry.pitchId;
      continue;
    }
    const { pitchId, score } = entry;
    // Nobody scores their own pitch, whatever order the score and the pitch arrived in.
    if (entry.voter === author) continue;
    const sum = sums.get(pitchId) ?? { emotion: 0, shared: 0, time: 0, scorers: 0 };
    sums.set(pitchId, {
      emotion: sum.emotion + score.emotion,
      shared: sum.shared + score.shared,
      time: sum.time + score.time,
      scorers: sum.scorers + 1,
    });
    if (entry.voter === viewerId) mine.set(pitchId, score);
  }
  if (meter) meter.examined += examined;
  return pitches.map((pitch) => {
    const sum = sums.get(pitch.id) ?? { emotion: 0, shared: 0, time: 0, scorers: 0 };
    return {
      ...pitch,
      votes: votes.get(pitch.id) ?? 0,
      egt: { emotion: sum.emotion, shared: sum.shared, time: sum.time },
      total: sum.emotion + sum.shared + sum.time,
      scorers: sum.scorers,
      myScore: mine.get(pitch.id) ?? null,
      myVote: myVote === pitch.id,
    };
  });
}

/**
 * Ranks pitches for the result. The basic model chooses the case "op basis van EGT: bij welke
 * vraag gaat veel Emotie gepaard; welke vraag gaat om Gezamenlijke casuïstiek of welke werkvraag
 * is erg aan een Tijdslimiet gebonden": the highest EGT total first; votes only break a tie,
 * then the oldest pitch.
 */
export function rankPitches(pitches: readonly PitchView[]): PitchView[] {
  return [...pitches].sort(
    (a, b) =>
      b.total - a.total ||
      b.votes - a.votes ||
      a.createdAt - b.createdAt ||
      byCodeUnits(a.id, b.id),
  );
}

/** The roots whose entries are authored items. */
type ItemRoot = 'pitches' | 'questions' | 'proposals' | 'advice' | 'evaluation' | 'sharedLookBack';

/** An item whose common fields decoded, with the rest of it for the root's own decoder. */
interface RawItem {
  readonly base: Authored;
  readonly raw: Record<string, unknown>;
}

function decodeAuthored(
  key: string,
  value: unknown,
  maxText: number,
  writer: string | null,
): RawItem | null {
  if (safeId(key) === null || !isRecord(value)) return null;
  const authorId = safeId(value.authorId);
  // Signed documents: an item is its writer's, never written in someone else's name.
  if (writer !== null && authorId !== writer) return null;
  const authorName = boundedString(value.authorName, LIMITS.memberName);
  const text = boundedString(value.text, maxText);
  const createdAt = finiteNumber(value.createdAt);
  if (authorId === null || authorName === null || text === null || createdAt === null) return null;
  return { base: { id: key, authorId, authorName, text, createdAt }, raw: value };
}

const itemsWithin = (maxText: number, notByBringer = false) =>
  indexer<RawItem>((key, value, writer, map) => {
    // The case bringer answers and listens: they ask, propose and advise nothing for their own
    // case (the first case's bringer is a member again in the second).
    if (
      notByBringer &&
      writer !== null &&
      map.doc &&
      writer === bringerOf(meetingMap(map.doc), caseOfItem(value))
    ) {
      return null;
    }
    return decodeAuthored(key, value, maxText, writer);
  });

/** Each item root's index: its items decoded once, when they arrive (map-index.ts). */
const ITEM_INDEX: Record<ItemRoot, ReturnType<typeof itemsWithin>> = {
  pitches: itemsWithin(LIMITS.pitch),
  questions: itemsWithin(LIMITS.question, true),
  proposals: itemsWithin(LIMITS.proposal, true),
  advice: itemsWithin(LIMITS.advice, true),
  evaluation: itemsWithin(LIMITS.evaluation),
  sharedLookBack: itemsWithin(LIMITS.sharedLookBack),
};

function isItemRoot(root: BoardRoot): root is ItemRoot {
  return root in ITEM_INDEX;
}

/**
 * Items as the last read decoded them, by the index entry they came from and the marks they
 * were decoded with (issue 15: an unchanged row is the same object, so a view skips it). An
 * index entry is replaced only by a stored value that was verified and decoded again
 * (map-index.ts), and so is a marks entry: a cached item never stands for a value that was not
 * checked. One decoder per root, so the entry alone says which decoder made the item.
 */
const decodedItems = new WeakMap<RawItem, { readonly marks: unknown; readonly item: unknown }>();

/**
 * A root's items: at most LIMITS.itemsPerBoard, from at most LIMITS.entriesPerRoot entries
 * looked at, oldest first; only entries whose common fields decoded are looked at at all.
 * `marksRoot`: the marks map whose entry for each item goes to `decode`.
 */
function readItems<T extends Authored>(
  doc: Y.Doc,
  root: ItemRoot,
  decode: (
    raw: Record<string, unknown>,
    base: Authored,
    marks: Record<string, unknown> | null,
  ) => T | null,
  meter?: ReadMeter,
  marksRoot?: 'questionMarks' | 'adviceMarks',
): T[] {
  const items: T[] = [];
  let examined = 0;
  for (const entry of ITEM_INDEX[root](boardMap(doc, root), meter).entries.values()) {
    if (items.length >= LIMITS.itemsPerBoard || examined >= LIMITS.entriesPerRoot) break;
    examined += 1;
    const marks = marksRoot ? markOf(doc, marksRoot, entry.base.id) : null;
    const known = decodedItems.get(entry);
    let item: T | null;
    if (known && known.marks === marks) item = known.item as T | null;
    else {
      item = decode(entry.raw, entry.base, marks);
      decodedItems.set(entry, { marks, item });
    }
    if (item !== null) items.push(item);
  }
  if (meter) meter.examined += examined;
  return items.sort((a, b) => a.createdAt - b.createdAt || byCodeUnits(a.id, b.id));
}

/** The marks on one item (read by its id, never by walking the marks). */
function markOf(
  doc: Y.Doc,
  root: 'questionMarks' | 'adviceMarks',
  id: string,
): Record<string, unknown> | null {
  return MARK_INDEX[root](boardMap(doc, root)).entries.get(id) ?? null;
}

/**
 * Whether the case bringer has rated a question or marked it answered: from then on it is part
 * of their answer, and its author no longer takes it back (board-commands.ts removeOwnItem).
 */
export function questionIsMarked(doc: Y.Doc, questionId: string): boolean {
  const marks = markOf(doc, 'questionMarks', questionId);
  return marks !== null && (marks.answered === true || isRating(marks.rating));
}

/**
 * The marks maps, decoded when they arrive; in a signed document only the case bringer's marks
 * count (answered, rating, star, order, tried, why), and a mark another writes over theirs is
 * refused. The bringer is the one of the item's case: the first case's marks stay its
 * bringer's when a panel joins during the second.
 */
const marksOn = (itemRoot: 'questions' | 'advice') =>
  indexer<Record<string, unknown>>(
    (key, value, writer, map) => {
      if (!isRecord(value)) return null;
      if (writer === null) return value;
      if (!map.doc) return null;
      const item = readValue(boardMap(map.doc, itemRoot), key);
      // The item or the chair's naming of its case bringer may come after the mark (another
      // member's update, another connection): then the mark waits for them.
      if (item === undefined) return LATER;
      const bringer = bringerOf(meetingMap(map.doc), caseOfItem(item));
      if (bringer === null) return LATER;
      return writer === bringer ? value : null;
    },
    {
      recheck: (map) => {
        if (!map.doc) return '';
        const meeting = meetingMap(map.doc);
        const items = boardMap(map.doc, itemRoot).size;
        const cards = map.doc.getMap(ROSTER_ROOT).size;
        return `${bringerOf(meeting, 1)}|${bringerOf(meeting, 2)}|${items}|${cards}`;
      },
    },
  );
const MARK_INDEX = { questionMarks: marksOn('questions'), adviceMarks: marksOn('advice') } as const;

function isRating(value: unknown): value is Rating {
  return value === 'warm' || value === 'neutral' || value === 'cold';
}

function isEvaluationKind(value: unknown): value is EvaluationKind {
  return value === 'learning' || value === 'agreement' || value === 'follow-up';
}

function sortAdvice(advice: Advice[]): Advice[] {
  // The case bringer's order first (ordered advice), then the rest as written.
  return [...advice].sort((a, b) => {
    if (a.order !== null && b.order !== null) return a.order - b.order || byCodeUnits(a.id, b.id);
    if (a.order !== null) return -1;
    if (b.order !== null) return 1;
    return a.createdAt - b.createdAt || byCodeUnits(a.id, b.id);
  });
}
