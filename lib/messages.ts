import type { Locale, Localized } from './i18n';

/**
 * Every text of the panel in Dutch and English. Plain data, so that a test can check that both
 * languages are complete; `{name}` placeholders are filled by `translate`.
 */
export const MESSAGES = {
  appTitle: { nl: 'Kring — intervisie', en: 'Kring — intervision' },
  language: { nl: 'Taal', en: 'Language' },
  settings: { nl: 'Instellingen', en: 'Settings' },
  close: { nl: 'Sluiten', en: 'Close' },
  save: { nl: 'Opslaan', en: 'Save' },
  callOn: { nl: 'Gesprek: {platform}', en: 'Call: {platform}' },
  callMeeting: { nl: '{platform}, vergadering {meeting}', en: '{platform}, meeting {meeting}' },
  noCall: {
    nl: 'Niet gekoppeld aan een videogesprek.',
    en: 'Not linked to a video call.',
  },
  yourGroups: { nl: 'Je groepen', en: 'Your groups' },
  noGroups: {
    nl: 'Nog geen groepen op dit apparaat. Start een nieuwe groep of doe mee met een uitnodiging.',
    en: 'No groups on this device yet. Start a new group or join with an invite.',
  },
  openGroup: { nl: 'Open {group}', en: 'Open {group}' },
  forgetGroup: { nl: 'Vergeet {group} op dit apparaat', en: 'Forget {group} on this device' },
  startGroupHeading: { nl: 'Nieuwe groep starten', en: 'Start a new group' },
  startGroupHint: {
    nl: 'Je krijgt een uitnodiging die je één keer met je groep deelt en voor alle bijeenkomsten gebruikt.',
    en: 'You get an invite that you share with your group once and use for all its meetings.',
  },
  groupName: { nl: 'Naam van de groep', en: 'Group name' },
  yourName: { nl: 'Je naam', en: 'Your name' },
  startGroup: { nl: 'Groep starten', en: 'Start group' },
  joinHeading: { nl: 'Meedoen met een uitnodiging', en: 'Join with an invite' },
  inviteField: { nl: 'Uitnodiging (link of code)', en: 'Invite (link or code)' },
  join: { nl: 'Meedoen', en: 'Join' },
  nameRequired: { nl: 'Vul je naam in.', en: 'Please enter your name.' },
  groupNameRequired: {
    nl: 'Vul een naam voor de groep in.',
    en: 'Please enter a name for the group.',
  },
  inviteEmpty: { nl: 'Plak eerst de uitnodiging.', en: 'Please paste the invite first.' },
  inviteNotFound: {
    nl: 'Hierin staat geen Kring-uitnodiging. Een uitnodiging begint met KR1-.',
    en: 'This does not contain a Kring invite. An invite starts with KR1-.',
  },
  inviteTruncated: {
    nl: 'Deze uitnodiging is onvolledig. Kopieer de hele code of link opnieuw.',
    en: 'This invite is incomplete. Copy the whole code or link again.',
  },
  inviteInvalidCharacter: {
    nl: 'In deze uitnodiging staat een teken dat er niet in hoort. Kopieer haar opnieuw.',
    en: 'This invite contains a character that does not belong in it. Copy it again.',
  },
  inviteChecksum: {
    nl: 'Deze uitnodiging klopt niet: er is waarschijnlijk een teken veranderd. Kopieer haar opnieuw.',
    en: 'This invite does not check out: a character was probably changed. Copy it again.',
  },
  back: { nl: 'Terug naar je groepen', en: 'Back to your groups' },
  inviteHeading: { nl: 'Uitnodiging voor deze groep', en: "This group's invite" },
  inviteHint: {
    nl: 'Deel dit alleen met de groep, bijvoorbeeld in de chat van het gesprek. Wie het heeft, kan meedoen.',
    en: 'Share this only with the group, for example in the call chat. Whoever has it can join.',
  },
  inviteCode: { nl: 'Code', en: 'Code' },
  inviteLink: { nl: 'Link', en: 'Link' },
  copyCode: { nl: 'Kopieer code', en: 'Copy code' },
  copyLink: { nl: 'Kopieer link', en: 'Copy link' },
  copied: { nl: 'Gekopieerd', en: 'Copied' },
  copyFailed: {
    nl: 'Kopiëren lukte niet; selecteer de tekst zelf.',
    en: 'Copying failed; select the text yourself.',
  },
  connecting: { nl: 'Verbinden…', en: 'Connecting…' },
  connectedAlone: {
    nl: 'Verbonden; wachten op andere leden.',
    en: 'Connected; waiting for other members.',
  },
  connectedOne: { nl: 'Verbonden met 1 lid.', en: 'Connected to 1 member.' },
  connectedMany: { nl: 'Verbonden met {count} leden.', en: 'Connected to {count} members.' },
  unreachable: {
    nl: 'Signaleringsserver onbereikbaar ({url}). Controleer de instellingen.',
    en: 'Signaling server unreachable ({url}). Check the settings.',
  },
  unreachableWithMembers: {
    nl: 'Signaleringsserver onbereikbaar; nog verbonden met {count} leden.',
    en: 'Signaling server unreachable; still connected to {count} members.',
  },
  membersHeading: { nl: 'Aanwezig', en: 'Present' },
  roleChair: { nl: 'voorzitter', en: 'chair' },
  roleMember: { nl: 'deelnemer', en: 'member' },
  you: { nl: 'jij', en: 'you' },
  noMeeting: {
    nl: 'Er loopt nog geen bijeenkomst. De voorzitter van vandaag start haar.',
    en: "No meeting is running yet. Today's chair starts it.",
  },
  method: { nl: 'Werkvorm', en: 'Method' },
  startMeeting: { nl: 'Start de bijeenkomst als voorzitter', en: 'Start the meeting as chair' },
  waitingForMeeting: { nl: 'Bijeenkomst laden…', en: 'Loading the meeting…' },
  phaseOf: { nl: 'Fase {index} van {total}', en: 'Phase {index} of {total}' },
  phases: { nl: 'Fasen', en: 'Phases' },
  currentPhase: { nl: 'Huidige fase', en: 'Current phase' },
  nextPhase: { nl: 'Volgende fase', en: 'Next phase' },
  previousPhase: { nl: 'Vorige fase', en: 'Previous phase' },
  chairControls: { nl: 'Bediening voorzitter', en: 'Chair controls' },
  chairedBy: { nl: 'Voorzitter: {name}', en: 'Chair: {name}' },
  minutes: { nl: '{count} min', en: '{count} min' },
  signalingUrl: { nl: 'Adres van de signaleringsserver', en: 'Signaling server address' },
  signalingUrlHint: {
    nl: 'De server brengt leden met elkaar in contact; hij ziet nooit wat er in de sessie gezegd wordt.',
    en: 'The server introduces members to each other; it never sees what is said in the session.',
  },
  signalingUrlInvalid: {
    nl: 'Dit is geen geldig adres.',
    en: 'This is not a valid address.',
  },
  signalingUrlScheme: {
    nl: 'Het adres begint met ws:// of wss://.',
    en: 'The address starts with ws:// or wss://.',
  },
  saved: { nl: 'Opgeslagen.', en: 'Saved.' },
  loading: { nl: 'Laden…', en: 'Loading…' },
  somethingWrong: {
    nl: 'Er ging iets mis: {error}',
    en: 'Something went wrong: {error}',
  },
} as const satisfies Record<string, Localized>;

/** A key of the message table. */
export type MessageKey = keyof typeof MESSAGES;

/** Looks up a message in a language and fills its `{placeholders}`. */
export function translate(
  locale: Locale,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
