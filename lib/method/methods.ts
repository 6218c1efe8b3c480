import type { Localized } from '../i18n/i18n';

/**
 * What a phase opens on the shared board.
 * - lookback: the group looks back at last time's case and agreements
 * - pitching: members pitch work questions (cases or themes); choosing: score/vote, chair confirms
 * - presenting: the case bringer tells the case (no board input)
 * - asking: members write questions to the case bringer, who marks them answered
 * - rating: the case bringer rates the questions warm, neutral or cold
 * - analysing: the group discusses (no board input; the gossip round is one)
 * - reformulating: members propose the core question, the case bringer chooses or writes one
 * - advising: members write advice, the case bringer stars and orders it and states intentions
 * - reacting: the case bringer says what touched them or what they will do (intentions)
 * - evaluating: learning points, agreements for next time, the follow-up for the case bringer
 * - sharing: open round without a case (first meeting: stories, wishes, working agreements)
 */
export type Activity =
  | 'lookback'
  | 'pitching'
  | 'choosing'
  | 'presenting'
  | 'asking'
  | 'rating'
  | 'analysing'
  | 'reformulating'
  | 'advising'
  | 'reacting'
  | 'evaluating'
  | 'sharing';

/** One phase of a method: names, a one-line explanation for every panel, default minutes. */
export interface Phase {
  readonly id: string;
  readonly name: Localized;
  /** One line that every panel shows under the phase name. */
  readonly explanation: Localized;
  /** What the chair guards in this phase. */
  readonly chairGuidance: Localized;
  /** What members (and the case bringer) do in this phase. */
  readonly memberGuidance: Localized;
  readonly minutes: number;
  readonly activity: Activity;
  /** Items written in this phase stay hidden from others until the chair reveals them. */
  readonly blind?: boolean;
  /** The case bringer only listens in this phase (advice round, gossip round). */
  readonly bringerListens?: boolean;
}

/** An intervisie method: a fixed sequence of phases. */
export interface Method {
  readonly id: string;
  readonly name: Localized;
  readonly description: Localized;
  readonly phases: readonly Phase[];
  /** The group may bring a theme instead of a case (domain.md: the same phases apply). */
  readonly allowsTheme: boolean;
  /** False for the first meeting (kennismaking), which has no case and no case bringer. */
  readonly hasCase: boolean;
}

/*
 * Every method with a case opens with a pitching phase, even where domain.md starts with the
 * case bringer telling: pitching is where the chair confirms a case and so names the case
 * bringer, whom the later phases need. A group that agreed the case beforehand pitches only that
 * one and confirms it. Minutes are defaults; the chair rescales them (phase-times.ts).
 */

/**
 * The basic five-phase model (domain.md): inventory, analysis, awareness, advice, evaluation.
 * Its inventory phase covers pitching and choosing in one (the board shows scoring and the
 * chair's confirm button during 'pitching'), so the five phases of domain.md stay five.
 */
