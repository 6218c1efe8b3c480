import { describe, expect, it } from 'vitest';
import { INCIDENT_METHOD } from '../../../lib/method/methods/incident';
import { findMethod } from '../../../lib/method/method-list';
import { mayDo } from '../../../lib/method/roles';
import { notePrompt } from '../../../lib/method/note-prompts';
import { totalMinutes, rescalePhaseMinutes } from '../../../lib/method/phase-times';
import type { Activity, Phase } from '../../../lib/method/method';

// Issue 14, point 2, the incident method as described ("Begeleide intervisie"): "the
// procesbegeleider may bring the case; a short account, then clarifying questions on facts; an
// analysis of the case bringer's feelings, influences and actions; a second short round of
// clarifying questions; suggestions; the case bringer says which suggestions fit best and why,
// the best ones are put in a row, and the case bringer says how they will use them; then the
// evaluation."

const phases: readonly Phase[] = INCIDENT_METHOD.phases;
const at = (id: string): Phase => {
  const phase = phases.find((p) => p.id === id);
  if (!phase) throw new Error(`no phase ${id}`);
  return phase;
};

describe('the incident method, phase by phase', () => {
  it('is the method offered under the id incident', () => {
    expect(findMethod('incident')).toBe(INCIDENT_METHOD);
  });

  // Each row: the words of the source, the phase, its activity. The look back and the pitch
  // come first: the pitch is where the chair confirms the incident and so names the case bringer.
  it.each<[string, string, Activity]>([
    ['(look back at last time)', 'look-back', 'lookback'],
    ['(choose the incident, which names the case bringer)', 'pitch', 'pitching'],
    ['a short account', 'account', 'presenting'],
    ['then clarifying questions on facts', 'fact-questions', 'asking'],
    ["an analysis of the case bringer's feelings, influences and actions", 'analysis', 'analysing'],
    ['a second short round of clarifying questions', 'second-questions', 'asking'],
    ['suggestions', 'suggestions', 'advising'],
    [
      'the case bringer says which suggestions fit best and why, the best ones are put in a row, and the case bringer says how they will use them',
      'reaction',
      'reacting',
    ],
    ['then the evaluation', 'evaluation', 'evaluating'],
  ])('runs "%s" as phase %s (%s), in this order', (_words, id, activity) => {
    const rows = [
      'look-back',
      'pitch',
      'account',
      'fact-questions',
      'analysis',
      'second-questions',
      'suggestions',
      'reaction',
      'evaluation',
    ];
    expect(phases.map((p) => p.id)).toEqual(rows);
    expect(at(id).activity).toBe(activity);
  });

  it('walks the phases in the order of the source, account before questions before analysis', () => {
    expect(phases.map((p) => p.activity)).toEqual([
      'lookback',
      'pitching',
      'presenting',
      'asking',
      'analysing',
      'asking',
      'advising',
      'reacting',
      'evaluating',
    ]);
  });

  it('keeps "a second short round of clarifying questions" shorter than the first', () => {
    expect(at('second-questions').minutes).toBeLessThan(at('fact-questions').minutes);
    expect(at('second-questions').explanation.en).toMatch(/short second round/);
    expect(at('second-questions').explanation.nl).toMatch(/korte tweede ronde/);
  });

  it('asks "clarifying questions on facts" in the first round, in both languages', () => {
    expect(at('fact-questions').name.en).toMatch(/facts/);
    expect(at('fact-questions').name.nl).toMatch(/feiten/);
    expect(at('fact-questions').chairGuidance.en).toMatch(/only questions on the facts/);
  });

  it('names "feelings, influences and actions" in the analysis, in both languages', () => {
    const analysis = at('analysis');
    for (const text of [analysis.name.en, analysis.chairGuidance.en, analysis.memberGuidance.en]) {
      expect(text).toMatch(/feelings/);
      expect(text).toMatch(/influences/);
      expect(text).toMatch(/actions/);
    }
    for (const text of [analysis.name.nl, analysis.chairGuidance.nl, analysis.memberGuidance.nl]) {
      expect(text).toMatch(/gevoelens/);
      expect(text).toMatch(/invloeden/);
      expect(text).toMatch(/handelen/);
    }
  });

  it('lets the case bringer say "which suggestions fit best and why" and "how they will use them"', () => {
    const reaction = at('reaction');
    expect(reaction.explanation.en).toMatch(/fit best and why/);
    expect(reaction.explanation.en).toMatch(/in a row/);
    expect(reaction.explanation.en).toMatch(/how they will use them/);
    expect(reaction.explanation.nl).toMatch(/het best passen en waarom/);
    expect(reaction.explanation.nl).toMatch(/op een rij/);
    // The board's tools for it: stars, the order of the advice and the written intentions.
    for (const action of ['star', 'intend', 'take-home'] as const) {
      expect(mayDo(action, 'bringer', reaction.activity)).toBe(true);
      expect(mayDo(action, 'member', reaction.activity)).toBe(false);
    }
  });

  it('lets members write suggestions blind while the case bringer only listens', () => {
    const suggestions = at('suggestions');
    expect(suggestions.blind).toBe(true);
    expect(suggestions.bringerListens).toBe(true);
    expect(mayDo('advise', 'member', suggestions.activity)).toBe(true);
    expect(mayDo('advise', 'bringer', suggestions.activity)).toBe(false);
  });

  it('lets members ask in both question rounds and nowhere in the account or the analysis', () => {
    for (const phase of phases) {
      const asks = mayDo('ask', 'member', phase.activity);
      expect(asks, phase.id).toBe(phase.id === 'fact-questions' || phase.id === 'second-questions');
    }
    for (const id of ['fact-questions', 'second-questions']) {
      expect(mayDo('mark-answered', 'bringer', at(id).activity)).toBe(true);
    }
    // Only the first round is written blind; the short second round is asked openly.
    expect(at('fact-questions').blind).toBe(true);
    expect(at('second-questions').blind).toBeFalsy();
  });

  it('says how "the procesbegeleider may bring the case": by handing the chair on first', () => {
    // The chair is never the case bringer (ARCHITECTURE.md); the method says how to do it.
    expect(INCIDENT_METHOD.description.en).toMatch(/procesbegeleider.*hand the chair/);
    expect(INCIDENT_METHOD.description.nl).toMatch(
      /procesbegeleider.*voorzittersrol aan een ander/,
    );
    expect(at('pitch').chairGuidance.en).toMatch(/hand the chair to another member/);
    expect(at('pitch').chairGuidance.nl).toMatch(/voorzittersrol aan een ander lid/);
    expect(mayDo('hand-chair', 'chair', 'pitching')).toBe(true);
  });

  it('adds up to 75 minutes, inside the 60 to 90 the method takes, and rescales to 60 and 90', () => {
    expect(totalMinutes(INCIDENT_METHOD)).toBe(75);
    for (const total of [60, 90]) {
      const minutes = rescalePhaseMinutes(INCIDENT_METHOD, total);
      expect(minutes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.min(...minutes)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the texts of the incident method', () => {
  it('has every text in Dutch and English, different, on one line', () => {
    const texts = [
      INCIDENT_METHOD.name,
      INCIDENT_METHOD.description,
      ...phases.flatMap((p) => [p.name, p.explanation, p.chairGuidance, p.memberGuidance]),
    ];
    expect(texts).toHaveLength(2 + 4 * phases.length);
    for (const text of texts) {
      expect(text.nl.trim().length).toBeGreaterThan(3);
      expect(text.en.trim().length).toBeGreaterThan(3);
      expect(text.nl).not.toMatch(/[\n\r]/);
      expect(text.en).not.toMatch(/[\n\r]/);
    }
    for (const phase of phases) {
      expect(phase.explanation.nl).not.toBe(phase.explanation.en);
      expect(phase.explanation.en.length).toBeLessThanOrEqual(140);
      expect(phase.explanation.nl.length).toBeLessThanOrEqual(140);
    }
  });

  it.each<[string, 'member' | 'bringer', RegExp]>([
    ['analysis', 'bringer', /What did I feel, what influenced me and what did I do\?/],
    ['analysis', 'member', /feelings, influences and choices/],
    ['second-questions', 'member', /still not know/],
    ['reaction', 'bringer', /fits me best, and why\?/],
  ])('offers a private-notes prompt of its own in %s for the %s', (id, role, expected) => {
    const where = { methodId: 'incident', phaseId: id };
    const prompt = notePrompt(at(id).activity, role, where);
    expect(prompt.en).toMatch(expected);
    expect(prompt.nl).toMatch(/\?$/);
    expect(prompt.nl).not.toBe(prompt.en);
    // Without the phase, the activity's prompt stays as it was.
    expect(notePrompt(at(id).activity, role).en).not.toBe(prompt.en);
  });

  it('falls back to the activity prompt in phases without their own', () => {
    const where = { methodId: 'incident', phaseId: 'account' };
    expect(notePrompt('presenting', 'member', where)).toEqual(notePrompt('presenting', 'member'));
    expect(
      notePrompt('asking', 'bringer', { methodId: 'incident', phaseId: 'second-questions' }),
    ).toEqual(notePrompt('asking', 'bringer'));
  });
});
