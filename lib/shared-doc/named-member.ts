import { isRecord, safeId } from '../util/guards';

/**
 * A chair-only key that names one member for a task beside the chair, or nobody: the doorkeeper
 * (connection/doorkeeper.ts) and the timekeeper (timekeeper.ts). The value is
 * `{ memberId: string | null }`; the chair writes it with meeting-commands.ts `nameMember`.
 */
export function decodeNamedMember(value: unknown): { memberId: string | null } | null {
  if (!isRecord(value)) return null;
  if (value.memberId === null) return { memberId: null };
  const memberId = safeId(value.memberId);
  return memberId ? { memberId } : null;
}
