/**
 * `npm run bench:signaling`: the companion under a group-sized crowd, against y-webrtc's own
 * reference server, in one run on this machine. Prints a table and writes
 * bench/signaling-results.json.
 *
 * The load: 2,000 WebSocket clients in 250 rooms of 8 on loopback, spread over a few load
 * generator processes (bench/signaling-clients.ts). Each subscribes to its room like y-webrtc
 * and publishes a 300-character string (the size of an encrypted announce), each at an offset
 * of its own; every publish should reach the 7 others. Two windows on the same connections:
 * steady, once a second per client (14,000 deliveries a second: far more signaling than 250
 * real meetings make), then stress, four times a second (56,000), which on 2 shared cores is
 * past what the machine can carry and shows how each server behaves when it falls behind.
 * Counted at the clients after a warm-up: deliveries per second, the share of the expected
 * deliveries that arrived (deliveries still count after the window until none came for
 * 1.5 s), and the latency from publish to receipt. Each server is its own process, so its
 * resident memory (VmRSS from /proc, sampled every 200 ms) and CPU time are its own.
 *
 * Three deployments, one after the other:
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
 * killed on an error or a signal. BENCH_SIGNALING_SECONDS (1-60, default 20) sets the
 * steady window (for a quick try); the stress window is always 10 s.
 */
import { fork, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchClient, ClientsCommand, ClientsEvent, ClientsReport } from './signaling-clients';
import { LATENCY_BUCKET_MS } from './signaling-clients';
import type { Child } from './signaling-processes';
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

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = resolve(ROOT, '.output/server/kring-server.mjs');
const REFERENCE_SERVER = resolve(ROOT, 'node_modules/y-webrtc/bin/server.js');
const GENERATOR = resolve(import.meta.dirname, 'signaling-clients.ts');
const RESULTS = resolve(import.meta.dirname, 'signaling-results.json');

const CLIENTS = 2000;
const ROOM_SIZE = 8;
const ROOMS = CLIENTS / ROOM_SIZE;
/** Load generator processes; measured: on 2 cores, two keep up with 14,000 deliveries a second. */
const LOAD_GENERATORS = 2;
const INTERVAL_MS = 1000;
/** The second window: four times a second each, 56,000 deliveries a second in all. */
const STRESS_INTERVAL_MS = 250;
const PAYLOAD_CHARS = 300;
const WARMUP_MS = 3000;
const MEASURE_MS = measureSeconds() * 1000;
/** After a window: deliveries count until none came for QUIET_MS, for DRAIN_MS at most. */
const DRAIN_MS = 8000;
const QUIET_MS = 1500;
const CONNECT_TIMEOUT_MS = 45_000;
const STRESS_MS = 10_000;
/** Everything, worst case: the build, then per deployment its start, connects and windows. */
const HARD_TIMEOUT_MS = 30_000 + 3 * (15_000 + WARMUP_MS + MEASURE_MS + STRESS_MS + 2 * DRAIN_MS);

/** Clients per loopback source address: under the companion's default per-address cap (64). */
const CLIENTS_PER_ADDRESS = 50;

/** The one limit raised for the bench (see the header); every other keeps its default. */
const KRING_BENCH_ENV = { KRING_MAX_CONNECTIONS: String(CLIENTS + 100) } as const;

const clock = () => performance.timeOrigin + performance.now();

/** BENCH_SIGNALING_ONLY=kring,kring-redis,reference: run only those (for a quick look). */
const only = process.env.BENCH_SIGNALING_ONLY?.split(',') ?? null;

function measureSeconds(): number {
  const text = process.env.BENCH_SIGNALING_SECONDS;
  if (text === undefined || text === '') return 20;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) {
    console.error(`BENCH_SIGNALING_SECONDS must be a whole number from 1 to 60, not "${text}"`);
    process.exit(2);
  }
  return seconds;
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
        return { urls: [`ws://127.0.0.1:${port}`], processes: [child] };
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
        return { urls: [`ws://127.0.0.1:${port}`], processes: [child] };
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
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
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

/** A stretch of publishing at one rate; its figures are counted after its warm-up. */
interface Window {
  readonly id: string;
  readonly title: string;
  readonly intervalMs: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

const WINDOWS: readonly Window[] = [
  {
    id: 'steady',
    title: '1 publish per client per second',
    intervalMs: INTERVAL_MS,
    warmupMs: WARMUP_MS,
    measureMs: MEASURE_MS,
  },
  {
    id: 'stress',
    title: `${1000 / STRESS_INTERVAL_MS} publishes per client per second`,
    intervalMs: STRESS_INTERVAL_MS,
    warmupMs: 1000,
    measureMs: STRESS_MS,
  },
];

interface WindowResult {
  readonly id: string;
  readonly title: string;
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
  /** Per server process: CPU in the measured window (share of one core), RSS at its end. */
  readonly servers: readonly { readonly cpuPercent: number; readonly rssEndMiB: number }[];
  /** CPU of each load generator in the measured window, share of one core. */
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
    /** Lines it wrote to stdout and stderr in the whole scenario (logging under load). */
    readonly outputLines: number;
    /** Its last lines of output, kept when deliveries went missing (they may say why). */
    readonly lastOutput?: string;
  }[];
  readonly windows?: readonly WindowResult[];
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const base = { id: scenario.id, title: scenario.title };
  if (scenario.unavailable !== null) {
    console.log(`${scenario.title}: not available: ${scenario.unavailable}`);
    return { ...base, available: false, reason: scenario.unavailable };
  }
  console.log(`${scenario.title}: starting`);
  const deployment = await scenario.start();
  const generators: Generator[] = [];
  const pids = deployment.processes.map((p) => p.pid);
  const sampler = new Sampler(pids);
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
    const connectMs = Math.round(performance.now() - connectStart);
    const open = connected.reduce((sum, e) => sum + e.open, 0);
    const failed = connected.reduce((sum, e) => sum + e.failed, 0);
    console.log(`  ${open} clients connected and subscribed in ${connectMs} ms, ${failed} failed`);
    const afterConnect = pids.map(readProcess);

