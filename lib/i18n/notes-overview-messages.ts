import type { Message } from './i18n';

/**
 * Texts of the notes overview, "My notes" (components/notes/NotesOverview and what it uses:
 * search, export and import, encryption, storage), in Dutch and English; part of MESSAGES
 * (messages.ts). Shared words (passphrase, unlock, cancel, loading) are in
 * notes-pane-messages.ts and messages.ts.
 */
export const NOTES_OVERVIEW_MESSAGES = {
  myNotes: { nl: 'Mijn notities', en: 'My notes' },
  closeNotes: { nl: 'Notities sluiten', en: 'Close notes' },

  // --- the list: search, groups, meetings, notes ---
  searchNotes: { nl: 'Zoek in mijn notities', en: 'Search my notes' },
  notesEmpty: {
    nl: 'Nog geen notities. Wat je tijdens een bijeenkomst in je notities schrijft, verschijnt hier.',
    en: 'No notes yet. What you write in your notes during a meeting appears here.',
  },
  notesNoMatch: { nl: 'Geen notities gevonden met “{query}”.', en: 'No notes match “{query}”.' },
  notesMatch: {
    nl: { one: '{count} notitie gevonden.', other: '{count} notities gevonden.' },
    en: { one: '{count} note found.', other: '{count} notes found.' },
  },
  unnamedGroup: { nl: 'Groep zonder naam', en: 'Unnamed group' },
  noteWithoutPhase: { nl: 'Notitie', en: 'Note' },
  notesTakeHome: {
    nl: 'Mee naar huis: de adviezen aan mij',
    en: 'Take-home: the advice given to me',
  },
  notesTakeHomeCompliments: {
    nl: 'Mee naar huis: de complimenten aan mij',
    en: 'Take-home: the compliments given to me',
  },
  /** A take-home of questions the case bringer rated, without advice (the Socratic method). */
  notesTakeHomeQuestions: {
    nl: 'Mee naar huis: de vragen aan mij',
    en: 'Take-home: the questions asked of me',
  },
  /** A take-home of first associations, before any written advice (the Balint method). */
  notesTakeHomeAssociations: {
    nl: 'Mee naar huis: de eerste associaties',
    en: 'Take-home: the first associations',
  },
  notesAssociations: { nl: 'Eerste associaties', en: 'First associations' },
  notesWarmQuestions: { nl: 'Warme vragen', en: 'Warm questions' },
  notesNeutralQuestions: { nl: 'Neutrale vragen', en: 'Neutral questions' },
  notesColdQuestions: { nl: 'Koude vragen', en: 'Cold questions' },
  /** A take-home of the case bringer's own words alone (the gossip method's reaction). */
  notesTakeHomeOwn: { nl: 'Mee naar huis', en: 'Take-home' },
  notesStarredAdvice: { nl: 'Adviezen met een ster', en: 'Starred advice' },
  notesOtherAdvice: { nl: 'Andere adviezen', en: 'Other advice' },
  notesCompliments: { nl: 'Complimenten', en: 'Compliments' },
  notesAdviceTried: { nl: 'al geprobeerd', en: 'already tried' },
  notesAdviceWhy: { nl: 'Waarom dit past: {text}', en: 'Why it fits: {text}' },
  notesIntentions: { nl: 'Mijn voornemens', en: 'What I intended' },

  // --- one note: edit and delete ---
  editNote: { nl: 'Bewerken', en: 'Edit' },
  editNoteFor: { nl: 'Notitie bewerken: {text}', en: 'Edit note: {text}' },
  noteText: { nl: 'Tekst van de notitie', en: 'Note text' },
  doneEditing: { nl: 'Klaar', en: 'Done' },
  deleteNote: { nl: 'Verwijderen', en: 'Delete' },
  deleteNoteFor: { nl: 'Notitie verwijderen: {text}', en: 'Delete note: {text}' },
  deleteNoteConfirm: { nl: 'Deze notitie verwijderen?', en: 'Delete this note?' },
  deleteNoteYes: { nl: 'Ja, verwijderen', en: 'Yes, delete' },
  noteDeleted: { nl: 'Notitie verwijderd.', en: 'Note deleted.' },

  // --- all notes ---
  deleteAllNotes: { nl: 'Alle notities verwijderen', en: 'Delete all notes' },
  deleteAllConfirm: {
    nl: {
      one: 'Je enige notitie verwijderen? Dit kan niet ongedaan worden gemaakt. Exporteer eerst als je een kopie wilt houden.',
      other:
        'Alle {count} notities verwijderen? Dit kan niet ongedaan worden gemaakt. Exporteer eerst als je een kopie wilt houden.',
    },
    en: {
      one: 'Delete your only note? This cannot be undone. Export first if you want to keep a copy.',
      other:
        'Delete all {count} notes? This cannot be undone. Export first if you want to keep a copy.',
    },
  },
  deleteAllYes: { nl: 'Ja, alle notities verwijderen', en: 'Yes, delete all notes' },
  allNotesDeleted: { nl: 'Alle notities zijn verwijderd.', en: 'All notes deleted.' },

  // --- export and import ---
  transferHeading: { nl: 'Exporteren en importeren', en: 'Export and import' },
  transferHint: {
    nl: 'Een export is een leesbare kopie van al je notities, zonder slot: bewaar hem op een veilige plek.',
    en: 'An export is a readable copy of all your notes, without a lock: keep it somewhere safe.',
  },
  exportMarkdown: { nl: 'Exporteren als Markdown', en: 'Export as Markdown' },
  exportJson: { nl: 'Exporteren als JSON', en: 'Export as JSON' },
  exportDone: { nl: '{file} gedownload.', en: 'Downloaded {file}.' },
  importLabel: {
    nl: 'Notities importeren uit een JSON-export',
    en: 'Import notes from a JSON export',
  },
  importHint: {
    nl: 'Alleen een JSON-export van Kring. Een notitie vervangt die met hetzelfde nummer hier alleen als ze nieuwer is.',
    en: 'Only a JSON export from Kring. A note replaces the same note here only when it is newer.',
  },
  importing: { nl: 'Importeren…', en: 'Importing…' },
  importDone: {
    nl: 'Geïmporteerd: {added} nieuw, {updated} bijgewerkt.',
    en: 'Imported: {added} new, {updated} updated.',
  },
  importTooLarge: {
    nl: 'Dit bestand is groter dan {limit} MB, het maximum dat Kring importeert. Er is niets veranderd.',
    en: 'This file is larger than {limit} MB, the most Kring imports. Nothing was changed.',
  },
  importNotJson: {
    nl: 'Dit bestand is geen JSON en dus geen notitie-export van Kring. Er is niets veranderd.',
    en: 'This file is not JSON, so it is not a Kring notes export. Nothing was changed.',
  },
  importWrongFormat: {
    nl: 'Dit bestand is geen notitie-export van Kring. Er is niets veranderd.',
    en: 'This file is not a Kring notes export. Nothing was changed.',
  },
  importUnsupportedVersion: {
    nl: 'Deze export komt uit een nieuwere of onbekende versie van Kring. Werk Kring bij en probeer het opnieuw. Er is niets veranderd.',
    en: 'This export comes from a newer or unknown version of Kring. Update Kring and try again. Nothing was changed.',
  },
  importInvalidNotes: {
    nl: 'Sommige notities in dit bestand zijn beschadigd of te lang, dus er is niets geïmporteerd. Er is niets veranderd.',
    en: 'Some notes in this file are damaged or too long, so none were imported. Nothing was changed.',
  },
  importReadFailed: {
    nl: 'Dit bestand kon niet worden gelezen: {error}. Er is niets veranderd.',
    en: 'Could not read this file: {error}. Nothing was changed.',
  },

  // --- encryption ---
  protectHeading: { nl: 'Beveiligen met een wachtwoordzin', en: 'Protect with a passphrase' },
  protectExplain: {
    nl: 'Met een wachtwoordzin gaan je notities op slot: zonder die zin kan niemand ze lezen, ook wij niet. Zolang dit paneel open is, kun je erin; sluit je het, dan blijven ze op slot tot je de wachtwoordzin weer invult.',
    en: 'With a passphrase your notes are locked: without it nobody can read them, not even us. While this panel is open you can use them; once you close it, they stay locked until you enter the passphrase again.',
  },
  protectWarning: {
    nl: 'Vergeet je de wachtwoordzin, dan kan niemand je notities terughalen: Kring niet en je groep ook niet. Exporteer je notities eerst, zodat je een kopie hebt.',
    en: 'If you forget the passphrase, nobody can recover your notes: not Kring, not your group. Export your notes first, so that you have a copy.',
  },
  protectionOff: {
    nl: 'Je notities zijn nu niet beveiligd met een wachtwoordzin.',
    en: 'Your notes are not protected with a passphrase now.',
  },
  protectEarly: {
    nl: 'Stel de wachtwoordzin het liefst in vóór je eerste bijeenkomst. Wat dit paneel eerder al bewaarde (notities, je groepen) kan nog een tijd leesbaar blijven in de bestanden van deze browser.',
    en: "Best set the passphrase before your first meeting. What this panel stored before (notes, your groups) can stay readable in this browser's files for a while.",
  },
  protectionOn: {
    nl: 'Je notities zijn op slot met je wachtwoordzin; in dit paneel zijn ze nu open.',
    en: 'Your notes are locked with your passphrase; in this panel they are open now.',
  },
  newPassphrase: { nl: 'Nieuwe wachtwoordzin', en: 'New passphrase' },
  repeatPassphrase: { nl: 'Herhaal de nieuwe wachtwoordzin', en: 'Repeat the new passphrase' },
  currentPassphrase: { nl: 'Huidige wachtwoordzin', en: 'Current passphrase' },
  protectNotes: { nl: 'Mijn notities beveiligen', en: 'Protect my notes' },
  passphraseEmpty: { nl: 'Kies eerst een wachtwoordzin.', en: 'Choose a passphrase first.' },
  passphraseWeak: {
    nl: 'Deze wachtwoordzin is te makkelijk te raden. Kies een sterkere.',
    en: 'This passphrase is too easy to guess. Choose a stronger one.',
  },
  strengthChecking: {
    nl: 'De sterkte van de wachtwoordzin wordt gemeten…',
    en: 'Measuring the strength of the passphrase…',
  },
  strengthUnavailable: {
    nl: 'De sterkte kan niet gemeten worden. Kies een wachtwoordzin van minstens 20 tekens.',
    en: 'The strength cannot be measured. Choose a passphrase of at least 20 characters.',
  },
  strengthOk: { nl: 'Sterk genoeg.', en: 'Strong enough.' },
  groupsLocked: {
    nl: 'Je groepen zijn beveiligd met je wachtwoordzin. Ontgrendel om je groepen te zien.',
    en: 'Your groups are protected with your passphrase. Unlock to see your groups.',
  },
  historyLockedHeading: { nl: 'Eerdere bijeenkomsten', en: 'Past meetings' },
  historyLocked: {
    nl: 'De eerdere bijeenkomsten van deze groep zijn beveiligd met je wachtwoordzin. Ontgrendel om ze te zien.',
    en: "This group's past meetings are protected with your passphrase. Unlock to see them.",
  },
  strengthWeakCommon: {
    nl: 'Te zwak: dit is een veelgebruikt wachtwoord, een naam of één los woord. Voeg een paar woorden toe die niet bij elkaar horen.',
    en: 'Too weak: this is a common password, a name or a single word. Add a few words that do not belong together.',
  },
  strengthWeakPattern: {
    nl: 'Te zwak: rijen op het toetsenbord, herhalingen, reeksen als abc of 123 en jaartallen zijn snel geraden. Gebruik liever een paar losse woorden.',
    en: 'Too weak: keyboard rows, repeats, sequences like abc or 123 and years are guessed quickly. Use a few unrelated words instead.',
  },
  strengthWeakShort: {
    nl: 'Te zwak: maak hem langer, bijvoorbeeld vier woorden die niet bij elkaar horen.',
    en: 'Too weak: make it longer, for example four words that do not belong together.',
  },
  passphraseMismatch: {
    nl: 'De twee wachtwoordzinnen zijn niet gelijk. Er is niets veranderd.',
    en: 'The two passphrases are not the same. Nothing was changed.',
  },
  securityWorking: {
    nl: 'Een moment: je notities worden opnieuw opgeslagen…',
    en: 'One moment: your notes are being stored again…',
  },
  protectDone: {
    nl: 'Je notities zijn nu op slot met je wachtwoordzin.',
    en: 'Your notes are now locked with your passphrase.',
  },
  alreadyProtected: {
    nl: 'Je notities zijn intussen in een ander venster beveiligd.',
    en: 'Your notes were protected in another window meanwhile.',
  },
  changePassphrase: { nl: 'Wachtwoordzin wijzigen', en: 'Change passphrase' },
  saveNewPassphrase: { nl: 'Nieuwe wachtwoordzin opslaan', en: 'Save the new passphrase' },
  passphraseChanged: {
    nl: 'Wachtwoordzin gewijzigd: je notities zijn nu op slot met de nieuwe.',
    en: 'Passphrase changed: your notes are now locked with the new one.',
  },
  removeProtection: { nl: 'Beveiliging verwijderen', en: 'Remove protection' },
  removeProtectionExplain: {
    nl: 'Je notities staan dan zonder slot op dit apparaat: wie het apparaat gebruikt, kan ze lezen.',
    en: 'Your notes are then kept on this device without a lock: whoever uses the device can read them.',
  },
  removeProtectionYes: { nl: 'Ja, beveiliging verwijderen', en: 'Yes, remove protection' },
  protectionRemoved: {
    nl: 'Beveiliging verwijderd: je notities staan nu zonder slot op dit apparaat.',
    en: 'Protection removed: your notes are now kept on this device without a lock.',
  },
  lockNow: { nl: 'Nu vergrendelen', en: 'Lock now' },

  // --- storage ---
  storageHeading: { nl: 'Waar je notities staan', en: 'Where your notes are stored' },
  storageExplain: {
    nl: 'Je notities staan in de opslag van deze browser, bij de Kring-extensie (of, op de webpagina, bij deze site). Verwijder je de extensie of wis je de gegevens van de site, dan zijn ze weg: exporteer ze om een kopie te houden.',
    en: "Your notes live in this browser's storage, for the Kring extension (or, on the web page, for this site). Uninstalling the extension or clearing the site's data deletes them: export them to keep a copy.",
  },
  storagePersistent: {
    nl: 'Deze browser bewaart je notities tot je ze zelf verwijdert (blijvende opslag).',
    en: 'This browser keeps your notes until you delete them (persistent storage).',
  },
  storageNotPersistent: {
    nl: 'Deze browser mag je notities wissen als de schijf vol raakt.',
    en: 'This browser may clear your notes when it runs short of space.',
  },
  askPersist: {
    nl: 'Vraag de browser mijn notities te bewaren',
    en: 'Ask the browser to keep my notes',
  },
  persistGranted: {
    nl: 'De browser bewaart je notities.',
    en: 'The browser will keep your notes.',
  },
  persistDenied: {
    nl: 'De browser beslist dit zelf en belooft niets. Exporteer je notities om een kopie te houden.',
    en: 'The browser decides this itself and made no promise. Export your notes to keep a copy.',
  },
} as const satisfies Record<string, Message>;
