import { describe, expect, it } from 'vitest';
import { BASIC_METHOD } from '../../../lib/method/methods/basic';
import { findMethod, METHODS } from '../../../lib/method/method-list';
import type { Method } from '../../../lib/method/method';
import {
  clampTotalMinutes,
  decodePhaseMinutes,
  defaultTotalMinutes,
  isShortMeeting,
  MAX_PHASE_MINUTES,
  MAX_TOTAL_MINUTES,
  MIN_TOTAL_MINUTES,
  minimumPhaseMinutes,
  PRESET_TOTALS,
  RECOMMENDED_TOTAL_MINUTES,
  rescalePhaseMinutes,
  totalMinutes,
} from '../../../lib/method/phase-times';

/** A method with the given default minutes and nothing else of interest. */
function methodWithMinutes(minutes: readonly number[]): Method {
  const text = { nl: 'tekst', en: 'text' };
  return {
    id: 'test',
    name: text,
    description: text,
    allowsTheme: false,
    hasCase: true,
    minMembers: 3,
    chairMayJoinIn: false,
    phases: minutes.map((m, i) => ({
      id: `phase-${i}`,
      name: text,
      explanation: text,
      chairGuidance: text,
      memberGuidance: text,
      minutes: m,
      activity: 'asking',
    })),
  };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const defaultsOf = (method: Method): number[] => method.phases.map((p) => p.minutes);
const byId = (id: string): Method => {
  const method = findMethod(id);
  if (!method) throw new Error(`no method ${id}`);
  return method;
};

/** [15, <hole>, 15, 20, 10]: a literal with a hole would trip the linter. */
function sparseMinutes(): unknown[] {
  const minutes = new Array<unknown>(5);
  minutes[0] = 15;
  minutes[2] = 15;
  minutes[3] = 20;
  minutes[4] = 10;
  return minutes;
}

const methodsTimesPresets = METHODS.flatMap((method) =>
  PRESET_TOTALS.map((total) => [method.id, total, method] as const),
);

describe('total minutes', () => {
  it.each<[string, number]>([
    ['basic', 85],
    ['incident', 75],
    ['balint', 100],
    ['gossip', 45],
    ['socratic', 60],
    ['ten-step', 130],
    ['solution-focused', 75],
    ['first-meeting', 90],
  ])('adds up the default minutes of %s to %i', (id, total) => {
    expect(totalMinutes(byId(id))).toBe(total);
  });

  it('offers 60, 90 and 120 minutes as presets, all inside the allowed range', () => {
    expect(PRESET_TOTALS).toEqual([60, 90, 120]);
    for (const total of PRESET_TOTALS) {
      expect(total).toBeGreaterThanOrEqual(MIN_TOTAL_MINUTES);
      expect(total).toBeLessThanOrEqual(MAX_TOTAL_MINUTES);
    }
  });
});

// Issue 14, from the source texts: "a meeting lasts at least one and a half hours, two hours is
// common". 90 minutes is the default; shorter stays possible but is called short.
describe('the length a meeting starts with', () => {
  it('recommends at least one and a half hours', () => {
    expect(RECOMMENDED_TOTAL_MINUTES).toBe(90);
    expect(PRESET_TOTALS).toContain(RECOMMENDED_TOTAL_MINUTES);
  });

  it.each<[number, boolean]>([
    [20, true],
    [60, true],
    [89, true],
    [90, false],
    [120, false],
    [240, false],
  ])('calls %i minutes short: %s', (total, short) => {
    expect(isShortMeeting(total)).toBe(short);
  });

  it('labels exactly one preset, 60 minutes, as short', () => {
    expect(PRESET_TOTALS.filter(isShortMeeting)).toEqual([60]);
  });

  it.each<[string, number]>([
    ['basic', 90],
    ['incident', 90],
    ['gossip', 90],
    ['socratic', 90],
    ['solution-focused', 90],
    ['first-meeting', 90],
    ['balint', 100],
    ['ten-step', 130],
  ])('starts %s at %i minutes: 90, or its own times when they are longer', (id, total) => {
    expect(defaultTotalMinutes(byId(id))).toBe(total);
  });
});

describe('rescaling the phases to the time the group has', () => {
  it.each(methodsTimesPresets)('makes %s sum exactly to %i minutes', (_id, total, method) => {
    const minutes = rescalePhaseMinutes(method, total);
    expect(minutes).toHaveLength(method.phases.length);
    expect(sum(minutes)).toBe(total);
    for (const m of minutes) expect(Number.isInteger(m)).toBe(true);
  });

  it.each(methodsTimesPresets)(
    'keeps every phase of %s at %i minutes within a minute of its exact share',
    (_id, total, method) => {
      const minutes = rescalePhaseMinutes(method, total);
      const defaultTotal = totalMinutes(method);
      method.phases.forEach((phase, i) => {
        const exact = (phase.minutes * total) / defaultTotal;
        expect(Math.abs((minutes[i] ?? 0) - exact)).toBeLessThan(1);
      });
    },
  );

  it.each(METHODS.map((m) => [m.id, m] as const))(
    'leaves %s as it is when the target is its default total',
    (_id, method) => {
      expect(rescalePhaseMinutes(method, totalMinutes(method))).toEqual(defaultsOf(method));
    },
  );

  it('hands the minutes left after rounding down to the largest remainders', () => {
    // Exact shares of 60: 10.59, 17.65, 10.59, 14.12, 7.06. Two minutes are left: analysis has
    // the largest remainder, then inventory and awareness tie and the earlier phase wins.
    expect(rescalePhaseMinutes(BASIC_METHOD, 60)).toEqual([11, 18, 10, 14, 7]);
  });

  it('breaks ties between equal phases in favour of the earlier phase, every time', () => {
    const method = methodWithMinutes([10, 10, 10]);
    expect(rescalePhaseMinutes(method, 20)).toEqual([7, 7, 6]);
    expect(rescalePhaseMinutes(method, 22)).toEqual([8, 7, 7]);
    expect(rescalePhaseMinutes(method, 20)).toEqual(rescalePhaseMinutes(method, 20));
  });

  it('keeps at least 2 minutes for phases of 5 or more and 1 for shorter ones', () => {
    expect(minimumPhaseMinutes(1)).toBe(1);
    expect(minimumPhaseMinutes(4)).toBe(1);
    expect(minimumPhaseMinutes(5)).toBe(2);
    expect(minimumPhaseMinutes(30)).toBe(2);
    // Shares of 20: 16.4, 1.6, 1.6 and 0.3: the short phases keep their minimum, the rest
    // goes to the long phase.
    expect(rescalePhaseMinutes(methodWithMinutes([50, 5, 5, 1]), 20)).toEqual([15, 2, 2, 1]);
  });

  it('pins a phase to its minimum and still shares the rest proportionally', () => {
    // Shares of 25 over 100 default minutes: 12.5, 10, 2.25 and 0.25; the 1-minute phase is
    // pinned to 1, the 9-minute phase (minimum 2) keeps its share.
    expect(rescalePhaseMinutes(methodWithMinutes([50, 40, 9, 1]), 25)).toEqual([12, 10, 2, 1]);
  });

  it('keeps every minimum for every whole target from the shortest to the longest meeting', () => {
    for (const method of METHODS) {
      const minimums = method.phases.map((p) => minimumPhaseMinutes(p.minutes));
      for (let target = MIN_TOTAL_MINUTES; target <= MAX_TOTAL_MINUTES; target++) {
        const minutes = rescalePhaseMinutes(method, target);
        expect(sum(minutes)).toBe(clampTotalMinutes(method, target));
        minutes.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(minimums[i] ?? 1));
        expect(decodePhaseMinutes(minutes, method)).toEqual(minutes);
      }
    }
  });

  it('never goes below the minimums even when they add up to more than 20 minutes', () => {
    // The ten-step method has eleven phases of 5 minutes or more: 22 minutes is its shortest.
    const tenStep = byId('ten-step');
    expect(clampTotalMinutes(tenStep, MIN_TOTAL_MINUTES)).toBe(22);
    expect(rescalePhaseMinutes(tenStep, 0)).toEqual(Array.from({ length: 11 }, () => 2));
  });

  it.each<[string, number, number]>([
    ['a target below the minimum', 5, MIN_TOTAL_MINUTES],
    ['a negative target', -10, MIN_TOTAL_MINUTES],
    ['minus infinity', Number.NEGATIVE_INFINITY, MIN_TOTAL_MINUTES],
    ['a target above the maximum', 1000, MAX_TOTAL_MINUTES],
    ['infinity', Number.POSITIVE_INFINITY, MAX_TOTAL_MINUTES],
    ['a fraction', 89.6, 90],
    ['the maximum itself', MAX_TOTAL_MINUTES, MAX_TOTAL_MINUTES],
  ])('clamps %s (%d) to %i minutes', (_label, target, expected) => {
    expect(clampTotalMinutes(BASIC_METHOD, target)).toBe(expected);
    expect(sum(rescalePhaseMinutes(BASIC_METHOD, target))).toBe(expected);
  });

  it('falls back to the default minutes for a target that is not a number', () => {
    expect(rescalePhaseMinutes(BASIC_METHOD, Number.NaN)).toEqual(defaultsOf(BASIC_METHOD));
  });

  it('gives the same minutes for the same input and leaves the method untouched', () => {
    for (const method of METHODS) {
      const before = defaultsOf(method);
      const first = rescalePhaseMinutes(method, 90);
      expect(rescalePhaseMinutes(method, 90)).toEqual(first);
      expect(defaultsOf(method)).toEqual(before);
    }
  });
});

