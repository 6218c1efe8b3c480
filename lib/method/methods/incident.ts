import type { Method } from '../method';

/**
 * The incident method (about 60 minutes): one moment of decision, told without its outcome.
 * Domain.md gives the bringer's reaction and the evaluation 10 minutes together: 5 and 5 here.
 */
export const INCIDENT_METHOD = {
  id: 'incident',
  name: { nl: 'Incidentmethode', en: 'Incident method' },
  description: {
    nl: 'Een korte methode rond één beslismoment: de inbrenger schetst de situatie zonder de afloop, de groep vraagt, analyseert en schrijft op wat zij zelf zou doen.',
    en: 'A short method around one moment of decision: the case bringer sketches the situation without the outcome; the group asks, analyses and writes what they would do.',
  },
  allowsTheme: true,
  hasCase: true,
  // Chair, case bringer and one member. In this guided form ("Begeleide intervisie") the
  // procesbegeleider may even bring the case, so with fewer members the chair may ask and write
  // suggestions too.
  minMembers: 3,
  chairMayJoinIn: true,
  phases: [
    {
      id: 'look-back',
      name: { nl: 'Terugblik', en: 'Look back' },
      explanation: {
        nl: 'Kijk terug op de casus en de afspraken van de vorige keer: hoe gaat het nu?',
        en: "Look back at last time's case and agreements: how is it going now?",
      },
      chairGuidance: {
        nl: 'Houd het kort: de vorige inbrenger vertelt wat het advies opleverde, zonder dat de oude casus opnieuw besproken wordt.',
        en: "Keep it short: last time's case bringer says what the advice brought, without reopening the old case.",
      },
      memberGuidance: {
        nl: 'De vorige inbrenger vertelt hoe het nu gaat; de anderen luisteren en vragen hooguit kort door.',
        en: "Last time's case bringer says how it is going now; the others listen and at most ask a short follow-up.",
      },
      minutes: 5,
      activity: 'lookback',
    },
    {
      id: 'pitch',
      name: { nl: 'Incidenten inbrengen', en: 'Pitch incidents' },
      explanation: {
        nl: 'Wie een incident heeft, beschrijft kort een recent beslismoment uit het eigen werk.',
        en: 'Whoever has an incident briefly describes a recent moment of decision from their own work.',
      },
      chairGuidance: {
        nl: 'Let erop dat elk incident recent en concreet is, met een moment waarop de inbrenger zelf moest beslissen.',
        en: 'Make sure each incident is recent and concrete, with a moment at which the bringer had to decide.',
      },
      memberGuidance: {
        nl: 'Schrijf je incident in een paar zinnen op; nog geen vragen of reacties.',
        en: 'Write your incident in a few sentences; no questions or reactions yet.',
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'choose',
      name: { nl: 'Kiezen', en: 'Choose' },
      explanation: {
        nl: 'De groep kiest één incident; wie het inbracht, wordt de casusinbrenger.',
        en: 'The group chooses one incident; whoever brought it becomes the case bringer.',
      },
      chairGuidance: {
        nl: 'Laat iedereen scoren of stemmen en bevestig de gekozen casus; zelf kun je geen inbrenger zijn.',
        en: 'Let everyone score or vote and confirm the chosen case; you cannot be the case bringer yourself.',
      },
      memberGuidance: {
        nl: 'Geef elk incident een score of stem; kies wat urgent is en wat de groep herkent.',
        en: 'Score or vote for each incident; pick what is urgent and what the group recognises.',
      },
      minutes: 5,
      activity: 'choosing',
    },
    {
      id: 'situation',
      name: { nl: 'Situatie en informatievragen', en: 'Situation and information questions' },
      explanation: {
        nl: 'De inbrenger schetst de situatie tot het beslismoment, zonder afloop; daarna schrijft ieder informatievragen.',
        en: 'The case bringer sketches the situation up to the moment of decision, without the outcome; then everyone writes information questions.',
      },
      chairGuidance: {
        nl: 'Bewaak dat de inbrenger de afloop nog niet vertelt en alleen met feiten antwoordt; toon de vragen pas als iedereen klaar is.',
        en: 'Guard that the case bringer does not yet tell the outcome and answers with facts only; reveal the questions when everyone is done.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven in stilte informatievragen; de inbrenger beantwoordt ze na het tonen met feiten.',
        en: 'Members silently write information questions; after the reveal the case bringer answers them with facts.',
      },
      minutes: 15,
      activity: 'asking',
      blind: true,
    },
    {
      id: 'analysis',
      name: { nl: 'Analyse', en: 'Analysis' },
      explanation: {
        nl: 'De groep analyseert samen de situatie: wat speelt er, wat staat er op het spel?',
        en: 'The group analyses the situation together: what is going on, what is at stake?',
      },
      chairGuidance: {
        nl: 'Houd de groep bij het analyseren: nog geen oplossingen en geen oordeel over wat de inbrenger deed.',
        en: 'Keep the group analysing: no solutions yet and no judgement of what the case bringer did.',
      },
      memberGuidance: {
        nl: 'Deelnemers bespreken de situatie en het beslismoment; de inbrenger luistert en vult hooguit feiten aan.',
        en: 'Members discuss the situation and the moment of decision; the case bringer listens and at most adds facts.',
      },
      minutes: 10,
      activity: 'analysing',
    },
    {
      id: 'what-would-i-do',
      name: { nl: 'Wat zou ik doen?', en: 'What would I do?' },
      explanation: {
        nl: 'Schrijf op wat jij op het beslismoment zou doen; daarna worden alle antwoorden voorgelezen.',
        en: 'Write what you would do at the moment of decision; then all answers are read out.',
      },
      chairGuidance: {
        nl: 'Toon de antwoorden pas als iedereen klaar is en laat ze één voor één voorlezen; de inbrenger reageert nog niet.',
        en: 'Reveal the answers only when everyone is done and have them read out one by one; the case bringer does not react yet.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven hun eigen aanpak op en lezen die voor; de inbrenger luistert alleen.',
        en: 'Members write their own approach and read it out; the case bringer only listens.',
      },
      minutes: 10,
      activity: 'advising',
      blind: true,
      bringerListens: true,
    },
    {
      id: 'what-i-did',
      name: { nl: 'Wat de inbrenger deed', en: 'What the bringer did' },
      explanation: {
        nl: 'De inbrenger vertelt wat er echt gebeurde en kiest de bruikbaarste suggesties, in volgorde.',
        en: 'The case bringer tells what they actually did and picks the most useful suggestions, in order.',
      },
      chairGuidance: {
        nl: 'Geef de inbrenger de ruimte en voorkom een discussie over wie gelijk had.',
        en: 'Give the case bringer room and prevent a debate over who was right.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt de afloop, markeert de bruikbare suggesties, zet de beste op volgorde en zegt hoe ze ingezet worden; de anderen luisteren.',
        en: 'The case bringer tells the outcome, stars the useful suggestions, puts the best in order and says how they will use them; the others listen.',
      },
      minutes: 5,
      activity: 'reacting',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie en vervolgafspraak', en: 'Evaluation and follow-up' },
      explanation: {
        nl: 'Evalueer de bijeenkomst en spreek af wanneer jullie op deze casus terugkomen.',
        en: 'Evaluate the meeting and agree when you will come back to this case.',
      },
      chairGuidance: {
        nl: 'Vraag wat de methode opleverde en leg een vervolgafspraak vast voor de terugblik van de volgende keer.',
        en: "Ask what the method gave and record a follow-up agreement for next time's look back.",
      },
      memberGuidance: {
        nl: 'Iedereen noemt een leerpunt; de inbrenger bevestigt wat er met de suggesties gaat gebeuren.',
        en: 'Everyone names a learning point; the case bringer confirms what will happen with the suggestions.',
      },
      minutes: 5,
      activity: 'evaluating',
    },
  ],
} satisfies Method<'incident'>;
