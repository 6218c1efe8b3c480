import type { Method } from '../method';

/**
 * The basic five-phase model (domain.md): inventory, analysis, awareness, advice, evaluation.
 * Its inventory phase covers pitching and choosing in one (the board shows scoring and the
 * chair's confirm button during 'pitching'), so the five phases of domain.md stay five.
 */
export const BASIC_METHOD = {
  id: 'basic',
  name: { nl: 'Basismodel in vijf fasen', en: 'Basic five-phase model' },
  description: {
    nl: 'Kies een casus, stel vragen, herformuleer het probleem, geef advies en evalueer.',
    en: 'Choose a case, ask questions, reformulate the problem, give advice and evaluate.',
  },
  allowsTheme: true,
  hasCase: true,
  // Chair, case bringer and one member who asks and advises. The chair may join in when fewer
  // are there: the five phases are simple enough to guard while asking, and without it a group
  // of two stalls in the analysis with nobody allowed to ask.
  minMembers: 3,
  chairMayJoinIn: true,
  phases: [
    {
      id: 'inventory',
      name: { nl: 'Probleeminventarisatie', en: 'Inventory' },
      explanation: {
        nl: 'Iedereen noemt kort een werkvraag; de groep kiest er één als casus.',
        en: 'Everyone briefly names a work question; the group chooses one as the case.',
      },
      chairGuidance: {
        nl: 'Let erop dat elke werkvraag actueel, concreet en in de ik-vorm is en dat de groep samen kiest, bijvoorbeeld met EGT (Emotie, Gezamenlijk, Tijdslimiet); bevestig dan de casus.',
        en: 'Make sure every work question is current, concrete and in the first person and that the group chooses together, for example with EGT (Emotion, Shared, Time-bound); then confirm the case.',
      },
      memberGuidance: {
        nl: 'Noem kort een eigen werkvraag of thema en geef elke inbreng een score; wiens vraag gekozen wordt, is de inbrenger.',
        en: 'Briefly name a work question or theme of your own and score each one; whoever owns the chosen question becomes the case bringer.',
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
      chairGuidance: {
        nl: 'Bewaak dat vragen open, feitelijk en verdiepend zijn: geen suggestieve, interpreterende of gesloten vragen en geen verkapt advies ("Heb je al eens...?").',
        en: 'Guard that questions are open, factual and deepening: no suggestive, interpreting or closed questions and no advice in disguise ("Have you considered...?").',
      },
      memberGuidance: {
        nl: 'Deelnemers stellen hun vragen, vaak eerst op schrift; de inbrenger beantwoordt ze en markeert wat beantwoord is.',
        en: 'Members ask their questions, often writing them first; the case bringer answers them and marks what has been answered.',
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
      chairGuidance: {
        nl: 'Help de groep het probleem opnieuw te formuleren, met het eigen aandeel van de inbrenger erin; de inbrenger heeft het laatste woord over de kernvraag.',
        en: "Help the group reformulate the problem with the case bringer's own part in it; the case bringer has the last word on the core question.",
      },
      memberGuidance: {
        nl: 'Deelnemers stellen een formulering van de kernvraag voor; de inbrenger kiest er één of schrijft een eigen versie.',
        en: 'Members propose a wording of the core question; the case bringer picks one or writes their own.',
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
      chairGuidance: {
        nl: 'Geef ieder om de beurt het woord en laat de inbrenger pas aan het eind reageren; advies hoeft het probleem niet op te lossen.',
        en: 'Give everyone a turn and let the case bringer react only at the end; advice need not solve the problem.',
      },
      memberGuidance: {
        nl: 'Deelnemers geven elk hun advies; de inbrenger luistert en zegt daarna wat al geprobeerd is en welk advies past.',
        en: 'Members each give their advice; the case bringer listens, then says what they already tried and which advice fits.',
      },
      minutes: 20,
      activity: 'advising',
      bringerListens: true,
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer proces en resultaat en maak afspraken voor de volgende keer.',
        en: 'Evaluate process and result and make agreements for next time.',
      },
      chairGuidance: {
        nl: 'Vraag naar proces en resultaat en leg afspraken vast, ook over wanneer de groep op deze casus terugkomt.',
        en: 'Ask about process and result and record agreements, including when the group comes back to this case.',
      },
      memberGuidance: {
        nl: 'Iedereen noemt wat het opleverde; de inbrenger zegt wat er met het advies gaat gebeuren.',
        en: 'Everyone says what it gave them; the case bringer says what they will do with the advice.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'basic'>;
