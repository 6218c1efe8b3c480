/**
 * A hostile member as a Node process: it has the group's secret, so it joins the group's rooms
 * through the real companion over real WebRTC like any member (y-webrtc through
 * lib/connection/room-connection.ts), but instead of commands it writes raw Yjs garbage into
 * every root of the running meeting's document (tests/helpers/garbage.ts). It shows no presence.
 * To reach a meeting it asks to join like any member (a knock with a valid card of its own,
 * lib/shared-doc/admission.ts) and needs the chair to let it in: the invite alone opens no
 * meeting. A chair that refuses or never answers leaves it in the lobby with nothing.
 * Driven over IPC by tests/helpers/hostile-member.ts.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import wrtc from '@roamhq/wrtc';
import { closeAllRooms, openRoom } from '../../lib/connection/room-connection';
import type { RoomHandle } from '../../lib/connection/room-connection';
import { deriveRoomKeys } from '../../lib/invite/room-name';
import { readLobby } from '../../lib/shared-doc/lobby';
import { MEETING_KEYS, meetingMap } from '../../lib/shared-doc/doc-schema';
import { writeGarbage } from './garbage';
import { seeded } from '../lib/helpers/seeded';
import { attacks, targetsIn } from './attacks';
import { memoryDeviceKey } from '../../lib/device/device-key';
import { newSessionSigner } from '../../lib/shared-doc/signed';
import type { SessionSigner } from '../../lib/shared-doc/signed';
import { knock, newBox, openAnswer, readAnswer } from '../../lib/shared-doc/admission';

Object.assign(globalThis, { WebSocket });

export type HostileCommand =
  | { type: 'open'; secretHex: string; signalingUrl: string }
  /**
   * Waits until the lobby names a meeting, asks to join it, and once the chair lets it in waits
   * for that meeting's document; answers not ok ('refused', 'no answer') otherwise.
   */
  | { type: 'find-meeting' }
  /**
   * Writes garbage for `ms`: a batch every `everyMs`, now and then hundreds of keys at once,
   * each batch garbling one progress key (phase, chair, timer…) as well, and at the end every
   * progress key at once, after whatever the honest members did last.
   */
  | { type: 'flood'; ms: number; everyMs: number; seed: number }
  /**
   * Issue 13's attacks (tests/helpers/attacks.ts) with a valid card of its own, one every
   * `everyMs`; answers with the names of the attacks it made.
   */
  | { type: 'attack'; everyMs: number }
  /** Answers with everything the meeting's document it holds says, as JSON text. */
  | { type: 'meeting-text' }
  | { type: 'close' };

export type HostileEvent = { type: 'result'; ok: boolean; detail?: string };

/** What a flood wrote, sent back as JSON in `detail`. */
export interface FloodReport {
  readonly batches: number;
  readonly entries: number;
  readonly roots: readonly string[];
  readonly progressWrites: number;
  /** The meeting's whole document at the end, honest content included. */
  readonly documentBytes: number;
}

const ROOM_OPTIONS = (signalingUrl: string) => ({
  signalingUrls: [signalingUrl],
  peerOpts: { wrtc, config: { iceServers: [] } },
});
const PROGRESS_KEYS: readonly string[] = Object.values(MEETING_KEYS);

let secret: Uint8Array | null = null;
let signalingUrl = '';
let lobby: RoomHandle | null = null;
let meeting: RoomHandle | null = null;
let meetingId = '';
/** Its own valid card (a real device key): signs its knock and its attacks. */
let signer: SessionSigner | null = null;

function send(event: HostileEvent): void {
  process.send?.(event);
}

// A member's process outlives what its peers do to it (a connection torn down mid-message when
// the others leave a room): the error is reported on stderr, the process goes on.
process.on('uncaughtException', (error) => console.error('hostile member:', error));
process.on('unhandledRejection', (reason) => console.error('hostile member:', reason));

process.on('message', (raw: unknown) => {
  void handle(raw).catch((error: unknown) =>
    send({ type: 'result', ok: false, detail: String(error) }),
  );
});

