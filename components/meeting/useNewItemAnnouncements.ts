import { useEffect, useRef } from 'react';
import type { Authored, BoardState } from '../../lib/shared-doc/board-state';
import type { Translate } from '../common/I18n';
import { useI18n } from '../common/I18n';
import { useAnnounce } from '../common/Announcer';

/** More new items of one kind at once than this (a blind round revealed) are said as a count. */
const ONE_BY_ONE = 3;

const KINDS: readonly {
  read: (board: BoardState) => readonly Authored[];
  from: 'newQuestionFrom' | 'newAdviceFrom' | 'newProposalFrom';
  count: 'newQuestions' | 'newAdvice' | 'newProposals';
}[] = [
  { read: (b) => b.questions, from: 'newQuestionFrom', count: 'newQuestions' },
  { read: (b) => b.proposals, from: 'newProposalFrom', count: 'newProposals' },
  { read: (b) => b.advice, from: 'newAdviceFrom', count: 'newAdvice' },
];

/**
 * What to say about the items that are on `now` and were not on `before`, written by others:
 * one line per item ("New question from Bram"), or a count when a reveal brings many at once.
 */
export function newItemAnnouncements(
  before: BoardState,
  now: BoardState,
  selfId: string,
  t: Translate,
): string[] {
  const lines: string[] = [];
  for (const kind of KINDS) {
    const known = new Set(kind.read(before).map((item) => item.id));
    const fresh = kind.read(now).filter((item) => !known.has(item.id) && item.authorId !== selfId);
    if (fresh.length > ONE_BY_ONE) lines.push(t(kind.count, { count: fresh.length }));
    else for (const item of fresh) lines.push(t(kind.from, { name: item.authorName }));
  }
  return lines;
}

/**
 * Announces politely, through the panel's announcer, the questions, proposals and advice that
 * others add while this member has the meeting open. What was there when the view opened is
 * not news and is not announced.
 */
export function useNewItemAnnouncements(board: BoardState, selfId: string): void {
  const { t } = useI18n();
  const announce = useAnnounce();
  const seen = useRef(board);
  useEffect(() => {
    const before = seen.current;
    seen.current = board;
    if (before === board) return;
    for (const line of newItemAnnouncements(before, board, selfId, t)) announce(line);
  }, [board, selfId, t, announce]);
}
