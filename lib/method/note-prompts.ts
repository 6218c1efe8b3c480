import type { Localized } from '../i18n/i18n';
import type { Activity } from './method';
import type { Role } from './roles';

/**
 * A reflective prompt for a member's private notes in each kind of phase. The notes never leave
 * the device; the prompt only invites a member to notice what goes on in themself.
 */
const PROMPTS: Readonly<Record<Activity, Localized>> = {
  lookback: {
    nl: 'Wat is er sinds de vorige keer met mijn leerpunten gebeurd?',
    en: 'What has happened with my learning points since last time?',
  },
  pitching: {
    nl: 'Welke werkvraag speelt bij mij, en waarom juist nu?',
    en: 'Which work question is alive for me, and why now?',
  },
  choosing: {
    nl: 'Welke casus raakt mij het meest, en wat zegt dat over mij?',
    en: 'Which case touches me most, and what does that say about me?',
  },
  presenting: {
    nl: 'Wat valt me op in hoe het verhaal verteld wordt?',
    en: 'What strikes me in how the story is told?',
  },
  asking: { nl: 'Wat merk ik bij mezelf op?', en: 'What do I notice in myself?' },
  rating: {
    nl: 'Welke vragen raken iets, en wat is dat?',
    en: 'Which questions touch something, and what is it?',
  },
  analysing: {
    nl: 'Welke patronen herken ik, ook uit mijn eigen werk?',
    en: 'Which patterns do I recognise, also from my own work?',
  },
  reformulating: { nl: 'Wat is voor mij de kern?', en: 'What is the core for me?' },
  advising: {
    nl: 'Welk advies zou ik mezelf geven?',
    en: 'Which advice would I give myself?',
  },
  reacting: { nl: 'Wat neem ik mee?', en: 'What do I take with me?' },
  evaluating: {
    nl: 'Wat heb ik vandaag over mezelf geleerd?',
    en: 'What did I learn about myself today?',
  },
  sharing: {
    nl: 'Wat wil ik van deze groep, en wat breng ik zelf mee?',
    en: 'What do I want from this group, and what do I bring?',
  },
};

/** The case bringer sits in a different seat in some phases: their own prompts. */
const BRINGER_PROMPTS: Partial<Readonly<Record<Activity, Localized>>> = {
  asking: {
    nl: 'Welke vraag zet me aan het denken, en waarom?',
    en: 'Which question makes me think, and why?',
  },
  advising: {
    nl: 'Welk advies raakt me, en wat doet het met me?',
    en: 'Which advice touches me, and what does it do to me?',
  },
  analysing: {
    nl: 'Wat hoor ik de anderen zeggen dat ik zelf niet zag?',
    en: 'What do I hear the others say that I did not see myself?',
  },
};

/** Prompts of one phase of one method, where its activity's prompt says too little. */
interface PhasePrompts {
  readonly member?: Localized;
  readonly bringer?: Localized;
}

/**
 * Phase prompts, keyed `<methodId>/<phaseId>`. The incident method (issue 14: "an analysis of
 * the case bringer's feelings, influences and actions"; "a second short round of clarifying
 * questions"; "the case bringer says which suggestions fit best and why"); the Balint first
 * associations, the solution-focused next small step and compliments.
 */
const PHASE_PROMPTS: Readonly<Record<string, PhasePrompts>> = {
  'incident/analysis': {
    member: {
      nl: 'Welke gevoelens, invloeden en keuzes herken ik uit mijn eigen werk?',
      en: 'Which feelings, influences and choices do I recognise from my own work?',
    },
    bringer: {
      nl: 'Wat voelde ik, wat had invloed op mij en wat deed ik?',
      en: 'What did I feel, what influenced me and what did I do?',
    },
  },
  'incident/second-questions': {
    member: {
      nl: 'Wat weet ik na de analyse nog niet?',
      en: 'What do I still not know after the analysis?',
    },
  },
  'incident/suggestions': {
    member: {
      nl: 'Wat zou ik doen, op het moment waarop de inbrenger moest kiezen?',
      en: 'What would I do, at the moment the case bringer had to choose?',
    },
    bringer: {
      nl: 'Welke suggestie had ik zelf niet bedacht?',
      en: 'Which suggestion had I not thought of myself?',
    },
  },
  'incident/reaction': {
    bringer: {
      nl: 'Welke suggestie past het best bij mij, en waarom?',
      en: 'Which suggestion fits me best, and why?',
    },
  },
  // Items that are not advice (Phase.items): the prompts say what they are.
  'balint/associations': {
    member: {
      nl: 'Welke beelden en gevoelens roept deze casus bij mij op?',
      en: 'Which images and feelings does this case call up in me?',
    },
    bringer: {
      nl: 'Welke associatie verrast me, en waarom?',
      en: 'Which association surprises me, and why?',
    },
  },
  'solution-focused/next-step': {
    bringer: {
      nl: 'Wat maakt deze stap klein genoeg om morgen te zetten?',
      en: 'What makes this step small enough to take tomorrow?',
    },
  },
  'solution-focused/compliments': {
    member: {
      nl: 'Wat waardeer ik in hoe de inbrenger werkt?',
      en: 'What do I value in how the case bringer works?',
    },
    bringer: {
      nl: 'Welk compliment raakt me, en wat zegt het over wat al werkt?',
      en: 'Which compliment touches me, and what does it say about what already works?',
    },
  },
};

/**
 * The prompt for a phase with this activity, for a member in this role. With `where` (the
 * method and phase), a phase's own prompt comes first; without it, the activity's.
 */
export function notePrompt(
  activity: Activity,
  role: Role | null,
  where?: { readonly methodId: string; readonly phaseId: string },
): Localized {
  const own = where ? PHASE_PROMPTS[`${where.methodId}/${where.phaseId}`] : undefined;
  const ownPrompt = role === 'bringer' ? own?.bringer : own?.member;
  return (
    ownPrompt ?? (role === 'bringer' ? BRINGER_PROMPTS[activity] : undefined) ?? PROMPTS[activity]
  );
}
