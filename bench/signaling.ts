/**
 * `npm run bench:signaling`: the companion under a group-sized crowd, against y-webrtc's own
 * reference server, in one run on this machine. Prints a table and writes
 * bench/signaling-results.json.
 *
 * The load: 2,000 WebSocket clients in 250 rooms of 8 on loopback, spread over a few load
 * generator processes (bench/signaling-clients.ts). Each subscribes to its room like y-webrtc
 * and publishes a 300-character string (the size of an encrypted announce), each at an offset
 * of its own; every publish should reach the 7 others. Two rates on the same connections:
 * steady, once a second per client (14,000 deliveries a second: far more signaling than 250
 * real meetings make), then stress, four times a second (56,000), which on 2 shared cores is
 * past what the machine can carry and shows how each server behaves when it falls behind.
 * Counted at the clients after a second of warm-up: deliveries per second, the share of the
 * expected deliveries that arrived (they still count after a slice until none came for 1.5 s),
 * and the latency from publish to receipt. Each server is its own process, so its resident
 * memory (VmRSS from /proc, sampled every 200 ms) and CPU time are its own.
 *
 * The machine this runs on is shared (2 cores; other work comes and goes), so the deployments
 * are all started and connected first and then take turns: 5-second slices, one deployment
 * after the other, round after round (3 rounds steady, 2 stress). Load from elsewhere then falls
 * on all of them alike instead of on whichever ran at that minute. "Publishes sent late" counts
 * the moments a load generator itself could not keep up.
 *
 * Three deployments:
 * 1. one Kring companion (the built bundle, as deployed; from source if the build fails),
 * 2. two Kring companions sharing rooms through Redis (KRING_REDIS_URL; Debian's redis-server,
 *    started here on a free port without persistence), each room's members split 4 + 4 over
 *    the two, so every publish crosses Redis for half its recipients,
 * 3. y-webrtc's reference server (node_modules/y-webrtc/bin/server.js, PORT in its env).
 *
 * The clients connect from 40 loopback addresses (127.0.0.2-41), 50 from each, so the
 * companion's per-address cap (64 by default) stays at its production value, as it would with
 * members behind their own addresses. KRING_MAX_CONNECTIONS is raised to 2,100: its default is
 * 2,000, the very number of clients, and the bench should measure relaying, not the cap. Every
 * other limit keeps its default: the clients stay within the rate limit (at most 4 messages a
 * second against 100), subscribe at once, answer the server's pings (ws does), and send no
 * Origin header (as Node clients do), which the companion allows.
 *
 * Bounded: a hard timeout kills every child process and fails the run; every child is also
 * killed on an error or a signal. BENCH_SIGNALING_SECONDS (3-60, default 15) sets the
 * steady time per deployment (for a quick try), BENCH_SIGNALING_STRESS_SECONDS (3-60, default
 * 10) the stress time; BENCH_SIGNALING_RESULTS another file for the results (`npm run bench`).
 * BENCH_SIGNALING_ONLY=kring,kring-redis,reference runs only those.
 */
import { fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { format, resolveConfig } from 'prettier';
import type { BenchClient, ClientsCommand, ClientsEvent, ClientsReport } from './signaling-clients';
import { LATENCY_BUCKET_MS } from './signaling-clients';
import type { Child, ProcessReading } from './signaling-processes';
import {
  Sampler,
  freePort,
  httpOk,
  killAll,
  readProcess,
  redisPong,
  start,
  stop,
  track,
  waitUntil,
} from './signaling-processes';
import { hasEnded } from '../tests/helpers/child-end';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = resolve(ROOT, '.output/server/kring-server.mjs');
const REFERENCE_SERVER = resolve(ROOT, 'node_modules/y-webrtc/bin/server.js');
const GENERATOR = resolve(import.meta.dirname, 'signaling-clients.ts');
/** BENCH_SIGNALING_RESULTS: where to write the results (`npm run bench` reads them from there). */
const RESULTS = resolve(
  process.env.BENCH_SIGNALING_RESULTS ?? resolve(import.meta.dirname, 'signaling-results.json'),
);

const CLIENTS = 2000;
const ROOM_SIZE = 8;
const ROOMS = CLIENTS / ROOM_SIZE;
/** Load generator processes; measured: on 2 cores, two keep up with 14,000 deliveries a second. */
const LOAD_GENERATORS = 2;
const INTERVAL_MS = 1000;
/** The second window: four times a second each, 56,000 deliveries a second in all. */
const STRESS_INTERVAL_MS = 250;
const PAYLOAD_CHARS = 300;
/** Measured per deployment: the steady window (3 slices) and the stress window (2 slices). */
const MEASURE_MS = seconds('BENCH_SIGNALING_SECONDS', 15) * 1000;
const STRESS_MS = seconds('BENCH_SIGNALING_STRESS_SECONDS', 10) * 1000;
/** After a slice: deliveries count until none came for QUIET_MS, for DRAIN_MS at most. */
const DRAIN_MS = 5000;
const QUIET_MS = 1500;
const CONNECT_TIMEOUT_MS = 45_000;
/** Everything, worst case: the build, three deployments started, five slices on each. */
const HARD_TIMEOUT_MS = 30_000 + 3 * 15_000 + 3 * (MEASURE_MS + STRESS_MS + 5 * (1300 + DRAIN_MS));

/** Clients per loopback source address: under the companion's default per-address cap (64). */
const CLIENTS_PER_ADDRESS = 50;

/** The one limit raised for the bench (see the header); every other keeps its default. */
const KRING_BENCH_ENV = { KRING_MAX_CONNECTIONS: String(CLIENTS + 100) } as const;

const clock = () => performance.timeOrigin + performance.now();

/** BENCH_SIGNALING_ONLY=kring,kring-redis,reference: run only those (for a quick look). */
const only = process.env.BENCH_SIGNALING_ONLY?.split(',') ?? null;

/** A whole number of seconds from 3 to 60 in the environment variable `name`. */
function seconds(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 3 || value > 60) {
    console.error(`${name} must be a whole number from 3 to 60, not "${text}"`);
    process.exit(2);
  }
  return value;
}

/** How the Kring companion is started: the bundle when it builds, else the source with tsx. */
interface ServerEntry {
  readonly args: readonly string[];
  readonly description: string;
  readonly readsRedisUrl: boolean;
}

