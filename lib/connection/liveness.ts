/**
 * A WebRTC connection can stay open and carry nothing: seen in a bench run, where a question
 * writer's data channel to one panel delivered nothing for four minutes while both sides kept it
 * as connected (docs/benchmarks.md, twenty-eighth round). The writer went on naming that panel as
 * reached directly (the patch's covered messages), so nobody passed its changes on, and each came
 * only by a pull (pull-sync.ts), 5 to 11 s late; a member deaf on every connection would get
 * nothing at all. y-webrtc closes a connection only when WebRTC says it closed.
 *
 * So each room watches what it hears on each connection (the patch's `heardAt`: a message read,
 * after the signature gate, a frame of a larger one, or a note). Silence alone proves nothing: a
 * peer with nothing to say (no presence, nothing written) says nothing on a healthy connection.
 * A connection quiet for QUIET_MS is asked for what this member lacks (y-webrtc's sync step 1,
 * which every build and plain y-webrtc answer, with an empty answer when nothing is missing);
 * one that answers nothing for ANSWER_MS after that is replaced: room-connection.ts has the
 * patch's `Room.reconnect` put a fresh connection, offered at once, in its place and close the
 * old one. The other members pass changes on meanwhile (the old connection is no longer named as
 * covered).
 *
 * A check that runs late (a busy main thread, a frozen or throttled page) may run before the
 * messages that waited behind it are read, so a connection is replaced only when two checks in a
 * row found its answer overdue.
 */

/** What the check reads of a y-webrtc connection (WebrtcConn, with the patch's `heardAt`). */
export interface HeardConnection {
  readonly connected: boolean;
  readonly closed: boolean;
  /** When the connection last carried something that was read (ms, Date.now()). */
  readonly heardAt: number;
}

/** How long a connection may be quiet before its peer is asked for an answer (ms). */
export const QUIET_MS = 8_000;

/**
 * How long a peer that was asked may take to answer before the connection is replaced (ms). Its
 * answer is small, but a loaded machine on a slow relayed link can take seconds; a connection
 * replaced for nothing costs a new connection, not data.
 */
export const ANSWER_MS = 8_000;

export interface LivenessTimes {
  readonly quietMs: number;
  readonly answerMs: number;
}

const DEFAULT_TIMES: LivenessTimes = { quietMs: QUIET_MS, answerMs: ANSWER_MS };

interface Watched {
  /** When the connection was first seen connected: nothing heard before counts as quiet. */
  readonly since: number;
  /** When its peer was asked, or null while no question is open. */
  askedAt: number | null;
  /** When a check first found the answer overdue, or null. */
  overdueAt: number | null;
}

/** What to do now: ask these peers for an answer; these connections are dead (to replace). */
export interface LivenessActions<C> {
  readonly ask: C[];
  readonly close: C[];
}

/** The liveness of one room's connections, checked on its poll (room-connection.ts). */
export class ConnectionLiveness<C extends HeardConnection> {
  private readonly watched = new Map<C, Watched>();

  constructor(private readonly times: LivenessTimes = DEFAULT_TIMES) {}

  /** Which peers to ask and which connections to give up at `now`, of those open now. */
  check(connections: Iterable<C>, now: number): LivenessActions<C> {
    const ask: C[] = [];
    const close: C[] = [];
    const open = new Set<C>();
    for (const connection of connections) {
      if (!connection.connected || connection.closed) continue;
      open.add(connection);
      let watched = this.watched.get(connection);
      if (!watched) {
        watched = { since: now, askedAt: null, overdueAt: null };
        this.watched.set(connection, watched);
      }
      const heard = Math.max(connection.heardAt, watched.since);
      if (watched.askedAt !== null && heard >= watched.askedAt) {
        watched.askedAt = null;
        watched.overdueAt = null;
      }
      if (watched.askedAt === null) {
        if (now - heard >= this.times.quietMs) {
          watched.askedAt = now;
          ask.push(connection);
        }
        continue;
      }
      if (now - watched.askedAt < this.times.answerMs) continue;
      if (watched.overdueAt === null) watched.overdueAt = now;
      else if (now > watched.overdueAt) close.push(connection);
    }
    for (const connection of [...this.watched.keys()]) {
      if (!open.has(connection) || close.includes(connection)) this.watched.delete(connection);
    }
    return { ask, close };
  }
}
