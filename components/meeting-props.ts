import type { BoardState } from '../lib/board-state';
import type { CommandContext } from '../lib/board-commands';
import type { CommandResult } from '../lib/session-commands';
import type { Member } from '../lib/presence';
import type { Role } from '../lib/roles';
import type { SessionState } from '../lib/session-state';

/** Runs a board command as this member (GroupSession.run). */
export type Run = (command: (ctx: CommandContext) => CommandResult) => CommandResult;

/** What every board component of a running meeting gets: plain values and a way to act. */
export interface MeetingProps {
  readonly session: SessionState;
  readonly board: BoardState;
  readonly role: Role;
  readonly members: readonly Member[];
  readonly selfId: string;
  readonly run: Run;
}
