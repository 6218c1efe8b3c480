import type { Method } from '../method';

/** Solution-focused intervision (about 75 minutes): from the problem to the desired situation. */
export const SOLUTION_FOCUSED_METHOD = {
  id: 'solution-focused',
  name: { nl: 'Oplossingsgerichte intervisie', en: 'Solution-focused intervision' },
  description: {
    nl: 'De groep richt zich op de gewenste situatie: wat gaat al goed, waar staat de inbrenger op een schaal van 0 tot 10 en wat is de volgende kleine stap?',
    en: 'The group focuses on the desired situation: what already goes well, where is the case bringer on a scale of 0 to 10, and what is the next small step?',
  },
  allowsTheme: true,
  hasCase: true,
  // Chair, case bringer and one member who asks. The chair may ask and advise when fewer are
  // there: questions about what already goes well and compliments sit easily with guarding time.
  minMembers: 3,
  chairMayJoinIn: true,
  // What the case bringer writes is their next small step; the method gives no advice.
  intentions: 'next-step',
  phases: [
    {
      id: 'pitch',
      name: { nl: 'Casus kiezen', en: 'Choose the case' },
      explanation: {
        nl: 'Noem kort een vraag of thema en kies er samen één.',
        en: 'Briefly name a question or theme and choose one together.',
      },
      chairGuidance: {
        nl: 'Laat iedereen kort inbrengen en scoren, en bevestig de gekozen casus.',
        en: 'Let everyone pitch briefly and score, then confirm the chosen case.',
      },
      memberGuidance: {
        nl: 'Noem je vraag in een paar zinnen en geef elke inbreng een score of stem.',
        en: 'Name your question in a few sentences and score or vote for each one.',
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'goal',
      name: { nl: 'Vraag formuleren', en: 'Framing the question' },
      explanation: {
        nl: 'Formuleer de vraag als: "Hoe bereik ik [gewenste situatie]?"',
        en: 'Frame the question as: "How can I reach [desired situation]?"',
      },
      chairGuidance: {
        nl: 'Help de inbrenger van een probleem naar een gewenste situatie; de inbrenger kiest de formulering.',
        en: 'Help the case bringer move from a problem to a desired situation; the bringer chooses the wording.',
      },
      memberGuidance: {
        nl: 'Deelnemers stellen formuleringen voor; de inbrenger kiest er één of schrijft een eigen vraag.',
        en: 'Members propose wordings; the case bringer chooses one or writes their own question.',
      },
      minutes: 10,
      activity: 'reformulating',
    },
    {
      id: 'desired-situation',
      name: { nl: 'Gewenste situatie', en: 'Desired situation' },
      explanation: {
        nl: 'Stel vragen die de gewenste situatie levendig maken: wat zie je, wat doe je anders?',
        en: 'Ask questions that make the desired situation vivid: what do you see, what do you do differently?',
      },
      chairGuidance: {
        nl: 'Houd de vragen bij de toekomst en de gewenste situatie, niet bij de oorzaken van het probleem.',
        en: "Keep the questions on the future and the desired situation, not on the problem's causes.",
      },
      memberGuidance: {
        nl: 'Deelnemers vragen door; de inbrenger beschrijft de gewenste situatie zo concreet mogelijk.',
        en: 'Members ask on; the case bringer describes the desired situation as concretely as possible.',
      },
      minutes: 15,
      activity: 'asking',
    },
    {
      id: 'exceptions',
      name: { nl: 'Uitzonderingen', en: 'Exceptions' },
      explanation: {
        nl: 'Zoek de uitzonderingen: wanneer gaat het nu al goed, en wat doet de inbrenger dan?',
        en: 'Look for exceptions: when does it already go well, and what does the case bringer do then?',
      },
      chairGuidance: {
        nl: 'Laat de groep doorvragen op wat al werkt, hoe klein ook.',
        en: 'Have the group ask on about what already works, however small.',
      },
      memberGuidance: {
        nl: 'Deelnemers vragen naar momenten waarop het lukt; de inbrenger vertelt wat toen anders was.',
        en: 'Members ask about moments when it works; the case bringer tells what was different then.',
      },
      minutes: 10,
      activity: 'asking',
    },
    {
      id: 'scaling',
      name: { nl: 'Schaalvraag', en: 'Scaling' },
      explanation: {
        nl: 'Waar staat de inbrenger op een schaal van 0 tot 10, en wat maakt dat het geen 0 is?',
        en: 'Where is the case bringer on a scale of 0 to 10, and what makes it not a 0?',
      },
      chairGuidance: {
        nl: 'Laat vragen naar het cijfer en naar wat er al is, niet naar wat ontbreekt.',
        en: 'Have the group ask about the number and what is already there, not about what is missing.',
      },
      memberGuidance: {
        nl: 'De inbrenger noemt een cijfer; deelnemers vragen hoe één punt hoger eruit zou zien.',
        en: 'The case bringer names a number; members ask what one point higher would look like.',
      },
      minutes: 10,
      activity: 'asking',
      scale: true,
    },
    {
      id: 'next-step',
      name: { nl: 'Volgende kleine stap', en: 'Next small step' },
      explanation: {
        nl: 'De inbrenger kiest een volgende kleine stap die morgen al kan.',
        en: 'The case bringer chooses a next small step that could happen tomorrow.',
      },
      chairGuidance: {
        nl: 'Houd de stap klein en concreet; de inbrenger kiest zelf.',
        en: 'Keep the step small and concrete; the case bringer chooses it.',
      },
      memberGuidance: {
        nl: 'De inbrenger schrijft de eigen stap op; deelnemers helpen hooguit om die kleiner te maken.',
        en: 'The case bringer writes down their own step; members at most help make it smaller.',
      },
      minutes: 10,
      activity: 'reacting',
    },
    {
      id: 'compliments',
      name: { nl: 'Complimenten', en: 'Compliments' },
      explanation: {
        nl: 'Ieder geeft de inbrenger een gemeend compliment.',
        en: 'Everyone gives the case bringer a sincere compliment.',
      },
      chairGuidance: {
        nl: 'Zorg dat complimenten concreet zijn en gaan over wat de inbrenger al doet.',
        en: 'Make sure compliments are concrete and about what the case bringer already does.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven en noemen hun compliment; de inbrenger luistert en neemt ze mee.',
        en: 'Members write and say their compliment; the case bringer listens and takes them home.',
      },
      minutes: 5,
      activity: 'advising',
      bringerListens: true,
      items: 'compliments',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer de bijeenkomst en maak afspraken voor de volgende keer.',
        en: 'Evaluate the meeting and make agreements for next time.',
      },
      chairGuidance: {
        nl: 'Vraag wat werkte in deze bijeenkomst en leg afspraken vast.',
        en: 'Ask what worked in this meeting and record agreements.',
      },
      memberGuidance: {
        nl: 'Iedereen noemt wat het opleverde.',
        en: 'Everyone says what it gave them.',
      },
      minutes: 5,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'solution-focused'>;