export const BASIC_METHOD: Method = {
  id: 'basic',
  name: { nl: 'Basismodel in vijf fasen', en: 'Basic five-phase model' },
  description: {
    nl: 'Kies een casus, stel vragen, herformuleer het probleem, geef advies en evalueer.',
    en: 'Choose a case, ask questions, reformulate the problem, give advice and evaluate.',
  },
  allowsTheme: true,
  hasCase: true,
  phases: [
    {
      id: 'inventory',
      name: { nl: 'Probleeminventarisatie', en: 'Inventory' },
      explanation: {
        nl: 'Iedereen noemt kort een werkvraag; de groep kiest er één als casus.',
        en: 'Everyone briefly names a work question; the group chooses one as the case.',
      },
      chairGuidance: {
        nl: 'Let erop dat elke werkvraag actueel, concreet en in de ik-vorm is en dat de groep samen kiest, bijvoorbeeld met EGT (emotie, gezamenlijk, tijdslimiet); bevestig dan de casus.',
        en: 'Make sure every work question is current, concrete and in the first person and that the group chooses together, for example with EGT (emotion, shared relevance, time limit); then confirm the case.',
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
};

/**
 * The incident method (about 60 minutes): one moment of decision, told without its outcome.
 * Domain.md gives the bringer's reaction and the evaluation 10 minutes together: 5 and 5 here.
 */
const INCIDENT_METHOD: Method = {
  id: 'incident',
  name: { nl: 'Incidentmethode', en: 'Incident method' },
  description: {
    nl: 'Een korte methode rond één beslismoment: de inbrenger schetst de situatie zonder de afloop, de groep vraagt, analyseert en schrijft op wat zij zelf zou doen.',
    en: 'A short method around one moment of decision: the case bringer sketches the situation without the outcome; the group asks, analyses and writes what they would do.',
  },
  allowsTheme: true,
  hasCase: true,
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
};

/**
 * The Balint method (1 to 2 hours, experienced groups). No theme: the method works on the
 * feelings a concrete case stirs in its bringer, which a theme does not have.
 * The first associations are written on the advice board (tagged with their phase id), since
 * they are short written lines for the case bringer, revealed together like advice.
 */
const BALINT_METHOD: Method = {
  id: 'balint',
  name: { nl: 'Balintmethode', en: 'Balint method' },
  description: {
    nl: 'Voor ervaren groepen: de inbrenger vertelt de casus met de eigen gevoelens; de groep associeert, vraagt en adviseert en vormt een beeld terwijl de inbrenger zwijgt.',
    en: 'For experienced groups: the case bringer tells the case with their own feelings; the group associates, asks and advises, then forms a view while the bringer stays silent.',
  },
  allowsTheme: false,
  hasCase: true,
  phases: [
    {
      id: 'pitch',
      name: { nl: 'Casussen verzamelen', en: 'Collect cases' },
      explanation: {
        nl: 'Wie een casus heeft, vat die samen in hoogstens drie zinnen.',
        en: 'Whoever has a case sums it up in at most three sentences.',
      },
      chairGuidance: {
        nl: 'Houd elke inbreng bij drie zinnen en laat nog geen vragen toe.',
        en: 'Keep every pitch to three sentences and allow no questions yet.',
      },
      memberGuidance: {
        nl: 'Schrijf je casus in hoogstens drie zinnen op.',
        en: 'Write your case in at most three sentences.',
      },
      minutes: 10,
      activity: 'pitching',
    },
    {
      id: 'choose',
      name: { nl: 'Kiezen', en: 'Choose' },
      explanation: {
        nl: 'De groep kiest één casus om te bespreken.',
        en: 'The group chooses one case to work on.',
      },
      chairGuidance: {
        nl: 'Laat iedereen scoren of stemmen en bevestig de gekozen casus; zelf kun je geen inbrenger zijn.',
        en: 'Let everyone score or vote and confirm the chosen case; you cannot be the case bringer yourself.',
      },
      memberGuidance: {
        nl: 'Geef elke casus een score of stem.',
        en: 'Score or vote for each case.',
      },
      minutes: 5,
      activity: 'choosing',
    },
    {
      id: 'case',
      name: { nl: 'Casus vertellen', en: 'Telling the case' },
      explanation: {
        nl: 'De inbrenger vertelt de casus, met de eigen gevoelens erbij.',
        en: 'The case bringer tells the case, including their own feelings about it.',
      },
      chairGuidance: {
        nl: 'Geef de inbrenger ongestoord de tijd; vraag naar gevoelens als die ontbreken.',
        en: 'Give the case bringer undisturbed time; ask about feelings if they are missing.',
      },
      memberGuidance: {
        nl: 'De inbrenger vertelt; de anderen luisteren zonder te onderbreken en merken op wat het bij hen oproept.',
        en: 'The case bringer tells; the others listen without interrupting and notice what it stirs in them.',
      },
      minutes: 10,
      activity: 'presenting',
    },
    {
      id: 'associations',
      name: { nl: 'Eerste associaties', en: 'First associations' },
      explanation: {
        nl: 'Schrijf je eerste associaties op: beelden, gevoelens, gedachten; de voorzitter toont ze samen.',
        en: 'Write your first associations: images, feelings, thoughts; the chair reveals them together.',
      },
      chairGuidance: {
        nl: 'Laat iedereen eerst in stilte schrijven en toon de associaties pas als iedereen klaar is; geen uitleg of discussie.',
        en: 'Let everyone write in silence first and reveal the associations only when everyone is done; no explaining or discussing.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven hun associaties; de inbrenger leest ze zodra ze getoond zijn.',
        en: 'Members write their associations; the case bringer reads them once they are revealed.',
      },
      minutes: 10,
      activity: 'advising',
      blind: true,
    },
    {
      id: 'questions',
      name: { nl: 'Verhelderende vragen', en: 'Clarifying questions' },
      explanation: {
        nl: 'Stel verhelderende, open vragen om de casus beter te begrijpen.',
        en: 'Ask clarifying, open questions to understand the case better.',
      },
      chairGuidance: {
        nl: 'Bewaak dat vragen verhelderen en niet sturen of adviseren.',
        en: 'Guard that questions clarify rather than steer or advise.',
      },
      memberGuidance: {
        nl: 'Deelnemers stellen vragen; de inbrenger beantwoordt ze en markeert wat beantwoord is.',
        en: 'Members ask questions; the case bringer answers them and marks what has been answered.',
      },
      minutes: 15,
      activity: 'asking',
    },
    {
      id: 'advice',
      name: { nl: 'Advies schrijven', en: 'Written advice' },
      explanation: {
        nl: 'Ieder schrijft voor zich een advies aan de inbrenger; de voorzitter toont ze samen.',
        en: 'Everyone writes advice to the case bringer individually; the chair reveals it together.',
      },
      chairGuidance: {
        nl: 'Zorg dat iedereen zelfstandig schrijft en toon de adviezen pas als iedereen klaar is.',
        en: 'Make sure everyone writes independently and reveal the advice only when everyone is done.',
      },
      memberGuidance: {
        nl: 'Deelnemers schrijven elk hun advies; de inbrenger wacht en leest ze na het tonen.',
        en: 'Members each write their advice; the case bringer waits and reads it after the reveal.',
      },
      minutes: 15,
      activity: 'advising',
      blind: true,
    },
    {
      id: 'view',
      name: { nl: 'Beeldvorming', en: 'Forming a view' },
      explanation: {
        nl: 'De groep bespreekt de casus en vormt een beeld; de inbrenger luistert zonder te reageren.',
        en: 'The group discusses the case and forms a view; the case bringer listens without reacting.',
      },
      chairGuidance: {
        nl: 'Bewaak dat de inbrenger niet reageert en dat de groep over de casus praat, niet tegen de inbrenger.',
        en: 'Guard that the case bringer does not react and that the group talks about the case, not to the bringer.',
      },
      memberGuidance: {
        nl: 'Deelnemers wisselen hun beelden en adviezen uit; de inbrenger luistert en maakt eigen aantekeningen.',
        en: 'Members exchange their views and advice; the case bringer listens and takes their own notes.',
      },
      minutes: 15,
      activity: 'analysing',
      bringerListens: true,
    },
    {
      id: 'decision',
      name: { nl: 'Besluit van de inbrenger', en: "The bringer's decision" },
      explanation: {
        nl: 'De inbrenger vertelt wat raakte en besluit wat er nu gaat gebeuren.',
        en: 'The case bringer says what touched them and decides what they will do.',
      },
      chairGuidance: {
        nl: 'Laat de inbrenger zelf besluiten; de groep beslist niets.',
        en: 'Let the case bringer decide alone; the group decides nothing.',
      },
      memberGuidance: {
        nl: 'De inbrenger markeert bruikbaar advies en schrijft de volgende stap op; de anderen luisteren.',
        en: 'The case bringer stars useful advice and writes down the next step; the others listen.',
      },
      minutes: 10,
      activity: 'reacting',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer het proces en wat het de groep en de inbrenger opleverde.',
        en: 'Evaluate the process and what it gave the group and the case bringer.',
      },
      chairGuidance: {
        nl: 'Vraag naar het proces en leg afspraken voor de volgende keer vast.',
        en: 'Ask about the process and record agreements for next time.',
      },
      memberGuidance: {
        nl: 'Iedereen noemt wat het opleverde en wat beter kan.',
        en: 'Everyone says what it gave them and what could be better.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
};

/** The gossip method (40 to 60 minutes): the group talks as if the case bringer were not there. */
const GOSSIP_METHOD: Method = {
  id: 'gossip',
  name: { nl: 'Roddelmethode', en: 'Gossip method' },
  description: {
    nl: 'De groep bespreekt de casus alsof de inbrenger er niet is; de inbrenger zit buiten de kring, luistert en maakt aantekeningen.',
    en: 'The group discusses the case as if the case bringer were not there; the bringer sits outside the circle, listens and takes notes.',
  },
  allowsTheme: true,
  hasCase: true,
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
};

/**
 * Socratic intervision (about an hour). A theme works: the questions examine the bringer's own
 * assumptions, which a theme has as much as a case. The problem in three sentences is the pitch;
 * answering stays a 'rating' phase so that no new questions can be added after the sorting.
 * A short evaluation closes it, as every meeting ends with one (domain.md lists four steps).
 */
const SOCRATIC_METHOD: Method = {
  id: 'socratic',
  name: { nl: 'Socratische intervisie', en: 'Socratic intervision' },
  description: {
    nl: 'De inbrenger krijgt alleen open vragen, zonder uitleg, en sorteert ze in warm, neutraal en koud; zo komen de eigen aannames aan het licht.',
    en: 'The case bringer receives only open questions, without explanation, and sorts them into warm, neutral and cold, bringing their own assumptions to light.',
  },
  allowsTheme: true,
  hasCase: true,
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
};

/**
 * The ten-step method (2 to 2.5 hours): domain.md's ten steps after a short pitch, so eleven
 * phases. Answering stays a 'rating' phase (the bringer marks answered questions; no new ones).
 */
const TEN_STEP_METHOD: Method = {
  id: 'ten-step',
  name: { nl: 'Tienstappenmethode', en: 'Ten-step method' },
  description: {
    nl: 'Een grondige methode van twee tot tweeënhalf uur: van situatie en vragen via het kernprobleem naar een nieuwe aanpak, adviezen en ieders eigen inzichten.',
    en: "A thorough method of two to two and a half hours: from situation and questions through the core problem to a new approach, advice and everyone's own insights.",
  },
  allowsTheme: true,
  hasCase: true,
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
};

/** Solution-focused intervision (about 75 minutes): from the problem to the desired situation. */
const SOLUTION_FOCUSED_METHOD: Method = {
  id: 'solution-focused',
  name: { nl: 'Oplossingsgerichte intervisie', en: 'Solution-focused intervision' },
  description: {
    nl: 'De groep richt zich op de gewenste situatie: wat gaat al goed, waar staat de inbrenger op een schaal van 0 tot 10 en wat is de volgende kleine stap?',
    en: 'The group focuses on the desired situation: what already goes well, where is the case bringer on a scale of 0 to 10, and what is the next small step?',
  },
  allowsTheme: true,
  hasCase: true,
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
};

/** The first meeting (kennismaking, about 1.5 hours): no case, so no theme either. */
const FIRST_MEETING_METHOD: Method = {
  id: 'first-meeting',
  name: { nl: 'Kennismaking', en: 'First meeting' },
  description: {
    nl: 'De eerste bijeenkomst: werkverhalen, wensen en verwachtingen uitwisselen en samen werkafspraken maken.',
    en: 'The first meeting: exchange work stories, wishes and expectations and agree how the group will work.',
  },
  allowsTheme: false,
  hasCase: false,
  phases: [
    {
      id: 'stories',
      name: { nl: 'Werkverhalen', en: 'Work stories' },
      explanation: {
        nl: 'Ieder vertelt over het eigen werk: wat doe je, wat boeit je, waar loop je tegenaan?',
        en: 'Everyone tells about their work: what do you do, what drives you, what do you run into?',
      },
      chairGuidance: {
        nl: 'Geef ieder evenveel tijd en houd het bij kennismaken; nog geen casus bespreken.',
        en: 'Give everyone equal time and keep it to getting acquainted; no case discussion yet.',
      },
      memberGuidance: {
        nl: 'Iedereen vertelt om de beurt en kan kernwoorden op het bord zetten.',
        en: 'Everyone speaks in turn and can put keywords on the board.',
      },
      minutes: 30,
      activity: 'sharing',
    },
    {
      id: 'wishes',
      name: { nl: 'Wensen en verwachtingen', en: 'Wishes and expectations' },
      explanation: {
        nl: 'Wat wil je leren van deze groep, en wat verwacht je van de anderen?',
        en: 'What do you want to learn from this group, and what do you expect of the others?',
      },
      chairGuidance: {
        nl: 'Laat verschillen in verwachtingen uitspreken; die komen terug in de afspraken.',
        en: 'Let differences in expectations be voiced; they come back in the agreements.',
      },
      memberGuidance: {
        nl: 'Iedereen schrijft en noemt eigen wensen en verwachtingen.',
        en: 'Everyone writes and names their own wishes and expectations.',
      },
      minutes: 20,
      activity: 'sharing',
    },
    {
      id: 'agreements',
      name: { nl: 'Werkafspraken', en: 'Working agreements' },
      explanation: {
        nl: 'Spreek af: vertrouwelijkheid, hoe vaak jullie samenkomen, welke methode en wie wanneer voorzit.',
        en: 'Agree on confidentiality, how often you meet, which method and who chairs when.',
      },
      chairGuidance: {
        nl: 'Begin met vertrouwelijkheid: wat in de groep gezegd wordt, blijft in de groep; leg elke afspraak vast.',
        en: 'Start with confidentiality: what is said in the group stays in the group; record every agreement.',
      },
      memberGuidance: {
        nl: 'Iedereen doet voorstellen; de groep komt samen tot afspraken.',
        en: 'Everyone makes proposals; the group arrives at agreements together.',
      },
      minutes: 30,
      activity: 'sharing',
    },
    {
      id: 'evaluation',
      name: { nl: 'Evaluatie', en: 'Evaluation' },
      explanation: {
        nl: 'Evalueer de kennismaking en plan de volgende bijeenkomst.',
        en: 'Evaluate the first meeting and schedule the next one.',
      },
      chairGuidance: {
        nl: 'Vraag hoe de bijeenkomst was en leg de datum en de voorzitter van de volgende keer vast.',
        en: 'Ask how the meeting went and record the date and the chair of the next meeting.',
      },
      memberGuidance: {
        nl: 'Iedereen zegt hoe het was en wat nodig is voor een veilige groep.',
        en: 'Everyone says how it was and what is needed for a safe group.',
      },
      minutes: 10,
      activity: 'evaluating',
    },
  ],
};

/** Every method the chair can pick, the basic model first (it is the default). */
export const METHODS: readonly Method[] = [
  BASIC_METHOD,
  INCIDENT_METHOD,
  BALINT_METHOD,
  GOSSIP_METHOD,
  SOCRATIC_METHOD,
  TEN_STEP_METHOD,
  SOLUTION_FOCUSED_METHOD,
  FIRST_MEETING_METHOD,
];

/** Finds a method by id; unknown ids (for instance from a newer peer) give undefined. */
export function findMethod(id: unknown): Method | undefined {
  return METHODS.find((method) => method.id === id);
}

/** Clamps a phase index from the shared document to the method's range. */
export function clampPhaseIndex(method: Method, index: unknown): number {
  if (typeof index !== 'number' || !Number.isInteger(index)) return 0;
  return Math.min(Math.max(index, 0), method.phases.length - 1);
}
