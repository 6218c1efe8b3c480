import { boundedString, finiteNumber, isRecord, safeId } from '../util/guards';
import { decodeIceServers } from '../invite/ice-servers';
import type { IceServer } from '../invite/ice-servers';
import { parseInvite, parseServerAddress } from '../invite/invite';
import { LIMITS } from '../util/limits';
import { decodeAtRest } from './at-rest';
import { defineStoredItem, migrateEach } from './stored-item';

/**
 * The groups a member belongs to, remembered on their own device only, so that one invite
 * serves a group for all its meetings.
 */
export interface RememberedGroup {
  readonly groupId: string;
  readonly code: string;
  /**
   * The group's name; null while this member does not know it yet: an invite carries no name,
   * so a member who joined with one learns it from the others once connected (groupName of the
   * session's snapshot) and the panel shows an honest placeholder until then.
   */
  readonly name: string | null;
  /** How this member is called in this group. */
  readonly memberName: string;
  /** This member's stable id in this group: keeps the chair the chair across reloads. */
  readonly memberId: string;
  readonly lastUsedAt: number;
  /**
   * The companion server this group meets through, as a signaling address; null uses the one
   * in the settings. Set from the invite link a member joined with, since the group's others
   * are found on the server that served that link.
   */
  readonly signalingUrl: string | null;
  /**
   * The group's own servers for networks that block calls (empty: none). Set by the member who
   * gives the group its servers, or from the invite that carried them, and passed on in this
   * member's invite link, so that members type nothing.
   */
  readonly iceServers: readonly IceServer[];
}

/** At most this many groups are remembered; the least recently used go first. */
export const MAX_GROUPS = 50;

/** Decodes the stored list, dropping entries that are malformed or carry a bad invite. */
export function decodeGroups(value: unknown): RememberedGroup[] {
  if (!Array.isArray(value)) return [];
  const groups: RememberedGroup[] = [];
  for (const entry of value.slice(0, MAX_GROUPS * 2)) {
    if (!isRecord(entry)) continue;
    const groupId = safeId(entry.groupId);
    const memberId = safeId(entry.memberId);
    const name = entry.name === null ? null : boundedString(entry.name, LIMITS.groupName);
    const memberName = boundedString(entry.memberName, LIMITS.memberName);
    const lastUsedAt = finiteNumber(entry.lastUsedAt);
    const invite = typeof entry.code === 'string' ? parseInvite(entry.code) : null;
    // Only null means "not known yet"; a name that is there but unreadable drops the group.
    if (name === null && entry.name !== null) continue;
    if (!groupId || !memberId || !memberName || lastUsedAt === null || !invite?.ok) continue;
    groups.push({
      groupId,
      code: invite.invite.code,
      name,
      memberName,
      memberId,
      lastUsedAt,
      signalingUrl: decodeServer(entry.signalingUrl),
      iceServers: decodeIceServers(entry.iceServers),
    });
  }
  return sortGroups(groups);
}

/** A group's own server, or null (the settings' one) when there is none or it is unusable. */
function decodeServer(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const parsed = parseServerAddress(value);
  return parsed.ok ? parsed.url : null;
}

/**
 * Version 2 gives every group its own server address. Groups remembered before had none and
 * met through the settings' address, so they keep doing that.
 */
function addServer(entry: unknown): unknown {
  return isRecord(entry) ? { ...entry, signalingUrl: null } : entry;
}

/**
 * Builds before version 3 named a group joined by invite after the label of the name field and
 * four characters of its code ("Naam van de groep D5AM", "Group name D5AM"): not its name, so
 * version 3 stores it as unknown, to be learnt from the others.
 */
const PLACEHOLDER_LABELS = ['Naam van de groep', 'Group name'];

function unknownPlaceholder(entry: unknown): unknown {
  if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.code !== 'string') {
    return entry;
  }
  const invite = parseInvite(entry.code);
  if (!invite.ok) return entry;
  const placeholders = PLACEHOLDER_LABELS.map(
    (label) => `${label} ${invite.invite.code.slice(4, 8)}`,
  );
  return placeholders.includes(entry.name.trim()) ? { ...entry, name: null } : entry;
}

/**
 * The stored list of groups. Version 1 is the list as builds before versioned items stored it
 * (no envelope); version 2 adds each group's server address; version 3 lets a name be unknown
 * (null) and turns the placeholder names of older builds into that; version 4 adds the group's
 * connection servers (none before); version 5 wraps the list as `{ plain: list }`, or, with a
 * passphrase on the notebook, `{ sealed: [entries] }` (`at-rest.ts`; each entry a list of groups
 * to remember or `{ forget: groupId }`, applied in order), which builds that know version 4
 * leave alone. Migrations go group by group
 * (`migrateEach`), so that one group that cannot be migrated does not take the others with it;
 * a later change of a group's shape migrates inside `plain` and in the opened entries.
 */
export const groupsItem = defineStoredItem({
  key: 'groups',
  version: 5,
  decode: (value) => decodeAtRest(value, decodeGroups),
  migrations: {
    2: migrateEach(addServer),
    3: migrateEach(unknownPlaceholder),
    4: migrateEach((entry) => (isRecord(entry) ? { ...entry, iceServers: [] } : entry)),
    5: (list) => ({ plain: list }),
  },
});

/** Applies an opened sealed entry: groups to remember, or `{ forget: groupId }`. */
export function mergeGroups(
  groups: readonly RememberedGroup[],
  opened: unknown,
): RememberedGroup[] {
  if (isRecord(opened) && typeof opened.forget === 'string')
    return forgetGroup(groups, opened.forget);
  return decodeGroups(opened).reduce(rememberGroup, [...groups]);
}

/**
 * The group with the name the others gave it, when this member did not know it yet; null when
 * nothing changes (the name is known, or none was heard). A known name is never replaced: a
 * peer's panel may say anything.
 */
export function learnGroupName(
  group: RememberedGroup,
  heard: string | null,
): RememberedGroup | null {
  if (group.name !== null || heard === null) return null;
  const name = boundedString(heard, LIMITS.groupName);
  return name === null ? null : { ...group, name };
}

/** Adds or updates a group (matched by id), most recently used first. */
export function rememberGroup(
  groups: readonly RememberedGroup[],
  group: RememberedGroup,
): RememberedGroup[] {
  return sortGroups([group, ...groups.filter((g) => g.groupId !== group.groupId)]).slice(
    0,
    MAX_GROUPS,
  );
}

/** Removes a group from this device's list. */
export function forgetGroup(
  groups: readonly RememberedGroup[],
  groupId: string,
): RememberedGroup[] {
  return groups.filter((g) => g.groupId !== groupId);
}

function sortGroups(groups: RememberedGroup[]): RememberedGroup[] {
  return groups.sort((a, b) => b.lastUsedAt - a.lastUsedAt);
}
