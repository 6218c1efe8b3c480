import { describe, expect, it } from 'vitest';
import { InMemoryNetwork } from '../helpers/in-memory-network';
import { nextPhase, previousPhase, startMeeting } from '../../../lib/shared-doc/session-commands';
import { readSession } from '../../../lib/shared-doc/session-state';
import { announceMeeting, readCurrentMeeting } from '../../../lib/shared-doc/lobby';
import { seeded } from '../helpers/seeded';

const CHAIR = 'chair-000001';

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
    for (const doc of net.docs) expect(readSession(doc).phase.id).toBe('awareness');
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
    expect(readSession(net.docs[2]!).phaseIndex).toBe(0);
    net.reconnect(2);
    net.flush();
    expect(readSession(net.docs[2]!).phaseIndex).toBe(1);
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

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
    'converges after random phase moves, disconnects and reconnects (seed %i)',
    (seed) => {
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
      for (let step = 0; step < 200; step++) {
        const who = Math.floor(random() * net.docs.length);
        const roll = random();
        if (roll < 0.1 && !offline.has(who)) {
          net.disconnect(who);
          offline.add(who);
        } else if (roll < 0.2 && offline.has(who)) {
          net.reconnect(who);
          offline.delete(who);
        } else if (roll < 0.6) {
          nextPhase(net.docs[who]!, chairs[0]!, step);
        } else if (roll < 0.8) {
          previousPhase(net.docs[who]!, chairs[0]!, step);
        }
        if (random() < 0.3) net.flush();
      }
      for (const who of offline) net.reconnect(who);
      net.flush();
      const states = net.docs.map((doc) => readSession(doc));
      for (const state of states) {
        expect(state).toEqual(states[0]);
        expect(state.phaseIndex).toBeGreaterThanOrEqual(0);
        expect(state.phaseIndex).toBeLessThan(5);
      }
    },
  );
});
