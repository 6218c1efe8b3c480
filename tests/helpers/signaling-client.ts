import { WebSocket } from 'ws';

/** Failing waits give up after this long; passing tests never wait for it. */
const WAIT_MS = 5_000;

/**
 * A raw y-webrtc signaling client (a real `ws` socket) that queues what the server sends, so a
 * test reads it in order; `expectNothingMore` is a ping/pong barrier instead of a sleep.
 */
export class SignalingClient {
  private readonly queue: unknown[] = [];
  private readonly waiters: ((message: unknown) => void)[] = [];
  /** The close code, once the server (or the test) closed the socket. */
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message: unknown = JSON.parse(String(data));
      const waiter = this.waiters.shift();
      if (waiter) waiter(message);
      else this.queue.push(message);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static async connect(url: string): Promise<SignalingClient> {
    const ws = new WebSocket(url);
    const client = new SignalingClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  /** A frame as is (malformed ones, to test how the server drops them). */
  sendRaw(frame: string | Buffer): void {
    this.ws.send(frame);
  }

  /** The next message from the server. */
  next(): Promise<unknown> {
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
    return within(new Promise((resolve) => this.waiters.push(resolve)), 'a message');
  }

  /**
   * Resolves when the server has handled everything sent before and sent this client nothing
   * else meanwhile (the server answers a ping after all it sent before); throws otherwise.
   */
  async expectNothingMore(): Promise<void> {
    this.send({ type: 'ping' });
    const message = await this.next();
    if (JSON.stringify(message) !== '{"type":"pong"}') {
      throw new Error(`expected nothing more, got ${JSON.stringify(message)}`);
    }
  }

  close(): void {
    this.ws.terminate();
  }
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
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
