import type { BoardState } from '../../lib/shared-doc/board-state';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';
import type { Member } from '../../lib/shared-doc/presence';
import type { Role } from '../../lib/method/roles';
import type { MeetingState } from '../../lib/shared-doc/meeting-state';

/** Runs a board command as this member (GroupSession.run). */
export type Run = (command: (ctx: CommandContext) => CommandResult) => CommandResult;

/** What every board component of a running meeting gets: plain values and a way to act. */
export interface MeetingProps {
  readonly meeting: MeetingState;
  readonly board: BoardState;
  readonly role: Role;
  readonly members: readonly Member[];
  readonly selfId: string;
  readonly run: Run;
}
