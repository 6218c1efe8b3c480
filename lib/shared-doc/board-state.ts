import type * as Y from 'yjs';
import { boundedString, finiteNumber, isRecord, safeId, safePhaseId } from '../util/guards';
import { LIMITS } from '../util/limits';
import { boardMap, REVEALED_PREFIX, MEETING_KEYS, meetingMap } from './doc-schema';
import type { BoardRoot } from './doc-schema';
import { clampPhaseIndex } from '../method/method';
import type { Method, Phase } from '../method/method';

/** Who wrote an item, as the item says (display only: peers can claim any name). */
export interface Authored {
  readonly id: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly text: string;
  readonly createdAt: number;
}

/** A pitched work question: a case, or a theme instead of a case. */
export interface Pitch extends Authored {
  readonly kind: 'case' | 'theme';
}

/** A member's EGT score of a pitch: Emotion, Gezamenlijk (shared relevance), Tijdsdruk; 0-3 each. */
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
export interface Question extends Authored {
  readonly phaseId: string;
  readonly answered: boolean;
  readonly rating: Rating | null;
}

/** How a question landed with the case bringer (Socratic and ten-step methods). */
export type Rating = 'warm' | 'neutral' | 'cold';

/** A proposed reformulation of the core question. */
export type Proposal = Authored;

/** Advice to the case bringer, with the bringer's star and place in their order. */
export interface Advice extends Authored {
  readonly phaseId: string;
  readonly starred: boolean;
  readonly order: number | null;
}

/** A line of the evaluation: what it gave me, an agreement for next time, the follow-up. */
export interface EvaluationItem extends Authored {
  readonly kind: EvaluationKind;
}

/** The kinds of evaluation lines. */
export type EvaluationKind = 'learning' | 'agreement' | 'follow-up';

/** The boards as one member may see them: blind items of others stay hidden until revealed. */
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
  readonly keepCaseTitle: boolean;
  /** Phase ids whose blind items the chair revealed. */
  readonly revealed: readonly string[];
}

/**
 * True while the phase is a blind round the chair has not revealed yet: members write without
 * seeing each other's items, and the chair is offered the reveal.
 */
export function isBlindNow(phase: Phase, board: Pick<BoardState, 'revealed'>): boolean {
  return phase.blind === true && !board.revealed.includes(phase.id);
}

