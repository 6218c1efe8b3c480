import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import {
  CLOSED_KEPT_MS,
  maxPairs,
  namedClients,
  UNSEEN_GRACE_MS,
  UnseenPeers,
} from '../../../lib/connection/unseen-peers';

const SELF = 1;

/** A real awareness update naming `states` (client id -> state, null: cleared). */
function update(states: Record<number, object | null>): Uint8Array {
  const ids = Object.keys(states).map(Number);
  const awareness = new Awareness(new Y.Doc());
  const source = new Map<number, { clock: number; lastUpdated: number }>();
  for (const id of ids) source.set(id, { clock: 1, lastUpdated: 0 });
  // encodeAwarenessUpdate reads `states` and `meta`; fill both for foreign client ids.
  awareness.states.clear();
  for (const id of ids) {
    const state = states[id];
    if (state !== null && state !== undefined) awareness.states.set(id, state);
  }
  awareness.meta = source;
  const encoded = encodeAwarenessUpdate(awareness, ids);
  awareness.destroy();
  return encoded;
}

const member = { kring: { memberId: 'm', name: 'M' } };

/** Each peer's direct connection: one object per peer, as the room holds it. */
const links = new Map<string, object>();
function link(peer: string): object {
  let conn = links.get(peer);
  if (!conn) {
    conn = { peer };
    links.set(peer, conn);
  }
  return conn;
}

/**
 * Facts with these peers connected directly, relayed, and these presences valid; each direct
 * peer on its connection `link(peer)` unless `pending` names other connections (made or being
 * made) too.
 */
function facts(
  direct: string[],
  present: number[],
  relayed: string[] = [],
  pending: Record<string, object> = {},
) {
  return {
    direct: new Set(direct),
    links: new Map([
      ...direct.map((peer) => [peer, link(peer)] as const),
      ...Object.entries(pending),
    ]),
    relayed: new Set(relayed),
    present: new Set(present),
    self: SELF,
  };
}

/** UP8: member b on its own connection, with its presence (5) named and counted. */
function memberOnItsConnection(): UnseenPeers {
  const unseen = new UnseenPeers();
  unseen.heard('b', update({ 5: member }), link('b'));
  unseen.count(facts(['b'], [5]), 0);
  return unseen;
}

