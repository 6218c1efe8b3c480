import { describe, expect, it } from 'vitest';
import { BASIC_METHOD, clampPhaseIndex, findMethod, METHODS } from '../../lib/methods';

describe('the basic five-phase model', () => {
  it('has the five phases of domain.md in order', () => {
    expect(BASIC_METHOD.phases.map((p) => p.id)).toEqual([
      'inventory',
      'analysis',
      'awareness',
      'advice',
      'evaluation',
    ]);
    expect(BASIC_METHOD.phases.map((p) => p.name.nl)).toEqual([
      'Probleeminventarisatie',
      'Analysefase',
      'Bewustwordingsfase',
      'Adviesfase',
      'Evaluatie',
    ]);
  });

  it('explains every phase in one line in Dutch and English', () => {
    for (const method of METHODS) {
      for (const phase of method.phases) {
        for (const text of [
          phase.name.nl,
          phase.name.en,
          phase.explanation.nl,
          phase.explanation.en,
        ]) {
          expect(text.trim().length).toBeGreaterThan(3);
          expect(text).not.toContain('\n');
        }
        expect(phase.explanation.nl).not.toBe(phase.explanation.en);
        expect(phase.minutes).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    [0, 0],
    [4, 4],
    [5, 4],
    [-1, 0],
    [2.5, 0],
    ['3', 0],
    [null, 0],
    [Number.NaN, 0],
  ])('clamps phase index %j from a peer to %i', (input, expected) => {
    expect(clampPhaseIndex(BASIC_METHOD, input)).toBe(expected);
  });

  it('finds methods by id and ignores unknown ids', () => {
    expect(findMethod('basic')).toBe(BASIC_METHOD);
    expect(findMethod('from-a-newer-version')).toBeUndefined();
    expect(findMethod({ id: 'basic' })).toBeUndefined();
  });
});
