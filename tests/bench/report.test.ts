import { describe, expect, it } from 'vitest';
import { judged, markdown, verdict } from '../../bench/report';
import type { BenchResults, Figure } from '../../bench/report';

const figure = (over: Partial<Figure>): Figure =>
  judged({
    id: 'f',
    section: 'Section',
    name: 'a figure',
    unit: 'ms',
    value: 10,
    method: 'How it was measured.',
    load: { before: 1, after: 1 },
    ...over,
  });

const results = (figures: Figure[]): BenchResults => ({
  date: '2026-12-04T12:00:00.000Z',
  mode: 'quick',
  command: 'npm run bench -- --quick',
  machine: { cpus: 2, cpuModel: 'test', memoryGiB: 1, node: 'v20', chromium: null },
  loadAverage: { before: [1, 1, 1], after: [1, 1, 1] },
  seconds: 1,
  sections: [{ section: 'Section', ok: true, seconds: 1 }],
  figures,
});

describe('the bench report', () => {
  it('judges a ratio budget against the baseline of the same run, and says it in plain words', () => {
    const slow = figure({
      value: 30,
      baseline: 10,
      budget: { kind: 'ratio-at-most', value: 1.25 },
    });
    expect(slow.ratio).toBe(3);
    expect(slow.met).toBe(false);
    expect(verdict(slow)).toBe(
      'a figure: 30 ms against 10 ms for the baseline (3x), budget <= 1.25x baseline: missed',
    );
    const failed = figure({ value: null, budget: { kind: 'at-most', value: 500 } });
    expect(failed.met).toBeNull();
    expect(verdict(failed)).toBe('a figure: not measured, budget unknown');
  });

  it('writes each method once, and of one that adds to another only what it adds', () => {
    const base = 'Gzipped files before the first screen.';
    const text = markdown(
      results([
        figure({ id: 'a', name: 'first screen', method: base }),
        figure({ id: 'b', name: 'with the notebook', method: `${base} Plus the notebook chunk.` }),
        figure({ id: 'c', name: 'again', method: base, note: 'Took 2 s.' }),
        figure({ id: 'd', name: 'other', method: 'Something else.', note: 'Took 2 s.' }),
      ]),
    );
    const bullets = text.split('\n').filter((line) => line.startsWith('- '));
    expect(bullets).toEqual([
      `- ${base}`,
      '- with the notebook: as above. Plus the notebook chunk.',
      '- Something else.',
      '- Note: Took 2 s.',
    ]);
  });
});
