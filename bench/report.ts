/**
 * The bench's results: figures with their baseline, ratio and budget, the machine they were
 * measured on, written as docs/benchmarks.json and as the generated part of docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';

/** What a figure must stay under (or above). */
export type Budget =
  /** The figure itself at most `value` (in the figure's unit). */
  | { readonly kind: 'at-most'; readonly value: number }
  /** Kring / baseline at most `value`. */
  | { readonly kind: 'ratio-at-most'; readonly value: number }
  /** Kring / baseline at least `value` (throughput: higher is better). */
  | { readonly kind: 'ratio-at-least'; readonly value: number };

export interface Figure {
  /** Stable id, e.g. `phase-4-p95`. */
  readonly id: string;
  readonly section: string;
  /** What was measured, in plain words ("phase change seen in every other panel, 4 members, p95"). */
  readonly name: string;
  readonly unit: string;
  /** Kring's figure; null when the step failed (see `note`). */
  readonly value: number | null;
  /** The bare baseline's figure in the same run, when there is one. */
  readonly baseline?: number | null;
  /** What the baseline is. */
  readonly baselineName?: string;
  /** value / baseline, rounded to 2 decimals. */
  readonly ratio?: number | null;
  readonly budget?: Budget;
  /** true met, false missed, null not decidable (the step failed). */
  readonly met?: boolean | null;
  /** How it was measured (one or two sentences). */
  readonly method: string;
  /** Load average (1 minute) when the section began and ended. */
  readonly load: { readonly before: number; readonly after: number };
  readonly note?: string;
}

export interface SectionOutcome {
  readonly section: string;
  readonly ok: boolean;
  readonly seconds: number;
  /** How long the machine took to quiet down before it (`settle`), and its CPUs' idle share then. */
  readonly settled?: { readonly seconds: number; readonly idle: number | null };
  /** Why it failed or was skipped. */
  readonly error?: string;
}

export interface BenchResults {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly command: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGiB: number;
    readonly node: string;
    readonly chromium: string | null;
  };
  readonly loadAverage: { readonly before: number[]; readonly after: number[] };
  readonly seconds: number;
  readonly sections: readonly SectionOutcome[];
  readonly figures: readonly Figure[];
}

export const load1 = (): number => Number((loadavg()[0] ?? 0).toFixed(2));

/** All CPUs' time counters from /proc/stat, and the idle part of them; null where there is none. */
function cpuTimes(): { total: number; idle: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const counts = fields.slice(1).map(Number);
    if (fields[0] !== 'cpu' || counts.length < 5 || counts.some((n) => !Number.isFinite(n))) {
      return null;
    }
    return { total: counts.reduce((a, b) => a + b, 0), idle: counts[3]! + counts[4]! };
  } catch {
    return null;
  }
}

/**
 * Waits until the machine is quiet before a section: one second in which the CPUs were idle at
 * least `idleShare` of the time, for at most `maxSeconds`. The previous section's browsers and
 * Node members wind down meanwhile; measured back to back, a section's figures carried the load
 * of the one before (a full run went from load 1 to 6 to 12). The 1-minute load average lags by
 * a minute, so the CPUs' own counters decide. Where there is no /proc/stat it does not wait.
 */
export async function settle(
  maxSeconds = 30,
  idleShare = 0.8,
): Promise<{ seconds: number; idle: number | null }> {
  const began = performance.now();
  let idle: number | null = null;
  while (performance.now() - began < maxSeconds * 1000) {
    const before = cpuTimes();
    if (!before) break;
    await new Promise((r) => setTimeout(r, 1000));
    const after = cpuTimes();
    if (!after || after.total <= before.total) break;
    idle = (after.idle - before.idle) / (after.total - before.total);
    if (idle >= idleShare) break;
  }
  return {
    seconds: Math.round((performance.now() - began) / 1000),
    idle: idle === null ? null : Math.round(idle * 100) / 100,
  };
}
export const loadAll = (): number[] => loadavg().map((n) => Number(n.toFixed(2)));

export function machine(chromium: string | null): BenchResults['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    chromium,
  };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

/** Fills in ratio and met from value, baseline and budget. */
export function judged(figure: Figure): Figure {
  const { value, baseline, budget } = figure;
  const ratio =
    baseline === undefined
      ? undefined
      : value === null || baseline === null || baseline === 0
        ? null
        : round(value / baseline, 2);
  let met: boolean | null | undefined;
  if (budget !== undefined) {
    if (budget.kind === 'at-most') met = value === null ? null : value <= budget.value;
    else if (ratio === null || ratio === undefined) met = null;
    else met = budget.kind === 'ratio-at-most' ? ratio <= budget.value : ratio >= budget.value;
  }
  return {
    ...figure,
    ...(ratio === undefined ? {} : { ratio }),
    ...(met === undefined ? {} : { met }),
  };
}

const num = (n: number): string =>
  Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : String(n);

function withUnit(n: number, unit: string): string {
  return unit === '' ? num(n) : `${num(n)} ${unit}`;
}

export function budgetText(budget: Budget, unit: string): string {
  if (budget.kind === 'at-most') return `<= ${withUnit(budget.value, unit)}`;
  return `${budget.kind === 'ratio-at-most' ? '<=' : '>='} ${budget.value}x baseline`;
}

