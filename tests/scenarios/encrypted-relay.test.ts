import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import * as Y from 'yjs';
import { createInvite } from '../../lib/invite/invite';
import { LIMITS } from '../../lib/util/limits';
import { deriveRoomKeys, roomCryptoKey } from '../../lib/invite/room-name';
import { UNSEEN_GRACE_MS } from '../../lib/connection/unseen-peers';
import { hasQuestion, NodeGroup } from '../helpers/node-group';
import { openPayload, publishedPayloads, startFrameTap } from '../helpers/frame-tap';
import type { FrameTap } from '../helpers/frame-tap';
import type { NodeMember } from '../helpers/node-member';

/** The meeting document as a member holds it. */
async function meetingOf(member: NodeMember): Promise<Y.Doc> {
  const { detail } = await member.command({ type: 'shared-state' });
  const parsed: unknown = JSON.parse(detail ?? '{}');
  const base64 =
    typeof parsed === 'object' && parsed !== null && 'meeting' in parsed ? parsed.meeting : null;
  if (typeof base64 !== 'string') throw new Error('the member holds no meeting');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(base64, 'base64'));
  return doc;
}

/**
 * Three Node members over real WebRTC and the real companion; Carla can connect directly to
 * nobody (WebRTC only through a relay, and no TURN server), as on a network that blocks UDP.
 * Anna and Bram connect directly; each reaches Carla through the companion's encrypted relay
 * (lib/connection/relay.ts). A proxy in front of the companion records every frame it sends and
 * receives. Names and texts contain spaces, which base64 ciphertext never does, so a match in a
 * frame can only be plaintext.
 */
