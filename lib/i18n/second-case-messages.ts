import type { Message } from './i18n';

/**
 * Texts of a second case in one meeting (issue 14, point 5: "een enkele keer lukt het om er nog
 * een te bespreken"): the chair's control after the first case's evaluation, the time left, and
 * the first case's board kept above the second's; part of MESSAGES.
 */
export const SECOND_CASE_MESSAGES = {
  secondCaseHeading: { nl: 'Nog een casus?', en: 'One more case?' },
  secondCaseIntro: {
    nl: 'Een enkele keer lukt het om nog een casus te bespreken. De groep kiest die uit de overgebleven inbrengen; de fasen beginnen weer bij het kiezen. Alles van de eerste casus blijft zichtbaar tot het einde.',
    en: 'Once in a while the group manages to discuss one more case. The group chooses it from the remaining pitches; the phases start again at choosing. Everything of the first case stays visible until the end.',
  },
  secondCaseOpen: { nl: 'Open een tweede casus', en: 'Open a second case' },
  secondCaseTimeLeft: {
    nl: 'Nog ongeveer {minutes} minuten van de geplande tijd.',
    en: 'About {minutes} minutes of the planned time left.',
  },
  secondCaseLittleTime: {
    nl: 'Er is weinig tijd over: de tweede casus krijgt minstens 20 minuten en loopt dan uit.',
    en: 'Little time is left: the second case gets at least 20 minutes and will run over.',
  },
  secondCaseRunning: {
    nl: 'Tweede casus, in de tijd die over is ({minutes} minuten gepland).',
    en: 'Second case, in the time that is left ({minutes} minutes planned).',
  },
  secondCaseRunningShort: {
    nl: 'Tweede casus: er is weinig tijd, de groep loopt uit boven de geplande tijd.',
    en: 'Second case: time is short, the group runs over the planned time.',
  },
  secondCaseChoose: {
    nl: 'Kies de tweede casus uit de overgebleven inbrengen. Nog geen? Wie brengt de tweede casus in? Dat lid schrijft die hier op.',
    en: 'Choose the second case from the remaining pitches. None yet? Who brings the second case? That member writes it here.',
  },
  earlierCaseTitle: { nl: 'Casus {number}: {title}', en: 'Case {number}: {title}' },
  earlierCaseBy: { nl: 'ingebracht door {name}', en: 'brought by {name}' },
  earlierCaseQuestions: { nl: 'Vragen', en: 'Questions' },
  earlierCaseAdvice: { nl: 'Adviezen', en: 'Advice' },
  earlierCaseSuggestions: { nl: 'Suggesties', en: 'Suggestions' },
  earlierCaseEvaluation: { nl: 'Evaluatie', en: 'Evaluation' },
  earlierCaseIntentions: {
    nl: 'Wat de inbrenger gaat doen: {text}',
    en: 'What the case bringer will do: {text}',
  },
  earlierCaseStarred: { nl: 'gekozen', en: 'chosen' },
  earlierCaseTried: { nl: 'al geprobeerd', en: 'already tried' },
  earlierCaseWhy: { nl: 'waarom: {text}', en: 'why: {text}' },
  summarySecondCase: { nl: 'Tweede casus: {name}', en: 'Second case: {name}' },
  boardErrorNotYet: {
    nl: 'Een tweede casus kan pas na de evaluatie van de eerste.',
    en: 'A second case can only start after the first case’s evaluation.',
  },
  boardErrorNoMore: {
    nl: 'Een bijeenkomst heeft hoogstens twee casussen.',
    en: 'A meeting holds at most two cases.',
  },
  keptSecondCaseBringer: { nl: 'Inbrenger tweede casus', en: 'Case bringer, second case' },
  keptSecondCaseTitle: { nl: 'Tweede casus', en: 'Second case' },
  secondCaseBroughtBy: {
    nl: 'Tweede casus ingebracht door {name}',
    en: 'Second case brought by {name}',
  },
} satisfies Record<string, Message>;
