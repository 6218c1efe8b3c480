/**
 * A group member as a Node process: the real GroupSession over real WebRTC (@roamhq/wrtc) and
 * the real signaling server, driven over IPC by tests/helpers/node-member.ts. One process per
 * member, because y-webrtc allows one provider per room per JavaScript realm and Node's
 * BroadcastChannel would otherwise connect workers of one process without WebRTC.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { WebSocket } from 'ws';
import wrtc from '@roamhq/wrtc';
import * as decoding from 'lib0/decoding';
import { GroupSession } from '../../lib/connection/group-session';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import { openRoom } from '../../lib/connection/room-connection';
import type { RoomHandle } from '../../lib/connection/room-connection';
import { deriveRoomKeys } from '../../lib/invite/room-name';
import {
  addAdvice,
  addPitch,
  addQuestion,
  confirmCase,
  markAnswered,
  orderAdvice,
  rateQuestion,
  starAdvice,
} from '../../lib/shared-doc/board-commands';
import type { CommandContext } from '../../lib/shared-doc/board-commands';
import type { CommandResult } from '../../lib/shared-doc/meeting-commands';
import { writeMany } from './heavy-meeting';
import type { ItemKind } from './heavy-meeting';
import { createMeetingCache } from '../../lib/device/meeting-cache';
import { fileStore } from './file-store';
import { deviceSignerOf, memoryDeviceKey } from '../../lib/device/device-key';
import type { DeviceSigner } from '../../lib/shared-doc/signed';

Object.assign(globalThis, { WebSocket });

// KRING_TRACE=1: this process's wall clock against its monotonic one (ms, µs), so that a CPU
// profile of it (KRING_MEMBER_CPU_PROF, timed in monotonic µs) lines up with the trace marks.
if (process.env.KRING_TRACE) {
  const mono = Number(process.hrtime.bigint() / 1000n);
  console.error(
    `[trace-clock ${(performance.timeOrigin + performance.now()).toFixed(1)} ${mono}] ${process.pid}`,
  );
}

export type MemberCommand =
  | {
      type: 'open';
      secretHex: string;
      memberId: string;
      /** Opens without a device key: writes unsigned, as a hostile or outdated member would. */
      unsigned?: boolean;
      memberName: string;
      groupName: string;
      signalingUrl: string;
      /**
       * A second signaling server this member meets peers through as well: a bridge between
       * members on `signalingUrl` and members on this one, who never meet each other directly.
       */
      bridgeUrl?: string;
      /** A JSON file that keeps the member's meeting cache across restarts (a reload). */
      cacheFile?: string;
      /**
       * WebRTC only through a relay (TURN), and none given: this member can connect directly
       * to nobody, and is reached through the companion's encrypted relay only.
       */
      relayOnly?: boolean;
      /**
       * Whom this member, as chair, lets into a meeting: 'everyone' who asks (the default: a
       * chair who sees in the call that the group is there), or only those a test names with
       * 'admit' ('asked').
       */
      letsIn?: 'everyone' | 'asked';
      /**
       * The rooms of meetings connect to nobody: only the lobby does, so a meeting can come over
       * the lobby's data channels only (meeting-handoff.ts).
       */
      meetingUnreachable?: boolean;
    }
  /** Shows another running meeting, or the group's again. */
  | { type: 'open-meeting'; meetingId: string }
  /** Saves the meeting cache now, as a page does on pagehide. */
  | { type: 'save' }
  /** The browser crashes: the process ends at once, saving nothing more. */
  | { type: 'crash' }
  | { type: 'start'; methodId: string }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'pitch'; text: string }
  | { type: 'advise'; text: string }
  | { type: 'question'; text: string }
  /** Writes `count` items of one kind, `length` characters each (heavy-meeting.ts). */
  | { type: 'write-many'; kind: ItemKind; count: number; length: number }
  /** Answers with the shared documents' full state (base64 JSON) in `detail`. */
  | { type: 'shared-state' }
  /** Answers whether a peer answered the lobby's sync request (RoomHandle.syncedWithPeer). */
  | { type: 'lobby-answered' }
  | { type: 'confirm-first-pitch' }
  /** As case bringer: marks every question answered and rates it (warm, neutral, cold in turn). */
  | { type: 'rate-questions' }
  /** As case bringer: stars the first `count` pieces of advice and puts them in that order. */
  | { type: 'star-advice'; count: number }
  | { type: 'take-chair' }
  /** As chair: lets in, or refuses, the member who asks to join (admission). */
  | { type: 'admit'; memberId: string }
  | { type: 'refuse'; memberId: string }
  | { type: 'end' }
  /**
   * Stops (or starts again) sending each snapshot to the test's process: a benchmark measuring
   * other panels does not want every member to copy the whole board over IPC on every change,
   * which a bare peer does not do either.
   */
  | { type: 'quiet'; quiet: boolean }
  /**
   * From now on every change that arrives on a data channel is dropped unread, as on a channel
   * that died without closing (presence and the answers to this member's own questions still
   * come): lost-change-comes-back.test.ts.
   */
  | { type: 'miss-changes' }
  /** Stops 'miss-changes'; answers how many changes were dropped, in `detail`. */
  | { type: 'missed' }
  /**
   * From now on nothing that arrives on the data channels open now is read, as on connections
   * that stay open and carry nothing; channels made after it work. Answers how many channels
   * went deaf, in `detail` (silent-connection.test.ts).
   */
  | { type: 'go-deaf' }
  /** How many of the channels 'go-deaf' stopped reading are still open, in `detail`. */
  | { type: 'deaf-open' }
  | { type: 'close' };

