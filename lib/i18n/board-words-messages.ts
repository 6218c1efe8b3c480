import type { Message } from './i18n';

/**
 * The advice board's words where a method's items are not advice (Phase.items: the Balint
 * method's first associations, the solution-focused compliments, the incident method's
 * suggestions) and where the case bringer's intentions are something else (Method.intentions:
 * the next small step, the reaction in the gossip method); part of MESSAGES. The advice's own
 * words are in messages.ts.
 */
export const BOARD_WORDS_MESSAGES = {
  // Not the phase's own name: a heading of the same words would make two of one name.
  associationsHeading: { nl: 'Geschreven associaties', en: 'Associations written' },
  yourAssociation: { nl: 'Je associatie', en: 'Your association' },
  addAssociation: { nl: 'Voeg associatie toe', en: 'Add association' },
  associationAdded: { nl: 'Je associatie is toegevoegd.', en: 'Your association was added.' },
  associationsBlindHint: {
    nl: 'De anderen zien je associatie pas als de voorzitter de associaties toont.',
    en: 'The others see your association only when the chair reveals the associations.',
  },
  revealAssociations: { nl: 'Toon de associaties', en: 'Reveal associations' },
  noAssociationsYet: {
    nl: 'Nog geen associaties. Schrijf de eerste.',
    en: 'No associations yet. Write the first.',
  },
  noAssociationsYetBringer: {
    nl: 'Nog geen associaties. Ze komen hier te staan zodra de voorzitter ze toont.',
    en: 'No associations yet. They appear here once the chair reveals them.',
  },
  noAssociationsYetChair: {
    nl: 'Nog geen associaties. De deelnemers schrijven ze hier.',
    en: 'No associations yet. The members write them here.',
  },
  associationsEveryone: {
    nl: 'Iedereen heeft een associatie geschreven',
    en: 'Everyone has written an association',
  },
  newAssociationFrom: { nl: 'Nieuwe associatie van {name}', en: 'New association from {name}' },
  newAssociations: {
    nl: { one: '1 nieuwe associatie', other: '{count} nieuwe associaties' },
    en: { one: '1 new association', other: '{count} new associations' },
  },
  complimentsHeading: { nl: 'Gegeven complimenten', en: 'Compliments given' },
  yourCompliment: { nl: 'Je compliment', en: 'Your compliment' },
  giveCompliment: { nl: 'Geef compliment', en: 'Give compliment' },
  complimentAdded: { nl: 'Je compliment is toegevoegd.', en: 'Your compliment was added.' },
  complimentsBlindHint: {
    nl: 'De anderen zien je compliment pas als de voorzitter de complimenten toont.',
    en: 'The others see your compliment only when the chair reveals the compliments.',
  },
  revealCompliments: { nl: 'Toon de complimenten', en: 'Reveal compliments' },
  noComplimentsYet: {
    nl: 'Nog geen complimenten. Schrijf het eerste.',
    en: 'No compliments yet. Write the first.',
  },
  noComplimentsYetBringer: {
    nl: 'Nog geen complimenten. Luister; ze komen hier te staan en gaan met je mee naar huis.',
    en: 'No compliments yet. Listen; they appear here and go home with you.',
  },
  noComplimentsYetChair: {
    nl: 'Nog geen complimenten. De deelnemers schrijven ze hier.',
    en: 'No compliments yet. The members write them here.',
  },
  complimentsEveryone: {
    nl: 'Iedereen heeft een compliment gegeven',
    en: 'Everyone has given a compliment',
  },
  newComplimentFrom: { nl: 'Nieuw compliment van {name}', en: 'New compliment from {name}' },
  newCompliments: {
    nl: { one: '1 nieuw compliment', other: '{count} nieuwe complimenten' },
    en: { one: '1 new compliment', other: '{count} new compliments' },
  },
  // Incident method: each member writes what they would do; the case bringer weighs them.
  suggestionsHeading: { nl: 'Geschreven suggesties', en: 'Suggestions written' },
  yourSuggestion: { nl: 'Je suggestie', en: 'Your suggestion' },
  addSuggestion: { nl: 'Voeg suggestie toe', en: 'Add suggestion' },
  suggestionAdded: { nl: 'Je suggestie is toegevoegd.', en: 'Your suggestion was added.' },
  suggestionsBlindHint: {
    nl: 'De anderen zien je suggestie pas als de voorzitter de suggesties toont.',
    en: 'The others see your suggestion only when the chair reveals the suggestions.',
  },
  revealSuggestions: { nl: 'Toon de suggesties', en: 'Reveal suggestions' },
  noSuggestionsYet: {
    nl: 'Nog geen suggesties. Schrijf wat jij zou doen.',
    en: 'No suggestions yet. Write what you would do.',
  },
  noSuggestionsYetBringer: {
    nl: 'Nog geen suggesties. Luister; ze komen hier te staan zodra de voorzitter ze toont.',
    en: 'No suggestions yet. Listen; they appear here once the chair reveals them.',
  },
  noSuggestionsYetChair: {
    nl: 'Nog geen suggesties. De deelnemers schrijven ze hier.',
    en: 'No suggestions yet. The members write them here.',
  },
  suggestionsEveryone: {
    nl: 'Iedereen heeft een suggestie geschreven',
    en: 'Everyone has written a suggestion',
  },
  starSuggestionsHint: {
    nl: 'Geef de suggesties die passen een ster en zet ze in volgorde, de beste eerst.',
    en: 'Star the suggestions that fit and put the starred ones in order, the best first.',
  },
  suggestionsIntentionsLabel: {
    nl: 'Wat ik met deze suggesties ga doen',
    en: 'What I will do with these suggestions',
  },
  suggestionsIntentionsOf: {
    nl: 'Wat {name} met de suggesties gaat doen',
    en: 'What {name} will do with the suggestions',
  },
  suggestionsIntentionsWaiting: {
    nl: '{name} schrijft hier op wat er met de suggesties gebeurt.',
    en: '{name} writes here what they will do with the suggestions.',
  },
  newSuggestionFrom: { nl: 'Nieuwe suggestie van {name}', en: 'New suggestion from {name}' },
  newSuggestions: {
    nl: { one: '1 nieuwe suggestie', other: '{count} nieuwe suggesties' },
    en: { one: '1 new suggestion', other: '{count} new suggestions' },
  },
  // Socratic: the questions the case bringer rated are what they are given.
  takeHomeQuestionsHeading: { nl: 'Vragen mee naar huis', en: 'Take the questions home' },
  takeHomeQuestions: {
    nl: 'Bewaar de vragen in mijn notities',
    en: 'Save the questions in my notes',
  },
  takeHomeQuestionsHint: {
    nl: 'De vragen die je warm, neutraal of koud noemde worden bewaard in je notities, warm eerst, alleen op dit apparaat, ook als je niets doet. Na de bijeenkomst blijft er niets van gedeeld.',
    en: 'The questions you rated warm, neutral or cold are kept in your notes, warm first, on this device only, even if you do nothing. Nothing of it stays shared after the meeting.',
  },
  takeHomeQuestionsSaved: {
    nl: {
      one: '{count} vraag bewaard in je notities.',
      other: '{count} vragen bewaard in je notities.',
    },
    en: {
      one: '{count} question saved in your notes.',
      other: '{count} questions saved in your notes.',
    },
  },
  // Ten-step: the rated questions, and later the advice.
  takeHomeBothHeading: {
    nl: 'Vragen en adviezen mee naar huis',
    en: 'Take the questions and advice home',
  },
  takeHomeBoth: {
    nl: 'Bewaar de vragen en adviezen in mijn notities',
    en: 'Save the questions and advice in my notes',
  },
  takeHomeBothHint: {
    nl: 'De vragen die je waardeerde en alle adviezen met je sterren, volgorde en voornemens worden bewaard in je notities, alleen op dit apparaat, ook als je niets doet. Na de bijeenkomst blijft er niets van gedeeld.',
    en: 'The questions you rated and all advice with your stars, order and intentions are kept in your notes, on this device only, even if you do nothing. Nothing of it stays shared after the meeting.',
  },
  takeHomeComplimentsHeading: { nl: 'Complimenten mee naar huis', en: 'Take the compliments home' },
  takeHomeCompliments: {
    nl: 'Bewaar de complimenten in mijn notities',
    en: 'Save the compliments in my notes',
  },
  takeHomeComplimentsHint: {
    nl: 'Alle complimenten en wat je zelf schreef worden bewaard in je notities, alleen op dit apparaat, ook als je niets doet. Na de bijeenkomst blijft er niets van gedeeld.',
    en: 'All compliments and what you wrote yourself are kept in your notes, on this device only, even if you do nothing. Nothing of it stays shared after the meeting.',
  },
  takeHomeComplimentsSaved: {
    nl: {
      one: '{count} compliment bewaard in je notities.',
      other: '{count} complimenten bewaard in je notities.',
    },
    en: {
      one: '{count} compliment saved in your notes.',
      other: '{count} compliments saved in your notes.',
    },
  },
  nextStepHeading: {
    nl: 'De stap die de inbrenger kiest',
    en: 'The step the case bringer chooses',
  },
  nextStepLabel: { nl: 'Mijn volgende kleine stap', en: 'My next small step' },
  saveNextStep: { nl: 'Bewaar mijn stap', en: 'Save my step' },
  nextStepOf: {
    nl: 'De volgende kleine stap van {name}',
    en: "{name}'s next small step",
  },
  nextStepWaiting: {
    nl: '{name} schrijft hier de volgende kleine stap op.',
    en: '{name} writes their next small step here.',
  },
  reactionHeading: { nl: 'Wat de inbrenger raakte', en: 'What touched the case bringer' },
  reactionLabel: {
    nl: 'Wat me raakte en wat ik ermee doe',
    en: 'What touched me and what I will do with it',
  },
  saveReaction: { nl: 'Bewaar mijn reactie', en: 'Save my reaction' },
  reactionOf: {
    nl: 'Wat {name} raakte en wat er nu mee gebeurt',
    en: 'What touched {name} and what they will do with it',
  },
  reactionWaiting: {
    nl: '{name} vertelt wat raakte en kan het hier opschrijven.',
    en: '{name} says what touched them and may write it down here.',
  },
  earlierCaseNextStep: {
    nl: 'De volgende kleine stap van de inbrenger: {text}',
    en: "The case bringer's next small step: {text}",
  },
  earlierCaseReaction: {
    nl: 'Wat de inbrenger raakte: {text}',
    en: 'What touched the case bringer: {text}',
  },
  intentionsWaiting: {
    nl: '{name} schrijft hier op wat er met het advies gebeurt.',
    en: '{name} writes here what they will do with the advice.',
  },
} as const satisfies Record<string, Message>;
