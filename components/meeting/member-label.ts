import type { Member } from '../../lib/shared-doc/presence';
import { nameKey } from '../../lib/util/clean-name';

/**
 * How a member is named where one of several is picked (handing over the chair, the
 * doorkeeper): by name, and with their device's key where two present share that name (two
 * Sannes in a team of nurses; by nameKey, so "sanne" and "Sanne" too), so that the chair cannot
 * pick the wrong one, nor a screen reader or a search by name find two of the same. `withKey`
 * words it (the 'fingerprint' text).
 */
export function memberLabels(
  members: readonly Pick<Member, 'name' | 'fingerprint'>[],
  withKey: (name: string, fingerprint: string) => string,
): (member: Pick<Member, 'name' | 'fingerprint'>) => string {
  const count = new Map<string, number>();
  for (const m of members) count.set(nameKey(m.name), (count.get(nameKey(m.name)) ?? 0) + 1);
  return (member) =>
    member.fingerprint && (count.get(nameKey(member.name)) ?? 0) > 1
      ? withKey(member.name, member.fingerprint)
      : member.name;
}
