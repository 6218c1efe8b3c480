import { describe, expect, it } from 'vitest';
import { BASIC_METHOD } from '../../../lib/method/methods/basic';
import { clampPhaseIndex } from '../../../lib/method/method';
import { findMethod, METHODS } from '../../../lib/method/method-list';
import { takeHomeTexts } from '../../../lib/method/board-words';
import type { Activity, Method, Phase } from '../../../lib/method/method';

/** Every activity of the contract; a Record, so that a new activity fails to compile here. */
const ACTIVITIES: Record<Activity, true> = {
  lookback: true,
  pitching: true,
  choosing: true,
  presenting: true,
  asking: true,
  rating: true,
  analysing: true,
  reformulating: true,
  advising: true,
  reacting: true,
  evaluating: true,
  sharing: true,
};

/** Activities that need a case bringer: they come after the case is chosen. */
const NEEDS_BRINGER: readonly Activity[] = [
  'presenting',
  'asking',
  'rating',
  'reformulating',
  'advising',
  'reacting',
];

/** Activities in which members write items on the board, the only ones where blind means anything. */
const MEMBERS_WRITE: readonly Activity[] = ['asking', 'reformulating', 'advising'];

/** Activities in which the case bringer must act, so they cannot only listen. */
const BRINGER_ACTS: readonly Activity[] = ['presenting', 'rating', 'reacting'];

const byId = (id: string): Method => {
  const method = findMethod(id);
  if (!method) throw new Error(`no method ${id}`);
  return method;
};

/** One phase in the compact notation of the table below: `id activity minutes [blind] [listens]`. */
const describePhase = (phase: Phase): string =>
  [
    phase.id,
    phase.activity,
    String(phase.minutes),
    ...(phase.blind ? ['blind'] : []),
    ...(phase.bringerListens ? ['listens'] : []),
  ].join(' ');

const withIds = METHODS.map((method) => [method.id, method] as const);

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

  it('pitches and chooses the case in its one inventory phase', () => {
    const [inventory] = BASIC_METHOD.phases;
    expect(inventory?.activity).toBe('pitching');
    expect(inventory?.explanation.en).toContain('work question');
    expect(inventory?.explanation.en).toContain('chooses');
    const phases: readonly Phase[] = BASIC_METHOD.phases;
    expect(phases.some((p) => p.activity === 'choosing')).toBe(false);
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
    expect(findMethod(undefined)).toBeUndefined();
  });
});

