import { mayDo } from '../method/roles';
import type { Action } from '../method/roles';
import { roleOf } from './meeting-state';
import type { MeetingState } from './meeting-state';

/**
 * The question every command asks before it writes: may this member take this action now, in
 * their role and the current phase? lib/method/roles.ts answers, so that who may do what is
 * written in one table, the same one the boards read to offer their buttons. A document that
 * names no chair gives nobody the chair's actions. The chair of a meeting too small for its
 * method asks and advises too (meeting-state.ts chairJoinsIn), unless it is an external
 * procesbegeleider (chairIsExternal).
 */
export function mayAct(meeting: MeetingState, actorId: string, action: Action): boolean {
  return mayDo(action, roleOf(meeting, actorId), meeting.phase.activity, {
    chairJoinsIn: meeting.chairJoinsIn,
    chairIsExternal: meeting.chairIsExternal,
  });
}
