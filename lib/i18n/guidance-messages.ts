import type { Message } from './i18n';

/**
 * Texts that guide a first-time member (issue 11, point 2) and keep them from losing anything by
 * accident (point 3): the welcome, inviting the group as step one, waiting for the chair, empty
 * boards, undo and confirm. In Dutch and English; part of MESSAGES (messages.ts).
 */
export const GUIDANCE_MESSAGES = {
  // --- the welcome on first run (components/shell/Welcome) ---
  welcomeHeading: { nl: 'Welkom bij Kring', en: 'Welcome to Kring' },
  welcomeIntro: {
    nl: 'Kring leidt jullie intervisie stap voor stap, naast het videogesprek.',
    en: 'Kring guides your intervision meeting step by step, next to the video call.',
  },
  welcomeSharedLead: { nl: 'Gedeeld met je groep', en: 'Shared with your group' },
  welcomeShared: {
    nl: 'Wat je op het bord schrijft, zoals vragen en adviezen, alleen tijdens de bijeenkomst. Daarna wordt het gewist; de groep houdt een korte samenvatting.',
    en: 'What you write on the board, such as questions and advice, during the meeting only. Then it is cleared; the group keeps a short summary.',
  },
  welcomeDeviceLead: { nl: 'Alleen op dit apparaat', en: 'Only on this device' },
  welcomeDevice: {
    nl: 'Je notities, je groepen en de samenvattingen. Een server brengt jullie in contact, maar leest en bewaart niets van de bijeenkomst.',
    en: 'Your notes, your groups and the summaries. A server puts you in touch, but reads and keeps nothing of the meeting.',
  },
  welcomeRolesHeading: { nl: 'De rollen', en: 'The roles' },
  welcomeChairLead: { nl: 'Voorzitter', en: 'Chair' },
  welcomeChair: {
    nl: 'bewaakt de fasen en de tijd, en praat niet mee over de inhoud.',
    en: 'guards the phases and the time, and stays out of the content.',
  },
  welcomeBringerLead: { nl: 'Inbrenger', en: 'Case bringer' },
  welcomeBringer: {
    nl: 'brengt een werkvraag in en krijgt vragen en adviezen.',
    en: 'brings in a work question and gets questions and advice.',
  },
  welcomeMembersLead: { nl: 'Deelnemers', en: 'Members' },
  welcomeMembers: {
    nl: 'stellen vragen, denken mee en geven advies.',
    en: 'ask questions, think along and give advice.',
  },
  welcomeDismiss: { nl: 'Begrepen', en: 'Got it' },
  howItWorks: { nl: 'Hoe werkt Kring?', en: 'How Kring works' },

  // --- a group's name a member does not know yet (joined with an invite) ---
  newGroup: { nl: 'Nieuwe groep', en: 'New group' },

  // --- inviting the group as step one (components/shell/InviteBox, GroupView) ---
  inviteStepHeading: { nl: 'Stap 1: nodig je groep uit', en: 'Step 1: invite your group' },
  inviteStepHint: {
    nl: 'Kopieer de uitnodiging en stuur haar naar je groep, bijvoorbeeld in een bericht. Daarmee vragen leden om mee te doen en laat jij ze binnen. Komt ze bij iemand die er niet bij hoort, maak dan tijdens een bijeenkomst een nieuwe.',
    en: 'Copy the invite and send it to your group, for example in a message. With it, members ask to join and you let them in. If it reaches someone it should not, make a new one during a meeting.',
  },
  copyInvite: { nl: 'Kopieer uitnodiging', en: 'Copy invite' },
  inviteMessage: {
    nl: 'Doe mee met onze intervisiegroep {group} in Kring: {link}',
    en: 'Join our intervision group {group} in Kring: {link}',
  },
  inviteDetails: { nl: 'Code en link apart', en: 'Code and link separately' },
  startStepHeading: { nl: 'Stap 2: start de bijeenkomst', en: 'Step 2: start the meeting' },
  startMeetingHeading: { nl: 'De bijeenkomst starten', en: 'Starting the meeting' },

  // --- before a meeting: waiting for the chair, or chairing today ---
  waitingForChair: { nl: 'Wachten op de voorzitter', en: 'Waiting for the chair' },
  waitingForChairHint: {
    nl: 'De voorzitter van vandaag start de bijeenkomst. Je komt er dan vanzelf in.',
    en: "Today's chair starts the meeting. You will join it automatically.",
  },
  iChairToday: { nl: 'Ik ben vandaag voorzitter', en: 'I chair today' },
  notChairingToday: { nl: 'Toch niet', en: 'Not me after all' },
  startMeetingHint: {
    nl: 'Kies de werkvorm en de tijd die jullie hebben. De anderen komen vanzelf in de bijeenkomst.',
    en: 'Choose the method and the time you have. The others join the meeting automatically.',
  },
  chairSuggestionYou: {
    nl: 'Volgens het rooster ben jij aan de beurt om voor te zitten.',
    en: 'By the rota it is your turn to chair.',
  },

  // --- empty boards: what to do ---
  questionNoneBringer: {
    nl: 'Nog geen vragen. De deelnemers schrijven hier hun vragen aan jou; je beantwoordt ze hardop.',
    en: 'No questions yet. The members write their questions to you here; you answer them aloud.',
  },
  questionNoneChair: {
    nl: 'Nog geen vragen. De deelnemers schrijven ze hier.',
    en: 'No questions yet. The members write them here.',
  },
  pitchNoneOthers: {
    nl: 'Nog geen werkvragen. De deelnemers schrijven ze hier; daarna bevestigt de voorzitter de casus.',
    en: 'No work questions yet. The members write them here; then the chair confirms the case.',
  },
  proposalNoneBringer: {
    nl: 'Nog geen voorstellen. De deelnemers formuleren de kernvraag; jij kiest er een of schrijft je eigen.',
    en: 'No proposals yet. The members word the core question; you choose one or write your own.',
  },
  proposalNoneChair: {
    nl: 'Nog geen voorstellen. De deelnemers schrijven ze hier.',
    en: 'No proposals yet. The members write them here.',
  },
  noAdviceYetBringer: {
    nl: 'Nog geen adviezen. Luister; de adviezen komen hier te staan, zodat je ze kunt wegen.',
    en: 'No advice yet. Listen; the advice appears here for you to weigh.',
  },
  noAdviceYetChair: {
    nl: 'Nog geen adviezen. De deelnemers schrijven ze hier.',
    en: 'No advice yet. The members write it here.',
  },

  // --- undo and confirm (components/common/ConfirmAction, useUndo) ---
  undo: { nl: 'Ongedaan maken', en: 'Undo' },
  groupForgotten: {
    nl: '{group} is vergeten op dit apparaat.',
    en: '{group} was forgotten on this device.',
  },
  groupForgetUndone: { nl: '{group} is terug.', en: '{group} is back.' },
  resetTimerConfirm: {
    nl: 'De timer van deze fase opnieuw beginnen? De tijd die al voorbij is, telt dan niet meer.',
    en: "Start this phase's timer again? The time already gone no longer counts.",
  },
  resetTimerYes: { nl: 'Ja, opnieuw beginnen', en: 'Yes, start again' },
  handChairConfirm: {
    nl: '{name} wordt voorzitter. Je kunt de rol daarna niet zelf terugnemen.',
    en: '{name} becomes the chair. You cannot take the role back yourself.',
  },
  handChairYes: { nl: 'Ja, draag over', en: 'Yes, hand over' },
} as const satisfies Record<string, Message>;
