/**
 * A real `ws` client for the server tests: it queues what the server sends, so that a test reads
 * it in order, and offers a barrier instead of sleeps (expectNothingMore).
 */
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import type { ClientOptions } from 'ws';

/** Failing waits give up after this long; passing tests never wait for it. */
const EVENT_TIMEOUT_MS = 3_000;

/** A real `ws` client that queues what the server sends, so a test can read it in order. */
export class TestClient {
  private readonly queue: unknown[] = [];
  private readonly waiters: ((message: unknown) => void)[] = [];
  private pingWaiters: { count: number; resolve: () => void }[] = [];
  pings = 0;
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const message: unknown = isBinary ? data : JSON.parse(String(data));
      const waiter = this.waiters.shift();
      if (waiter) waiter(message);
      else this.queue.push(message);
    });
    ws.on('ping', () => {
      this.pings += 1;
      this.pingWaiters = this.pingWaiters.filter((waiter) => {
        if (this.pings < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static async connect(url: string, options?: ClientOptions): Promise<TestClient> {
    const ws = new WebSocket(url, options);
    const client = new TestClient(ws);
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(frame: string | Buffer): void {
    this.ws.send(frame);
  }

  /** The next message from the server, in the order the server sent them. */
  next(): Promise<unknown> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
    return within(new Promise((resolve) => this.waiters.push(resolve)), 'a message');
  }

  /**
   * A barrier: the server answers a ping after everything it sent this client before, so when
   * the next message is the pong, nothing else was sent to this client until now.
   */
  async expectNothingMore(): Promise<void> {
    this.send({ type: 'ping' });
    expect(await this.next()).toStrictEqual({ type: 'pong' });
  }

  waitForPings(count: number): Promise<void> {
    if (this.pings >= count) return Promise.resolve();
    return within(
      new Promise((resolve) => this.pingWaiters.push({ count, resolve })),
      `${count} pings`,
    );
  }

  close(): void {
    this.ws.terminate();
  }
}

export function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${what} within ${EVENT_TIMEOUT_MS} ms`)),
      EVENT_TIMEOUT_MS,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const clients: TestClient[] = [];

/** Terminates every client the test opened (afterEach). */
export function closeTestClients(): void {
  for (const client of clients.splice(0)) client.close();
}