function serverEntry(): ServerEntry {
  const build = spawnSync('npm', ['run', 'build:server'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (build.status === 0 && existsSync(BUNDLE)) {
    return {
      args: [BUNDLE],
      description: '.output/server/kring-server.mjs (npm run build:server)',
      readsRedisUrl: readFileSync(BUNDLE, 'utf8').includes('KRING_REDIS_URL'),
    };
  }
  console.log('npm run build:server failed; the companion runs from server/main.ts (tsx)');
  const serverDir = resolve(ROOT, 'server');
  return {
    args: ['--import', 'tsx', resolve(serverDir, 'main.ts')],
    description: 'server/main.ts through tsx (the build failed)',
    readsRedisUrl: readdirSync(serverDir).some(
      (file) =>
        file.endsWith('.ts') &&
        readFileSync(resolve(serverDir, file), 'utf8').includes('KRING_REDIS_URL'),
    ),
  };
}

/** Servers of one deployment: the addresses clients use and the processes that are measured. */
interface Deployment {
  readonly urls: readonly string[];
  readonly processes: readonly Child[];
  /** Per process: its Prometheus /metrics address, null for one that has none. */
  readonly metricsUrls: readonly (string | null)[];
}

interface Scenario {
  readonly id: string;
  readonly title: string;
  /** Why it cannot run here; null when it can. */
  readonly unavailable: string | null;
  start(): Promise<Deployment>;
}

function scenarios(entry: ServerEntry): Scenario[] {
  const redisInstalled = spawnSync('redis-server', ['--version']).status === 0;
  return [
    {
      id: 'kring',
      title: 'Kring, one instance',
      unavailable: null,
      async start() {
        const port = await freePort();
        const child = await startKring(entry, 'kring', port);
        return {
          urls: [`ws://127.0.0.1:${port}`],
          processes: [child],
          metricsUrls: [`http://127.0.0.1:${port}/metrics`],
        };
      },
    },
    {
      id: 'kring-redis',
      title: 'Kring, two instances over Redis',
      unavailable: !entry.readsRedisUrl
        ? 'the companion does not read KRING_REDIS_URL yet (scale-out through Redis has not landed)'
        : !redisInstalled
          ? 'redis-server is not installed (apt-get install -y redis-server)'
          : null,
      async start() {
        const redisPort = await freePort();
        const redis = start(
          'redis-server',
          'redis-server',
          ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
          { cwd: ROOT },
        );
        await waitUntil(redis, () => redisPong(redisPort), 10_000);
        const env = { KRING_REDIS_URL: `redis://127.0.0.1:${redisPort}` };
        const ports = [await freePort(), await freePort()] as const;
        const first = await startKring(entry, 'kring 1', ports[0], env);
        const second = await startKring(entry, 'kring 2', ports[1], env);
        return {
          urls: ports.map((port) => `ws://127.0.0.1:${port}`),
          processes: [first, second, redis],
          metricsUrls: [...ports.map((port) => `http://127.0.0.1:${port}/metrics`), null],
        };
      },
    },
    {
      id: 'reference',
      title: "y-webrtc's reference server",
      unavailable: existsSync(REFERENCE_SERVER) ? null : `${REFERENCE_SERVER} is missing`,
      async start() {
        const port = await freePort();
        const child = start('y-webrtc server.js', process.execPath, [REFERENCE_SERVER], {
          cwd: ROOT,
          env: { ...process.env, PORT: String(port) },
        });
        await waitUntil(child, () => httpOk(`http://127.0.0.1:${port}/`), 20_000);
        return { urls: [`ws://127.0.0.1:${port}`], processes: [child], metricsUrls: [null] };
      },
    },
  ];
}

async function startKring(
  entry: ServerEntry,
  name: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Child> {
  const child = start(
    name,
    process.execPath,
    [...entry.args, '--port', String(port), '--host', '127.0.0.1'],
    { cwd: ROOT, env: { ...process.env, ...KRING_BENCH_ENV, ...env } },
  );
  await waitUntil(child, () => httpOk(`http://127.0.0.1:${port}/health`), 20_000);
  return child;
}

/** A load generator process and a way to wait for its next event of a kind. */
class Generator {
  private readonly waiting = new Map<ClientsEvent['type'], (event: ClientsEvent) => void>();
  private readonly child: ChildProcess;

  constructor() {
    this.child = track(
      fork(GENERATOR, [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    this.child.on('message', (event: ClientsEvent) => {
      this.waiting.get(event.type)?.(event);
      this.waiting.delete(event.type);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  next<T extends ClientsEvent['type']>(
    type: T,
    ms: number,
  ): Promise<Extract<ClientsEvent, { type: T }>> {
    return new Promise((resolveEvent, reject) => {
      const timer = setTimeout(() => reject(new Error(`no '${type}' within ${ms} ms`)), ms);
      const exit = () => reject(new Error(`a load generator exited while waiting for '${type}'`));
      this.child.once('exit', exit);
      this.waiting.set(type, (event) => {
        clearTimeout(timer);
        this.child.off('exit', exit);
        resolveEvent(event as Extract<ClientsEvent, { type: T }>);
      });
    });
  }

  send(command: ClientsCommand): void {
    this.child.send(command);
  }

  async close(): Promise<void> {
    if (hasEnded(this.child)) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.send({ type: 'close' } satisfies ClientsCommand);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/** A Kring-like room name: 'kring-' and 64 hex characters. */
const topicOf = (room: number) =>
  `kring-${createHash('sha256').update(`bench-room-${room}`).digest('hex')}`;

/**
 * Client i is member i % 8 of room i / 8; a room's members are split evenly over the urls;
 * clients 0-49 connect from 127.0.0.2, 50-99 from 127.0.0.3, and so on.
 */
function clientsFor(generator: number, urls: readonly string[]): BenchClient[] {
  const clients: BenchClient[] = [];
  for (let index = generator; index < CLIENTS; index += LOAD_GENERATORS) {
    const member = index % ROOM_SIZE;
    const url = urls[Math.floor((member * urls.length) / ROOM_SIZE)]!;
    clients.push({
      index,
      topic: topicOf(Math.floor(index / ROOM_SIZE)),
      url,
      localAddress: `127.0.0.${2 + Math.floor(index / CLIENTS_PER_ADDRESS)}`,
    });
  }
  return clients;
}

/**
 * A rate of publishing, measured in slices: every deployment gets one slice in turn, round after
 * round, so that load from elsewhere on a shared machine falls on all of them alike.
 */
interface Window {
  readonly id: string;
  readonly title: string;
  readonly intervalMs: number;
  readonly slices: number;
  readonly sliceMs: number;
}

const WINDOWS: readonly Window[] = [
  {
    id: 'steady',
    title: '1 publish per client per second',
    intervalMs: INTERVAL_MS,
    slices: 3,
    sliceMs: MEASURE_MS / 3,
  },
  {
    id: 'stress',
    title: `${1000 / STRESS_INTERVAL_MS} publishes per client per second`,
    intervalMs: STRESS_INTERVAL_MS,
    slices: 2,
    sliceMs: STRESS_MS / 2,
  },
];

interface WindowResult {
  readonly id: string;
  readonly title: string;
  readonly measuredMs: number;
  readonly publishes: { readonly due: number; readonly sent: number; readonly late: number };
  readonly deliveries: {
    readonly expected: number;
    readonly delivered: number;
    readonly percent: number;
    readonly perSecond: number;
    readonly echoes: number;
  };
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  /** Sockets closed by the server (or failed) in this window, by close code. */
  readonly closed: Readonly<Record<string, number>>;
  /**
   * Per server process: CPU in the measured slices (share of one core), RSS after the last
   * slice, and for a Kring companion its /metrics counters since it started (non-zero ones).
   */
  readonly servers: readonly {
    readonly cpuPercent: number;
    readonly rssEndMiB: number;
    readonly metrics?: Readonly<Record<string, number>>;
  }[];
  /** CPU of each load generator in the measured slices, share of one core. */
  readonly loadGeneratorCpuPercent: readonly number[];
}

interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly available: boolean;
  readonly reason?: string;
  readonly clients?: { readonly connected: number; readonly failed: number; readonly ms: number };
  /** Per server process, RSS in MiB: started, all clients connected, highest sampled. */
  readonly servers?: readonly {
    readonly name: string;
    readonly rssMiB: { readonly idle: number; readonly connected: number; readonly peak: number };
    /** Lines it wrote to stdout and stderr in the whole run (logging under load). */
    readonly outputLines: number;
    /** Its last lines of output, kept when deliveries went missing (they may say why). */
    readonly lastOutput?: string;
  }[];
  readonly windows?: readonly WindowResult[];
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** What one window's slices on one deployment add up to. */
class Tally {
  due = 0;
  sent = 0;
  late = 0;
  delivered = 0;
  echoes = 0;
  measuredMs = 0;
  readonly histogram = new Map<number, number>();
  readonly closed: Record<string, number> = {};
  readonly serverCpuMs: number[];
  readonly generatorCpuMs: number[];
  rssEnd: (ProcessReading | null)[] = [];
  metrics: (Record<string, number> | null)[] = [];

  constructor(servers: number, generators: number) {
    this.serverCpuMs = new Array<number>(servers).fill(0);
    this.generatorCpuMs = new Array<number>(generators).fill(0);
  }

  add(report: ClientsReport, generator: number): void {
    this.due += report.due;
    this.sent += report.sent;
    this.late += report.lateSends;
    this.delivered += report.delivered;
    this.echoes += report.echoes;
    for (const [bucket, count] of report.latency) {
      this.histogram.set(bucket, (this.histogram.get(bucket) ?? 0) + count);
    }
    for (const [code, count] of Object.entries(report.closed)) {
      this.closed[code] = (this.closed[code] ?? 0) + count;
    }
    this.generatorCpuMs[generator] = (this.generatorCpuMs[generator] ?? 0) + report.cpuMs;
  }

  result(window: Window): WindowResult {
    // What full rooms of connected members would receive: a client that failed to connect or
    // was closed counts as missed deliveries, not as less work expected.
    const expected = CLIENTS * (this.measuredMs / window.intervalMs) * (ROOM_SIZE - 1);
    const share = (ms: number) => Math.round((ms / this.measuredMs) * 100);
    return {
      id: window.id,
      title: window.title,
      measuredMs: this.measuredMs,
      publishes: { due: this.due, sent: this.sent, late: this.late },
      deliveries: {
        expected,
        delivered: this.delivered,
        percent: round((this.delivered / expected) * 100, 2),
        perSecond: Math.round(this.delivered / (this.measuredMs / 1000)),
        echoes: this.echoes,
      },
      latencyMs: {
        p50: percentile(this.histogram, 50),
        p95: percentile(this.histogram, 95),
        p99: percentile(this.histogram, 99),
      },
      closed: this.closed,
      servers: this.serverCpuMs.map((cpuMs, i) => {
        const metrics = this.metrics[i];
        return {
          cpuPercent: share(cpuMs),
          rssEndMiB: round(this.rssEnd[i]?.rssMiB ?? NaN),
          ...(metrics ? { metrics } : {}),
        };
      }),
      loadGeneratorCpuPercent: this.generatorCpuMs.map(share),
    };
  }
}

/** A deployment with its clients connected, measured until it is torn down. */
interface Running {
  readonly scenario: Scenario;
  readonly deployment: Deployment;
  readonly generators: readonly Generator[];
  readonly sampler: Sampler;
  readonly pids: readonly number[];
  readonly idle: readonly (ProcessReading | null)[];
  readonly afterConnect: readonly (ProcessReading | null)[];
  readonly clients: NonNullable<ScenarioResult['clients']>;
  readonly tallies: Map<string, Tally>;
  /** Set when a slice failed: the deployment takes no more slices. */
  failure: string | null;
}

/** Starts a deployment and its load generators, and connects and subscribes every client. */
async function setUp(scenario: Scenario, running: Running[]): Promise<void> {
  console.log(`${scenario.title}: starting`);
  const deployment = await scenario.start();
  const generators: Generator[] = [];
  const pids = deployment.processes.map((p) => p.pid);
  const sampler = new Sampler(pids);
  const partial = { deployment, generators, sampler };
  try {
    const idle = pids.map(readProcess);
    for (let i = 0; i < LOAD_GENERATORS; i += 1) generators.push(new Generator());
    await Promise.all(generators.map((g) => g.next('ready', 20_000)));
    const connectStart = performance.now();
    const connected = await Promise.all(
      generators.map((g, i) => {
        const event = g.next('connected', CONNECT_TIMEOUT_MS);
        g.send({ type: 'connect', clients: clientsFor(i, deployment.urls) });
        return event;
      }),
    );
    const ms = Math.round(performance.now() - connectStart);
    const open = connected.reduce((sum, e) => sum + e.open, 0);
    const failed = connected.reduce((sum, e) => sum + e.failed, 0);
    console.log(`  ${open} clients connected and subscribed in ${ms} ms, ${failed} failed`);
    running.push({
      scenario,
      ...partial,
      pids,
      idle,
      afterConnect: pids.map(readProcess),
      clients: { connected: open, failed, ms },
      tallies: new Map(WINDOWS.map((w) => [w.id, new Tally(pids.length, LOAD_GENERATORS)])),
      failure: null,
    });
  } catch (error) {
    await tearDown(partial);
    throw error;
  }
}

async function tearDown(run: Pick<Running, 'deployment' | 'generators' | 'sampler'>) {
  run.sampler.stop();
  await Promise.all(run.generators.map((g) => g.close()));
  await Promise.all(run.deployment.processes.map((p) => stop(p.process)));
}

/** One slice of a window on one deployment: a warm-up second, then `sliceMs` counted. */
async function runSlice(run: Running, window: Window): Promise<void> {
  const tally = run.tallies.get(window.id)!;
  const warmupMs = 1000;
  const startAt = clock() + 300;
  const measureFrom = startAt + warmupMs;
  const stopAt = measureFrom + window.sliceMs;
  const readAt = (time: number) =>
    new Promise<(ProcessReading | null)[]>((r) =>
      setTimeout(() => r(run.pids.map(readProcess)), Math.max(0, time - clock())),
    );
  const [from, to, events] = await Promise.all([
    readAt(measureFrom),
    readAt(stopAt),
    Promise.all(
      run.generators.map((g) => {
        const report = g.next('report', stopAt - clock() + DRAIN_MS + 15_000);
        g.send({
          type: 'run',
          startAt,
          warmupMs,
          measureMs: window.sliceMs,
          drainMs: DRAIN_MS,
          quietMs: QUIET_MS,
          intervalMs: window.intervalMs,
          totalClients: CLIENTS,
          payloadChars: PAYLOAD_CHARS,
        });
        return report;
      }),
    ),
  ]);
  tally.rssEnd = run.pids.map(readProcess);
  tally.metrics = await Promise.all(run.deployment.metricsUrls.map(readMetrics));
  tally.measuredMs += window.sliceMs;
  events.forEach((event, i) => tally.add(event.report, i));
  run.pids.forEach((_, i) => {
    const used = (to[i]?.cpuMs ?? NaN) - (from[i]?.cpuMs ?? NaN);
    tally.serverCpuMs[i] = (tally.serverCpuMs[i] ?? 0) + used;
  });
}

function scenarioResult(run: Running): ScenarioResult {
  const windows = WINDOWS.map((w) => run.tallies.get(w.id)!.result(w));
  const missing = windows.some((w) => w.deliveries.delivered < w.deliveries.expected);
  return {
    id: run.scenario.id,
    title: run.scenario.title,
    available: run.failure === null,
    ...(run.failure === null ? {} : { reason: run.failure }),
    clients: run.clients,
    servers: run.deployment.processes.map((child, i) => ({
      name: child.name,
      rssMiB: {
        idle: round(run.idle[i]?.rssMiB ?? NaN),
        connected: round(run.afterConnect[i]?.rssMiB ?? NaN),
        peak: round(run.sampler.peak(child.pid)),
      },
      outputLines: child.lines(),
      ...(missing ? { lastOutput: child.tail() } : {}),
    })),
    windows,
  };
}

/** The non-zero samples of a Prometheus text page, by name and labels; null without one. */
async function readMetrics(url: string | null): Promise<Record<string, number> | null> {
  if (url === null) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const samples: Record<string, number> = {};
    for (const line of (await response.text()).split('\n')) {
      const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
      if (match && Number(match[2]) !== 0) samples[match[1]!] = Number(match[2]);
    }
    return samples;
  } catch {
    return null;
  }
}

/** The upper edge of the histogram bucket that holds the p-th percentile, in ms. */
function percentile(histogram: ReadonlyMap<number, number>, p: number): number {
  const buckets = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((s, [, count]) => s + count, 0);
  if (total === 0) return NaN;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen >= rank) return round((bucket + 1) * LATENCY_BUCKET_MS, 1);
  }
  return NaN;
}

function printTable(results: readonly ScenarioResult[]): void {
  const ran = results.filter((r) => r.available);
  const row = (label: string, cell: (r: ScenarioResult) => string) =>
    console.log(label.padEnd(36) + ran.map((r) => `  ${cell(r).padStart(26)}`).join(''));
  const short = (r: ScenarioResult) =>
    ({ kring: 'Kring, 1 instance', 'kring-redis': 'Kring, 2 over Redis' })[r.id] ??
    'y-webrtc reference';
  const servers = (r: ScenarioResult, value: (i: number) => string) =>
    (r.servers ?? []).map((_, i) => value(i)).join(' + ');
  console.log('');
  row('', short);
  row('clients connected', (r) => `${r.clients?.connected} of ${CLIENTS}`);
  row('servers', (r) =>
    servers(r, (i) => r.servers?.[i]?.name.replace('redis-server', 'redis') ?? ''),
  );
  row('RSS idle (MiB)', (r) => servers(r, (i) => String(r.servers?.[i]?.rssMiB.idle)));
  row('RSS 2,000 connected (MiB)', (r) =>
    servers(r, (i) => String(r.servers?.[i]?.rssMiB.connected)),
  );
  row('RSS peak (MiB)', (r) => servers(r, (i) => String(r.servers?.[i]?.rssMiB.peak)));
  WINDOWS.forEach((window, w) => {
    const at = (r: ScenarioResult) => r.windows?.[w];
    console.log(`\n${window.title}, ${(window.slices * window.sliceMs) / 1000} s measured`);
    row('  deliveries per second', (r) => String(at(r)?.deliveries.perSecond));
    row('  delivered of expected', (r) => `${at(r)?.deliveries.percent} %`);
    row('  latency p50 / p95 / p99 (ms)', (r) => {
      const l = at(r)?.latencyMs;
      return l ? `${l.p50} / ${l.p95} / ${l.p99}` : '';
    });
    row('  publishes sent over 50 ms late', (r) => String(at(r)?.publishes.late));
    row('  sockets closed by the server', (r) =>
      String(Object.values(at(r)?.closed ?? {}).reduce((s, n) => s + n, 0)),
    );
    row('  server CPU (% of a core)', (r) =>
      (at(r)?.servers ?? []).map((s) => s.cpuPercent).join(' + '),
    );
    row('  server RSS at the end (MiB)', (r) =>
      (at(r)?.servers ?? []).map((s) => s.rssEndMiB).join(' + '),
    );
    row('  load generators CPU (% of a core)', (r) =>
      (at(r)?.loadGeneratorCpuPercent ?? []).join(' + '),
    );
  });
  for (const r of results.filter((x) => !x.available)) {
    console.log(`\n${r.title}: not available: ${r.reason}`);
  }
}

async function main(): Promise<void> {
  const hardTimeout = setTimeout(() => {
    console.error(`bench:signaling: not done within ${HARD_TIMEOUT_MS / 1000} s; stopping`);
    killAll();
    process.exit(1);
  }, HARD_TIMEOUT_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
  process.on('exit', killAll);

  console.log(
    `Signaling benchmark on ${cpus().length} cores, Node ${process.version}: ${CLIENTS} clients ` +
      `in ${ROOMS} rooms of ${ROOM_SIZE}, ${PAYLOAD_CHARS}-character publishes; ` +
      WINDOWS.map((w) => `${w.title} for ${(w.slices * w.sliceMs) / 1000} s`).join(', then ') +
      ', each deployment in turn',
    '\n',
  );
  // The machine may be shared: the load on it before and after goes with the figures.
  const loadAtStart = loadavg().map((n) => round(n, 2));
  const entry = serverEntry();
  console.log(`companion: ${entry.description}`);
  const chosen = scenarios(entry).filter((s) => only === null || only.includes(s.id));
  const running: Running[] = [];
  const notRun = new Map<string, ScenarioResult>();
  let failed = false;
  try {
    for (const scenario of chosen) {
      if (scenario.unavailable !== null) {
        console.log(`${scenario.title}: not available: ${scenario.unavailable}`);
        const reason = scenario.unavailable;
        notRun.set(scenario.id, {
          id: scenario.id,
          title: scenario.title,
          available: false,
          reason,
        });
        continue;
      }
      try {
        await setUp(scenario, running);
      } catch (error) {
        failed = true;
        const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
        console.error(`${scenario.title}: ${reason}`);
        notRun.set(scenario.id, {
          id: scenario.id,
          title: scenario.title,
          available: false,
          reason,
        });
      }
    }
    for (const window of WINDOWS) {
      console.log(`\n${window.title}: ${window.slices} rounds of ${window.sliceMs / 1000} s each`);
      for (let slice = 0; slice < window.slices; slice += 1) {
        for (const run of running) {
          if (run.failure !== null) continue;
          try {
            await runSlice(run, window);
          } catch (error) {
            failed = true;
            run.failure = `failed: ${error instanceof Error ? error.message : String(error)}`;
            console.error(`${run.scenario.title}: ${run.failure}`);
          }
        }
      }
      for (const run of running) {
        const r = run.tallies.get(window.id)!.result(window);
        console.log(
          `  ${run.scenario.title}: ${r.deliveries.perSecond} deliveries/s ` +
            `(${r.deliveries.percent} % of expected), p50 ${r.latencyMs.p50} ms, ` +
            `p95 ${r.latencyMs.p95} ms`,
        );
      }
    }
  } finally {
    for (const run of running) run.sampler.stop();
    await Promise.all(running.map(tearDown));
  }
  const results = chosen.map(
    (scenario) =>
      notRun.get(scenario.id) ?? scenarioResult(running.find((r) => r.scenario === scenario)!),
  );
  clearTimeout(hardTimeout);
  printTable(results);

  const json = JSON.stringify(
    {
      date: new Date().toISOString(),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map((n) => round(n, 2)),
      command: 'npm run bench:signaling',
      node: process.version,
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      companion: entry.description,
      companionEnv: KRING_BENCH_ENV,
      load: {
        clients: CLIENTS,
        rooms: ROOMS,
        roomSize: ROOM_SIZE,
        loadGenerators: LOAD_GENERATORS,
        payloadChars: PAYLOAD_CHARS,
        windows: WINDOWS,
        warmupPerSliceMs: 1000,
        drainMs: DRAIN_MS,
        quietMs: QUIET_MS,
      },
      scenarios: results,
    },
    null,
    2,
  );
  // Formatted as the repository's other files are, so that `npm run format:check` passes.
  const options = { ...(await resolveConfig(RESULTS)), parser: 'json' };
  writeFileSync(RESULTS, await format(json, options));
  console.log(`\nwritten to ${RESULTS}`);
  if (failed) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(error);
  killAll();
  process.exitCode = 1;
}
