import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { NodeMember } from './node-member';

/**
 * The project's companion server on a free port and the Node members started against it, shut
 * down together: what every test or benchmark with Node members needs around its members.
 */
export class NodeGroup {
  private readonly started: NodeMember[] = [];

  private constructor(private readonly server: RunningServer) {}

  static async start(): Promise<NodeGroup> {
    return new NodeGroup(await startSignalingServer({ port: 0, host: '127.0.0.1' }));
  }

  /** Every member started so far, in the order they were started. */
  get members(): readonly NodeMember[] {
    return this.started;
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

  /** Ends every member process, then the server. */
  async close(): Promise<void> {
    await Promise.all(this.started.map((m) => m.close()));
    await this.server.close();
  }
}
