/**
 * The companion against y-webrtc's reference server, for `npm run bench`: runs bench/signaling.ts
 * as a child process (it starts and kills its own servers and load generators) and turns its
 * results file into figures with the reference as baseline.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Add } from './node-sections';

const ROOT = resolve(import.meta.dirname, '..');

interface WindowResult {
  readonly id: string;
  readonly deliveries: { readonly perSecond: number; readonly percent: number };
  readonly latencyMs: { readonly p50: number; readonly p95: number };
}
interface ScenarioResult {
  readonly id: string;
  readonly available: boolean;
  readonly reason?: string;
  readonly servers?: readonly { readonly rssMiB: { readonly connected: number; peak: number } }[];
  readonly windows?: readonly WindowResult[];
}

export async function signalingSection(
  add: Add,
  options: { quick: boolean; signal: AbortSignal },
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-signaling-'));
  const out = join(dir, 'signaling-results.json');
  const steady = options.quick ? 3 : 15;
  const stress = options.quick ? 4 : 10;
  try {
    await new Promise<void>((done, fail) => {
      const child = spawn('npx', ['tsx', 'bench/signaling.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          BENCH_SIGNALING_ONLY: 'kring,reference',
          BENCH_SIGNALING_SECONDS: String(steady),
          BENCH_SIGNALING_STRESS_SECONDS: String(stress),
          BENCH_SIGNALING_RESULTS: out,
        },
        detached: true,
      });
      const abort = () => {
        if (child.pid !== undefined) {
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            // already gone
          }
        }
      };
      options.signal.addEventListener('abort', abort, { once: true });
      child.on('error', fail);
      child.on('exit', (code) => {
        options.signal.removeEventListener('abort', abort);
        // bench/signaling.ts exits with 1 when a deployment failed; its file still says which.
        if (code === 0 || code === 1) done();
        else fail(new Error(`bench/signaling.ts exited with ${code}`));
      });
    });
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      scenarios: readonly ScenarioResult[];
    };
    const byId = (id: string) => results.scenarios.find((s) => s.id === id);
    const kring = byId('kring');
    const reference = byId('reference');
    const windowOf = (s: ScenarioResult | undefined, id: string) =>
      s?.available ? (s.windows?.find((w) => w.id === id) ?? null) : null;
    const method =
      `bench/signaling.ts: 2,000 WebSocket clients in 250 rooms of 8 on loopback, 300-character publishes; ` +
      `the companion (built bundle, every limit at its default but KRING_MAX_CONNECTIONS 2,100) and y-webrtc's bin/server.js take turns in slices; ` +
      `steady: 1 publish per client per second (${steady} s each), stress: 4 per second (${stress} s each).`;
    const baselineName = "y-webrtc's reference server";
    for (const id of ['steady', 'stress'] as const) {
      const k = windowOf(kring, id);
      const r = windowOf(reference, id);
      add({
        id: `signaling-${id}-throughput`,
        name: `companion, ${id} rate: deliveries per second (delivered ${k?.deliveries.percent ?? '?'} % / reference ${r?.deliveries.percent ?? '?'} %)`,
        value: k?.deliveries.perSecond ?? null,
        unit: '/s',
        baseline: r?.deliveries.perSecond ?? null,
        baselineName,
        method,
        ...(id === 'stress' ? { budget: { kind: 'ratio-at-least', value: 1.0 } as const } : {}),
        ...(id === 'steady'
          ? {
              note: 'At the steady rate both deliver all 14,000 a second: the stress rate tells them apart, so the budget is judged there.',
            }
          : {}),
      });
      add({
        id: `signaling-${id}-latency-p95`,
        name: `companion, ${id} rate: publish to receipt, p95`,
        value: k?.latencyMs.p95 ?? null,
        unit: 'ms',
        baseline: r?.latencyMs.p95 ?? null,
        baselineName,
        method,
      });
    }
    add({
      id: 'signaling-rss-connected',
      name: 'companion: resident memory with 2,000 clients connected',
      value: kring?.servers?.[0]?.rssMiB.connected ?? null,
      unit: 'MiB',
      baseline: reference?.servers?.[0]?.rssMiB.connected ?? null,
      baselineName,
      method,
    });
    add({
      id: 'signaling-rss-peak',
      name: 'companion: resident memory, peak over the run',
      value: kring?.servers?.[0]?.rssMiB.peak ?? null,
      unit: 'MiB',
      baseline: reference?.servers?.[0]?.rssMiB.peak ?? null,
      baselineName,
      method,
      ...(kring?.available === false ? { note: `companion: ${kring.reason}` } : {}),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
