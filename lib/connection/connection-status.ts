/** What the panel says about its connection, in words (see components/ConnectionStatus). */
export type ConnectionStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected'; readonly members: number }
  | { readonly kind: 'unreachable'; readonly members: number };

/** The raw facts a status is derived from. */
export interface ConnectionFacts {
  /** At least one signaling server is connected. */
  readonly signalingConnected: boolean;
  /** Every signaling server has failed at least one attempt since the last success. */
  readonly signalingFailed: boolean;
  /** Other members present in the room (by awareness, self excluded). */
  readonly members: number;
}

/**
 * Derives the status: unreachable as soon as every signaling server has failed (members already
 * connected stay connected over WebRTC, and the panel says both), connected while a server is
 * reachable, connecting before the first answer.
 */
export function describeConnection(facts: ConnectionFacts): ConnectionStatus {
  if (facts.signalingConnected) return { kind: 'connected', members: facts.members };
  if (facts.signalingFailed) return { kind: 'unreachable', members: facts.members };
  if (facts.members > 0) return { kind: 'connected', members: facts.members };
  return { kind: 'connecting' };
}