export type MemberEvent =
  | { type: 'snapshot'; snapshot: GroupSnapshot; at: number }
  | { type: 'result'; ok: boolean; detail?: string }
  | { type: 'error'; message: string };

let session: GroupSession | null = null;
/** The group's lobby as this member opened it ('lobby-answered'). */
let lobbyRoom: RoomHandle | null = null;
let quiet = false;

/** 'miss-changes': whether changes that arrive are dropped now, and how many were. */
let missing = false;
let missed = 0;
/** 'go-deaf': every data channel seen so far, and those whose messages are dropped now. */
const channels = new Set<RTCDataChannel>();
let deaf = new Set<RTCDataChannel>();
const dispatch = wrtc.RTCDataChannel.prototype.dispatchEvent;
wrtc.RTCDataChannel.prototype.dispatchEvent = function (
  this: RTCDataChannel,
  event: Event,
): boolean {
  if (event.type === 'close') channels.delete(this);
  else channels.add(this);
  if (event.type === 'message' && deaf.has(this)) return true;
  if (missing && event.type === 'message' && carriesChange((event as MessageEvent).data)) {
    missed++;
    return true;
  }
  return dispatch.call(this, event) as boolean;
};

/**
 * Whether a data-channel message is a change as y-webrtc sends it: a sync update (message 0,
 * sync message 2), bare or in the patch's covered wrapper (message 10: the peers, then it).
 */
function carriesChange(data: unknown): boolean {
  if (!(data instanceof ArrayBuffer)) return false;
  try {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    let kind = decoding.readVarUint(decoder);
    if (kind === 10) {
      const peers = decoding.readVarUint(decoder);
      for (let i = 0; i < peers; i++) decoding.readVarString(decoder);
      const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      kind = decoding.readVarUint(inner);
      return kind === 0 && decoding.readVarUint(inner) === 2;
    }
    return kind === 0 && decoding.readVarUint(decoder) === 2;
  } catch {
    return false;
  }
}

function send(event: MemberEvent): void {
  process.send?.(event);
}

function reply(result: CommandResult): void {
  send({ type: 'result', ok: result.ok, detail: result.ok ? undefined : result.reason });
}

