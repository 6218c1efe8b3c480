/**
 * Whether a room that is open in this realm can serve another opener.
 *
 * y-webrtc allows one provider per room name per realm, so rooms are shared by name. But a room
 * opened through companion A cannot serve a panel that now wants companion B as it is: a room
 * kept for its close grace was handed back with its old signaling sockets when the member
 * changed the server address, and the panel stayed on the old server while the status named the
 * new one (issue 10). A room whose options differ is therefore retargeted (it keeps document,
 * presence and peers, and changes servers), which is safe only when nobody holds it any more;
 * two holders wanting different servers at once is a programming error.
 */

/** How a room reaches the others; `RoomOptions` of room-connection.ts has this shape. */
export interface RoomReach {
  readonly signalingUrls: readonly string[];
  readonly peerOpts?: Readonly<Record<string, unknown>>;
}

/** `share` the open room, `retarget` it (nobody holds it), or a `conflict` (it is held). */
export type RoomReuse = 'share' | 'retarget' | 'conflict';

export function roomReuse(
  open: { refs: number; options: RoomReach },
  wanted: RoomReach,
): RoomReuse {
  if (sameRoomOptions(open.options, wanted)) return 'share';
  return open.refs > 0 ? 'conflict' : 'retarget';
}

/**
 * True when both reach the same signaling servers (in any order, repeats ignored) with equal
 * peer options. Peer options are compared by value, since every caller builds a fresh object;
 * what is not plain data (the `wrtc` module in Node) is compared by identity.
 */
export function sameRoomOptions(a: RoomReach, b: RoomReach): boolean {
  const urlsA = new Set(a.signalingUrls);
  const urlsB = new Set(b.signalingUrls);
  if (urlsA.size !== urlsB.size) return false;
  for (const url of urlsA) if (!urlsB.has(url)) return false;
  return sameValue(a.peerOpts ?? {}, b.peerOpts ?? {}, 0);
}

/** Deeper than this, values are compared by identity: peer options are a few levels deep. */
const MAX_DEPTH = 8;

function sameValue(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i], depth + 1));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) && sameValue(Reflect.get(a, key), Reflect.get(b, key), depth + 1),
  );
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
