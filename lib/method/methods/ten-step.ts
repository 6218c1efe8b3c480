import type { Method } from '../method';

/**
 * The ten-step method (2 to 2.5 hours): domain.md's ten steps after a short pitch, so eleven
 * phases. Answering stays a 'rating' phase (the bringer marks answered questions; no new ones).
 */
export const TEN_STEP_METHOD = {
  id: 'ten-step',
  name: { nl: 'Tienstappenmethode', en: 'Ten-step method' },
  description: {
    nl: 'Een grondige methode van twee tot tweeënhalf uur: van situatie en vragen via het kernprobleem naar een nieuwe aanpak, adviezen en ieders eigen inzichten.',
    en: "A thorough method of two to two and a half hours: from situation and questions through the core problem to a new approach, advice and everyone's own insights.",
  },
  allowsTheme: true,
  hasCase: true,
  // The bringer rates the questions and chooses among the core problems the members formulate:
  // with one member there is nothing to choose from. The chair keeps ten steps on time in two
  // hours and does not join in; a smaller group is better served by the basic model.
  minMembers: 4,
  chairMayJoinIn: false,
  phases: [
    {
      id: 'pitch',
      name: { nl: 'Casus kiezen', en: 'Choose the case' },
      explanation: {
        nl: 'Noem kort een casus of thema en kies er samen één.',
        en: 'Briefly name a case or theme and choose one together.',
      },
      chairGuidance: {
        nl: 'Laat iedereen kort inbrengen en scoren, en bevestig de gekozen casus.',
        en: 'Let everyone pitch briefly and score, then confirm the chosen case.',
      },
      memberGuidance: {
        nl: 'Noem je casus in een paar zinnen en geef elke casus een score of stem.',
        en: 'Name your case in a few sentences and score or vote for each case.',
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'situation',
      name: { nl: 'Situatie', en: 'Situation' },
      explanation: {
        nl: 'De inbrenger beschrijft de situatie en de vraag.',
        en: 'The case bringer describes the situation and the question.',
      },
      chairGuidance: {
        nl: 'Geef de inbrenger ongestoord de tijd en laat nog geen vragen toe.',
        en: 'Give the case bringer undisturbed time and allow no questions yet.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt; de anderen luisteren en noteren voor zichzelf wat opvalt.',
        en: 'The case bringer tells; the others listen and note for themselves what strikes them.',
      },
      minutes: 10,
      activity: 'presenting',
    },
    {
      id: 'questions',
      name: { nl: 'Verhelderende vragen', en: 'Clarifying questions' },
      explanation: {
        nl: 'Ieder schrijft verhelderende vragen op; de voorzitter toont ze samen.',
        en: 'Everyone writes clarifying questions; the chair reveals them together.',
      },
      chairGuidance: {
        nl: 'Laat in stilte schrijven, bewaak dat vragen open zijn en toon ze als iedereen klaar is.',
        en: 'Have everyone write in silence, guard that questions are open and reveal them when everyone is done.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven hun vragen; de inbrenger wacht tot ze getoond worden.',
        en: 'Members write their questions; the case bringer waits until they are revealed.',
      },
      minutes: 15,
      activity: 'asking',
      blind: true,
    },
    {
      id: 'rating',
      name: { nl: 'Vragen waarderen', en: 'Rating the questions' },
      explanation: {
        nl: 'De inbrenger geeft aan welke vragen raken en welke minder.',
        en: 'The case bringer shows which questions strike home and which less so.',
      },
      chairGuidance: {
        nl: 'Laat de inbrenger waarderen zonder dat de vraagstellers hun vragen verdedigen.',
        en: 'Let the case bringer rate without the askers defending their questions.',
      },
      memberGuidance: {
        nl: 'De inbrenger noemt elke vraag warm, neutraal of koud; de anderen luisteren.',
        en: 'The case bringer rates each question warm, neutral or cold; the others listen.',
      },
      minutes: 5,
      activity: 'rating',
    },
    {
      id: 'answers',
      name: { nl: 'Antwoorden', en: 'Answers' },
      explanation: {
        nl: 'De inbrenger beantwoordt de vragen, de belangrijkste eerst.',
        en: 'The case bringer answers the questions, the most important first.',
      },
      chairGuidance: {
        nl: 'Begin bij de vragen die het meest raakten en bewaak de tijd.',
        en: 'Start with the questions that struck home most and watch the time.',
      },
      memberGuidance: {
        nl: 'De inbrenger antwoordt en markeert wat beantwoord is; de anderen luisteren.',
        en: 'The case bringer answers and marks what has been answered; the others listen.',
      },
      minutes: 15,
      activity: 'rating',
      answerByRating: 'warm-first',
    },
    {
      id: 'last-questions',
      name: { nl: 'Laatste vragenronde', en: 'Last round of questions' },
      explanation: {
        nl: 'Stel een laatste ronde vragen over wat nog onduidelijk is.',
        en: 'Ask a last round of questions about what is still unclear.',
      },
      chairGuidance: {
        nl: 'Laat alleen vragen toe die nog nodig zijn; geen verkapt advies.',
        en: 'Allow only questions that are still needed; no advice in disguise.',
      },
      memberGuidance: {
        nl: 'Deelnemers stellen hun laatste vragen; de inbrenger beantwoordt ze.',
        en: 'Members ask their last questions; the case bringer answers them.',
      },
      minutes: 10,
      activity: 'asking',
    },
    {
      id: 'core-problem',
      name: { nl: 'Kernprobleem formuleren', en: 'Formulating the core problem' },
      explanation: {
        nl: 'Formuleer in één zin wat volgens jou het kernprobleem is.',
        en: 'Formulate in one sentence what you think the core problem is.',
      },
      chairGuidance: {
        nl: 'Zorg dat elke formulering het eigen aandeel van de inbrenger meeneemt en dat niemand al adviseert.',
        en: "Make sure each wording includes the case bringer's own part and that nobody gives advice yet.",
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven elk een formulering van het kernprobleem; de inbrenger leest mee.',
        en: 'Members each write a wording of the core problem; the case bringer reads along.',
      },
      minutes: 15,
      activity: 'reformulating',
    },
    {
      id: 'core-choice',
      name: { nl: 'Kernprobleem kiezen', en: 'Choosing the core problem' },
      explanation: {
        nl: 'De inbrenger kiest een formulering of herdefinieert het probleem zelf.',
        en: 'The case bringer chooses a wording or redefines the problem themselves.',
      },
      chairGuidance: {
        nl: 'Laat de inbrenger kiezen en leg het gekozen kernprobleem vast.',
        en: 'Let the case bringer choose and record the chosen core problem.',
      },
      memberGuidance: {
        nl: 'De inbrenger kiest of herschrijft het kernprobleem; de anderen luisteren.',
        en: 'The case bringer chooses or rewrites the core problem; the others listen.',
      },
      minutes: 10,
      activity: 'reformulating',
    },
    {
      id: 'approach',
      name: { nl: 'Nieuwe aanpak', en: 'New approach' },
      explanation: {
        nl: 'De groep denkt hardop na over een nieuwe aanpak van het kernprobleem.',
        en: 'The group thinks aloud about a new approach to the core problem.',
      },
      chairGuidance: {
        nl: 'Houd het gesprek bij het gekozen kernprobleem en bij wat de inbrenger zelf kan doen.',
        en: 'Keep the conversation on the chosen core problem and on what the case bringer can do.',
      },
      memberGuidance: {
        nl: 'Deelnemers en inbrenger verkennen samen mogelijke aanpakken.',
        en: 'Members and the case bringer explore possible approaches together.',
      },
      minutes: 15,
      activity: 'analysing',
    },
    {
      id: 'advice',
      name: { nl: 'Tips en adviezen', en: 'Tips and advice' },
      explanation: {
        nl: 'Ieder geeft de inbrenger concrete tips en adviezen.',
        en: 'Everyone gives the case bringer concrete tips and advice.',
      },
      chairGuidance: {
        nl: 'Geef ieder om de beurt het woord; advies hoeft het probleem niet op te lossen.',
        en: 'Give everyone a turn; advice need not solve the problem.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven en noemen hun tips; de inbrenger markeert wat bruikbaar is.',
        en: 'Members write and share their tips; the case bringer stars what is useful.',
      },
      minutes: 15,
      activity: 'advising',
    },
    {
      id: 'insights',
      name: { nl: 'Eigen inzichten', en: 'Own insights' },
      explanation: {
        nl: 'Ieder noemt wat de casus voor het eigen werk opleverde.',
        en: 'Everyone names what the case gave them for their own work.',
      },
      chairGuidance: {
        nl: 'Laat iedereen, ook de inbrenger, een eigen inzicht noemen en sluit af met afspraken.',
        en: 'Let everyone, the case bringer included, name an insight of their own and close with agreements.',
      },
      memberGuidance: {
        nl: 'Iedereen schrijft een eigen leerpunt op; de inbrenger zegt wat er nu gaat gebeuren.',
        en: 'Everyone writes down a learning point of their own; the case bringer says what they will do.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'ten-step'>;