process.on('message', (raw: unknown) => {
  void handle(raw).catch((error: unknown) => send({ type: 'error', message: String(error) }));
});

async function handle(raw: unknown): Promise<void> {
  if (typeof raw !== 'object' || raw === null || !('type' in raw)) return;
  const command = raw as MemberCommand; // from our own test process, over IPC
  switch (command.type) {
    case 'open': {
      const secret = Uint8Array.from(Buffer.from(command.secretHex, 'hex'));
      const lobbyName = (await deriveRoomKeys(secret, { kind: 'lobby' })).roomName;
      session = await GroupSession.open(
        {
          secret,
          memberId: command.memberId,
          memberName: command.memberName,
          groupName: command.groupName,
        },
        {
          openRoom: (keys) => {
            const room = openRoom(
              // A meeting room under another password: its signaling reads as garbage to the
              // others (y-webrtc subscribes every room on every socket, so no server is no help).
              command.meetingUnreachable === true && keys.roomName !== lobbyName
                ? { ...keys, password: `${keys.password}-unreachable` }
                : keys,
              {
                signalingUrls: [
                  command.signalingUrl,
                  ...(command.bridgeUrl !== undefined ? [command.bridgeUrl] : []),
                ],
                peerOpts: {
                  wrtc,
                  config: {
                    iceServers: [],
                    iceTransportPolicy: command.relayOnly === true ? 'relay' : 'all',
                  },
                },
              },
            );
            if (keys.roomName === lobbyName) lobbyRoom = room;
            return room;
          },
          ...(command.cacheFile
            ? { meetingCache: createMeetingCache(fileStore(command.cacheFile), secret) }
            : {}),
          // Signed like a panel; unsigned only when a test asks (a member of an earlier build).
          ...(command.unsigned === true
            ? {}
            : { device: await nodeDeviceKey(command.cacheFile ?? null) }),
        },
      );
      const current = session;
      const letsInEveryone = command.letsIn !== 'asked';
      current.subscribe(() => {
        const snapshot = current.snapshot();
        // The chair lets in whoever asks, as a chair who sees the group in the call would; before
        // the snapshot goes to the test's process (a copy of the whole board each time).
        if (letsInEveryone)
          for (const knock of snapshot.knocks) void current.admit(knock.memberId, knock.meetingId);
        if (!quiet) send({ type: 'snapshot', snapshot, at: Date.now() });
      });
      send({ type: 'snapshot', snapshot: current.snapshot(), at: Date.now() });
      send({ type: 'result', ok: true });
      return;
    }
    case 'quiet':
      quiet = command.quiet;
      if (!quiet && session)
        send({ type: 'snapshot', snapshot: session.snapshot(), at: Date.now() });
      return reply({ ok: true });
    case 'admit':
      return reply(await session!.admit(command.memberId));
    case 'refuse':
      return reply(session!.refuse(command.memberId));
    case 'start': {
      const result = await session!.startMeeting(command.methodId);
      send({ type: 'result', ok: result.ok, detail: result.ok ? undefined : result.reason });
      return;
    }
    case 'next':
    case 'previous': {
      const result = command.type === 'next' ? session!.nextPhase() : session!.previousPhase();
      send({ type: 'result', ok: result.ok, detail: result.ok ? undefined : result.reason });
      return;
    }
    case 'pitch':
      return reply(session!.run((ctx) => addPitch(ctx, command.text, 'case')));
    case 'advise':
      return reply(session!.run((ctx) => addAdvice(ctx, command.text)));
    case 'question':
      return reply(session!.run((ctx) => addQuestion(ctx, command.text)));
    case 'write-many':
      return reply(writeMany(session!, command.kind, command.count, command.length));
    case 'shared-state': {
      const state = session!.sharedState();
      const base64 = (bytes: Uint8Array | null) =>
        bytes ? Buffer.from(bytes).toString('base64') : null;
      send({
        type: 'result',
        ok: true,
        detail: JSON.stringify({ lobby: base64(state.lobby), meeting: base64(state.meeting) }),
      });
      return;
    }
    case 'lobby-answered':
      send({ type: 'result', ok: true, detail: String(lobbyRoom?.syncedWithPeer?.() ?? false) });
      return;
    case 'confirm-first-pitch': {
      const first = session!.snapshot().board?.pitches[0];
      return reply(
        first
          ? session!.run((ctx) => confirmCase(ctx, first.id))
          : { ok: false, reason: 'no-such-item' },
      );
    }
    case 'rate-questions': {
      const ratings = ['warm', 'neutral', 'cold'] as const;
      const questions = session!.snapshot().board?.questions ?? [];
      for (const [i, q] of questions.entries()) {
        for (const mark of [
          (ctx: CommandContext) => markAnswered(ctx, q.id, true),
          (ctx: CommandContext) => rateQuestion(ctx, q.id, ratings[i % 3]!),
        ]) {
          const result = session!.run(mark);
          if (!result.ok) return reply(result);
        }
      }
      return reply({ ok: true });
    }
    case 'star-advice': {
      const ids = (session!.snapshot().board?.advice ?? [])
        .slice(0, command.count)
        .map((a) => a.id);
      for (const id of ids) {
        const result = session!.run((ctx) => starAdvice(ctx, id, true));
        if (!result.ok) return reply(result);
      }
      return reply(session!.run((ctx) => orderAdvice(ctx, ids)));
    }
    case 'take-chair':
      return reply(session!.takeChair());
    case 'end':
      return reply(session!.endMeeting());
    case 'open-meeting':
      await session!.openMeeting(command.meetingId);
      return reply({ ok: true });
    case 'save':
      await session!.saveNow();
      return reply({ ok: true });
    case 'miss-changes':
      missing = true;
      missed = 0;
      return reply({ ok: true });
    case 'missed':
      missing = false;
      send({ type: 'result', ok: true, detail: String(missed) });
      return;
    case 'go-deaf': {
      deaf = new Set([...channels].filter((channel) => channel.readyState === 'open'));
      send({ type: 'result', ok: true, detail: String(deaf.size) });
      return;
    }
    case 'deaf-open': {
      const open = [...deaf].filter((channel) => channel.readyState === 'open').length;
      send({ type: 'result', ok: true, detail: String(open) });
      return;
    }
    case 'crash':
      return process.exit(1);
    case 'close':
      // A reload: the page saves what changed on its way out (pagehide).
      await session?.saveNow();
      session?.dispose();
      send({ type: 'result', ok: true });
      setTimeout(() => process.exit(0), 100);
      return;
  }
}

/**
 * A Node member's device key. With a cache file, kept beside it so that a member who restarts
 * is the same member (as a browser profile keeps its key in IndexedDB). A file cannot hold a
 * non-extractable WebCrypto key, so this test member's key is extractable: tests only.
 */
async function nodeDeviceKey(cacheFile: string | null): Promise<DeviceSigner> {
  if (cacheFile === null) return memoryDeviceKey();
  const file = `${cacheFile}.device.json`;
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  let pair: CryptoKeyPair;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      privateKey: JsonWebKey;
      publicKey: JsonWebKey;
    };
    pair = {
      privateKey: await crypto.subtle.importKey('jwk', saved.privateKey, algorithm, true, ['sign']),
      publicKey: await crypto.subtle.importKey('jwk', saved.publicKey, algorithm, true, ['verify']),
    };
  } catch {
    pair = await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
    writeFileSync(
      file,
      JSON.stringify({
        privateKey: await crypto.subtle.exportKey('jwk', pair.privateKey),
        publicKey: await crypto.subtle.exportKey('jwk', pair.publicKey),
      }),
    );
  }
  return deviceSignerOf(pair);
}
