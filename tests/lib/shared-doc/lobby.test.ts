import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  KEEP_ENDED,
  MAX_LOBBY_ENTRIES,
  announceMeeting,
  chooseMeetings,
  markMeetingEnded,
  readCurrentMeeting,
  readLobby,
} from '../../../lib/shared-doc/lobby';
import type { StartedMeeting } from '../../../lib/shared-doc/lobby';
import { lobbyMap } from '../../../lib/shared-doc/doc-schema';
import { InMemoryNetwork } from '../helpers/in-memory-network';

const m = (
  meetingId: string,
  startedAt: number,
  chairName: string | null = null,
  chairId: string | null = null,
) => ({ meetingId, startedAt, chairName, chairId }) satisfies StartedMeeting;

describe('choosing the meeting the group is in', () => {
  // Started meetings (id@startedAt), ended ids -> current, then the others in order.
  const table: ReadonlyArray<[string, StartedMeeting[], string[], string | null, string[]]> = [
    ['none started', [], [], null, []],
    ['one started', [m('aaaaaa', 10)], [], 'aaaaaa', []],
    ['the earliest of two', [m('bbbbbb', 20), m('aaaaaa', 30)], [], 'bbbbbb', ['aaaaaa']],
    ['same moment: the smaller id', [m('zzzzzz', 10), m('yyyyyy', 10)], [], 'yyyyyy', ['zzzzzz']],
    ['an ended one is passed over', [m('aaaaaa', 10), m('bbbbbb', 20)], ['aaaaaa'], 'bbbbbb', []],
    ['all ended', [m('aaaaaa', 10)], ['aaaaaa'], null, []],
    [
      'three, one ended',
      [m('cccccc', 5), m('aaaaaa', 30), m('bbbbbb', 20)],
      ['cccccc'],
      'bbbbbb',
      ['aaaaaa'],
    ],
  ];
  it.each(table)('%s', (_name, started, ended, current, others) => {
    const chosen = chooseMeetings(started, new Set(ended));
    expect(chosen.current?.meetingId ?? null).toBe(current);
    expect(chosen.running.slice(1).map((r) => r.meetingId)).toEqual(others);
    // The same entries in any order choose the same.
    const reversed = chooseMeetings([...started].reverse(), new Set(ended));
    expect(reversed).toEqual(chosen);
  });
});

