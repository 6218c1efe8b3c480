import { decodePresence } from './presence';
import { byCodeUnits } from '../util/order';

/**
 * The group's name as the others know it, for a member who joined with an invite (which carries
 * no name): the running meeting's, written by whoever started it, or else the one most panels
 * present say (then the first in alphabetical order, so that every panel picks the same); null
 * when nobody has said. Peers' words are display only: the panel never replaces a name the
 * member already knew (lib/device/groups.ts, learnGroupName).
 */
export function heardGroupName(
  meetingName: string | null,
  presences: Iterable<unknown>,
): string | null {
  if (meetingName !== null) return meetingName;
  const said = new Map<string, number>();
  for (const state of presences) {
    const name = decodePresence(state)?.groupName;
    if (name) said.set(name, (said.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [name, count] of said) {
    if (count > most || (count === most && best !== null && byCodeUnits(name, best) < 0)) {
      best = name;
      most = count;
    }
  }
  return best;
}
