import type { Method } from '../method';

/** The gossip method (40 to 60 minutes): the group talks as if the case bringer were not there. */
export const GOSSIP_METHOD = {
  id: 'gossip',
  name: { nl: 'Roddelmethode', en: 'Gossip method' },
  description: {
    nl: 'De groep bespreekt de casus alsof de inbrenger er niet is; de inbrenger zit buiten de kring, luistert en maakt aantekeningen.',
    en: 'The group discusses the case as if the case bringer were not there; the bringer sits outside the circle, listens and takes notes.',
  },
  allowsTheme: true,
  hasCase: true,
  // A gossip round needs at least two members talking with each other about the case. In a
  // smaller group the chair may ask and advise with them: the round is open talk, so the chair
  // can be the second voice and still keep the bringer outside the circle.
  minMembers: 4,
  chairMayJoinIn: true,
  // No advice on the board: the gossip round is talk. What the case bringer writes afterwards is
  // what touched them and what they will do with it.
  intentions: 'reaction',
  phases: [
    {
      id: 'pitch',
      name: { nl: 'Casus kiezen', en: 'Choose the case' },
      explanation: {
        nl: 'Noem kort een casus of thema en kies er samen één; een vooraf afgesproken casus bevestig je alleen.',
        en: 'Briefly name a case or theme and choose one together; a case agreed beforehand is only confirmed.',
      },
      chairGuidance: {
        nl: 'Houd het kort en bevestig de gekozen casus; zelf kun je geen inbrenger zijn.',
        en: 'Keep it short and confirm the chosen case; you cannot be the case bringer yourself.',
      },
      memberGuidance: {
        nl: 'Noem je casus in een paar zinnen en geef elke casus een score of stem.',
        en: 'Name your case in a few sentences and score or vote for each case.',
      },
      minutes: 5,
      activity: 'pitching',
    },
    {
      id: 'introduction',
      name: { nl: 'Introductie', en: 'Introduction' },
      explanation: {
        nl: 'De inbrenger leidt de casus kort in: wat speelt er en wat is de vraag?',
        en: 'The case bringer briefly introduces the case: what is going on and what is the question?',
      },
      chairGuidance: {
        nl: 'Houd de inleiding kort en feitelijk; de verkenning volgt hierna.',
        en: 'Keep the introduction short and factual; the exploration comes next.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt; de anderen luisteren.',
        en: 'The case bringer tells; the others listen.',
      },
      minutes: 5,
      activity: 'presenting',
    },
    {
      id: 'exploration',
      name: { nl: 'Verkenning', en: 'Exploration' },
      explanation: {
        nl: 'Ieder schrijft hoogstens drie vragen; de inbrenger beantwoordt de vragen die helpen.',
        en: 'Everyone writes up to three questions; the case bringer answers those that help.',
      },
      chairGuidance: {
        nl: 'Let op hoogstens drie vragen per persoon en toon ze samen als iedereen klaar is.',
        en: 'Watch the limit of three questions each and reveal them together when everyone is done.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven hun vragen; de inbrenger kiest welke te beantwoorden en markeert ze.',
        en: 'Members write their questions; the case bringer chooses which to answer and marks them.',
      },
      minutes: 10,
      activity: 'asking',
      blind: true,
      questionsEach: 3,
    },
    {
      id: 'gossip',
      name: { nl: 'Roddelronde', en: 'Gossip round' },
      explanation: {
        nl: 'De groep roddelt over oorzaken en oplossingen; de inbrenger zit buiten de kring en zwijgt.',
        en: 'The group gossips about causes and solutions; the case bringer sits outside the circle, silent.',
      },
      chairGuidance: {
        nl: 'Vraag de inbrenger de camera uit te zetten of zich om te draaien, en laat de groep in de derde persoon over de inbrenger praten.',
        en: 'Ask the case bringer to turn off the camera or turn around, and keep the group talking about the bringer in the third person.',
      },
      memberGuidance: {
        nl: 'Deelnemers bespreken vrijuit oorzaken en oplossingen; de inbrenger luistert en maakt aantekeningen.',
        en: 'Members freely discuss causes and solutions; the case bringer listens and takes notes.',
      },
      minutes: 15,
      activity: 'analysing',
      bringerListens: true,
    },
    {
      id: 'reaction',
      name: { nl: 'Reactie van de inbrenger', en: "The bringer's reaction" },
      explanation: {
        nl: 'De inbrenger komt terug in de kring en vertelt wat raakte.',
        en: 'The case bringer rejoins the circle and says what touched them.',
      },
      chairGuidance: {
        nl: 'Geef de inbrenger het woord en voorkom dat de groep zich gaat verdedigen.',
        en: 'Give the case bringer the floor and keep the group from defending itself.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt wat raakte en wat er nu mee gebeurt; de anderen luisteren.',
        en: 'The case bringer says what touched them and what they will do with it; the others listen.',
      },
      minutes: 5,
      activity: 'reacting',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer hoe de roddelronde voelde en wat die opleverde.',
        en: 'Evaluate how the gossip round felt and what it brought.',
      },
      chairGuidance: {
        nl: 'Vraag ook hoe het voor de inbrenger was om buiten de kring te zitten.',
        en: 'Also ask how it was for the case bringer to sit outside the circle.',
      },
      memberGuidance: {
        nl: 'Iedereen noemt een leerpunt; maak afspraken voor de volgende keer.',
        en: 'Everyone names a learning point; make agreements for next time.',
      },
      minutes: 5,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'gossip'>;
