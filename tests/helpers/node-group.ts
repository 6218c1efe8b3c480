import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { NodeMember } from './node-member';
import type { NodeMemberOptions } from './node-member';
import { createInvite } from '../../lib/invite/invite';
import type { GroupSnapshot } from '../../lib/connection/group-session';

/** How many other members a snapshot's member reaches over a connection of its own. */
export function directLinks(snapshot: GroupSnapshot): number {
  return Object.values(snapshot.links).filter((link) => link === 'direct').length;
}

/** Whether a snapshot's board holds a question with exactly `text`. */
export const hasQuestion =
  (text: string) =>
  (snapshot: GroupSnapshot): boolean =>
    snapshot.board?.questions.some((q) => q.text === text) ?? false;

/** A member's command that must succeed, for setting a scene. */
async function expectOk(result: Promise<{ ok: boolean; detail?: string }>): Promise<void> {
  const { ok, detail } = await result;
  if (!ok) throw new Error(`a command the scene needs failed: ${detail ?? 'no reason given'}`);
}

/**
 * The project's companion server on a free port and the Node members started against it, shut
 * down together: what every test or benchmark with Node members needs around its members.
 */
export class NodeGroup {
  private readonly started: NodeMember[] = [];
  /** Servers started besides the group's own (a partition: half the group meets elsewhere). */
  private readonly extraServers: RunningServer[] = [];
  private running = true;

  private constructor(private server: RunningServer) {}

  static async start(): Promise<NodeGroup> {
    return new NodeGroup(await startSignalingServer({ port: 0, host: '127.0.0.1' }));
  }

  /** The address of the group's server; the same after `restartServer`. */
  get url(): string {
    return this.server.url;
  }

  /** Kills the companion server: every signaling connection drops; WebRTC ones stay. */
  async stopServer(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.server.close();
  }

  /** Starts the companion again on the same port, as a restarted server would. */
  async restartServer(): Promise<void> {
    await this.stopServer();
    this.server = await startSignalingServer({ port: this.server.port, host: '127.0.0.1' });
    this.running = true;
  }

  /** Starts another server, closed with the group; members started through it never meet ours. */
  async otherServer(): Promise<string> {
    const server = await startSignalingServer({ port: 0, host: '127.0.0.1' });
    this.extraServers.push(server);
    return server.url;
  }

  /**
   * Starts a member with its device storage in `cacheFile`, through `signalingUrl` (by default
   * the group's server). Its restarts (`restart`) are members of this group too.
   */
  async joinWith(options: Omit<NodeMemberOptions, 'signalingUrl'> & { signalingUrl?: string }) {
    const member = await NodeMember.join({
      ...options,
      signalingUrl: options.signalingUrl ?? this.url,
    });
    this.started.push(member);
    return member;
  }

  /** Restarts a member (see NodeMember.restart); the new process is closed with the group. */
  async restart(
    member: NodeMember,
    options: { crash?: boolean; signalingUrl?: string } = {},
  ): Promise<NodeMember> {
    const again = await member.restart(options);
    this.started.push(again);
    return again;
  }

  /** Every member started so far, in the order they were started. */
  get members(): readonly NodeMember[] {
    return this.started;
  }

  /**
   * The members whose process has ended, with how ("Lid 1: signal SIGSEGV"): a Node member that
   * crashes in node-webrtc prints nothing, and what waited for it only times out.
   */
  endedMembers(): string[] {
    return this.started
      .filter((m) => m.ended !== null)
      .map((m) => `${m.options?.memberName ?? '?'}: ${m.ended}`);
  }

  /** Starts a member process that joins the group of `secret` through this server. */
  async join(secret: Uint8Array, memberId: string, memberName: string): Promise<NodeMember> {
    const member = await NodeMember.join({
      secret,
      memberId,
      memberName,
      signalingUrl: this.server.url,
    });
    this.started.push(member);
    return member;
  }

  /**
   * Three members of a new group, Anna (chair), Bram and Carla, in a meeting of the basic method
   * in its analysis phase, with Bram's work question confirmed as the case, once Bram and Carla
   * are each connected directly to both others: where a change can be lost on its way to the
   * case bringer (lost-change-comes-back, silent-connection).
   */
  async caseInAnalysis(): Promise<{ chair: NodeMember; bringer: NodeMember; asker: NodeMember }> {
    const { secret } = createInvite();
    const [chair, bringer, asker] = await Promise.all([
      this.join(secret, 'anna-000001', 'Anna'),
      this.join(secret, 'bram-000002', 'Bram'),
      this.join(secret, 'carla-00003', 'Carla'),
    ]);
    await chair.until((s) => s.members.length === 3);
    await expectOk(chair.command({ type: 'start', methodId: 'basic' }));
    await bringer.until((s) => s.meeting?.phase.id === 'inventory');
    await expectOk(bringer.command({ type: 'pitch', text: 'Een ouder die steeds boos belt' }));
    await chair.until((s) => s.board?.pitches.length === 1);
    await expectOk(chair.command({ type: 'confirm-first-pitch' }));
    await expectOk(chair.command({ type: 'next' }));
    await Promise.all(
      [bringer, asker].map((m) =>
        m.until((s) => s.meeting?.phase.id === 'analysis' && directLinks(s) === 2),
      ),
    );
    return { chair, bringer, asker };
  }

  /**
   * Every member stops (or starts again) sending its snapshots to this process (see the member's
   * 'quiet' command): for benchmarks, while other panels are measured.
   */
  async quiet(quiet = true): Promise<void> {
    await Promise.all(this.started.map((m) => m.command({ type: 'quiet', quiet })));
  }

  /** Ends every member process, then the server. */
  async close(): Promise<void> {
    await Promise.all(this.started.map((m) => m.close()));
    await this.stopServer();
    await Promise.all(this.extraServers.map((s) => s.close()));
  }
}
