import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createClient } from '@redis/client';
import { freePort } from './ports';
import { hasEnded } from './child-end';

type RedisClient = ReturnType<typeof createRedisClient>;

function createRedisClient(url: string) {
  return createClient({ url, socket: { reconnectStrategy: false } });
}

/**
 * Debian's redis-server started by a test on a free loopback port, with no persistence
 * (`--save '' --appendonly no`), stopped by the test: it can be killed and started again on the
 * same port, as an operator's Redis restarting. Needs `apt-get install redis-server`.
 */
export class RedisProcess {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  /** Starts redis-server on a free port and resolves once it answers PING. */
  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it again on the same port (after `kill`). */
  async restart(): Promise<void> {
    if (this.child !== null) throw new Error('redis-server is running');
    const child = spawn(
      process.env.KRING_REDIS_SERVER ?? 'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) =>
        reject(new Error(`cannot start redis-server (apt-get install redis-server): ${error}`)),
      );
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
    });
    failed.catch(() => {});
    await Promise.race([this.waitForPing(), failed]);
  }

  /** Kills it at once (SIGKILL): every connection drops, as in a crash. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    if (hasEnded(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** A client of this Redis for the test's own look at it (PUBSUB, PUBLISH); closed by the caller. */
  async client(): Promise<RedisClient> {
    const client = createRedisClient(this.url);
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** How many connections subscribe to each channel (PUBSUB NUMSUB). */
  async subscribers(channels: readonly string[]): Promise<number[]> {
    const client = await this.client();
    try {
      const reply = await client.sendCommand(['PUBSUB', 'NUMSUB', ...channels]);
      if (!Array.isArray(reply)) throw new Error('unexpected PUBSUB NUMSUB reply');
      return channels.map((_, i) => Number(reply[i * 2 + 1]));
    } finally {
      client.destroy();
    }
  }

  private async waitForPing(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const client = await this.client();
        await client.ping();
        client.destroy();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
}
