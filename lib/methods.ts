import type { Localized } from './i18n';

/** What a phase opens on the board. Later phases of work add the boards themselves. */
export type Activity =
  'pitching' | 'choosing' | 'asking' | 'reformulating' | 'advising' | 'evaluating';

/** One phase of a method: names, a one-line explanation for every panel, default minutes. */
export interface Phase {
  readonly id: string;
  readonly name: Localized;
  readonly explanation: Localized;
  readonly minutes: number;
  readonly activity: Activity;
}

/** An intervisie method: a fixed sequence of phases. */
export interface Method {
  readonly id: string;
  readonly name: Localized;
  readonly description: Localized;
  readonly phases: readonly Phase[];
}

/** The basic five-phase model (domain.md): inventory, analysis, awareness, advice, evaluation. */
export const BASIC_METHOD: Method = {
  id: 'basic',
  name: { nl: 'Basismodel in vijf fasen', en: 'Basic five-phase model' },
  description: {
    nl: 'Kies een casus, stel vragen, herformuleer het probleem, geef advies en evalueer.',
    en: 'Choose a case, ask questions, reformulate the problem, give advice and evaluate.',
  },
  phases: [
    {
      id: 'inventory',
      name: { nl: 'Probleeminventarisatie', en: 'Inventory' },
      explanation: {
        nl: 'Iedereen noemt kort een werkvraag; de groep kiest er één als casus.',
        en: 'Everyone briefly names a work question; the group chooses one as the case.',
      },
      minutes: 15,
      activity: 'pitching',
    },
    {
      id: 'analysis',
      name: { nl: 'Analysefase', en: 'Analysis' },
      explanation: {
        nl: 'Stel open, feitelijke en verdiepende vragen aan de inbrenger; nog geen advies.',
        en: 'Ask the case bringer open, factual and deepening questions; no advice yet.',
      },
      minutes: 25,
      activity: 'asking',
    },
    {
      id: 'awareness',
      name: { nl: 'Bewustwordingsfase', en: 'Awareness' },
      explanation: {
        nl: 'Herformuleer het probleem, met het eigen aandeel van de inbrenger; die bevestigt de kernvraag.',
        en: "Reformulate the problem, including the case bringer's own part; they confirm the core question.",
      },
      minutes: 15,
      activity: 'reformulating',
    },
    {
      id: 'advice',
      name: { nl: 'Adviesfase', en: 'Advice' },
      explanation: {
        nl: 'Ieder geeft advies; de inbrenger luistert en zegt welk advies past.',
        en: 'Everyone gives advice; the case bringer listens and says which advice fits.',
      },
      minutes: 20,
      activity: 'advising',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer proces en resultaat en maak afspraken voor de volgende keer.',
        en: 'Evaluate process and result and make agreements for next time.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
};

/** Every method the chair can pick, by id. */
export const METHODS: readonly Method[] = [BASIC_METHOD];

/** Finds a method by id; unknown ids (for instance from a newer peer) give undefined. */
export function findMethod(id: unknown): Method | undefined {
  return METHODS.find((method) => method.id === id);
}

/** Clamps a phase index from the shared document to the method's range. */
export function clampPhaseIndex(method: Method, index: unknown): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) return 0;
  return Math.min(Math.max(index, 0), method.phases.length - 1);
}