describe('the lobby document', () => {
  it('records every started meeting with its chair, and keeps the first one current', () => {
    const doc = new Y.Doc();
    announceMeeting(doc, { meetingId: 'meeting-aaaa', startedAt: 100, chairName: 'Anna' });
    announceMeeting(doc, { meetingId: 'meeting-bbbb', startedAt: 200, chairName: 'Bram' });
    const lobby = readLobby(doc);
    expect(lobby.current).toEqual(m('meeting-aaaa', 100, 'Anna'));
    expect(lobby.running).toEqual([m('meeting-aaaa', 100, 'Anna'), m('meeting-bbbb', 200, 'Bram')]);
    expect(readCurrentMeeting(doc)).toEqual({ meetingId: 'meeting-aaaa', startedAt: 100 });
  });

  it('writes a meeting once: announcing it again changes nothing', () => {
    const doc = new Y.Doc();
    announceMeeting(doc, { meetingId: 'meeting-aaaa', startedAt: 100, chairName: 'Anna' });
    announceMeeting(doc, { meetingId: 'meeting-aaaa', startedAt: 999, chairName: 'Zoe' });
    expect(readLobby(doc).running).toEqual([m('meeting-aaaa', 100, 'Anna')]);
  });

  it('passes over an ended meeting to the next one still running', () => {
    const doc = new Y.Doc();
    announceMeeting(doc, { meetingId: 'meeting-aaaa', startedAt: 100, chairName: 'Anna' });
    announceMeeting(doc, { meetingId: 'meeting-bbbb', startedAt: 200, chairName: 'Bram' });
    markMeetingEnded(doc, 'meeting-aaaa', 300);
    const lobby = readLobby(doc);
    expect(lobby.current?.meetingId).toBe('meeting-bbbb');
    expect([...lobby.ended]).toEqual(['meeting-aaaa']);
    markMeetingEnded(doc, 'meeting-bbbb', 400);
    expect(readLobby(doc).current).toBeNull();
    expect(readCurrentMeeting(doc)).toBeNull();
  });

  it('follows the pointer of the earlier build, which names no chair, and clears it at the end', () => {
    const doc = new Y.Doc();
    lobbyMap(doc).set('meeting', { meetingId: 'meeting-old1', startedAt: 50 });
    expect(readLobby(doc).current).toEqual(m('meeting-old1', 50, null));
    markMeetingEnded(doc, 'meeting-old1', 60);
    expect(lobbyMap(doc).has('meeting')).toBe(false);
    expect(readLobby(doc).current).toBeNull();
  });

  it('records who started a meeting by member id, so that someone asking can tell if they are here', () => {
    const doc = new Y.Doc();
    announceMeeting(doc, {
      meetingId: 'meeting-aaaa',
      startedAt: 100,
      chairName: 'Anna',
      chairId: 'anna-device-0001',
    });
    expect(readLobby(doc).current).toEqual(m('meeting-aaaa', 100, 'Anna', 'anna-device-0001'));
    // An id that is not one is read as none; the meeting stays.
    lobbyMap(doc).set('started:meeting-bbbb', {
      startedAt: 200,
      chairName: 'Bram',
      chairId: '../x',
    });
    lobbyMap(doc).set('started:meeting-cccc', { startedAt: 300, chairName: 'Carla', chairId: 7 });
    expect(readLobby(doc).running).toEqual([
      m('meeting-aaaa', 100, 'Anna', 'anna-device-0001'),
      m('meeting-bbbb', 200, 'Bram'),
      m('meeting-cccc', 300, 'Carla'),
    ]);
  });

  it('still sets the pointer that panels of the earlier build read', () => {
    const doc = new Y.Doc();
    announceMeeting(doc, { meetingId: 'meeting-aaaa', startedAt: 100, chairName: 'Anna' });
    expect(lobbyMap(doc).get('meeting')).toEqual({ meetingId: 'meeting-aaaa', startedAt: 100 });
  });

  it('ignores malformed entries instead of reading them as meetings or as ends', () => {
    const doc = new Y.Doc();
    announceMeeting(doc, { meetingId: 'meeting-good', startedAt: 100, chairName: 'Anna' });
    const map = lobbyMap(doc);
    map.set('started:x', { startedAt: 1 }); // id too short
    map.set('started:meeting-nostart', { startedAt: 'yesterday' });
    map.set('started:meeting-array', [1, 2]);
    map.set('started:meeting-badname', { startedAt: 5, chairName: 'x'.repeat(500) });
    map.set('ended:meeting-good', { endedAt: 'now' });
    map.set('ended:meeting-good2', 'yes');
    map.set('meeting', { meetingId: '../../etc', startedAt: 1 });
    map.set('something-else', 42);
    const lobby = readLobby(doc);
    // A name over the limit is dropped, the meeting is kept; the rest is not a meeting at all.
    expect(lobby.running).toEqual([m('meeting-badname', 5, null), m('meeting-good', 100, 'Anna')]);
    expect(lobby.ended.size).toBe(0);
  });

  it(`reads at most ${MAX_LOBBY_ENTRIES} entries, so a flood of junk costs little`, () => {
    const doc = new Y.Doc();
    announceMeeting(doc, { meetingId: 'meeting-first', startedAt: 100, chairName: 'Anna' });
    doc.transact(() => {
      for (let i = 0; i < MAX_LOBBY_ENTRIES * 4; i++) lobbyMap(doc).set(`junk-${i}`, i);
    });
    lobbyMap(doc).set('started:meeting-late', { startedAt: 50, chairName: 'Zoe' });
    const lobby = readLobby(doc);
    expect(lobby.running.map((r) => r.meetingId)).toEqual(['meeting-first']);
  });

  it(`keeps the last ${KEEP_ENDED} ended meetings and forgets older ones`, () => {
    const doc = new Y.Doc();
    const id = (n: number) => `meeting-${String(n).padStart(4, '0')}`;
    for (let n = 0; n < KEEP_ENDED + 5; n++) {
      announceMeeting(doc, { meetingId: id(n), startedAt: n * 10, chairName: 'Anna' });
      markMeetingEnded(doc, id(n), n * 10 + 5);
    }
    const lobby = readLobby(doc);
    expect(lobby.ended.size).toBe(KEEP_ENDED);
    expect(lobby.ended.has(id(4))).toBe(false);
    expect(lobby.ended.has(id(5))).toBe(true);
    expect(lobbyMap(doc).has(`started:${id(4)}`)).toBe(false);
    expect(lobby.current).toBeNull();
  });

  it('converges on the same current meeting when two members start one at the same moment, and lists both', () => {
    const net = new InMemoryNetwork(4);
    announceMeeting(net.docs[1]!, { meetingId: 'meeting-one1', startedAt: 10, chairName: 'Bram' });
    announceMeeting(net.docs[2]!, { meetingId: 'meeting-two2', startedAt: 10, chairName: 'Carla' });
    net.flush();
    for (const doc of net.docs) {
      const lobby = readLobby(doc);
      expect(lobby.current?.meetingId).toBe('meeting-one1');
      expect(lobby.running.map((r) => r.chairName)).toEqual(['Bram', 'Carla']);
    }
  });

  it('lets the meeting already running win over one started later while cut off', () => {
    const net = new InMemoryNetwork(3);
    announceMeeting(net.docs[0]!, { meetingId: 'meeting-real', startedAt: 100, chairName: 'Anna' });
    net.flush();
    net.disconnect(2);
    const alone = new Y.Doc();
    // Member 2 reloaded without the others and started anew, later than the group's meeting.
    announceMeeting(alone, { meetingId: 'meeting-lone', startedAt: 500, chairName: 'Carla' });
    Y.applyUpdate(net.docs[2]!, Y.encodeStateAsUpdate(alone));
    net.reconnect(2);
    net.flush();
    for (const doc of net.docs) {
      expect(readLobby(doc).current?.meetingId).toBe('meeting-real');
      expect(readLobby(doc).running.map((r) => r.meetingId)).toEqual([
        'meeting-real',
        'meeting-lone',
      ]);
    }
  });

  it('does not bring back an ended meeting when a member who missed the end comes back', () => {
    const net = new InMemoryNetwork(2);
    announceMeeting(net.docs[0]!, { meetingId: 'meeting-aaaa', startedAt: 100, chairName: 'Anna' });
    net.flush();
    net.disconnect(1);
    markMeetingEnded(net.docs[0]!, 'meeting-aaaa', 200);
    announceMeeting(net.docs[1]!, { meetingId: 'meeting-aaaa', startedAt: 100, chairName: 'Anna' });
    net.reconnect(1);
    net.flush();
    for (const doc of net.docs) expect(readLobby(doc).current).toBeNull();
  });
});
