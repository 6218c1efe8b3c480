import type { Method } from '../method';

/**
 * The incident method as issue 14 describes it ("Begeleide intervisie"): "the procesbegeleider
 * may bring the case; a short account, then clarifying questions on facts; an analysis of the
 * case bringer's feelings, influences and actions; a second short round of clarifying questions;
 * suggestions; the case bringer says which suggestions fit best and why, the best ones are put in
 * a row, and the case bringer says how they will use them; then the evaluation."
 *
 * Before the account come a short look back and one pitch phase in which the chair confirms the
 * incident: that names the case bringer, whom the later phases need (see method.ts).
 *
 * In this app the chair is never the case bringer (ARCHITECTURE.md). A procesbegeleider who wants
 * to bring the case hands the chair to another member first; the pitch phase says so.
 *
 * The first round of questions is written blind (nobody echoes the others' questions); the second,
 * short round is asked openly. Questions carry the id of the phase they were asked in, so the two
 * rounds stay apart on the board and only the first is hidden until the chair reveals it.
 * About 75 minutes by default (the method takes 60 to 90); the chair rescales (phase-times.ts).
 */
export const INCIDENT_METHOD = {
  id: 'incident',
  name: { nl: 'Incidentmethode', en: 'Incident method' },
  description: {
    nl: 'Begeleide intervisie rond één incident: kort verslag, vragen over de feiten, analyse van gevoelens, invloeden en handelen, een tweede vragenronde en suggesties; de inbrenger kiest de beste en zegt hoe hij of zij ze gebruikt. Wil de procesbegeleider zelf inbrengen, dan geeft die eerst de voorzittersrol aan een ander.',
    en: 'Guided intervisie around one incident: a short account, questions on the facts, an analysis of feelings, influences and actions, a second round of questions and suggestions; the case bringer picks the best and says how they will use them. If the procesbegeleider wants to bring the case, they first hand the chair to someone else.',
  },
  allowsTheme: true,
  hasCase: true,
  // Chair, case bringer and one member. In this guided form the procesbegeleider takes part in
  // the content (the source even lets them bring the case), so with fewer members the chair may
  // ask and write suggestions too.
  minMembers: 3,
  chairMayJoinIn: true,
  intentions: 'suggestions',
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
      name: { nl: 'Incident kiezen', en: 'Choose an incident' },
      explanation: {
        nl: 'Wie een incident heeft, noemt het in een paar zinnen; de voorzitter bevestigt er één en die inbrenger vertelt.',
        en: 'Whoever has an incident names it in a few sentences; the chair confirms one, and its bringer tells it.',
      },
      chairGuidance: {
        nl: 'Kies samen één recent, concreet incident en bevestig het. Wil jij als procesbegeleider zelf inbrengen? Geef dan eerst de voorzittersrol aan een ander lid: de voorzitter brengt nooit zelf in.',
        en: 'Choose one recent, concrete incident together and confirm it. Do you, as procesbegeleider, want to bring the case? Then first hand the chair to another member: the chair never brings the case.',
      },
      memberGuidance: {
        nl: 'Schrijf je incident in een paar zinnen op en geef de andere incidenten een score; nog geen vragen of reacties.',
        en: "Write your incident in a few sentences and score the others' incidents; no questions or reactions yet.",
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'account',
      name: { nl: 'Kort verslag', en: 'Short account' },
      explanation: {
        nl: 'De inbrenger vertelt kort wat er gebeurde: wie, wat, waar en wanneer.',
        en: 'The case bringer briefly tells what happened: who, what, where and when.',
      },
      chairGuidance: {
        nl: 'Houd het verslag kort en concreet; de anderen onderbreken niet en stellen nog geen vragen.',
        en: 'Keep the account short and concrete; the others do not interrupt and ask no questions yet.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt het incident in een paar minuten; de anderen luisteren en noteren wat ze nog willen weten.',
        en: 'The case bringer tells the incident in a few minutes; the others listen and note what they still want to know.',
      },
      minutes: 5,
      activity: 'presenting',
    },
    {
      id: 'fact-questions',
      name: { nl: 'Vragen over de feiten', en: 'Questions on the facts' },
      explanation: {
        nl: 'Iedereen schrijft verhelderende vragen over de feiten; na het tonen antwoordt de inbrenger.',
        en: 'Everyone writes clarifying questions on the facts; after the reveal the case bringer answers.',
      },
      chairGuidance: {
        nl: 'Laat alleen vragen naar feiten toe: nog geen meningen, uitleg of advies. Toon de vragen pas als iedereen klaar is.',
        en: 'Allow only questions on the facts: no opinions, explanations or advice yet. Reveal the questions when everyone is done.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven in stilte hun vragen over de feiten; de inbrenger beantwoordt ze na het tonen en markeert wat beantwoord is.',
        en: 'Members silently write their questions on the facts; after the reveal the case bringer answers them and marks what is answered.',
      },
      minutes: 10,
      activity: 'asking',
      blind: true,
    },
    {
      id: 'analysis',
      name: {
        nl: 'Analyse: gevoelens, invloeden, handelen',
        en: 'Analysis: feelings, influences, actions',
      },
      explanation: {
        nl: 'Samen kijken naar wat de inbrenger voelde, wat invloed had en wat de inbrenger deed.',
        en: 'Together, look at what the case bringer felt, what influenced them and what they did.',
      },
      chairGuidance: {
        nl: 'Loop de drie kanten één voor één langs: gevoelens, invloeden (mensen, regels, omstandigheden) en handelen. Nog geen oplossingen en geen oordeel.',
        en: 'Go through the three sides one at a time: feelings, influences (people, rules, circumstances) and actions. No solutions and no judgement yet.',
      },
      memberGuidance: {
        nl: 'Deelnemers zeggen wat ze horen aan gevoelens, invloeden en handelen en toetsen dat bij de inbrenger; de inbrenger vult aan of verbetert.',
        en: 'Members say what they hear of feelings, influences and actions and check it with the case bringer, who adds to it or corrects it.',
      },
      minutes: 15,
      activity: 'analysing',
    },
    {
      id: 'second-questions',
      name: { nl: 'Tweede vragenronde', en: 'Second round of questions' },
      explanation: {
        nl: 'Een korte tweede ronde verhelderende vragen over wat na de analyse nog onduidelijk is.',
        en: 'A short second round of clarifying questions about what is still unclear after the analysis.',
      },
      chairGuidance: {
        nl: 'Houd deze ronde kort: alleen vragen die nog nodig zijn, geen herhaling en nog geen suggesties.',
        en: 'Keep this round short: only questions that are still needed, no repeats and no suggestions yet.',
      },
      memberGuidance: {
        nl: 'Deelnemers stellen hooguit een paar vragen; de inbrenger antwoordt meteen en markeert wat beantwoord is.',
        en: 'Members ask a few questions at most; the case bringer answers straight away and marks what is answered.',
      },
      minutes: 5,
      activity: 'asking',
    },
    {
      id: 'suggestions',
      name: { nl: 'Suggesties', en: 'Suggestions' },
      explanation: {
        nl: 'Ieder schrijft suggesties voor de inbrenger; daarna worden ze getoond en voorgelezen.',
        en: 'Everyone writes suggestions for the case bringer; then they are revealed and read out.',
      },
      chairGuidance: {
        nl: 'Toon de suggesties pas als iedereen klaar is en laat ze één voor één voorlezen; de inbrenger reageert nog niet.',
        en: 'Reveal the suggestions only when everyone is done and have them read out one by one; the case bringer does not react yet.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven hun suggesties op en lezen ze voor; de inbrenger luistert alleen.',
        en: 'Members write their suggestions and read them out; the case bringer only listens.',
      },
      minutes: 10,
      activity: 'advising',
      items: 'suggestions',
      blind: true,
      bringerListens: true,
    },
    {
      id: 'reaction',
      name: { nl: 'Keuze van de inbrenger', en: "The case bringer's choice" },
      explanation: {
        nl: 'De inbrenger zegt welke suggesties het best passen en waarom, zet de beste op een rij en zegt hoe die ze gebruikt.',
        en: 'The case bringer says which suggestions fit best and why, puts the best in a row and says how they will use them.',
      },
      chairGuidance: {
        nl: 'Geef de inbrenger de ruimte en vraag bij elke gekozen suggestie waarom die past; voorkom een discussie over wie gelijk had.',
        en: 'Give the case bringer room and ask for each chosen suggestion why it fits; prevent a debate over who was right.',
      },
      memberGuidance: {
        nl: 'De inbrenger markeert de passende suggesties, zegt waarom, zet de beste op volgorde en schrijft hoe die ze gaat gebruiken; de anderen luisteren.',
        en: 'The case bringer stars the suggestions that fit, says why, puts the best in order and writes how they will use them; the others listen.',
      },
      minutes: 10,
      activity: 'reacting',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer de bijeenkomst en spreek af wanneer jullie op dit incident terugkomen.',
        en: 'Evaluate the meeting and agree when you will come back to this incident.',
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
