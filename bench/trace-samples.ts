/**
 * The CPU samples a trace carries (category `disabled-by-default-v8.cpu_profiler`), summed per
 * function over the windows of the changes a profile tool marked: from the first message event
 * after each `kring-send` mark to the `kring-seen` mark after it, in the panel's thread. Unlike a
 * profile of the whole run, this leaves out what a panel does after the new phase is on screen
 * and between changes (bench/phase-profile.ts, `PROFILE_TRACE_SAMPLES=1`).
 */
import type { CallFrame } from './profile-source';

interface SampleEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly id?: string;
  readonly args?: { readonly data?: Readonly<Record<string, unknown>> };
}

interface ChunkNode {
  readonly id: number;
  readonly parent?: number;
  readonly callFrame: CallFrame;
}

interface ChunkData {
  readonly cpuProfile?: { readonly nodes?: readonly ChunkNode[]; readonly samples?: number[] };
  readonly timeDeltas?: readonly number[];
}

export interface WindowTimes {
  /** How many send-to-seen windows were found. */
  readonly windows: number;
  /** Sampled time per window, in ms. */
  readonly sampledMs: number;
  /** Per function, ms per window: where the sample was taken, and anywhere on its stack. */
  readonly self: ReadonlyMap<string, number>;
  readonly inclusive: ReadonlyMap<string, number>;
}

/** Samples in the windows of a change, named by `nameOf` (through the build's source maps). */
export function samplesInWindows(
  events: readonly SampleEvent[],
  nameOf: (frame: CallFrame) => string,
): WindowTimes {
  const marks = events
    .filter((e) => e.name === 'kring-send' || e.name === 'kring-seen')
    .sort((a, b) => a.ts - b.ts);
  const first = marks[0];
  if (!first) return { windows: 0, sampledMs: 0, self: new Map(), inclusive: new Map() };
  const { pid, tid } = first;
  const profileIds = new Set(
    events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id),
  );
  const startOf = new Map<string | undefined, number>();
  for (const e of events) {
    if (e.name === 'Profile' && profileIds.has(e.id))
      startOf.set(e.id, Number(e.args?.data?.startTime ?? e.ts));
  }
  const nodes = new Map<number, ChunkNode>();
  const samples: Array<{ ts: number; node: number }> = [];
  const chunks = events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && profileIds.has(e.id))
    .sort((a, b) => a.ts - b.ts);
  for (const chunk of chunks) {
    const data = chunk.args?.data as ChunkData | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    let at = startOf.get(chunk.id) ?? chunk.ts;
    const ids = data?.cpuProfile?.samples ?? [];
    ids.forEach((node, i) => {
      at += data?.timeDeltas?.[i] ?? 0;
      samples.push({ ts: at, node });
    });
    startOf.set(chunk.id, at);
  }
  samples.sort((a, b) => a.ts - b.ts);
  const names = new Map<number, string>();
  const name = (id: number): string => {
    let known = names.get(id);
    if (known === undefined) {
      const node = nodes.get(id);
      known = node ? nameOf(node.callFrame) : '(unknown)';
      names.set(id, known);
    }
    return known;
  };
  const messages = events
    .filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.name === 'FunctionCall' &&
        /onmessage/.test(String(e.args?.data?.functionName ?? '')),
    )
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let windows = 0;
  let sampled = 0;
  for (let i = 0; i + 1 < marks.length; i += 1) {
    const send = marks[i]!;
    const seen = marks[i + 1]!;
    if (send.name !== 'kring-send' || seen.name !== 'kring-seen') continue;
    windows += 1;
    const from = messages.find((ts) => ts > send.ts && ts < seen.ts) ?? send.ts;
    for (let k = 0; k < samples.length; k += 1) {
      const sample = samples[k]!;
      if (sample.ts < from || sample.ts > seen.ts) continue;
      // A sample stands for the time until the next one (at most 1 ms: a gap is idle).
      const ms = Math.min((samples[k + 1]?.ts ?? sample.ts) - sample.ts, 1000) / 1000;
      sampled += ms;
      const own = name(sample.node);
      self.set(own, (self.get(own) ?? 0) + ms);
      const onStack = new Set<string>();
      for (let id: number | undefined = sample.node; id !== undefined; id = nodes.get(id)?.parent) {
        const fn = name(id);
        if (onStack.has(fn)) continue;
        onStack.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
      }
    }
  }
  const perWindow = (m: Map<string, number>) =>
    new Map([...m].map(([k, v]) => [k, windows > 0 ? v / windows : 0]));
  return {
    windows,
    sampledMs: windows > 0 ? sampled / windows : 0,
    self: perWindow(self),
    inclusive: perWindow(inclusive),
  };
}
