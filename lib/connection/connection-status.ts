import { decodePresence } from '../shared-doc/presence';
import type { PeerLink } from './relay-plan';

/** What the panel says about its connection, in words (see components/ConnectionStatus). */
export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | {
      readonly kind: 'connected';
      readonly members: number;
      /** Of those, reached through the server (the encrypted relay); absent when none. */
      readonly viaServer?: number;
    }
  | { readonly kind: 'unreachable'; readonly members: number };

/** The raw facts a status is derived from. */
export interface ConnectionFacts {
  /** At least one signaling server is connected. */
  readonly signalingConnected: boolean;
  /** Every signaling server has failed at least one attempt since the last success. */
  readonly signalingFailed: boolean;
  /** Other members present in the room (by awareness, self excluded). */
  readonly members: number;
  /** Other members reached only through the server (relay.ts); none when left out. */
  readonly viaServer?: number;
}

/**
 * Derives the status: unreachable as soon as every signaling server has failed (members already
 * connected stay connected over WebRTC, and the panel says both), connected while a server is
 * reachable, connecting before the first answer. Members relayed through the server are counted
 * only while it is reachable: without it, they are not reached at all.
 */
export function describeConnection(facts: ConnectionFacts): ConnectionStatus {
  const viaServer = facts.viaServer ?? 0;
  if (facts.signalingConnected) {
    return {
      kind: 'connected',
      members: facts.members,
      ...(viaServer > 0 ? { viaServer } : {}),
    };
  }
  if (facts.signalingFailed) return { kind: 'unreachable', members: facts.members };
  if (facts.members > 0) return { kind: 'connected', members: facts.members };
  return { kind: 'connecting' };
}

/**
 * How each other member is reached, by member id, from the room's presence and how each
 * presence (Yjs client id) is reached (RoomHandle.peerLinks). A member with two panels counts
 * as direct when either is; a member reached neither way (still connecting, or heard only
 * through a third member) is left out.
 */
export function memberLinks(
  states: ReadonlyMap<number, unknown>,
  peerLinks: ReadonlyMap<number, PeerLink>,
  selfId: string,
): Readonly<Record<string, PeerLink>> {
  // A Map, then own properties: a peer's member id may be any safe id, '__proto__' included.
  const links = new Map<string, PeerLink>();
  for (const [clientId, state] of states) {
    const link = peerLinks.get(clientId);
    const presence = link ? decodePresence(state) : null;
    if (!link || presence === null || presence.memberId === selfId) continue;
    if (links.get(presence.memberId) !== 'direct') links.set(presence.memberId, link);
  }
  return Object.fromEntries(links);
}

/** How many members are reached through the server. */
export function countViaServer(links: Readonly<Record<string, PeerLink>>): number {
  return Object.values(links).filter((link) => link === 'server').length;
}
