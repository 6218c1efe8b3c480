/**
 * `npx tsx bench/trace-frames.ts <trace.json>`: what a reload's trace (bench/late-join-profile.ts,
 * `PROFILE_RELOAD_TRACE`) spent on style and layout, and when the board was first painted.
 *
 * The bench's mark ("rendered", bench/late-join-section.ts) is noted when the board's rows are in
 * the DOM; the member sees them at the next paint. This prints, on the new page's main thread
 * (from its navigation start, in ms): the `bench-rendered` mark, the first `Paint` after it, and
 * the style (`UpdateLayoutTree`) and layout (`Layout`) time before the mark and between the mark
 * and that paint, with the largest layouts one by one. A tool for looking, not part of
 * `npm run bench`; its findings go into docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly data?: Readonly<Record<string, unknown>> };
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx bench/trace-frames.ts <trace.json>');
  process.exit(2);
}
const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] })
  .traceEvents;

const navigation = events
  .filter((e) => e.name === 'navigationStart')
  .filter((e) => String(e.args?.data?.documentLoaderURL ?? '').includes('sidepanel'))
  .at(-1);
if (!navigation) throw new Error('no navigation of the panel in this trace');
const onMain = (e: TraceEvent) => e.pid === navigation.pid && e.tid === navigation.tid;
const at = (ts: number) => (ts - navigation.ts) / 1000;
const main = events.filter((e) => onMain(e) && e.ts >= navigation.ts);
const rendered = main.find((e) => e.name === 'bench-rendered');
if (!rendered) throw new Error('no bench-rendered mark after the navigation');
const paint = main.find((e) => e.name === 'Paint' && e.ts >= rendered.ts);

const ms = (n: number) => n.toFixed(1);
const summed = (name: string, from: number, to: number) => {
  const within = main.filter((e) => e.name === name && e.ph === 'X' && e.ts >= from && e.ts < to);
  return { count: within.length, total: within.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000 };
};
const line = (label: string, from: number, to: number) => {
  const style = summed('UpdateLayoutTree', from, to);
  const layout = summed('Layout', from, to);
  console.log(
    `${label}: style ${ms(style.total)} ms (${style.count}), layout ${ms(layout.total)} ms (${layout.count})`,
  );
};

console.log(`rendered (bench mark): ${ms(at(rendered.ts))} ms after navigation start`);
console.log(`first paint after it:  ${paint ? `${ms(at(paint.ts))} ms` : 'none in the trace'}`);
line('navigation start to the mark', navigation.ts, rendered.ts);
if (paint) line('the mark to the first paint', rendered.ts, paint.ts);
const layouts = main
  .filter((e) => e.name === 'Layout' && e.ph === 'X' && e.ts < (paint?.ts ?? Infinity))
  .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
  .slice(0, 5);
for (const e of layouts)
  console.log(`  layout at ${ms(at(e.ts))} ms: ${ms((e.dur ?? 0) / 1000)} ms`);