async function handle(raw: unknown): Promise<void> {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return;
  const command = raw as HostileCommand; // from our own test process, over IPC
  switch (command.type) {
    case 'open': {
      secret = Uint8Array.from(Buffer.from(command.secretHex, 'hex'));
      signalingUrl = command.signalingUrl;
      lobby = openRoom(await deriveRoomKeys(secret, { kind: 'lobby' }), ROOM_OPTIONS(signalingUrl));
      // No presence: awareness shows nothing of a member who stays silent.
      lobby.awareness.setLocalState(null);
      signer = await newSessionSigner(await memoryDeviceKey(), 'Xander');
      send({ type: 'result', ok: true });
      return;
    }
    case 'find-meeting': {
      const found = await until(() => readLobby(lobby!.doc).current?.meetingId ?? null);
      const box = newBox();
      const self = signer!.card.memberId;
      knock(lobby!.doc, found, signer!, box, Date.now());
      const answer = await until(() => readAnswer(lobby!.doc, found, self, box), 20_000).catch(
        () => null,
      );
      if (answer?.kind !== 'admitted') {
        send({ type: 'result', ok: false, detail: answer ? 'refused' : 'no answer' });
        return;
      }
      const key = await openAnswer(answer, box, found, self);
      if (!key) {
        send({ type: 'result', ok: false, detail: 'the key did not open' });
        return;
      }
      meeting = openRoom(
        await deriveRoomKeys(key, { kind: 'meeting', meetingId: found }),
        ROOM_OPTIONS(signalingUrl),
      );
      meeting.awareness.setLocalState(null);
      meetingId = found;
      const doc = meeting.doc;
      await until(() => meetingMap(doc).get(MEETING_KEYS.chairId) ?? null);
      send({ type: 'result', ok: true, detail: found });
      return;
    }
    case 'flood': {
      const report = await flood(command.ms, command.everyMs, command.seed);
      send({ type: 'result', ok: true, detail: JSON.stringify(report) });
      return;
    }
    case 'attack': {
      const doc = meeting!.doc;
      const targets = await until(() => targetsIn(doc, meetingId));
      const made: string[] = [];
      for (const [name, attack] of attacks(doc, meeting!.awareness, signer!, targets)) {
        attack();
        made.push(name);
        await sleep(command.everyMs);
      }
      send({ type: 'result', ok: true, detail: JSON.stringify(made) });
      return;
    }
    case 'meeting-text':
      send({ type: 'result', ok: true, detail: JSON.stringify(meeting?.doc.toJSON() ?? null) });
      return;
    case 'close':
      meeting?.release();
      lobby?.release();
      // Leaves now, as a closing page does (released rooms would wait out their grace): the
      // others hear its connections close, instead of waiting for WebRTC to notice a process
      // that is gone (tens of seconds, more on a loaded machine: CI waited over 60 s).
      closeAllRooms();
      send({ type: 'result', ok: true });
      setTimeout(() => process.exit(0), 500);
      return;
  }
}

async function flood(ms: number, everyMs: number, seed: number): Promise<FloodReport> {
  const doc = meeting!.doc;
  const random = seeded(seed);
  const roots = new Set<string>();
  let batches = 0;
  let entries = 0;
  let progressWrites = 0;
  const garble = (keys: readonly string[]): void => {
    doc.transact(() => {
      for (const key of keys) meetingMap(doc).set(key, pickGarbage(random));
    });
    progressWrites += keys.length;
  };
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const many = random() < 0.03;
    const report = writeGarbage(doc, random, many ? 300 : 1 + Math.floor(random() * 15), {
      hugeChance: many ? 0 : 0.005,
    });
    garble([PROGRESS_KEYS[Math.floor(random() * PROGRESS_KEYS.length)]!]);
    batches += 1;
    entries += report.entries;
    progressWrites += report.progressKeys;
    for (const root of report.roots) roots.add(root);
    await sleep(everyMs);
  }
  garble(PROGRESS_KEYS);
  return {
    batches,
    entries,
    roots: [...roots].sort(),
    progressWrites,
    documentBytes: Y.encodeStateAsUpdate(doc).length,
  };
}

/** Garbage for a progress key: never a valid value for any of them. */
function pickGarbage(random: () => number): unknown {
  const values: readonly unknown[] = [
    NaN,
    Infinity,
    '',
    '   ',
    null,
    [],
    {},
    { evil: true },
    [NaN, NaN],
    'x'.repeat(5000),
  ];
  return values[Math.floor(random() * values.length)];
}

async function until<T>(read: () => T | null, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
