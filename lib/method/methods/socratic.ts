import type { Method } from '../method';

/**
 * Socratic intervision (about an hour). A theme works: the questions examine the bringer's own
 * assumptions, which a theme has as much as a case. The problem in three sentences is the pitch;
 * answering stays a 'rating' phase so that no new questions can be added after the sorting.
 * A short evaluation closes it, as every meeting ends with one (domain.md lists four steps).
 */
export const SOCRATIC_METHOD = {
  id: 'socratic',
  name: { nl: 'Socratische intervisie', en: 'Socratic intervision' },
  description: {
    nl: 'De inbrenger krijgt alleen open vragen, zonder uitleg, en sorteert ze in warm, neutraal en koud; zo komen de eigen aannames aan het licht.',
    en: 'The case bringer receives only open questions, without explanation, and sorts them into warm, neutral and cold, bringing their own assumptions to light.',
  },
  allowsTheme: true,
  hasCase: true,
  // Chair, case bringer and one member who writes open questions. The chair may write questions
  // too when fewer are there: the chair guards only that they come without explanation.
  minMembers: 3,
  chairMayJoinIn: true,
  phases: [
    {
      id: 'problem',
      name: { nl: 'Probleem in drie zinnen', en: 'Problem in three sentences' },
      explanation: {
        nl: 'Wie een probleem heeft, beschrijft het in hoogstens drie zinnen; de groep kiest er één.',
        en: 'Whoever has a problem describes it in at most three sentences; the group chooses one.',
      },
      chairGuidance: {
        nl: 'Houd elk probleem bij drie zinnen, zonder toelichting, en bevestig de gekozen casus.',
        en: 'Keep each problem to three sentences, without explanation, and confirm the chosen case.',
      },
      memberGuidance: {
        nl: 'Schrijf je probleem in hoogstens drie zinnen en geef elke inbreng een score of stem.',
        en: 'Write your problem in at most three sentences and score or vote for each one.',
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'questions',
      name: { nl: 'Open vragen', en: 'Open questions' },
      explanation: {
        nl: 'Ieder schrijft hoogstens drie open vragen, die zonder uitleg worden overhandigd.',
        en: 'Everyone writes up to three open questions, handed over without explanation.',
      },
      chairGuidance: {
        nl: 'Bewaak hoogstens drie open vragen per persoon en toon ze samen; niemand licht een vraag toe.',
        en: 'Guard the limit of three open questions each and reveal them together; nobody explains a question.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven in stilte hun vragen; de inbrenger wacht.',
        en: 'Members write their questions in silence; the case bringer waits.',
      },
      minutes: 15,
      activity: 'asking',
      blind: true,
      questionsEach: 3,
    },
    {
      id: 'sorting',
      name: { nl: 'Sorteren', en: 'Sorting' },
      explanation: {
        nl: 'De inbrenger sorteert de vragen hardop in warm, neutraal en koud.',
        en: 'The case bringer sorts the questions aloud into warm, neutral and cold.',
      },
      chairGuidance: {
        nl: 'Laat de inbrenger hardop sorteren zonder dat de vraagstellers reageren of uitleggen.',
        en: 'Let the case bringer sort aloud without the askers reacting or explaining.',
      },
      memberGuidance: {
        nl: 'De inbrenger noemt elke vraag warm, neutraal of koud; de anderen luisteren.',
        en: 'The case bringer rates each question warm, neutral or cold; the others listen.',
      },
      minutes: 10,
      activity: 'rating',
    },
    {
      id: 'answers',
      name: { nl: 'Antwoorden', en: 'Answers' },
      explanation: {
        nl: 'De inbrenger beantwoordt de warme en neutrale vragen.',
        en: 'The case bringer answers the warm and neutral questions.',
      },
      chairGuidance: {
        nl: 'Houd de inbrenger bij de warme en neutrale vragen; koude vragen blijven liggen.',
        en: 'Keep the case bringer to the warm and neutral questions; cold ones are left aside.',
      },
      memberGuidance: {
        nl: 'De inbrenger denkt hardop na en markeert wat beantwoord is; de anderen luisteren.',
        en: 'The case bringer thinks aloud and marks what has been answered; the others listen.',
      },
      minutes: 20,
      activity: 'rating',
      answerByRating: 'cold-aside',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer wat de vragen de inbrenger en de groep lieten zien.',
        en: 'Evaluate what the questions showed the case bringer and the group.',
      },
      chairGuidance: {
        nl: 'Vraag wat de inbrenger ontdekte en leg afspraken voor de volgende keer vast.',
        en: 'Ask what the case bringer discovered and record agreements for next time.',
      },
      memberGuidance: {
        nl: 'Iedereen noemt een leerpunt; de inbrenger zegt wat het opleverde.',
        en: 'Everyone names a learning point; the case bringer says what they take away.',
      },
      minutes: 5,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'socratic'>;
