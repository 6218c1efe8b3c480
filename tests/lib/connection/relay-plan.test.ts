import { describe, expect, it } from 'vitest';
import {
  canConnectDirectly,
  CLOSE_QUIET_MS,
  FAILED_RELAY_AFTER_MS,
  LOBBY_RELAY_AFTER_MS,
  NetworkReachMemory,
  MAX_RELAY_PEERS,
  PEER_TTL_MS,
  PeerBook,
  RELAY_AFTER_MS,
  relayAfterFor,
} from '../../../lib/connection/relay-plan';
import type { DirectFacts } from '../../../lib/connection/relay-plan';

const none = new Set<string>();

/** Direct facts in a compact form: peers connected, pending, local. */
function facts(
  connected: string[] = [],
  pending: string[] = [],
  local: string[] = [],
): DirectFacts {
  return { connected: new Set(connected), pending: new Set(pending), local: new Set(local) };
}

/** A book that heard `peers` at time 0 and observed `direct` since. */
function bookWith(peers: string[]) {
  const book = new PeerBook();
  peers.forEach((id, i) => book.heard(id, 100 + i, 0, false));
  return book;
}

describe('relay plan', () => {
  it('RP1 counts the peers there: heard within PEER_TTL_MS, or connected directly', () => {
    const book = bookWith(['b', 'c']);
    expect(book.present(0)).toBe(2);
    // Bram is connected directly and says nothing more through the server; Carla goes quiet.
    book.observe(facts(['b']), 1_000);
    expect(book.present(PEER_TTL_MS)).toBe(2);
    expect(book.present(PEER_TTL_MS + 1)).toBe(1);
    // Before the next look forgets her, as after.
    book.observe(facts(['b']), PEER_TTL_MS + 1);
    expect(book.present(PEER_TTL_MS + 1)).toBe(1);
    expect(new PeerBook().present(0)).toBe(0);
  });

  it('RP2 relays to a known peer without a direct connection only after RELAY_AFTER_MS', () => {
    const book = bookWith(['b']);
    book.observe(facts([], ['b']), 0);
    book.heard('b', 100, RELAY_AFTER_MS - 1, false);
    book.observe(facts([], ['b']), RELAY_AFTER_MS - 1);
    expect(book.relayTargets(RELAY_AFTER_MS - 1)).toEqual([]);
    book.observe(facts([], ['b']), RELAY_AFTER_MS);
    expect(book.relayTargets(RELAY_AFTER_MS)).toEqual(['b']);
  });

  it('RP3 relays sooner after a direct attempt ended without connecting, but not at once', () => {
    const book = bookWith(['b']);
    book.observe(facts([], ['b']), 0);
    book.observe(facts(), 500); // the attempt is gone, never connected
    expect(book.relayTargets(500)).toEqual([]);
    book.observe(facts(), FAILED_RELAY_AFTER_MS);
    expect(book.relayTargets(FAILED_RELAY_AFTER_MS)).toEqual(['b']);
  });

  it('RP3 relays at once to a peer that relays to us', () => {
    const book = bookWith(['b']);
    book.heard('b', 100, 10, true);
    book.observe(facts([], ['b']), 10);
    expect(book.relayTargets(10)).toEqual(['b']);
  });

  it('RP4 stops relaying as soon as a direct connection works, and never relays to this browser', () => {
    const book = bookWith(['b', 'c']);
    book.heard('b', 100, 10, true);
    book.heard('c', 101, 10, true);
    book.observe(facts([], ['b']), 20);
    expect(book.relayTargets(20)).toEqual(['b', 'c']);
    book.observe(facts(['b'], [], ['c']), 30);
    expect(book.relayTargets(30)).toEqual([]);
    // A direct connection that drops is waited for again before relaying (RP2).
    book.observe(facts([], [], ['c']), 40);
    expect(book.relayTargets(40)).toEqual([]);
    book.heard('b', 100, 40 + RELAY_AFTER_MS, false);
    book.observe(facts([], [], ['c']), 40 + RELAY_AFTER_MS);
    expect(book.relayTargets(40 + RELAY_AFTER_MS)).toEqual(['b']);
  });

  it('RP7 does not relay to a peer whose direct connection closed and who went quiet', () => {
    const book = bookWith(['b']);
    book.observe(facts(['b']), 0);
    book.observe(facts(['b']), 30_000);
    // Bram reloads his panel: the connection closes; his old page, going, still answers our
    // announce with an offer, which leaves an attempt that never connects, then says nothing.
    book.heard('b', 100, 30_050, false);
    book.observe(facts([], ['b']), 30_100);
    book.heard('b', 100, 30_100 + CLOSE_QUIET_MS - 1, false);
    for (let t = 30_200; t <= 30_100 + PEER_TTL_MS + 5_000; t += 500) {
      book.observe(facts(), t);
      expect(book.relayTargets(t)).toEqual([]);
    }
    expect(book.known()).toEqual([]);
  });

  it('RP7 relays as before to a peer still there: it announces again, or relays to us', () => {
    // Its mesh-watchdog announces again a few seconds later (RP2 counts from the close).
    const after = bookWith(['b']);
    after.observe(facts(['b']), 10_000);
    after.observe(facts(), 10_100);
    after.heard('b', 100, 10_100 + CLOSE_QUIET_MS, false);
    after.observe(facts(), 10_100 + RELAY_AFTER_MS);
    expect(after.relayTargets(10_100 + RELAY_AFTER_MS)).toEqual(['b']);
    // A peer that relays to us after its connection closed is relayed to at once (RP3).
    const relaying = bookWith(['b']);
    relaying.observe(facts(['b']), 10_000);
    relaying.observe(facts(), 20_000);
    relaying.heard('b', 100, 20_010, true);
    expect(relaying.relayTargets(20_010)).toEqual(['b']);
  });

  it('tells whether a peer relayed to has said anything since the relay began (UP7)', () => {
    // A page that went away while its first attempt was under way: relayed to, silent.
    const book = bookWith(['gone', 'real']);
    book.observe(facts([], ['gone', 'real']), 0);
    book.observe(facts(), RELAY_AFTER_MS);
    expect(book.relayTargets(RELAY_AFTER_MS)).toEqual(['gone', 'real']);
    expect(book.spokeWhileRelayed('gone')).toBe(false);
    expect(book.spokeWhileRelayed('real')).toBe(false);
    // A member still there announces again (or relays back): it counts from then on.
    book.heard('real', 101, RELAY_AFTER_MS + 500, false);
    for (let t = RELAY_AFTER_MS + 1_000; t < PEER_TTL_MS; t += 1_000) {
      book.observe(facts(), t);
      book.relayTargets(t);
    }
    expect(book.spokeWhileRelayed('real')).toBe(true);
    expect(book.spokeWhileRelayed('gone')).toBe(false);
    // One that relays to us is relayed to at once, and has spoken.
    const back = bookWith(['c']);
    back.heard('c', 100, 10, true);
    back.observe(facts(), 10);
    expect(back.relayTargets(10)).toEqual(['c']);
    expect(back.spokeWhileRelayed('c')).toBe(true);
    // No longer a target: what it said before does not count for the next relay.
    back.observe(facts(['c']), 20);
    expect(back.relayTargets(20)).toEqual([]);
    expect(back.spokeWhileRelayed('c')).toBe(false);
    expect(book.spokeWhileRelayed('nobody')).toBe(false);
  });

  it('RP1 forgets a peer silent for PEER_TTL_MS, but keeps one connected directly', () => {
    const book = bookWith(['b', 'c']);
    book.observe(facts(['c']), 0);
    const later = PEER_TTL_MS + RELAY_AFTER_MS;
    book.observe(facts(['c']), later);
    expect(book.known()).toEqual(['c']);
    expect(book.relayTargets(later)).toEqual([]);
  });

  it('RP5 relays to at most MAX_RELAY_PEERS peers, the most recently heard', () => {
    const book = new PeerBook();
    for (let i = 0; i < MAX_RELAY_PEERS + 5; i++) book.heard(`p${i}`, i, i, true);
    book.observe(facts(), 100);
    const targets = book.relayTargets(100);
    expect(targets).toHaveLength(MAX_RELAY_PEERS);
    expect(targets[0]).toBe(`p${MAX_RELAY_PEERS + 4}`);
    expect(targets).not.toContain('p0');
  });

  it('tells how each presence is reached, direct winning over the server', () => {
    const book = new PeerBook();
    book.heard('b', 7, 0, true);
    book.heard('c', 8, 0, true);
    book.heard('c2', 8, 0, true); // a second panel of the same presence
    book.heard('d', 9, 0, false); // connecting: neither yet
    book.heard('e', 10, 0, true); // relayed to us, but not (yet) by us
    book.observe(facts(['c2'], ['d']), 1);
    const links = book.links(new Set(['b', 'c']));
    expect([...links].sort()).toEqual([
      [7, 'server'],
      [8, 'direct'],
    ]);
  });

  it('ignores a client id until a peer states one, and keeps the last one stated', () => {
    const book = new PeerBook();
    book.heard('b', null, 0, true);
    book.observe(facts(), 0);
    expect(book.links(new Set(['b'])).size).toBe(0);
    book.heard('b', 42, 1, true);
    book.heard('b', null, 2, false);
    expect([...book.links(new Set(['b']))]).toEqual([[42, 'server']]);
  });

  it('remembers a bounded number of peers however many names arrive', () => {
    const book = new PeerBook();
    for (let i = 0; i < 5_000; i++) book.heard(`x${i}`, null, i, false);
    expect(book.known().length).toBeLessThanOrEqual(256);
    expect(book.known()).toContain('x4999');
    expect(book.relayTargets(5_000)).toEqual([]);
    expect(none.size).toBe(0);
  });
});

