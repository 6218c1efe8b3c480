/**
 * One load generator of `npm run bench:signaling`: a process with many WebSocket clients that
 * talk to a signaling server the way y-webrtc's client does (subscribe to the room's topic, then
 * publish strings like y-webrtc's encrypted announces and signals). Each client publishes at a
 * fixed rate; every client counts what reaches it from the others and how long it took. Forked
 * by bench/signaling.ts (one process cannot drive 2,000 sockets and the server on 2 cores
 * without falling behind), driven over the IPC channel.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

/**
 * One simulated member: its index across all load generators, its room's topic, its server,
 * and the loopback address it connects from (127.0.0.x: members come from many addresses).
 */
export interface BenchClient {
  readonly index: number;
  readonly topic: string;
  readonly url: string;
  readonly localAddress: string;
}

export type ClientsCommand =
  | { readonly type: 'connect'; readonly clients: readonly BenchClient[] }
  | {
      readonly type: 'run';
      /** Wall-clock milliseconds (performance.timeOrigin + now) when publishing starts. */
      readonly startAt: number;
      /** Publishes in the warm-up are sent but not counted (Redis subscriptions settle). */
      readonly warmupMs: number;
      readonly measureMs: number;
      /**
       * After the last publish, deliveries are still counted until none has arrived for
       * `quietMs`, or `drainMs` has passed: a slow server is then told apart from one that
       * loses messages.
       */
      readonly drainMs: number;
      readonly quietMs: number;
      readonly intervalMs: number;
      readonly totalClients: number;
      readonly payloadChars: number;
    }
  | { readonly type: 'close' };

export type ClientsEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'connected'; readonly open: number; readonly failed: number }
  | { readonly type: 'report'; readonly report: ClientsReport };

/** What one load generator saw during the measured window. */
export interface ClientsReport {
  /** Publishes due in the measured window, and how many of them went out. */
  readonly due: number;
  readonly sent: number;
  /** Measured publishes received from another client (never one's own echo). */
  readonly delivered: number;
  /** One's own measured publishes received back (both servers echo to the sender). */
  readonly echoes: number;
  /** Latency of every delivery, as [bucket of LATENCY_BUCKET_MS, count] pairs. */
  readonly latency: readonly (readonly [number, number])[];
  /** Sockets the server closed (or that failed) after they were connected, by close code. */
  readonly closed: Readonly<Record<string, number>>;
  /** Publishes sent more than 50 ms after their time: the load generator fell behind. */
  readonly lateSends: number;
  /** CPU time of this process in the measured window, in ms. */
  readonly cpuMs: number;
}

/** Resolution of the latency histogram. */
export const LATENCY_BUCKET_MS = 0.1;
const LATENCY_BUCKETS = 300_000; // 30 s; slower deliveries land in the last bucket
const CONNECT_CONCURRENCY = 64;
const MARK = 'b|';

const clock = () => performance.timeOrigin + performance.now();

interface Member {
  readonly client: BenchClient;
  readonly socket: WebSocket;
  ready: boolean;
}

const members: Member[] = [];
let closing = false;
const closedCodes = new Map<number, number>();
let delivered = 0;
let lastDeliveryAt = 0;
let echoes = 0;
let measuring = false;
const latency = new Uint32Array(LATENCY_BUCKETS);

function emit(event: ClientsEvent): void {
  process.send?.(event);
}