/** Reads every board for one viewer, validating each item and hiding others' blind items. */
export function readBoard(doc: Y.Doc, method: Method, viewerId: string): BoardState {
  const progress = meetingMap(doc);
  const revealed = method.phases
    .filter((phase) => progress.get(REVEALED_PREFIX + phase.id) === true)
    .map((phase) => phase.id);
  const blindPhases = new Set(method.phases.filter((p) => p.blind).map((p) => p.id));
  const currentPhaseId =
    method.phases[clampPhaseIndex(method, progress.get(MEETING_KEYS.phaseIndex))]?.id;
  const hidden = (item: { authorId: string; phaseId: string }) =>
    blindPhases.has(item.phaseId) && !revealed.includes(item.phaseId) && item.authorId !== viewerId;

  const questionMarks = readMarks(doc, 'questionMarks');
  const allQuestions = readItems(doc, 'questions', LIMITS.question, (raw, base) => {
    const phaseId = safePhaseId(raw.phaseId);
    if (phaseId === null) return null;
    const marks = questionMarks.get(base.id);
    return {
      ...base,
      phaseId,
      answered: marks?.answered === true,
      rating: isRating(marks?.rating) ? marks.rating : null,
    };
  });
  const adviceMarks = readMarks(doc, 'adviceMarks');
  const allAdvice = readItems(doc, 'advice', LIMITS.advice, (raw, base) => {
    const phaseId = safePhaseId(raw.phaseId);
    if (phaseId === null) return null;
    const marks = adviceMarks.get(base.id);
    return {
      ...base,
      phaseId,
      starred: marks?.starred === true,
      order: finiteNumber(marks?.order),
    };
  });
  const visibleAdvice = allAdvice.filter((a) => !hidden(a));
  const core = progress.get(MEETING_KEYS.coreQuestion);
  return {
    pitches: readPitches(doc, viewerId),
    questions: allQuestions.filter((q) => !hidden(q)),
    hiddenQuestions: allQuestions.filter(hidden).length,
    proposals: readItems(doc, 'proposals', LIMITS.proposal, (_raw, base) => base),
    coreQuestion: isRecord(core) ? boundedString(core.text, LIMITS.proposal) : null,
    advice: sortAdvice(visibleAdvice),
    hiddenAdvice: allAdvice.length - visibleAdvice.length,
    adviceGivenBy: [
      ...new Set(allAdvice.filter((a) => a.phaseId === currentPhaseId).map((a) => a.authorId)),
    ],
    evaluation: readItems(doc, 'evaluation', LIMITS.evaluation, (raw, base) =>
      isEvaluationKind(raw.kind) ? { ...base, kind: raw.kind } : null,
    ),
    sharedLookBack: readItems(doc, 'sharedLookBack', LIMITS.sharedLookBack, (_raw, base) => base),
    intentions: boundedString(progress.get(MEETING_KEYS.intentions), LIMITS.intentions),
    keepCaseTitle: progress.get(MEETING_KEYS.keepCaseTitle) === true,
    revealed,
  };
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

function readPitchList(doc: Y.Doc): Pitch[] {
  return readItems(doc, 'pitches', LIMITS.pitch, (raw, base) => ({
    ...base,
    kind: raw.kind === 'theme' ? 'theme' : 'case',
  }));
}

function readPitches(doc: Y.Doc, viewerId: string): PitchView[] {
  const pitches = readPitchList(doc);
  const ids = new Set(pitches.map((p) => p.id));
  const scores = boardMap(doc, 'scores');
  const votes = new Map<string, number>();
  const sums = new Map<
    string,
    { emotion: number; shared: number; time: number; scorers: number }
  >();
  const mine = new Map<string, PitchScore>();
  let myVote: string | null = null;
  for (const [key, value] of scores) {
    if (key.startsWith('vote:')) {
      const voter = safeId(key.slice('vote:'.length));
      if (voter === null || typeof value !== 'string' || !ids.has(value)) continue;
      votes.set(value, (votes.get(value) ?? 0) + 1);
      if (voter === viewerId) myVote = value;
      continue;
    }
    const match = /^score:([^:]+):([^:]+)$/.exec(key);
    const score = decodeScore(value);
    if (!match || score === null || !ids.has(match[1] ?? '')) continue;
    const pitchId = match[1] ?? '';
    const sum = sums.get(pitchId) ?? { emotion: 0, shared: 0, time: 0, scorers: 0 };
    sums.set(pitchId, {
      emotion: sum.emotion + score.emotion,
      shared: sum.shared + score.shared,
      time: sum.time + score.time,
      scorers: sum.scorers + 1,
    });
    if (match[2] === viewerId) mine.set(pitchId, score);
  }
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

/** Ranks pitches for the result: most votes first, then the highest EGT total, then oldest. */
export function rankPitches(pitches: readonly PitchView[]): PitchView[] {
  return [...pitches].sort(
    (a, b) =>
      b.votes - a.votes ||
      b.total - a.total ||
      a.createdAt - b.createdAt ||
      a.id.localeCompare(b.id),
  );
}

function readItems<T extends Authored>(
  doc: Y.Doc,
  root: BoardRoot,
  maxText: number,
  decode: (raw: Record<string, unknown>, base: Authored) => T | null,
): T[] {
  const items: T[] = [];
  for (const [key, raw] of boardMap(doc, root)) {
    if (items.length >= LIMITS.itemsPerBoard) break;
    if (!isRecord(raw) || safeId(key) === null) continue;
    const authorId = safeId(raw.authorId);
    const authorName = boundedString(raw.authorName, LIMITS.memberName);
    const text = boundedString(raw.text, maxText);
    const createdAt = finiteNumber(raw.createdAt);
    if (authorId === null || authorName === null || text === null || createdAt === null) continue;
    const item = decode(raw, { id: key, authorId, authorName, text, createdAt });
    if (item !== null) items.push(item);
  }
  return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

function readMarks(doc: Y.Doc, root: BoardRoot): Map<string, Record<string, unknown>> {
  const marks = new Map<string, Record<string, unknown>>();
  for (const [key, value] of boardMap(doc, root)) {
    if (isRecord(value)) marks.set(key, value);
  }
  return marks;
}

function isRating(value: unknown): value is Rating {
  return value === 'warm' || value === 'neutral' || value === 'cold';
}

function isEvaluationKind(value: unknown): value is EvaluationKind {
  return value === 'learning' || value === 'agreement' || value === 'follow-up';
}

function sortAdvice(advice: Advice[]): Advice[] {
  // The case bringer's order first (ordered advice), then the rest as written.
  return [...advice].sort((a, b) => {
    if (a.order !== null && b.order !== null) return a.order - b.order || a.id.localeCompare(b.id);
    if (a.order !== null) return -1;
    if (b.order !== null) return 1;
    return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
  });
}
