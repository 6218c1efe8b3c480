import type { Message } from './i18n';

/**
 * Texts of the notes pane, "My notes for this meeting", and what goes with it in a meeting: saving,
 * unlocking, the take-home and the look back at it (components/notes/NotesPane, SaveStatusLine,
 * TakeHome; components/meeting/LastTakeHome, SharedLookBack), in Dutch and English; part of
 * MESSAGES (messages.ts). The notes overview, "My notes", is notes-overview-messages.ts.
 */
export const NOTES_PANE_MESSAGES = {
  // One name for the thing: "Mijn notities" / "My notes" (the overview), this meeting's part of
  // them in the pane; never "private notes" next to "notes".
  notesHeading: { nl: 'Mijn notities bij deze bijeenkomst', en: 'My notes for this meeting' },
  notesOnlyHere: {
    nl: 'Alleen op dit apparaat. Wordt nooit gedeeld met de groep of een server.',
    en: 'Only on this device. Never shared with the group or any server.',
  },
  noteForPhase: { nl: 'Mijn notitie bij {phase}', en: 'My note for {phase}' },
  noteSaving: { nl: 'Opslaan…', en: 'Saving…' },
  noteSaved: { nl: 'Bewaard op dit apparaat.', en: 'Saved on this device.' },
  noteSaveFailed: {
    nl: 'Opslaan lukte niet: {error}. Kopieer je tekst voor de zekerheid.',
    en: 'Could not save: {error}. Copy your text to be safe.',
  },
  notesEarlier: { nl: 'Eerder in deze bijeenkomst', en: 'Earlier in this meeting' },
  notesUnavailable: {
    nl: 'Notities kunnen in deze browser niet worden bewaard, bijvoorbeeld in een privévenster. Open Kring in een gewoon venster om notities te maken.',
    en: 'This browser cannot keep notes, for example in a private window. Open Kring in a normal window to take notes.',
  },
  notebookLocked: {
    nl: 'Je notitieboek is beveiligd met een wachtwoordzin.',
    en: 'Your notebook is protected with a passphrase.',
  },
  passphrase: { nl: 'Wachtwoordzin', en: 'Passphrase' },
  unlock: { nl: 'Ontgrendelen', en: 'Unlock' },
  wrongPassphrase: {
    nl: 'Deze wachtwoordzin klopt niet. Je notities blijven op slot.',
    en: 'That passphrase is not right. Your notes stay locked.',
  },
  forgotPassphrase: { nl: 'Wachtwoordzin vergeten?', en: 'Forgot the passphrase?' },
  forgotPassphraseExplained: {
    nl: 'Niemand kan je notities dan nog lezen: niet Kring, niet je groep. Je kunt alleen opnieuw beginnen met een leeg notitieboek.',
    en: 'Then nobody can read your notes any more: not Kring, not your group. You can only start over with an empty notebook.',
  },
  resetNotebook: { nl: 'Alles wissen en opnieuw beginnen', en: 'Delete everything and start over' },
  resetNotebookSure: {
    nl: 'Alle notities worden gewist, en ook je groepen en hun eerdere bijeenkomsten op dit apparaat: om weer mee te doen heb je opnieuw een uitnodiging nodig. Dit kan niet ongedaan worden.',
    en: 'All notes will be deleted, and your groups and their past meetings on this device too: to take part again you need a new invite. This cannot be undone.',
  },
  resetNotebookYes: { nl: 'Ja, wis alles', en: 'Yes, delete everything' },
  takeHomeHeading: { nl: 'Adviezen mee naar huis', en: 'Take the advice home' },
  takeHome: {
    nl: 'Bewaar de adviezen in mijn notities',
    en: 'Save the advice in my notes',
  },
  takeHomeHint: {
    nl: 'Alle adviezen met je sterren, volgorde en voornemens worden bewaard in je notities, alleen op dit apparaat, ook als je niets doet. Na de bijeenkomst blijft er niets van gedeeld.',
    en: 'All advice with your stars, order and intentions is kept in your notes, on this device only, even if you do nothing. Nothing of it stays shared after the meeting.',
  },
  takeHomeAssociationsHint: {
    nl: 'Je eerste associaties en alle adviezen met je sterren, volgorde en voornemens worden bewaard in je notities, alleen op dit apparaat, ook als je niets doet. Na de bijeenkomst blijft er niets van gedeeld.',
    en: 'Your first associations and all advice with your stars, order and intentions are kept in your notes, on this device only, even if you do nothing. Nothing of it stays shared after the meeting.',
  },
  takeHomeAssociationsSaved: {
    nl: {
      one: '{count} associatie bewaard in je notities.',
      other: '{count} associaties bewaard in je notities.',
    },
    en: {
      one: '{count} association saved in your notes.',
      other: '{count} associations saved in your notes.',
    },
  },
  takeHomeSuggestionsHeading: { nl: 'Suggesties mee naar huis', en: 'Take the suggestions home' },
  takeHomeSuggestions: {
    nl: 'Bewaar de suggesties in mijn notities',
    en: 'Save the suggestions in my notes',
  },
  takeHomeSuggestionsHint: {
    nl: 'Alle suggesties met je sterren, volgorde en voornemens worden bewaard in je notities, alleen op dit apparaat, ook als je niets doet. Na de bijeenkomst blijft er niets van gedeeld.',
    en: 'All suggestions with your stars, order and intentions are kept in your notes, on this device only, even if you do nothing. Nothing of it stays shared after the meeting.',
  },
  takeHomeSuggestionsSaved: {
    nl: {
      one: '{count} suggestie bewaard in je notities.',
      other: '{count} suggesties bewaard in je notities.',
    },
    en: {
      one: '{count} suggestion saved in your notes.',
      other: '{count} suggestions saved in your notes.',
    },
  },
  takeHomeRemoved: {
    nl: 'Je hebt dit uit je notities gehaald. Het wordt niet meer vanzelf bewaard; de knop bewaart het weer.',
    en: 'You removed this from your notes. It is no longer kept by itself; the button saves it again.',
  },
  takeHomeSaved: {
    nl: {
      one: '{count} advies bewaard in je notities.',
      other: '{count} adviezen bewaard in je notities.',
    },
    en: {
      one: '{count} piece of advice saved in your notes.',
      other: '{count} pieces of advice saved in your notes.',
    },
  },
  lastTakeHomeHeading: {
    nl: 'Alleen jij ziet dit: wat je de vorige keer meenam',
    en: 'Only you see this: what you took home last time',
  },
  lastTakeHomeIntro: {
    nl: 'Vertel de groep hoe het ging. Kies zelf wat je deelt, als je iets deelt.',
    en: 'Tell the group how it went. You choose what to share, if anything.',
  },
  lastTakeHomeIntended: { nl: 'Je voornemen: {text}', en: 'What you intended: {text}' },
  lastTakeHomeStarred: { nl: 'Advies met ster: {text}', en: 'Starred advice: {text}' },
  lastTakeHomeWarm: { nl: 'Warme vraag: {text}', en: 'Warm question: {text}' },
  shareLine: { nl: 'Deel: {text}', en: 'Share: {text}' },
  shareSelected: { nl: 'Deel wat ik heb aangevinkt', en: 'Share what I ticked' },
  shareNothingTicked: {
    nl: 'Vink eerst aan wat je wilt delen.',
    en: 'Tick what you want to share first.',
  },
  sharedLookBackHeading: {
    nl: 'Hoe het ging sinds de vorige keer',
    en: 'How it went since last time',
  },
  sharedBy: { nl: '{name}: {text}', en: '{name}: {text}' },
} as const satisfies Record<string, Message>;
