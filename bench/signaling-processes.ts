/**
 * The child processes of `npm run bench:signaling` (servers, redis-server, load generators):
 * started on free loopback ports, waited for, measured from /proc, and all killed on any way
 * out (the end, an error, a signal, the hard timeout), so that a failed run leaves nothing
 * behind.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { hasEnded } from '../tests/helpers/child-end';

const children = new Set<ChildProcess>();

/** A started child with its name and the last lines it wrote (shown when it fails). */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  /** The last few lines of output, for an error message. */
  tail(): string;
  /** Lines written so far (a server that logs every client shows here). */
  lines(): number;
}

/** Keeps a child in the set that killAll() ends. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Kills every child still running (SIGKILL: they hold no state worth a clean stop). */
export function killAll(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}

/** Starts a command; its output is kept short in memory, never printed. */
export function start(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Child {
  const child = track(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const recent: string[] = [];
  let count = 0;
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue;
      count += 1;
      recent.push(line);
      if (recent.length > 8) recent.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    process: child,
    pid: child.pid,
    tail: () => recent.join('\n'),
    lines: () => count,
  };
}

/** Stops a child with SIGTERM and waits for it (SIGKILL after `ms`). */
export async function stop(child: ChildProcess, ms = 3000): Promise<void> {
  if (hasEnded(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `ready()` resolves true; fails early when the child has exited. */
export async function waitUntil(
  child: Child,
  ready: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasEnded(child.process)) {
      throw new Error(`${child.name} exited before it was ready:\n${child.tail()}`);
    }
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} was not ready within ${timeoutMs} ms:\n${child.tail()}`);
}

/** True when GET url answers 200. */
export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await response.body?.cancel();
  return response.ok;
}

/** True when a Redis server on `port` answers PING with PONG. */
export function redisPong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Resident memory (MiB) and CPU time used so far (ms) of a process, from /proc. */
export interface ProcessReading {
  readonly rssMiB: number;
  readonly cpuMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux (getconf CLK_TCK)

/** Reads /proc/<pid>; null once the process is gone. */
export function readProcess(pid: number): ProcessReading | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKiB = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
    // Fields after the command name, which sits in parentheses and may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    return { rssMiB: rssKiB / 1024, cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** Samples processes' RSS every `everyMs` and keeps the peak; `read()` gives the values now. */
export class Sampler {
  private readonly peaks = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: readonly number[],
    everyMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** The highest RSS seen for `pid` since the sampler started, in MiB. */
  peak(pid: number): number {
    return this.peaks.get(pid) ?? NaN;
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    for (const pid of this.pids) {
      const reading = readProcess(pid);
      if (reading === null) continue;
      this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, reading.rssMiB));
    }
  }
}