describe('a member who cannot connect directly at all', () => {
  it('RP6 relays at once to every known peer', () => {
    const book = bookWith(['b']);
    book.relayAfterMs = 0;
    book.observe(facts([], ['b']), 0);
    expect(book.relayTargets(0)).toEqual(['b']);
  });

  it.each([
    [undefined, true],
    [{}, true],
    [{ config: { iceServers: [] } }, true],
    [{ config: { iceServers: [], iceTransportPolicy: 'all' } }, true],
    [{ config: { iceServers: [], iceTransportPolicy: 'relay' } }, false],
    [{ config: { iceServers: [{ urls: 'stun:s.example' }], iceTransportPolicy: 'relay' } }, false],
    [
      {
        config: {
          iceServers: [{ urls: ['stun:s', 'turn:t.example'] }],
          iceTransportPolicy: 'relay',
        },
      },
      true,
    ],
    [
      { config: { iceServers: [{ urls: 'turns:t.example:443' }], iceTransportPolicy: 'relay' } },
      true,
    ],
    [{ config: { iceServers: 'junk', iceTransportPolicy: 'relay' } }, false],
  ])('RP6 reads %j as a direct path possible: %s', (peerOpts, expected) => {
    expect(canConnectDirectly(peerOpts)).toBe(expected);
  });
});

