/**
 * Texts of admission (issue 13, point 1): a member asks to join today's meeting and the chair
 * lets them in or refuses, by name and a short code of their device; part of MESSAGES.
 */
export const ADMISSION_MESSAGES = {
  askingHeading: { nl: 'Wachten tot je binnen mag', en: 'Waiting to be let in' },
  askingBody: {
    nl: 'De voorzitter ziet dat je wilt meedoen, met je naam en deze code: {code}. Lees de code voor als de voorzitter erom vraagt.',
    en: 'The chair sees that you ask to join, with your name and this code: {code}. Read the code out if the chair asks for it.',
  },
  askingBodyChairAway: {
    nl: '{name} is deze bijeenkomst begonnen, maar is nu niet verbonden. Misschien kan een ander lid je binnenlaten, met je naam en deze code: {code}. Gebeurt er niets? Zeg in het gesprek dat je wacht.',
    en: '{name} started this meeting but is not connected right now. Another member may still let you in, with your name and this code: {code}. Nothing happens? Say in the call that you are waiting.',
  },
  askingBodyChairAwayUnnamed: {
    nl: 'Wie deze bijeenkomst begon, is nu niet verbonden. Misschien kan een ander lid je binnenlaten, met je naam en deze code: {code}. Gebeurt er niets? Zeg in het gesprek dat je wacht.',
    en: 'Whoever started this meeting is not connected right now. Another member may still let you in, with your name and this code: {code}. Nothing happens? Say in the call that you are waiting.',
  },
  askingBodyNobody: {
    nl: 'Er is nu niemand verbonden die je kan binnenlaten. Laat dit paneel open en zeg in het gesprek dat je wacht. Wie je binnenlaat, ziet je naam en deze code: {code}.',
    en: 'Nobody who can let you in is connected right now. Keep this panel open and say in the call that you are waiting. Whoever lets you in sees your name and this code: {code}.',
  },
  refusedHeading: { nl: 'Je bent niet binnengelaten', en: 'You were not let in' },
  refusedBody: {
    nl: '{name} heeft je niet toegelaten tot deze bijeenkomst. Is dat een vergissing? Zeg het in het gesprek en vraag het opnieuw.',
    en: '{name} did not let you into this meeting. A mistake? Say so in the call and ask again.',
  },
  askAgain: { nl: 'Opnieuw vragen', en: 'Ask again' },
  knocksHeading: { nl: 'Wil meedoen', en: 'Asking to join' },
  knockCode: { nl: 'code {code}', en: 'code {code}' },
  knockNameAndCode: { nl: '{name} (code {code})', en: '{name} (code {code})' },
  letInName: { nl: 'Laat {name} binnen', en: 'Let {name} in' },
  refuseName: { nl: 'Weiger {name}', en: 'Refuse {name}' },
  knocksHint: {
    nl: 'Twijfel je wie het is? Vraag in het gesprek om de code. Wie je binnenlaat, komt de volgende keer meteen binnen.',
    en: 'Not sure who it is? Ask for their code in the call. Whoever you let in comes straight in next time.',
  },
  newInviteHeading: { nl: 'Nieuwe uitnodiging voor de groep', en: 'A new invite for the group' },
  newInviteHint: {
    nl: 'Kwam de uitnodiging bij iemand die er niet bij hoort, of heeft iemand de groep verlaten? Maak een nieuwe. Wie nu in de bijeenkomst is, gaat vanzelf mee; wie er niet is, heeft de nieuwe nodig.',
    en: 'Did the invite reach someone who does not belong, or did someone leave the group? Make a new one. Everyone in this meeting moves along by itself; whoever is not here needs the new one.',
  },
  makeNewInvite: { nl: 'Maak een nieuwe uitnodiging', en: 'Make a new invite' },
  confirmNewInvite: {
    nl: 'Ja, maak een nieuwe uitnodiging',
    en: 'Yes, make a new invite',
  },
  newInviteDone: {
    nl: 'De groep heeft een nieuwe uitnodiging. De oude werkt niet meer: deel de nieuwe alleen met wie erbij hoort.',
    en: 'The group has a new invite. The old one no longer works: share the new one only with those who belong.',
  },
  freshRoom: { nl: 'Verder in een nieuwe ruimte', en: 'Continue in a fresh room' },
  freshRoomHint: {
    nl: 'Iedereen in de lijst gaat vanzelf mee, met alles wat er al staat. Een verbinding zonder naam blijft achter.',
    en: 'Everyone in the list comes along by itself, with everything on the boards. A connection without a name stays behind.',
  },
  doorkeeperLabel: {
    nl: 'Wie mag er ook mensen binnenlaten?',
    en: 'Who else may let people in?',
  },
  doorkeeperNobody: { nl: 'Niemand, alleen ik', en: 'Nobody, only me' },
  doorkeeperYou: {
    nl: 'De voorzitter heeft jou gevraagd ook mensen binnen te laten.',
    en: 'The chair asked you to let people in too.',
  },
} as const;