describe('the methods of domain.md', () => {
  it('offers every method once, the basic model first', () => {
    expect(METHODS.map((m) => m.id)).toEqual([
      'basic',
      'incident',
      'balint',
      'gossip',
      'socratic',
      'ten-step',
      'solution-focused',
      'first-meeting',
    ]);
    for (const method of METHODS) expect(findMethod(method.id)).toBe(method);
  });

  // The contract the boards, the roles and the e2e tests build on, in one table.
  it.each<[string, readonly string[]]>([
    [
      'basic',
      [
        'inventory pitching 15',
        'analysis asking 25',
        'awareness reformulating 15',
        'advice advising 20 listens',
        'evaluation evaluating 10',
      ],
    ],
    [
      'incident',
      [
        'look-back lookback 5',
        'pitch pitching 10',
        'account presenting 5',
        'fact-questions asking 10 blind',
        'analysis analysing 15',
        'second-questions asking 5',
        'suggestions advising 10 blind listens',
        'reaction reacting 10',
        'evaluation evaluating 5',
      ],
    ],
    [
      'balint',
      [
        'pitch pitching 10',
        'choose choosing 5',
        'case presenting 10',
        'associations advising 10 blind',
        'questions asking 15',
        'advice advising 15 blind',
        'view analysing 15 listens',
        'decision reacting 10',
        'evaluation evaluating 10',
      ],
    ],
    [
      'gossip',
      [
        'pitch pitching 5',
        'introduction presenting 5',
        'exploration asking 10 blind',
        'gossip analysing 15 listens',
        'reaction reacting 5',
        'evaluation evaluating 5',
      ],
    ],
    [
      'socratic',
      [
        'problem pitching 10',
        'questions asking 15 blind',
        'sorting rating 10',
        'answers rating 20',
        'evaluation evaluating 5',
      ],
    ],
    [
      'ten-step',
      [
        'pitch pitching 10',
        'situation presenting 10',
        'questions asking 15 blind',
        'rating rating 5',
        'answers rating 15',
        'last-questions asking 10',
        'core-problem reformulating 15',
        'core-choice reformulating 10',
        'approach analysing 15',
        'advice advising 15',
        'insights evaluating 10',
      ],
    ],
    [
      'solution-focused',
      [
        'pitch pitching 10',
        'goal reformulating 10',
        'desired-situation asking 15',
        'exceptions asking 10',
        'scaling asking 10',
        'next-step reacting 10',
        'compliments advising 5 listens',
        'evaluation evaluating 5',
      ],
    ],
    [
      'first-meeting',
      [
        'stories sharing 30',
        'wishes sharing 20',
        'agreements sharing 30',
        'evaluation evaluating 10',
      ],
    ],
  ])('runs %s as these phases (id, activity, minutes, flags)', (id, phases) => {
    expect(byId(id).phases.map(describePhase)).toEqual(phases);
  });

  it('uses every activity of the contract in at least one method', () => {
    const used = new Set(METHODS.flatMap((m) => m.phases.map((p) => p.activity)));
    expect([...used].sort()).toEqual(Object.keys(ACTIVITIES).sort());
  });

  it.each(withIds)('gives every phase of %s a unique kebab-case id', (_id, method) => {
    const ids = method.phases.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      // The board reads phase ids from peers with /^[a-z0-9-]{1,40}$/; kebab-case is stricter.
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(40);
    }
    expect(method.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(withIds)('writes every text of %s in Dutch and English on one line', (_id, method) => {
    const texts = [
      method.name,
      method.description,
      ...method.phases.flatMap((p) => [p.name, p.explanation, p.chairGuidance, p.memberGuidance]),
    ];
    for (const text of texts) {
      for (const value of [text.nl, text.en]) {
        expect(value.trim().length).toBeGreaterThan(3);
        expect(value).toBe(value.trim());
        expect(value).not.toMatch(/[\n\r]/);
      }
    }
    for (const phase of method.phases) {
      expect(phase.explanation.nl).not.toBe(phase.explanation.en);
      expect(phase.chairGuidance.nl).not.toBe(phase.chairGuidance.en);
      expect(phase.memberGuidance.nl).not.toBe(phase.memberGuidance.en);
    }
    expect(method.description.nl).not.toBe(method.description.en);
  });

  it.each(withIds)('keeps the one-line explanations of %s short enough for a panel', (_id, m) => {
    for (const phase of m.phases) {
      expect(phase.explanation.nl.length).toBeLessThanOrEqual(140);
      expect(phase.explanation.en.length).toBeLessThanOrEqual(140);
    }
  });

  // domain.md's typical lengths, ±15%; where it gives none, the assumed length is in brackets.
  it.each<[string, number, number]>([
    ['basic', 75, 100],
    ['incident', 60, 90], // issue 14: 60 to 90 minutes
    ['balint', 60, 120], // 1 to 2 hours
    ['gossip', 40, 60],
    ['socratic', 51, 69], // [about 60]
    ['ten-step', 120, 150], // 2 to 2.5 hours
    ['solution-focused', 64, 86], // [about 75]
    ['first-meeting', 77, 103], // [about 90: one meeting of 1.5 to 2 hours]
  ])('gives %s default minutes that sum to between %i and %i', (id, low, high) => {
    const method = byId(id);
    for (const phase of method.phases) {
      expect(Number.isInteger(phase.minutes)).toBe(true);
      expect(phase.minutes).toBeGreaterThanOrEqual(5);
    }
    const total = method.phases.reduce((sum, p) => sum + p.minutes, 0);
    expect(total).toBeGreaterThanOrEqual(low);
    expect(total).toBeLessThanOrEqual(high);
  });
});

describe('the case and the case bringer', () => {
  it('has a case in every method but the first meeting', () => {
    expect(METHODS.filter((m) => !m.hasCase).map((m) => m.id)).toEqual(['first-meeting']);
  });

  it.each(withIds.filter(([, m]) => m.hasCase))(
    'chooses the case in %s before any phase that needs a case bringer',
    (_id, method) => {
      const firstPitch = method.phases.findIndex((p) => p.activity === 'pitching');
      expect(firstPitch).toBeGreaterThanOrEqual(0);
      method.phases.forEach((phase, index) => {
        if (NEEDS_BRINGER.includes(phase.activity) || phase.bringerListens || phase.blind) {
          expect(index).toBeGreaterThan(firstPitch);
        }
      });
    },
  );

  it('follows every choosing phase directly after a pitching phase', () => {
    for (const method of METHODS) {
      method.phases.forEach((phase, index) => {
        if (phase.activity === 'choosing') {
          expect(method.phases[index - 1]?.activity).toBe('pitching');
        }
      });
    }
  });

  it('opens no case activity and no bringer flags in the first meeting', () => {
    const firstMeeting = byId('first-meeting');
    for (const phase of firstMeeting.phases) {
      expect([...NEEDS_BRINGER, 'pitching', 'choosing', 'lookback']).not.toContain(phase.activity);
      expect(phase.blind).toBeFalsy();
      expect(phase.bringerListens).toBeFalsy();
    }
    expect(firstMeeting.allowsTheme).toBe(false);
  });

  it('lets a theme replace the case where domain.md says the same phases apply', () => {
    expect(METHODS.filter((m) => m.allowsTheme).map((m) => m.id)).toEqual([
      'basic',
      'incident',
      'gossip',
      'socratic',
      'ten-step',
      'solution-focused',
    ]);
    for (const method of METHODS) if (method.allowsTheme) expect(method.hasCase).toBe(true);
  });
});

describe('blind phases and phases where the case bringer only listens', () => {
  it.each<[string, readonly string[], readonly string[]]>([
    ['basic', [], ['advice']],
    ['incident', ['fact-questions', 'suggestions'], ['suggestions']],
    ['balint', ['associations', 'advice'], ['view']],
    ['gossip', ['exploration'], ['gossip']],
    ['socratic', ['questions'], []],
    ['ten-step', ['questions'], []],
    ['solution-focused', [], ['compliments']],
    ['first-meeting', [], []],
  ])('in %s writes blind in %j and lets the bringer only listen in %j', (id, blind, listens) => {
    const method = byId(id);
    expect(method.phases.filter((p) => p.blind).map((p) => p.id)).toEqual(blind);
    expect(method.phases.filter((p) => p.bringerListens).map((p) => p.id)).toEqual(listens);
  });

  it('asks the scaling question only in the solution-focused method, in an asking phase', () => {
    // The bringer marks the number while the members ask (roles.ts 'scale': 'asking' only), and
    // the case bringer must not be only listening then.
    const scaled = METHODS.flatMap((m) =>
      m.phases.filter((p) => p.scale).map((p) => [m.id, p.id, p.activity, p.bringerListens]),
    );
    expect(scaled).toEqual([['solution-focused', 'scaling', 'asking', undefined]]);
  });

  it('orders the questions by their rating only in an answering phase after a rating phase', () => {
    // Ordering while the bringer sorts would move a row away from under their hand.
    const ordered = METHODS.flatMap((m) =>
      m.phases.flatMap((p, index) => {
        if (!p.answerByRating) return [];
        const rated = m.phases.slice(0, index).some((before) => before.activity === 'rating');
        return [[m.id, p.id, p.activity, rated, p.answerByRating]];
      }),
    );
    expect(ordered).toEqual([
      ['socratic', 'answers', 'rating', true, 'cold-aside'],
      ['ten-step', 'answers', 'rating', true, 'warm-first'],
    ]);
  });

  it('names what the case bringer takes home after what the method gives them', () => {
    const kinds = Object.fromEntries(
      METHODS.map((m) => {
        const texts = takeHomeTexts(m);
        return [m.id, [texts.heading, texts.questions]];
      }),
    );
    expect(kinds).toEqual({
      basic: ['takeHomeHeading', false],
      incident: ['takeHomeSuggestionsHeading', false],
      balint: ['takeHomeHeading', false],
      gossip: ['takeHomeHeading', false],
      socratic: ['takeHomeQuestionsHeading', true],
      'ten-step': ['takeHomeBothHeading', true],
      'solution-focused': ['takeHomeComplimentsHeading', false],
      'first-meeting': ['takeHomeHeading', false],
    });
  });

  it('makes a phase blind only where members write on the board', () => {
    for (const method of METHODS) {
      for (const phase of method.phases.filter((p) => p.blind)) {
        expect(MEMBERS_WRITE).toContain(phase.activity);
      }
    }
  });

  it('never asks the case bringer to only listen in a phase where they must act', () => {
    for (const method of METHODS) {
      for (const phase of method.phases.filter((p) => p.bringerListens)) {
        expect(BRINGER_ACTS).not.toContain(phase.activity);
      }
    }
  });

  it('gives the case bringer a turn to react after every phase where they only listened', () => {
    for (const method of METHODS) {
      method.phases.forEach((phase, index) => {
        if (!phase.bringerListens) return;
        const later = method.phases.slice(index + 1).map((p) => p.activity);
        expect(later.some((activity) => activity === 'reacting' || activity === 'evaluating')).toBe(
          true,
        );
      });
    }
  });
});