/** Opens every socket (at most CONNECT_CONCURRENCY at once), subscribes, and waits for a pong. */
async function connect(clients: readonly BenchClient[]): Promise<void> {
  let next = 0;
  let open = 0;
  let failed = 0;
  const one = (client: BenchClient) =>
    new Promise<void>((done) => {
      const socket = new WebSocket(client.url, {
        perMessageDeflate: false,
        localAddress: client.localAddress,
      });
      const member: Member = { client, socket, ready: false };
      socket.on('open', () => {
        socket.send(JSON.stringify({ type: 'subscribe', topics: [client.topic] }));
        // The server handles one connection's messages in order: the pong means subscribed.
        socket.send(JSON.stringify({ type: 'ping' }));
      });
      socket.on('message', (data: Buffer) => {
        const message: unknown = JSON.parse(data.toString());
        if (!member.ready) {
          if (isPong(message)) {
            member.ready = true;
            open += 1;
            members.push(member);
            done();
          }
          return;
        }
        receive(member, message);
      });
      socket.on('error', () => {});
      socket.on('close', (code: number) => {
        if (!member.ready) {
          failed += 1;
          done();
        } else if (!closing) {
          closedCodes.set(code, (closedCodes.get(code) ?? 0) + 1);
        }
      });
    });
  const lane = async () => {
    while (next < clients.length) {
      const client = clients[next]!;
      next += 1;
      await one(client);
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  emit({ type: 'connected', open, failed });
}

function isPong(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'type' in message
    ? message.type === 'pong'
    : false;
}

/** Counts a relayed publish: `b|<sender>|<sentAt>|<measured 0/1>|padding`. */
function receive(member: Member, message: unknown): void {
  if (typeof message !== 'object' || message === null) return;
  if (!('type' in message) || message.type !== 'publish') return;
  if (!('data' in message) || typeof message.data !== 'string') return;
  const data = message.data;
  if (!data.startsWith(MARK)) return;
  const [, sender, sentAt, measured] = data.split('|', 4);
  if (measured !== '1' || !measuring) return;
  if (Number(sender) === member.client.index) {
    echoes += 1;
    return;
  }
  delivered += 1;
  lastDeliveryAt = clock();
  const ms = lastDeliveryAt - Number(sentAt);
  const bucket = Math.min(LATENCY_BUCKETS - 1, Math.max(0, Math.floor(ms / LATENCY_BUCKET_MS)));
  latency[bucket] = (latency[bucket] ?? 0) + 1;
}

async function run(command: Extract<ClientsCommand, { type: 'run' }>): Promise<void> {
  const { startAt, warmupMs, measureMs, drainMs, intervalMs, totalClients } = command;
  const measureFrom = startAt + warmupMs;
  const stopAt = measureFrom + measureMs;
  const padding = 'A'.repeat(command.payloadChars);
  // Publishes are spread evenly over each interval by the client's index, as real members' are.
  const nextDue = members.map((m) => startAt + (m.client.index / totalClients) * intervalMs);
  let due = 0;
  let sent = 0;
  let lateSends = 0;
  let cpuAtStart: NodeJS.CpuUsage | null = null;
  let cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  // Counting starts now (warm-up publishes carry measured 0) and ends after the drain.
  delivered = 0;
  echoes = 0;
  latency.fill(0);
  closedCodes.clear();
  measuring = true;

  await new Promise<void>((finished) => {
    const tick = () => {
      const now = clock();
      if (cpuAtStart === null && now >= measureFrom) cpuAtStart = process.cpuUsage();
      let pending = false;
      for (let i = 0; i < members.length; i += 1) {
        const at = nextDue[i]!;
        if (at >= stopAt) continue;
        pending = true;
        if (at > now) continue;
        const member = members[i]!;
        const measured = at >= measureFrom;
        nextDue[i] = at + intervalMs;
        if (measured) due += 1;
        if (member.socket.readyState !== WebSocket.OPEN) continue;
        const sentAt = clock();
        if (measured && sentAt - at > 50) lateSends += 1;
        const head = `${MARK}${member.client.index}|${sentAt.toFixed(3)}|${measured ? 1 : 0}|`;
        const data = head + padding.slice(head.length);
        member.socket.send(JSON.stringify({ type: 'publish', topic: member.client.topic, data }));
        if (measured) sent += 1;
      }
      if (pending) {
        setTimeout(tick, 2);
        return;
      }
      cpu = process.cpuUsage(cpuAtStart ?? undefined);
      finished();
    };
    setTimeout(tick, Math.max(0, startAt - clock()));
  });
  const drainUntil = clock() + drainMs;
  while (clock() < drainUntil && clock() - Math.max(lastDeliveryAt, stopAt) < command.quietMs) {
    await new Promise((r) => setTimeout(r, 100));
  }
  measuring = false;
  const pairs: [number, number][] = [];
  latency.forEach((count, bucket) => {
    if (count > 0) pairs.push([bucket, count]);
  });
  emit({
    type: 'report',
    report: {
      due,
      sent,
      delivered,
      echoes,
      latency: pairs,
      closed: Object.fromEntries(closedCodes),
      lateSends,
      cpuMs: (cpu.user + cpu.system) / 1000,
    },
  });
}

process.on('message', (command: ClientsCommand) => {
  switch (command.type) {
    case 'connect':
      void connect(command.clients);
      return;
    case 'run':
      void run(command);
      return;
    case 'close':
      closing = true;
      for (const member of members) member.socket.terminate();
      process.exit(0);
  }
});
emit({ type: 'ready' });
// The coordinator is gone (killed, or its hard timeout): never outlive it.
process.on('disconnect', () => process.exit(1));