describe('a member whose network has shown that no direct path works', () => {
  const noTurn = { config: { iceServers: [], iceTransportPolicy: 'relay' } };

  it('RP8 relays at once in every room while others reach this page only through the server', () => {
    // What the rooms show now, taken into a memory that holds what an earlier page learnt.
    const taken = (direct: boolean, relayedToUs: boolean, remembered = false) => {
      const memory = new NetworkReachMemory();
      memory.remember(remembered);
      memory.learn({ direct, relayedToUs });
      return memory.onlyThroughServer;
    };
    expect(relayAfterFor(undefined, taken(false, false))).toBe(RELAY_AFTER_MS);
    expect(relayAfterFor(undefined, taken(false, true))).toBe(0);
    // One working connection anywhere shows a path: the usual wait.
    expect(relayAfterFor(undefined, taken(true, true))).toBe(RELAY_AFTER_MS);
    // What an earlier page learnt counts from the first room, until a direct connection works.
    expect(relayAfterFor(undefined, taken(false, false, true))).toBe(0);
    expect(relayAfterFor(undefined, taken(true, false, true))).toBe(RELAY_AFTER_MS);
    // RP6 stands either way.
    expect(relayAfterFor(noTurn, taken(true, false))).toBe(0);
    // RP10: a lobby waits less, and RP6 and RP8 still win.
    expect(relayAfterFor(undefined, taken(false, false), true)).toBe(LOBBY_RELAY_AFTER_MS);
    expect(relayAfterFor(undefined, taken(true, true), true)).toBe(LOBBY_RELAY_AFTER_MS);
    expect(relayAfterFor(undefined, taken(false, true), true)).toBe(0);
    expect(relayAfterFor(noTurn, taken(true, false), true)).toBe(0);
    expect(LOBBY_RELAY_AFTER_MS).toBeLessThan(RELAY_AFTER_MS);
  });

  it('RP8 counts a peer relaying to us while it has no direct connection, for PEER_TTL_MS', () => {
    const book = bookWith(['b']);
    expect(book.relayingToUs(0)).toBe(false);
    book.heard('b', 100, 1_000, true);
    book.observe(facts(), 1_000);
    expect(book.relayingToUs(1_000 + PEER_TTL_MS)).toBe(true);
    expect(book.relayingToUs(1_001 + PEER_TTL_MS)).toBe(false);
    // A direct connection to it: the relay was the way there, not the only one.
    book.heard('b', 100, 2_000, true);
    book.observe(facts(['b']), 2_000);
    expect(book.relayingToUs(2_000)).toBe(false);
  });

  it('RP8 holds what an earlier page learnt until this page learns for itself', () => {
    const memory = new NetworkReachMemory();
    expect(memory.onlyThroughServer).toBe(false);
    memory.remember(true);
    expect(memory.onlyThroughServer).toBe(true);
    // Rooms that show nothing yet (alone, or still connecting) say nothing.
    expect(memory.learn({ direct: false, relayedToUs: false })).toBeNull();
    expect(memory.onlyThroughServer).toBe(true);
    // A direct connection: learnt here, and told to be kept.
    expect(memory.learn({ direct: true, relayedToUs: true })).toBe(false);
    expect(memory.onlyThroughServer).toBe(false);
    // The earlier page's memory, read late, no longer counts.
    memory.remember(true);
    expect(memory.onlyThroughServer).toBe(false);
    // Learnt again: told only when it changes.
    expect(memory.learn({ direct: false, relayedToUs: true })).toBe(true);
    expect(memory.learn({ direct: false, relayedToUs: true })).toBeNull();
    expect(memory.onlyThroughServer).toBe(true);
  });

  it('RP9 keeps relaying to a peer when RP8 goes, until a direct connection to it works', () => {
    const book = bookWith(['b', 'c']);
    book.relayAfterMs = 0;
    book.observe(facts([], ['b', 'c']), 100);
    expect(book.relayTargets(100)).toEqual(['b', 'c']);
    // A direct connection to Carla works: the page has a path, the wait is back...
    book.relayAfterMs = RELAY_AFTER_MS;
    book.observe(facts(['c'], ['b']), 1_000);
    // ...and Bram, relayed to already, stays relayed to.
    expect(book.relayTargets(1_000)).toEqual(['b']);
    book.observe(facts(['b', 'c']), 2_000);
    expect(book.relayTargets(2_000)).toEqual([]);
  });
});