describe('unseen peers', () => {
  it('reads the client ids an awareness update names, and which it clears', () => {
    const named = namedClients(update({ 7: member, 8: null }));
    expect(named).toEqual(
      new Map([
        [7, true],
        [8, false],
      ]),
    );
    expect(namedClients(new Uint8Array([5, 1]))).toBeNull();
  });

  it('removing a state encodes as a cleared name (as y-webrtc sends it on leaving)', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState(member);
    let sent: Uint8Array | null = null;
    awareness.on('update', ({ removed }: { removed: number[] }) => {
      if (removed.length) sent = encodeAwarenessUpdate(awareness, removed);
    });
    removeAwarenessStates(awareness, [awareness.clientID], 'leaving');
    expect(namedClients(sent!)).toEqual(new Map([[awareness.clientID, false]]));
    awareness.destroy();
  });

  it('UP1 pairs peers and presences one to one, as many as possible', () => {
    const pairs = (entries: Array<[string, number[]]>) =>
      maxPairs(new Map(entries.map(([peer, ids]) => [peer, new Set(ids)])));
    expect(pairs([])).toBe(0);
    expect(pairs([['a', [2]]])).toBe(1);
    // The silent peer x forwards both members' presences: three peers, two presences.
    expect(
      pairs([
        ['x', [2, 3]],
        ['b', [2, 3]],
        ['c', [3, 2]],
      ]),
    ).toBe(2);
    // x takes 2 first in name order; b must move x over to 3 for everyone to pair.
    expect(
      pairs([
        ['a', [2, 3]],
        ['b', [2]],
      ]),
    ).toBe(2);
  });

  it('UP1 counts a silent peer among members as unknown once the grace is over', () => {
    const unseen = new UnseenPeers();
    unseen.heard('b', update({ 2: member, 3: member }), link('b'));
    unseen.heard('c', update({ 3: member, 2: member }), link('c'));
    // x passes on what it heard, as y-webrtc does, and has no presence of its own.
    unseen.heard('x', update({ 2: member, 3: member }), link('x'));
    const now = facts(['b', 'c', 'x'], [2, 3]);
    expect(unseen.count(now, 0)).toBe(0);
    expect(unseen.count(now, UNSEEN_GRACE_MS - 1)).toBe(0);
    expect(unseen.count(now, UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP1 counts a connection that sent nothing at all', () => {
    const unseen = new UnseenPeers();
    expect(unseen.count(facts(['x'], []), 0)).toBe(0);
    expect(unseen.count(facts(['x'], []), UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP1 counts several, and a peer we only relay to', () => {
    const unseen = new UnseenPeers();
    unseen.heard('b', update({ 2: member }), link('b'));
    const now = facts(['b', 'x'], [2], ['y']);
    unseen.count(now, 0);
    expect(unseen.count(now, UNSEEN_GRACE_MS)).toBe(2);
  });

  it('UP1 does not count every member, each with its own presence', () => {
    const unseen = new UnseenPeers();
    unseen.heard('b', update({ 2: member, 3: member }), link('b'));
    unseen.heard('c', update({ 3: member, 2: member }), link('c'));
    unseen.heard('d', update({ 4: member }), null);
    for (let t = 0; t <= 3 * UNSEEN_GRACE_MS; t += 1000) {
      expect(unseen.count(facts(['b', 'c'], [2, 3, 4], ['d']), t)).toBe(0);
    }
  });

  it('UP1 counts a peer whose presence is not valid (decodePresence said no)', () => {
    const unseen = new UnseenPeers();
    unseen.heard('x', update({ 5: { other: true } }), link('x'));
    unseen.count(facts(['x'], []), 0);
    expect(unseen.count(facts(['x'], []), UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP1 counts a peer that had a presence and cleared it, but stays connected', () => {
    const unseen = new UnseenPeers();
    unseen.heard('b', update({ 2: member }), link('b'));
    expect(unseen.count(facts(['b'], [2]), 0)).toBe(0);
    unseen.heard('b', update({ 2: null }), link('b'));
    expect(unseen.count(facts(['b'], []), 1000)).toBe(0);
    expect(unseen.count(facts(['b'], []), 1000 + UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP2 does not count a joiner whose presence arrives within the grace', () => {
    const unseen = new UnseenPeers();
    expect(unseen.count(facts(['b'], []), 0)).toBe(0);
    unseen.heard('b', update({ 2: member }), link('b'));
    expect(unseen.count(facts(['b'], [2]), 1000)).toBe(0);
    expect(unseen.count(facts(['b'], [2]), 10 * UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP2 does not count a member who clears their presence and then closes', () => {
    const unseen = new UnseenPeers();
    unseen.heard('b', update({ 2: member }), link('b'));
    unseen.count(facts(['b'], [2]), 0);
    unseen.heard('b', update({ 2: null }), link('b'));
    expect(unseen.count(facts(['b'], []), 1000)).toBe(0);
    expect(unseen.count(facts([], []), 2000)).toBe(0);
    expect(unseen.count(facts([], []), 2000 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP2 restarts the grace after a moment with everyone paired', () => {
    const unseen = new UnseenPeers();
    unseen.count(facts(['x'], []), 0);
    unseen.heard('x', update({ 2: member }), link('x'));
    unseen.count(facts(['x'], [2]), UNSEEN_GRACE_MS - 1);
    expect(unseen.count(facts(['x'], []), UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP3 never pairs a peer with our own presence, which every peer passes back', () => {
    const unseen = new UnseenPeers();
    unseen.heard('x', update({ [SELF]: member }), link('x'));
    unseen.count(facts(['x'], [SELF]), 0);
    expect(unseen.count(facts(['x'], [SELF]), UNSEEN_GRACE_MS)).toBe(1);
  });

  it("pairs this member's other device, which has its own presence", () => {
    const unseen = new UnseenPeers();
    // Same member id in both states; the client ids differ, and that is what pairs.
    unseen.heard('other-device', update({ 9: member }), link('other-device'));
    unseen.count(facts(['other-device'], [9]), 0);
    expect(unseen.count(facts(['other-device'], [9]), UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP4 forgets what a peer named when its connection goes', () => {
    const unseen = new UnseenPeers();
    unseen.heard('x', update({ 2: member }), link('x'));
    unseen.count(facts(['x'], [2]), 0);
    unseen.count(facts([], [2]), 1000);
    // Back on a new connection, and silent this time: the old names do not pair it.
    const again = { peer: 'x', again: true };
    unseen.count(facts([], [2], [], { x: again }), 2000);
    unseen.count(facts(['x'], [2], [], { x: again }), 2000);
    expect(unseen.count(facts(['x'], [2], [], { x: again }), 2000 + UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP4 forgets what a peer named over a connection that a fresh one replaced', () => {
    const unseen = new UnseenPeers();
    unseen.heard('x', update({ 2: member }), link('x'));
    unseen.count(facts(['x'], [2]), 0);
    // Replaced at once (Room.reconnect, or glare): never without a connection in between.
    const fresh = { peer: 'x', fresh: true };
    unseen.count(facts(['x'], [2], [], { x: fresh }), 1000);
    expect(unseen.count(facts(['x'], [2], [], { x: fresh }), 1000 + UNSEEN_GRACE_MS)).toBe(1);
    // What it names over the fresh one pairs it again.
    unseen.heard('x', update({ 2: member }), fresh);
    expect(unseen.count(facts(['x'], [2], [], { x: fresh }), 2000 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP4 keeps what a peer named over a connection not yet made (the answering side)', () => {
    // The side that answered reads the peer's first presence before its own 'connect'; a count
    // in between forgot it, and the honest member was unknown until it next named someone.
    const unseen = new UnseenPeers();
    const making = link('x');
    unseen.heard('x', update({ 2: member }), making);
    expect(unseen.count(facts([], [2], [], { x: making }), 0)).toBe(0);
    expect(unseen.count(facts(['x'], [2]), 100)).toBe(0);
    expect(unseen.count(facts(['x'], [2]), 100 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP4 keeps what a relayed peer named when a connection to it is being made', () => {
    const unseen = new UnseenPeers();
    unseen.heard('r', update({ 4: member }), null);
    unseen.count(facts([], [4], ['r']), 0);
    // Its first message over the connection names someone else; it stays the same peer.
    unseen.heard('r', update({ 3: member }), link('r'));
    unseen.count(facts(['r'], [3, 4], ['r']), 1000);
    unseen.count(facts(['r'], [3, 4]), 2000);
    expect(unseen.count(facts(['r'], [3, 4]), 2000 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP5 remembers a bounded number of presences per peer, the latest', () => {
    const unseen = new UnseenPeers();
    const many: Record<number, object> = {};
    for (let id = 100; id < 1100; id++) many[id] = member;
    unseen.heard('x', update(many), link('x'));
    unseen.count(facts(['x'], [100]), 0);
    expect(unseen.count(facts(['x'], [100]), UNSEEN_GRACE_MS)).toBe(1);
    expect(unseen.count(facts(['x'], [1099]), UNSEEN_GRACE_MS + 1)).toBe(0);
  });

  it('UP6 takes a relayed peer that cleared its first presence for gone', () => {
    const unseen = new UnseenPeers();
    unseen.heard('r', update({ 4: member, 2: member }), null);
    unseen.count(facts([], [2, 4], ['r']), 0);
    unseen.heard('r', update({ 4: null }), null);
    expect(unseen.count(facts([], [2], ['r']), 1000)).toBe(0);
    expect(unseen.count(facts([], [2], ['r']), 1000 + UNSEEN_GRACE_MS)).toBe(0);
    // A direct connection that does the same stays counted: it would have closed.
    unseen.heard('d', update({ 5: member }), link('d'));
    unseen.heard('d', update({ 5: null }), link('d'));
    unseen.count(facts(['d'], [2], ['r']), 2000);
    expect(unseen.count(facts(['d'], [2], ['r']), 2000 + UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP8 a member whose connection closed, relayed to again after, is gone by the presence it cleared', () => {
    // A reload: the page clears its presence and closes its connection; its last messages
    // through the server make it a relay target again (relay-plan RP7 lets it back).
    const unseen = memberOnItsConnection();
    unseen.heard('b', update({ 5: null }), link('b'));
    unseen.count(facts([], []), 100);
    unseen.count(facts([], [], ['b']), 3000);
    expect(unseen.count(facts([], [], ['b']), 3000 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP8 keeps pairing a closed member relayed to again until its presence is cleared through the server', () => {
    const unseen = memberOnItsConnection();
    unseen.count(facts([], [5]), 100);
    unseen.count(facts([], [5], ['b']), 3000);
    expect(unseen.count(facts([], [5], ['b']), 3000 + UNSEEN_GRACE_MS)).toBe(0);
    unseen.heard('b', update({ 5: null }), null);
    expect(unseen.count(facts([], [], ['b']), 4000 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP8 forgets a closed connection after CLOSED_KEPT_MS: a silent relay then counts', () => {
    const unseen = memberOnItsConnection();
    unseen.heard('b', update({ 5: null }), link('b'));
    unseen.count(facts([], []), 100);
    unseen.count(facts([], []), 100 + CLOSED_KEPT_MS);
    const later = 200 + CLOSED_KEPT_MS;
    unseen.count(facts([], [], ['b']), later);
    expect(unseen.count(facts([], [], ['b']), later + UNSEEN_GRACE_MS)).toBe(1);
  });

  it('UP8 keeps a member whose connection dropped and who speaks through the relay paired', () => {
    const unseen = memberOnItsConnection();
    unseen.count(facts([], [5], ['b']), 100);
    // Its presence renewed through the server, as y-protocols does every 15 s.
    unseen.heard('b', update({ 5: member }), null);
    for (let at = 15_000; at <= CLOSED_KEPT_MS + 30_000; at += 15_000) {
      expect(unseen.count(facts([], [5], ['b']), at)).toBe(0);
    }
  });

  it('UP8 keeps what a departed page cleared through the server before the relay to it began', () => {
    const unseen = memberOnItsConnection();
    unseen.count(facts([], [5]), 100);
    // Its clear comes through the server, while it is not relayed to yet (RP7).
    unseen.heard('b', update({ 5: null }), null);
    unseen.count(facts([], []), 200);
    unseen.count(facts([], [], ['b']), 3000);
    expect(unseen.count(facts([], [], ['b']), 3000 + UNSEEN_GRACE_MS)).toBe(0);
  });

  it('UP8 forgets it after CLOSED_KEPT_MS even while relayed to: a listener cannot hide there', () => {
    const unseen = memberOnItsConnection();
    unseen.heard('b', update({ 5: null }), link('b'));
    unseen.count(facts([], [], ['b']), 100);
    expect(unseen.count(facts([], [], ['b']), 100 + UNSEEN_GRACE_MS)).toBe(0);
    unseen.count(facts([], [], ['b']), 100 + CLOSED_KEPT_MS);
    expect(unseen.count(facts([], [], ['b']), 100 + CLOSED_KEPT_MS + UNSEEN_GRACE_MS)).toBe(1);
  });

  it('ignores an update that does not decode', () => {
    const unseen = new UnseenPeers();
    unseen.heard('b', update({ 2: member }), link('b'));
    unseen.heard('b', new Uint8Array([200]), link('b'));
    unseen.count(facts(['b'], [2]), 0);
    expect(unseen.count(facts(['b'], [2]), UNSEEN_GRACE_MS)).toBe(0);
  });
});