describe('phase minutes from a peer', () => {
  it('accepts one whole number from 1 to 240 per phase and returns a copy', () => {
    const input = [1, 25, 15, 20, MAX_PHASE_MINUTES];
    const decoded = decodePhaseMinutes(input, BASIC_METHOD);
    expect(decoded).toEqual(input);
    expect(decoded).not.toBe(input);
  });

  it.each(methodsTimesPresets)('accepts what the chair rescaled %s to (%i)', (_id, total, m) => {
    const minutes = rescalePhaseMinutes(m, total);
    expect(decodePhaseMinutes(minutes, m)).toEqual(minutes);
  });

  it.each<[string, unknown]>([
    ['too few phases', [15, 25, 15, 20]],
    ['too many phases', [15, 25, 15, 20, 10, 5]],
    ['an empty array', []],
    ['a negative number', [15, -25, 15, 20, 10]],
    ['zero minutes', [15, 0, 15, 20, 10]],
    ['a fraction', [15, 25.5, 15, 20, 10]],
    ['a numeric string', [15, '25', 15, 20, 10]],
    ['a huge number', [15, 25, 15, 20, 1e9]],
    ['one minute over the limit', [15, 25, 15, 20, MAX_PHASE_MINUTES + 1]],
    ['NaN', [15, Number.NaN, 15, 20, 10]],
    ['infinity', [15, Number.POSITIVE_INFINITY, 15, 20, 10]],
    ['null in the array', [15, null, 15, 20, 10]],
    ['a nested array', [15, [25], 15, 20, 10]],
    ['a hole in a sparse array', sparseMinutes()],
    ['an object that looks like an array', { length: 5, 0: 15, 1: 25, 2: 15, 3: 20, 4: 10 }],
    ['a string', '15,25,15,20,10'],
    ['a number', 85],
    ['null', null],
    ['undefined', undefined],
  ])('rejects %s', (_label, value) => {
    expect(decodePhaseMinutes(value, BASIC_METHOD)).toBeNull();
  });
});
