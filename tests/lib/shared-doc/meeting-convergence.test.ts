import { describe, expect, it } from 'vitest';
import { InMemoryNetwork } from '../helpers/in-memory-network';
import { nextPhase, previousPhase, startMeeting } from '../../../lib/shared-doc/meeting-commands';
import type { CommandResult } from '../../../lib/shared-doc/meeting-commands';
import { readTimer } from '../../../lib/shared-doc/timer';
import { readMeeting } from '../../../lib/shared-doc/meeting-state';
import { announceMeeting, readCurrentMeeting } from '../../../lib/shared-doc/lobby';
import { fuzzSeeds, seeded } from '../helpers/seeded';

const CHAIR = 'chair-000001';

/**
 * What every fuzz run must at least have done (floors a little under the least of 3,000 seeds),
 * so that a change that leaves the fuzz idle, say every move refused, fails instead of passing.
 */
const MIN_MOVES = 40;
const MIN_DELIVERED = 5;

/**
 * One fuzz run: every member moves the phase as the chair would (so that moves race), while
 * updates arrive one at a time in random order (as in Yjs' tests) and members drop off and come
 * back; then every replica must read the same meeting state and timer. A seed that ever fails gets a
 * named test of its own that calls this with it.
 */
function fuzzPhases(seed: number): void {
  const random = seeded(seed);
  const net = new InMemoryNetwork(2 + Math.floor(random() * 6));
  const chairs = net.docs.map((_, i) => `member-${String(i).padStart(6, '0')}`);
  startMeeting(net.docs[0]!, {
    methodId: 'basic',
    chairId: chairs[0]!,
    chairName: 'A',
    groupName: 'G',
    now: 0,
  });
  net.flush();
  const offline = new Set<number>();
  // What the fuzz did, so that a run that did nothing cannot pass.
  let moves = 0;
  let delivered = 0;
  const movers = new Set<number>();
  for (let step = 0; step < 200; step++) {
    const who = Math.floor(random() * net.docs.length);
    const roll = random();
    let result: CommandResult | null = null;
    if (roll < 0.1 && !offline.has(who)) {
      net.disconnect(who);
      offline.add(who);
    } else if (roll < 0.2 && offline.has(who)) {
      net.reconnect(who);
      offline.delete(who);
    } else if (roll < 0.6) {
      result = nextPhase(net.docs[who]!, chairs[0]!, step + 1);
    } else if (roll < 0.8) {
      result = previousPhase(net.docs[who]!, chairs[0]!, step + 1);
    }
    if (result?.ok) {
      moves += 1;
      movers.add(who);
    }
    // As in Yjs' own fuzz tests: mostly a few updates in random order, rarely everything.
    const delivery = random();
    if (delivery < 0.02) net.flush();
    else if (delivery < 0.7) {
      for (let n = Math.floor(random() * 4); n >= 0; n--) {
        if (net.flushRandomMessage(random)) delivered += 1;
      }
    }
  }
  for (const who of offline) net.reconnect(who);
  net.flush();
  const states = net.docs.map((doc) => ({ meeting: readMeeting(doc), timer: readTimer(doc) }));
  for (const state of states) {
    expect(state).toEqual(states[0]);
    expect(state.meeting.phaseIndex).toBeGreaterThanOrEqual(0);
    expect(state.meeting.phaseIndex).toBeLessThan(5);
  }
  // The fuzz did work: many moves ran, on more than one replica, over a shuffling network, and
  // the state that won is a move's, not the start's.
  expect(moves).toBeGreaterThanOrEqual(MIN_MOVES);
  expect(movers.size).toBeGreaterThan(1);
  expect(delivered).toBeGreaterThanOrEqual(MIN_DELIVERED);
  expect(states[0]!.timer?.runningSince).toBeGreaterThan(0);
}

describe('several members over an in-memory network', () => {
  it('shows every member the phase the chair moves to', () => {
    const net = new InMemoryNetwork(5);
    const [chairDoc] = net.docs;
    startMeeting(chairDoc!, {
      methodId: 'basic',
      chairId: CHAIR,
      chairName: 'Anna',
      groupName: 'G',
      now: 1,
    });
    net.flush();
    nextPhase(chairDoc!, CHAIR, 2);
    nextPhase(chairDoc!, CHAIR, 3);
    net.flush();
    for (const doc of net.docs) expect(readMeeting(doc).phase.id).toBe('awareness');
  });

  it('brings a member who was offline up to date when they reconnect', () => {
    const net = new InMemoryNetwork(3);
    const chairDoc = net.docs[0]!;
    startMeeting(chairDoc, {
      methodId: 'basic',
      chairId: CHAIR,
      chairName: 'Anna',
      groupName: 'G',
      now: 1,
    });
    net.flush();
    net.disconnect(2);
    nextPhase(chairDoc, CHAIR, 2);
    net.flush();
    expect(readMeeting(net.docs[2]!).phaseIndex).toBe(0);
    net.reconnect(2);
    net.flush();
    expect(readMeeting(net.docs[2]!).phaseIndex).toBe(1);
  });

  it('converges on one meeting when two members announce one at the same moment', () => {
    const net = new InMemoryNetwork(4);
    announceMeeting(net.docs[1]!, { meetingId: 'meeting-one1', startedAt: 10 });
    announceMeeting(net.docs[2]!, { meetingId: 'meeting-two2', startedAt: 10 });
    net.flush();
    const seen = net.docs.map((doc) => readCurrentMeeting(doc)?.meetingId);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toMatch(/^meeting-(one1|two2)$/);
  });

  // Seeds 1…25; KRING_FUZZ_SEEDS=N runs seeds 1…N instead (docs/environment.md).
  it.each(fuzzSeeds(25))(
    'converges after random phase moves, delivery orders, disconnects and reconnects (seed %i)',
    fuzzPhases,
  );
});