/** "late join took 820 ms, budget 500 ms: missed", in plain words. */
export function verdict(f: Figure): string {
  if (f.budget === undefined) return '';
  if (f.met === null || f.value === null) return `${f.name}: not measured, budget unknown`;
  const got =
    f.budget.kind === 'at-most'
      ? `${withUnit(f.value, f.unit)}, budget ${withUnit(f.budget.value, f.unit)}`
      : `${withUnit(f.value, f.unit)} against ${withUnit(f.baseline ?? NaN, f.unit)} for the baseline (${f.ratio}x), budget ${budgetText(f.budget, f.unit)}`;
  return `${f.name}: ${got}: ${f.met ? 'met' : 'missed'}`;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The generated part of docs/benchmarks.md. */
export function markdown(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [];
  lines.push(
    `Run of ${results.date} (${results.mode}, \`${results.command}\`, ${results.seconds} s): ` +
      `${m.cpus} cores ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ` +
      `${m.chromium ?? 'no Chromium'}. Load average (1/5/15 min) ${results.loadAverage.before.join(' / ')} ` +
      `before and ${results.loadAverage.after.join(' / ')} after.`,
    '',
  );
  const judgedFigures = results.figures.filter((f) => f.budget !== undefined);
  const missed = judgedFigures.filter((f) => f.met === false);
  const unknown = judgedFigures.filter((f) => f.met === null);
  lines.push('### Budgets', '');
  if (judgedFigures.length === 0) lines.push('No budgeted figure was measured.');
  for (const f of judgedFigures) lines.push(`- ${verdict(f)}`);
  lines.push(
    '',
    `${judgedFigures.length - missed.length - unknown.length} met, ${missed.length} missed` +
      (unknown.length > 0 ? `, ${unknown.length} not measured` : '') +
      '.',
    '',
  );
  const failed = results.sections.filter((s) => !s.ok);
  if (failed.length > 0) {
    lines.push('### Sections that did not finish', '');
    for (const s of failed) lines.push(`- ${s.section}: ${s.error ?? 'failed'}`);
    lines.push('');
  }
  const sections = [...new Set(results.figures.map((f) => f.section))];
  for (const section of sections) {
    lines.push(`### ${section}`, '');
    const settled = results.sections.find((o) => o.section === section)?.settled;
    if (settled) {
      const idle = settled.idle === null ? '' : ` (CPUs ${Math.round(settled.idle * 100)} % idle)`;
      lines.push(`Started once the machine was quiet: after ${settled.seconds} s${idle}.`, '');
    }
    lines.push('| figure | Kring | baseline | ratio | budget | load before / after |');
    lines.push('| --- | --- | --- | --- | --- | --- |');
    const figures = results.figures.filter((f) => f.section === section);
    for (const f of figures) {
      const value = f.value === null ? 'failed' : withUnit(f.value, f.unit);
      const baseline =
        f.baseline === undefined
          ? '—'
          : f.baseline === null
            ? 'failed'
            : `${withUnit(f.baseline, f.unit)}${f.baselineName ? ` (${f.baselineName})` : ''}`;
      const ratio = f.ratio === undefined || f.ratio === null ? '—' : `${f.ratio}x`;
      const budget =
        f.budget === undefined
          ? '—'
          : `${budgetText(f.budget, f.unit)}: ${f.met === null ? 'unknown' : f.met ? 'met' : '**missed**'}`;
      lines.push(
        `| ${cell(f.name)} | ${cell(value)} | ${cell(baseline)} | ${ratio} | ${cell(budget)} | ${f.load.before} / ${f.load.after} |`,
      );
    }
    lines.push('');
    // Each method once; one that only adds to a method above says what it adds.
    const printed: string[] = [];
    for (const { name, method } of figures) {
      if (printed.includes(method)) continue;
      const base = printed.find((earlier) => method.startsWith(earlier));
      lines.push(base ? `- ${name}: as above. ${method.slice(base.length).trim()}` : `- ${method}`);
      printed.push(method);
    }
    const notes = [...new Set(figures.flatMap((f) => (f.note ? [f.note] : [])))];
    for (const note of notes) lines.push(`- Note: ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}

export const GENERATED_MARKER = '<!-- Everything below is written by `npm run bench`. -->';

/** Replaces everything below the marker in the md file, keeping the hand-written intro. */
export async function writeResults(
  results: BenchResults,
  jsonPath: string,
  mdPath: string,
): Promise<void> {
  // Formatted as the repository's other files are, so that `npm run format:check` passes.
  const pretty = async (text: string, path: string, parser: string) =>
    format(text, { ...(await resolveConfig(path)), parser });
  writeFileSync(jsonPath, await pretty(JSON.stringify(results, null, 2), jsonPath, 'json'));
  let intro: string;
  try {
    const current = readFileSync(mdPath, 'utf8');
    const at = current.indexOf(GENERATED_MARKER);
    intro = at >= 0 ? current.slice(0, at) : `${current.trimEnd()}\n\n`;
  } catch {
    intro = '# Benchmarks\n\n';
  }
  const md = `${intro}${GENERATED_MARKER}\n\n## Latest run\n\n${markdown(results)}`;
  writeFileSync(mdPath, await pretty(md, mdPath, 'markdown'));
}
