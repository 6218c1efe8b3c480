/**
 * The driver of a bare y-webrtc peer (bare-peer-process.ts) in its own Node process, over IPC:
 * the baselines of bench/phase-section.ts and bench/late-join-section.ts, and the tests that need
 * a plain y-webrtc member with Kring's patch (tests/lib/connection/room-leaving.test.ts,
 * offer-glare.test.ts). One command at a time per peer.
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { BareCommand, BareEvent } from './bare-peer-process';

const BARE_PEER = resolve(import.meta.dirname, 'bare-peer-process.ts');

/** How long a command may go unanswered before it fails (ms). */
const ANSWER_MS = 30_000;

export class BarePeer {
  private waiting: ((event: BareEvent) => void) | null = null;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (event: BareEvent) => {
      this.waiting?.(event);
      this.waiting = null;
    });
  }

  static start(): BarePeer {
    return new BarePeer(
      fork(BARE_PEER, [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
  }

  /** Whether its process is still there to answer. */
  get running(): boolean {
    return this.child.connected;
  }

  /** Sends `command` and gives the peer's answer, whether it did it or not. */
  command(command: BareCommand): Promise<BareEvent> {
    return new Promise((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`bare peer: no answer to ${command.type}`)),
        ANSWER_MS,
      );
      this.waiting = (event) => {
        clearTimeout(timer);
        done(event);
      };
      // A peer whose process is gone answers with an error, not an uncaught 'Channel closed'.
      if (!this.child.connected) {
        clearTimeout(timer);
        fail(new Error(`bare peer: its process is gone (exit ${this.child.exitCode})`));
        return;
      }
      this.child.send(command, (error) => {
        if (!error) return;
        clearTimeout(timer);
        fail(error);
      });
    });
  }

  /** Sends `command`, and fails where the peer says it could not do it. */
  async run(command: BareCommand): Promise<void> {
    const event = await this.command(command);
    if (!event.ok) throw new Error(`bare peer: ${event.detail ?? 'refused'}`);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
