import type { Member } from '../../lib/shared-doc/presence';
import { nameKey } from '../../lib/util/clean-name';

/**
 * Which names among `members` another of them shares (by nameKey: "sanne" and "Sanne" too,
 * and names that differ only in something nobody sees): those are shown with their device's key.
 */
export function sharedNames(
  members: readonly { readonly name: string }[],
): (name: string) => boolean {
  const count = new Map<string, number>();
  for (const m of members) {
    const key = nameKey(m.name);
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return (name) => (count.get(nameKey(name)) ?? 0) > 1;
}

/**
 * How a member is named where one of several is picked (handing over the chair, the
 * doorkeeper, letting in who asks): by name, and with their device's key where another shares
 * that name (sharedNames: two Sannes in a team of nurses), so that the chair cannot pick the
 * wrong one, nor a screen reader or a search by name find two of the same. `withKey` words it.
 */
export function memberLabels(
  members: readonly Pick<Member, 'name' | 'fingerprint'>[],
  withKey: (name: string, fingerprint: string) => string,
): (member: Pick<Member, 'name' | 'fingerprint'>) => string {
  const shared = sharedNames(members);
  return (member) =>
    member.fingerprint && shared(member.name)
      ? withKey(member.name, member.fingerprint)
      : member.name;
}
