import { cleanName } from '../util/clean-name';
import { boundedString, isRecord, safeId } from '../util/guards';
import { LIMITS } from '../util/limits';
import type { MeetingState } from './meeting-state';
import type { Role } from '../method/roles';

/**
 * What each panel says about itself through awareness. Awareness is display-only: any peer can
 * claim any name, so nothing here grants rights; the chair is whoever the document names.
 */
export interface PresenceState {
  readonly memberId: string;
  readonly name: string;
  /** The member's clock when they last refreshed their presence (for the shared timer). */
  readonly clock?: number;
  /**
   * The group's name, from a panel that knows it: an invite carries no name, so a member who
   * joined with one learns it here (group-name.ts). Display only, like all of awareness.
   */
  readonly groupName?: string;
}

/** A member as every panel lists them. */
export interface Member {
  readonly memberId: string;
  readonly name: string;
  readonly role: Role;
  readonly isSelf: boolean;
}

/** The awareness field that carries our presence (other fields are ignored). */
export const PRESENCE_FIELD = 'kring';

/** Decodes one peer's awareness state; null when it carries no valid presence. */
export function decodePresence(state: unknown): PresenceState | null {
  if (!isRecord(state)) return null;
  const value = state[PRESENCE_FIELD];
  if (!isRecord(value)) return null;
  const memberId = safeId(value.memberId);
  const name = boundedString(value.name, LIMITS.memberName);
  if (memberId === null || name === null) return null;
  const clock = value.clock;
  // Shown as the group's heading: no control characters that could break or hide text.
  const groupName = cleanName(
    boundedString(value.groupName, LIMITS.groupName) ?? '',
    LIMITS.groupName,
  );
  return {
    memberId,
    name,
    ...(typeof clock === 'number' && Number.isFinite(clock) ? { clock } : {}),
    ...(groupName !== '' ? { groupName } : {}),
  };
}

/**
 * Lists who is in the meeting from all awareness states: one entry per member id (a member with
 * two panels open counts once), the chair first, then the case bringer, then by name.
 */
export function listMembers(
  states: ReadonlyMap<number, unknown>,
  meeting: MeetingState,
  selfId: string,
): Member[] {
  const byId = new Map<string, Member>();
  for (const state of states.values()) {
    const presence = decodePresence(state);
    if (presence === null || byId.has(presence.memberId)) continue;
    byId.set(presence.memberId, {
      memberId: presence.memberId,
      name: presence.name,
      role:
        presence.memberId === meeting.chairId
          ? 'chair'
          : presence.memberId === meeting.caseBringerId
            ? 'bringer'
            : 'member',
      isSelf: presence.memberId === selfId,
    });
  }
  const rank: Record<Role, number> = { chair: 0, bringer: 1, member: 2 };
  return [...byId.values()].sort((a, b) => {
    if (a.role !== b.role) return rank[a.role] - rank[b.role];
    return a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId);
  });
}

/**
 * The one member whose panel tidies the meeting when no one in particular owns the job (the
 * clean-up after the end): the smallest member id among those present, so that every panel
 * with the same presence picks the same member, and another takes over when that one leaves.
 * Panels that briefly disagree both tidy, which is harmless: the clean-up is idempotent.
 */
export function keeperOf(members: readonly Member[]): string | null {
  let keeper: string | null = null;
  for (const { memberId } of members) if (keeper === null || memberId < keeper) keeper = memberId;
  return keeper;
}