    const windows: WindowResult[] = [];
    for (const window of WINDOWS) {
      const result = await runWindow(window, generators, pids);
      console.log(
        `  ${window.title}: ${result.deliveries.perSecond} deliveries/s ` +
          `(${result.deliveries.percent} % of expected), ` +
          `p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms`,
      );
      windows.push(result);
    }
    sampler.stop();
    const missing = windows.some((w) => w.deliveries.delivered < w.deliveries.expected);
    return {
      ...base,
      available: true,
      clients: { connected: open, failed, ms: connectMs },
      servers: deployment.processes.map((child, i) => ({
        name: child.name,
        rssMiB: {
          idle: round(idle[i]?.rssMiB ?? NaN),
          connected: round(afterConnect[i]?.rssMiB ?? NaN),
          peak: round(sampler.peak(child.pid)),
        },
        outputLines: child.lines(),
        ...(missing ? { lastOutput: child.tail() } : {}),
      })),
      windows,
    };
  } finally {
    sampler.stop();
    await Promise.all(generators.map((g) => g.close()));
    await Promise.all(deployment.processes.map((p) => stop(p.process)));
  }
}

/** Runs one window on every load generator and sums what they counted. */
async function runWindow(
  window: Window,
  generators: readonly Generator[],
  pids: readonly number[],
): Promise<WindowResult> {
  const startAt = clock() + 500;
  const measureFrom = startAt + window.warmupMs;
  const stopAt = measureFrom + window.measureMs;
  const readAt = (time: number) =>
    new Promise<ReturnType<typeof readProcess>[]>((r) =>
      setTimeout(() => r(pids.map(readProcess)), Math.max(0, time - clock())),
    );
  const [from, to, events] = await Promise.all([
    readAt(measureFrom),
    readAt(stopAt),
    Promise.all(
      generators.map((g) => {
        const report = g.next('report', stopAt - clock() + DRAIN_MS + 15_000);
        g.send({
          type: 'run',
          startAt,
          warmupMs: window.warmupMs,
          measureMs: window.measureMs,
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
  const end = pids.map(readProcess);
  const reports = events.map((e) => e.report);

  const sum = (pick: (r: ClientsReport) => number) => reports.reduce((s, r) => s + pick(r), 0);
  const due = sum((r) => r.due);
  const delivered = sum((r) => r.delivered);
  // What full rooms of connected members would receive: a client that failed to connect or
  // was closed counts as missed deliveries, not as less work expected.
  const expected = CLIENTS * (window.measureMs / window.intervalMs) * (ROOM_SIZE - 1);
  const histogram = new Map<number, number>();
  const closed: Record<string, number> = {};
  for (const report of reports) {
    for (const [bucket, count] of report.latency) {
      histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
    }
    for (const [code, count] of Object.entries(report.closed)) {
      closed[code] = (closed[code] ?? 0) + count;
    }
  }
  const share = (ms: number) => Math.round((ms / window.measureMs) * 100);
  return {
    id: window.id,
    title: window.title,
    publishes: { due, sent: sum((r) => r.sent), late: sum((r) => r.lateSends) },
    deliveries: {
      expected,
      delivered,
      percent: round((delivered / expected) * 100, 2),
      perSecond: Math.round(delivered / (window.measureMs / 1000)),
      echoes: sum((r) => r.echoes),
    },
    latencyMs: {
      p50: percentile(histogram, 50),
      p95: percentile(histogram, 95),
      p99: percentile(histogram, 99),
    },
    closed,
    servers: pids.map((_, i) => ({
      cpuPercent: share((to[i]?.cpuMs ?? NaN) - (from[i]?.cpuMs ?? NaN)),
      rssEndMiB: round(end[i]?.rssMiB ?? NaN),
    })),
    loadGeneratorCpuPercent: reports.map((r) => share(r.cpuMs)),
  };
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
    console.log(`\n${window.title}, ${window.measureMs / 1000} s measured`);
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
      WINDOWS.map((w) => `${w.title} for ${w.measureMs / 1000} s`).join(', then ') +
      '\n',
  );
  // The machine may be shared: the load on it before and after goes with the figures.
  const loadAtStart = loadavg().map((n) => round(n, 2));
  const entry = serverEntry();
  console.log(`companion: ${entry.description}`);
  const results: ScenarioResult[] = [];
  let failed = false;
  for (const scenario of scenarios(entry)) {
    if (only !== null && !only.includes(scenario.id)) continue;
    try {
      results.push(await runScenario(scenario));
    } catch (error) {
      failed = true;
      const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
      console.error(`${scenario.title}: ${reason}`);
      results.push({ id: scenario.id, title: scenario.title, available: false, reason });
    }
  }
  clearTimeout(hardTimeout);
  printTable(results);

  writeFileSync(
    RESULTS,
    `${JSON.stringify(
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
          drainMs: DRAIN_MS,
          quietMs: QUIET_MS,
        },
        scenarios: results,
      },
      null,
      2,
    )}\n`,
  );
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
