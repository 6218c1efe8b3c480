import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { hasEnded, howEnded } from './child-end';
import type { FloodReport, HostileCommand, HostileEvent } from './hostile-member-process';

const SCRIPT = resolve(import.meta.dirname, 'hostile-member-process.ts');

/** A hostile member running in its own Node process (hostile-member-process.ts). */
export class HostileMember {
  private pending: ((event: HostileEvent) => void) | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (event: HostileEvent) => {
      this.pending?.(event);
      this.pending = null;
    });
    // A process that ends answers nothing more: say so at once instead of timing out.
    child.on('exit', () => {
      this.pending?.({ type: 'result', ok: false, detail: `exited (${howEnded(child)})` });
      this.pending = null;
    });
  }

  /** Starts the process and joins the group's lobby through `signalingUrl`. */
  static async join(secret: Uint8Array, signalingUrl: string): Promise<HostileMember> {
    const child = fork(SCRIPT, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const hostile = new HostileMember(child);
    await hostile.command(
      { type: 'open', secretHex: Buffer.from(secret).toString('hex'), signalingUrl },
      20_000,
    );
    return hostile;
  }

  /** Asks to join the running meeting, and once let in waits for its document; returns its id. */
  async findMeeting(): Promise<string> {
    return (await this.command({ type: 'find-meeting' }, 65_000)) ?? '';
  }

  /** Writes garbage for `ms` (see HostileCommand 'flood'); resolves with what it wrote. */
  async flood(ms: number, { everyMs = 100, seed = 1 } = {}): Promise<FloodReport> {
    const detail = await this.command({ type: 'flood', ms, everyMs, seed }, ms + 20_000);
    const report: FloodReport = JSON.parse(detail ?? 'null');
    return report;
  }

  /** Makes issue 13's attacks with a card of its own; resolves with their names. */
  async attack(everyMs = 300): Promise<string[]> {
    const detail = await this.command({ type: 'attack', everyMs }, 60_000);
    return JSON.parse(detail ?? '[]') as string[];
  }

  /** Everything the meeting's document it holds says (JSON text): what reached it. */
  async meetingText(): Promise<string> {
    return (await this.command({ type: 'meeting-text' }, 10_000)) ?? '';
  }

  /** Leaves and ends the process. */
  async close(): Promise<void> {
    if (hasEnded(this.child)) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    try {
      await this.command({ type: 'close' }, 5_000);
    } catch {
      this.child.kill('SIGKILL');
    }
    await exited;
  }

  private command(command: HostileCommand, ms: number): Promise<string | undefined> {
    return new Promise((resolveResult, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${command.type}`)), ms);
      this.pending = (event) => {
        clearTimeout(timer);
        if (event.ok) resolveResult(event.detail);
        else reject(new Error(`${command.type} failed: ${event.detail ?? ''}`));
      };
      // A process that is gone answers with an error that says how it ended (child-end.ts), not
      // an uncaught 'Channel closed'.
      this.child.send(command, (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.pending = null;
        reject(
          new Error(
            `${error.message}: hostile member (${howEnded(this.child)}) at ${command.type}`,
          ),
        );
      });
    });
  }
}