describe('members who cannot connect directly meet through the encrypted relay', () => {
  let group: NodeGroup;
  let tap: FrameTap;

  beforeAll(async () => {
    group = await NodeGroup.start();
    tap = await startFrameTap(group.url);
  });

  afterAll(async () => {
    await group?.close();
    await tap?.close();
  });

  /** Members of the group of `secret` through the tap; `relayOnly`: no direct path to anyone. */
  const joiner =
    (secret: Uint8Array, groupName?: string) =>
    (memberId: string, memberName: string, relayOnly = false) =>
      group.joinWith({
        secret,
        memberId,
        memberName,
        signalingUrl: tap.url,
        relayOnly,
        ...(groupName !== undefined ? { groupName } : {}),
      });

  it('carries the meeting both ways with a member who has no direct path, as ciphertext only', async () => {
    const { secret } = createInvite();
    const groupName = 'Intervisie Noord Oost';
    const join = joiner(secret, groupName);
    const [anna, bram, carla] = await Promise.all([
      join('anna-000001', 'Anna de Vries'),
      join('bram-000002', 'Bram van Dijk'),
      join('carla-00003', 'Carla ter Horst', true),
    ]);

    // Everyone hears everyone: Carla only through the server, Anna and Bram directly.
    await anna!.until(
      (s) => s.links[bram!.id] === 'direct' && s.links[carla!.id] === 'server',
      30_000,
    );
    await carla!.until(
      (s) => s.links[anna!.id] === 'server' && s.links[bram!.id] === 'server',
      30_000,
    );
    await carla!.until((s) => s.members.length === 3);

    // The chair starts and moves the phase; Carla follows through the relay.
    expect(await anna!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await carla!.until((s) => s.meeting?.phase.id === 'inventory');
    expect(await anna!.command({ type: 'next' })).toEqual({ ok: true });
    await carla!.until((s) => s.meeting?.phaseIndex === 1);
    await carla!.until((s) => s.links[anna!.id] === 'server');

    // A question each way: from the relayed member, and to her.
    const fromCarla = `Wat maakt het zo lastig ${Math.random().toString(36).slice(2)}?`;
    const fromBram = `Wie heb je al gevraagd ${Math.random().toString(36).slice(2)}?`;
    expect(await carla!.command({ type: 'question', text: fromCarla })).toEqual({ ok: true });
    expect(await bram!.command({ type: 'question', text: fromBram })).toEqual({ ok: true });
    const asked = (texts: string[]) => (s: GroupSnapshot) => texts.every((t) => hasQuestion(t)(s));
    await Promise.all([anna!, bram!, carla!].map((m) => m.until(asked([fromCarla, fromBram]))));
    // Members who can connect directly do, even when a hung first attempt (two offers at once)
    // had them relay for a moment; the status line counts the member reached through the server.
    await anna!.until((s) => s.links[bram!.id] === 'direct', 30_000);
    await anna!.until(
      (s) => s.connection.kind === 'connected' && s.connection.viaServer === 1,
      30_000,
    );

    // What the companion saw: relayed frames it could not read, and nothing readable.
    const meetingId = anna!.snapshot()!.meetingId!;
    const rooms = await Promise.all([
      deriveRoomKeys(secret, { kind: 'lobby' }),
      deriveRoomKeys(secret, { kind: 'meeting', meetingId }),
    ]);
    const keys = new Map(
      await Promise.all(
        rooms.map(async (r) => [r.roomName, await roomCryptoKey(r.password, r.roomName)] as const),
      ),
    );
    let relayed = 0;
    for (const { topic, data } of publishedPayloads(tap)) {
      const key = keys.get(topic);
      const payload = key ? await openPayload(data, key) : null;
      if (
        typeof payload === 'object' &&
        payload !== null &&
        Reflect.get(payload, 'type') === 'relay'
      ) {
        relayed++;
      }
    }
    expect(relayed).toBeGreaterThan(10);
    const secrets = [
      fromCarla,
      fromBram,
      groupName,
      'Anna de Vries',
      'Bram van Dijk',
      'Carla ter Horst',
    ];
    const leaks = tap.frames.filter((f) => secrets.some((text) => f.text.includes(text)));
    expect(leaks).toEqual([]);
    expect(tap.frames.length).toBeGreaterThan(relayed);

    // An honest meeting with a relayed member reports nobody unknown (issue 13, point 3), also
    // well past the grace a connection has to show its presence.
    await new Promise((resolve) => setTimeout(resolve, UNSEEN_GRACE_MS + 1_000));
    for (const member of [anna!, bram!, carla!]) {
      expect(member.seen.filter((s) => s.unknownPeers !== 0)).toEqual([]);
    }
    for (const member of group.members) expect(member.errors).toEqual([]);
  });

  it('tells both sides through the relay that the other answered what it asked for', async () => {
    // A newcomer takes another member's presence in the lobby for the group only once that
    // member answered its sync request (GroupSession's hearing): until then it cannot know
    // whether a meeting runs. An answer that came through the relay said nothing, and a member
    // reached only through the server waited for the presence to settle instead.
    const { secret } = createInvite();
    const join = joiner(secret);
    const [jan, kim] = await Promise.all([
      join('jan-0000010', 'Jan'),
      join('kim-0000011', 'Kim', true),
    ]);
    await kim!.until((s) => s.links[jan!.id] === 'server', 30_000);
    await jan!.until((s) => s.links[kim!.id] === 'server', 30_000);
    for (const member of [jan!, kim!]) {
      await expect
        .poll(async () => (await member.command({ type: 'lobby-answered' })).detail, {
          timeout: 20_000,
        })
        .toBe('true');
    }
  });

  it('brings a member with no direct path a meeting of about 250 KB, in frames the server accepts', async () => {
    const { secret } = createInvite();
    const join = joiner(secret);
    const [chair, writer] = await Promise.all([
      join('eva-0000005', 'Eva'),
      join('finn-000006', 'Finn'),
    ]);
    await chair!.until((s) => s.members.length === 2);
    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await writer!.until((s) => s.meeting?.phase.id === 'inventory');
    const pitches = { type: 'write-many', kind: 'pitch', count: LIMITS.itemsPerBoard } as const;
    expect(await writer!.command({ ...pitches, length: LIMITS.pitch })).toEqual({ ok: true });
    expect(await chair!.command({ type: 'next' })).toEqual({ ok: true });
    await writer!.until((s) => s.meeting?.phase.id === 'analysis');
    const questions = {
      type: 'write-many',
      kind: 'question',
      count: LIMITS.itemsPerBoard,
    } as const;
    expect(await writer!.command({ ...questions, length: LIMITS.question })).toEqual({ ok: true });
    const written = await meetingOf(writer!);
    expect(Y.encodeStateAsUpdate(written).length).toBeGreaterThan(200_000);

    const closesBefore = tap.serverCloses.length;
    const framesBefore = tap.frames.length;
    const late = await join('gert-000007', 'Gert', true);
    await late.until((s) => s.meeting?.phase.id === 'analysis', 45_000);
    await late.until((s) => s.board?.questions.length === LIMITS.itemsPerBoard, 45_000);
    const received = await meetingOf(late);
    // All of it: every writer's writes, up to the last one (the joiner adds its own card).
    const had = Y.decodeStateVector(Y.encodeStateVector(written));
    const got = Y.decodeStateVector(Y.encodeStateVector(received));
    // (At least: the chair may write after the copy was taken, stepping back from asking once
    // the joiner makes the group big enough; meeting-commands.ts fitChairToGroup.)
    for (const [client, clock] of had) expect(got.get(client)).toBeGreaterThanOrEqual(clock!);
    // How each is reached is reported as the links come up, not with the board: waited for.
    const viaServer = { [chair!.id]: 'server', [writer!.id]: 'server' };
    await late.until(
      (s) => s.links[chair!.id] === 'server' && s.links[writer!.id] === 'server',
      15_000,
    );
    expect(late.snapshot()?.links).toEqual(viaServer);

    // Every frame under the server's 64 KiB limit, and no socket closed for size or rate.
    const sizes = tap.frames.slice(framesBefore).map((f) => Buffer.byteLength(f.text));
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024);
    expect(tap.serverCloses.slice(closesBefore)).toEqual([]);
  });

  it('syncs again through the relay after the companion restarts, what was written meanwhile included', async () => {
    const { secret } = createInvite();
    const join = joiner(secret);
    const [chair, relayed] = await Promise.all([
      join('hanna-00008', 'Hanna'),
      join('ivo-0000009', 'Ivo', true),
    ]);
    await chair!.until((s) => s.links[relayed!.id] === 'server', 30_000);
    expect(await chair!.command({ type: 'start', methodId: 'basic' })).toEqual({ ok: true });
    await relayed!.until((s) => s.meeting?.phase.id === 'inventory', 30_000);

    const closes = tap.serverCloses.length;
    await group.stopServer();
    // Both members' sockets to the companion are gone (the proxy saw the server close them).
    await expect.poll(() => tap.serverCloses.length - closes).toBeGreaterThanOrEqual(2);
    // Written while nothing can pass: it must arrive once the relay is back.
    const pitch = `Geschreven tijdens de storing ${Math.random().toString(36).slice(2)}`;
    expect(await relayed!.command({ type: 'pitch', text: pitch })).toEqual({ ok: true });
    await group.restartServer();

    await chair!.until((s) => s.board?.pitches.some((p) => p.text === pitch) ?? false, 45_000);
    expect(await chair!.command({ type: 'next' })).toEqual({ ok: true });
    await relayed!.until((s) => s.meeting?.phase.id === 'analysis', 45_000);
  });
});
