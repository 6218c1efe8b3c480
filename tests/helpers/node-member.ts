import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { hasEnded, howEnded } from './child-end';
import type { GroupSnapshot } from '../../lib/connection/group-session';
import type { MemberCommand, MemberEvent } from './node-member-process';

const SCRIPT = resolve(import.meta.dirname, 'node-member-process.ts');

/** A member running in its own Node process (see node-member-process.ts), driven from a test. */
/** How a member process is started; `restart` starts the same member again with these. */
export interface NodeMemberOptions {
  readonly secret: Uint8Array;
  readonly memberId: string;
  readonly memberName: string;
  readonly groupName?: string;
  readonly signalingUrl: string;
  /** A second server it meets peers through too (a bridge between two halves of a group). */
  readonly bridgeUrl?: string;
  /** The member's device storage for the meeting cache; kept across restarts. */
  readonly cacheFile?: string;
  /** No direct connection possible: reached through the encrypted relay only. */
  readonly relayOnly?: boolean;
  /**
   * As chair, whom this member lets into a meeting (admission): 'everyone' who asks (the
   * default), or only whom the test names with the 'admit' command ('asked').
   */
  readonly letsIn?: 'everyone' | 'asked';
  /** Its meeting rooms connect to nobody: a meeting comes over the lobby's data channels only. */
  readonly meetingUnreachable?: boolean;
}

export class NodeMember {
  private latest: GroupSnapshot | null = null;
  /** Every snapshot the member published, in order (to check what it never showed). */
  readonly seen: GroupSnapshot[] = [];
  /** The options it was started with. */
  options: NodeMemberOptions | null = null;
  private readonly waiters = new Set<() => void>();
  private pendingResult: ((event: Extract<MemberEvent, { type: 'result' }>) => void) | null = null;
  readonly errors: string[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (event: MemberEvent) => {
      if (event.type === 'snapshot') {
        this.latest = event.snapshot;
        this.seen.push(event.snapshot);
        for (const waiter of [...this.waiters]) waiter();
      } else if (event.type === 'result') {
        this.pendingResult?.(event);
        this.pendingResult = null;
      } else {
        this.errors.push(event.message);
      }
    });
  }

  /** Starts a member process and connects it to the group. */
  static async join(options: NodeMemberOptions): Promise<NodeMember> {
    const child = fork(SCRIPT, [], {
      execArgv: ['--import', 'tsx', ...cpuProfileArgs(options.memberId)],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const member = new NodeMember(child);
    member.options = options;
    await member.command({
      type: 'open',
      secretHex: Buffer.from(options.secret).toString('hex'),
      memberId: options.memberId,
      memberName: options.memberName,
      groupName: options.groupName ?? 'Testgroep',
      signalingUrl: options.signalingUrl,
      ...(options.cacheFile ? { cacheFile: options.cacheFile } : {}),
      ...(options.bridgeUrl ? { bridgeUrl: options.bridgeUrl } : {}),
      ...(options.relayOnly ? { relayOnly: true } : {}),
      ...(options.letsIn ? { letsIn: options.letsIn } : {}),
      ...(options.meetingUnreachable ? { meetingUnreachable: true } : {}),
    });
    return member;
  }

  /**
   * The member's panel reloads: this process closes (saving its cache, as on pagehide) or, with
   * `crash`, dies at once; then the same member starts again with the same device storage,
   * through `signalingUrl` when given (the member moved to another server).
   */
  async restart(options: { crash?: boolean; signalingUrl?: string } = {}): Promise<NodeMember> {
    if (!this.options) throw new Error('not started');
    if (options.crash) await this.crash();
    else await this.close();
    return NodeMember.join({
      ...this.options,
      ...(options.signalingUrl ? { signalingUrl: options.signalingUrl } : {}),
    });
  }

  /** How the member's process ended ("signal SIGSEGV", "code 1"), or null while it runs. */
  get ended(): string | null {
    return hasEnded(this.child) ? howEnded(this.child) : null;
  }

  /** Ends the process at once, as a browser crash: nothing more is saved. */
  async crash(): Promise<void> {
    if (hasEnded(this.child)) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.send({ type: 'crash' } satisfies MemberCommand);
    await exited;
  }

  /** Sends a command and waits for its result. */
  command(command: MemberCommand): Promise<{ ok: boolean; detail?: string }> {
    return new Promise((resolveResult, reject) => {
      // Writing hundreds of items one command at a time (each signed, each refreshing the
      // panel as a member's own write does) takes a while on a loaded 2-core machine.
      const ms = command.type === 'write-many' ? 120_000 : 20_000;
      const timer = setTimeout(() => reject(new Error(`no answer to ${command.type}`)), ms);
      this.pendingResult = (event) => {
        clearTimeout(timer);
        resolveResult(
          event.detail === undefined ? { ok: event.ok } : { ok: event.ok, detail: event.detail },
        );
      };
      // A member whose process is gone (a crash ends it by a signal) answers with an error
      // instead of an uncaught 'Channel closed'.
      this.child.send(command, (error) => {
        if (!error) return;
        clearTimeout(timer);
        // Which member, and how it ended: 'Channel closed' alone said neither.
        const how = howEnded(this.child);
        reject(
          new Error(
            `${error.message}: member ${this.options?.memberName ?? '?'} (${how}) at ${command.type}`,
          ),
        );
      });
    });
  }

  /**
   * The member's id: its device key's (a signed session ignores the id it was opened with).
   * Known once the process has opened the group.
   */
  get id(): string {
    const id = this.latest?.selfId;
    if (!id) throw new Error('the member has not opened the group yet');
    return id;
  }

  /** The member's latest snapshot. */
  snapshot(): GroupSnapshot | null {
    return this.latest;
  }

  /** Waits until the member's snapshot satisfies `test`; returns the time it was seen. */
  until(test: (snapshot: GroupSnapshot) => boolean, ms = 20_000): Promise<number> {
    return new Promise((resolveWait, reject) => {
      const check = (): boolean => {
        if (this.latest && test(this.latest)) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolveWait(Date.now());
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const who = this.options?.memberName ?? 'a member';
        reject(new Error(`${who} timed out; last snapshot: ${JSON.stringify(this.latest)}`));
      }, ms);
      if (!check()) this.waiters.add(check);
    });
  }

  /** Leaves the group and ends the process. */
  async close(): Promise<void> {
    if (hasEnded(this.child)) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    try {
      await this.command({ type: 'close' });
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
  }
}

/**
 * `KRING_MEMBER_CPU_PROF=<folder>`: each member process writes a V8 CPU profile there when it
 * exits (`--cpu-prof`, sampled every 100 µs), for reading where a Node member's time goes
 * (docs/benchmarks.md, fifteenth round). Node refuses `--cpu-prof` in NODE_OPTIONS.
 * `KRING_MEMBER_CPU_PROF_ONLY=<member id>` profiles that member alone (seven profiled members
 * overload two cores: twenty-seventh round).
 */
function cpuProfileArgs(memberId: string): string[] {
  const dir = process.env.KRING_MEMBER_CPU_PROF;
  const only = process.env.KRING_MEMBER_CPU_PROF_ONLY;
  if (!dir || (only && only !== memberId)) return [];
  return ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`];
}
