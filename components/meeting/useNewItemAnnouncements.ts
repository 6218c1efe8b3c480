import { useEffect, useRef } from 'react';
import type { Advice, Authored, BoardState } from '../../lib/shared-doc/board-state';
import { itemTexts } from '../../lib/method/board-words';
import type { ItemTexts } from '../../lib/method/board-words';
import type { Phase } from '../../lib/method/method';
import type { Translate } from '../common/I18n';
import { useI18n } from '../common/I18n';
import { useAnnounce } from '../common/Announcer';

/** More new items of one kind at once than this (a blind round revealed) are said as a count. */
const ONE_BY_ONE = 3;

/** What is announced of one kind of item: who wrote one, or how many came at once. */
interface Words {
  from: 'newQuestionFrom' | 'newProposalFrom' | ItemTexts['from'];
  count: 'newQuestions' | 'newProposals' | ItemTexts['count'];
}

const KINDS: readonly {
  read: (board: BoardState) => readonly Authored[];
  /** The words for one item: the advice board's items are named by their phase's words. */
  words: (item: Authored, phases: readonly Phase[]) => Words;
}[] = [
  { read: (b) => b.questions, words: () => ({ from: 'newQuestionFrom', count: 'newQuestions' }) },
  { read: (b) => b.proposals, words: () => ({ from: 'newProposalFrom', count: 'newProposals' }) },
  {
    read: (b) => b.advice,
    // A first association or a compliment is not advice (Phase.items).
    words: (item, phases) => itemTexts(phases.find((p) => p.id === (item as Advice).phaseId)),
  },
];

/**
 * What to say about the items that are on `now` and were not on `before`, written by others:
 * one line per item ("New question from Bram"), or a count when a reveal brings many at once.
 * `phases`: the method's, for the words of the advice board's items.
 */
export function newItemAnnouncements(
  before: BoardState,
  now: BoardState,
  selfId: string,
  t: Translate,
  phases: readonly Phase[] = [],
): string[] {
  const lines: string[] = [];
  for (const kind of KINDS) {
    const known = new Set(kind.read(before).map((item) => item.id));
    const fresh = kind.read(now).filter((item) => !known.has(item.id) && item.authorId !== selfId);
    // By their words, in the order they first come.
    const byWords = new Map<string, { words: Words; names: string[] }>();
    for (const item of fresh) {
      const words = kind.words(item, phases);
      const group = byWords.get(words.from) ?? { words, names: [] };
      group.names.push(item.authorName);
      byWords.set(words.from, group);
    }
    for (const { words, names } of byWords.values()) {
      if (names.length > ONE_BY_ONE) lines.push(t(words.count, { count: names.length }));
      else for (const name of names) lines.push(t(words.from, { name }));
    }
  }
  return lines;
}

/**
 * Announces politely, through the panel's announcer, the questions, proposals and advice that
 * others add while this member has the meeting open. What was there when the view opened is
 * not news and is not announced.
 */
export function useNewItemAnnouncements(
  board: BoardState,
  selfId: string,
  phases: readonly Phase[],
): void {
  const { t } = useI18n();
  const announce = useAnnounce();
  const seen = useRef(board);
  useEffect(() => {
    const before = seen.current;
    seen.current = board;
    if (before === board) return;
    for (const line of newItemAnnouncements(before, board, selfId, t, phases)) announce(line);
  }, [board, selfId, t, announce, phases]);
}
