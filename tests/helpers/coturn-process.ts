import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, tcpListens } from './ports';
import { hasEnded } from './child-end';

/**
 * Debian's coturn (`turnserver`), started by a test on loopback on a free port and stopped by
 * it, configured as docs/deploy.md tells an operator: `use-auth-secret` with a
 * `static-auth-secret` (the TURN REST scheme the companion's /ice hands out passwords for), no
 * TLS, relaying between loopback addresses allowed (only here: production denies private peers).
 * Its log (verbose) is the test's proof that traffic went through it. Needs
 * `apt-get install coturn`.
 */
export class CoturnProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly secret: string,
    private readonly dir: string,
  ) {}

  static async start(): Promise<CoturnProcess> {
    const port = await freePort();
    const secret = randomBytes(24).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'kring-coturn-'));
    // Relay ports from a range of their own near the listening port, so that parallel runs of
    // the suite rarely meet.
    const minPort = 20_000 + (port % 20_000);
    const child = spawn(
      process.env.KRING_TURNSERVER ?? 'turnserver',
      [
        '-n', // no configuration file: everything is here
        '--listening-ip=127.0.0.1',
        '--relay-ip=127.0.0.1',
        `--listening-port=${port}`,
        `--min-port=${minPort}`,
        `--max-port=${minPort + 200}`,
        '--use-auth-secret',
        `--static-auth-secret=${secret}`,
        '--realm=kring.test',
        '--no-tls',
        '--no-dtls',
        '--allow-loopback-peers',
        '--no-cli',
        '--no-rfc5780',
        `--userdb=${join(dir, 'turndb')}`,
        `--pidfile=${join(dir, 'turnserver.pid')}`,
        `--log-file=${join(dir, 'turn.log')}`,
        '--simple-log',
        '--verbose',
      ],
      { stdio: 'ignore' },
    );
    const turn = new CoturnProcess(child, port, secret, dir);
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) =>
        reject(new Error(`cannot start turnserver (apt-get install coturn): ${error}`)),
      );
      child.once('exit', (code) => reject(new Error(`turnserver exited (${code}): ${turn.log()}`)));
    });
    failed.catch(() => {});
    await Promise.race([turn.waitUntilListening(), failed]);
    return turn;
  }

  /** Its address for the companion's KRING_TURN_URLS (UDP, as most networks allow). */
  get url(): string {
    return `turn:127.0.0.1:${this.port}?transport=udp`;
  }

  /** Everything it logged so far. */
  log(): string {
    try {
      return readFileSync(join(this.dir, 'turn.log'), 'utf8');
    } catch {
      return '';
    }
  }

  /** Allocations it granted, by TURN username (`<expiry>:kring`). */
  allocations(): string[] {
    return [
      ...this.log().matchAll(/user <([^>]+)>: incoming packet ALLOCATE processed, success/g),
    ].map((m) => m[1] ?? '');
  }

  /** Allocations it refused as unauthorised (a wrong or expired password). */
  refusedAllocations(): number {
    return [
      ...this.log().matchAll(
        /check_stun_auth: Cannot find credentials|ALLOCATE processed, error 401/g,
      ),
    ].length;
  }

  /** Peer addresses it relayed data to (permissions created for a peer: coturn's CREATE_PERMISSION). */
  permissions(): number {
    return [...this.log().matchAll(/incoming packet CREATE_PERMISSION processed, success/g)].length;
  }

  /** Channels bound to a peer: a client does that for the candidate pair it sends data on. */
  channelBinds(): number {
    return [...this.log().matchAll(/incoming packet CHANNEL_BIND processed, success/g)].length;
  }

  /**
   * Bytes relayed to and from peers by the allocations of TURN REST users, as coturn logs them
   * when an allocation ends (`peer usage: … rb=…, sb=…`).
   */
  relayedPeerBytes(): number {
    let bytes = 0;
    for (const m of this.log().matchAll(
      /peer usage: realm=<[^>]*>, username=<\d+:kring>, rp=\d+, rb=(\d+), sp=\d+, sb=(\d+)/g,
    )) {
      bytes += Number(m[1]) + Number(m[2]);
    }
    return bytes;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!hasEnded(child)) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitUntilListening(): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      // coturn logs its listeners before it serves; a TCP connect to the port is the real test.
      if (await tcpListens(this.port)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`turnserver did not listen on ${this.port}: ${this.log().slice(-2000)}`);
  }
}
