import type { Message } from './i18n';

/**
 * Texts about how members reach each other (components/shell/SettingsForm's connection
 * servers and "only through the server", the line that says it is on, and why an address or
 * an invite's servers were refused), in Dutch and English; part of MESSAGES (messages.ts).
 * Plain words: an IT person pastes the addresses, a member only reads the labels.
 */
export const CONNECTION_MESSAGES = {
  iceServers: {
    nl: 'Servers voor netwerken die gesprekken blokkeren',
    en: 'Servers for networks that block calls',
  },
  iceServersHint: {
    nl: 'Alleen nodig als je IT-afdeling er een geeft. Eén per regel: het adres (stun:, turn: of turns:), bij turn: gevolgd door gebruikersnaam en wachtwoord, met spaties ertussen.',
    en: 'Only needed if your IT department gives you one. One a line: the address (stun:, turn: or turns:), for turn: followed by user name and password, with spaces between.',
  },
  groupIceServers: {
    nl: 'Servers van deze groep voor netwerken die gesprekken blokkeren',
    en: "This group's servers for networks that block calls",
  },
  groupIceServersHint: {
    nl: 'Gaan mee in de uitnodigingslink van de groep, zodat leden niets hoeven in te typen.',
    en: "Travel in the group's invite link, so that members need not type anything.",
  },
  relayOnly: {
    nl: 'Alleen via de server verbinden',
    en: 'Only connect through the server',
  },
  relayOnlyHint: {
    nl: 'De anderen zien dan je internetadres niet. De verbinding kan iets trager zijn.',
    en: 'The others then do not see your internet address. The connection may be a little slower.',
  },
  relayOnlyOn: {
    nl: 'Je verbindt alleen via de server: de anderen zien je internetadres niet.',
    en: 'You connect only through the server: the others do not see your internet address.',
  },
  iceErrorScheme: {
    nl: 'Regel {line}: het adres begint met stun:, turn: of turns:.',
    en: 'Line {line}: the address starts with stun:, turn: or turns:.',
  },
  iceErrorHost: {
    nl: 'Regel {line}: de servernaam in dit adres klopt niet.',
    en: 'Line {line}: the server name in this address is not valid.',
  },
  iceErrorPort: {
    nl: 'Regel {line}: het poortnummer klopt niet (1 tot 65535).',
    en: 'Line {line}: the port number is not valid (1 to 65535).',
  },
  iceErrorTransport: {
    nl: 'Regel {line}: alleen ?transport=udp of ?transport=tcp, en alleen bij turn:-adressen.',
    en: 'Line {line}: only ?transport=udp or ?transport=tcp, and only on turn: addresses.',
  },
  iceErrorCredentials: {
    nl: 'Regel {line}: een turn:- of turns:-adres heeft een gebruikersnaam en een wachtwoord nodig, met spaties ertussen.',
    en: 'Line {line}: a turn: or turns: address needs a user name and a password, with spaces between.',
  },
  iceErrorTooLong: {
    nl: 'Regel {line} is te lang.',
    en: 'Line {line} is too long.',
  },
  iceErrorTooMany: {
    nl: 'Hoogstens {max} servers.',
    en: 'At most {max} servers.',
  },
  signalingUrlInsecure: {
    nl: 'Gebruik wss:// voor een server op een andere computer; ws:// alleen voor deze computer (localhost).',
    en: 'Use wss:// for a server on another computer; ws:// only for this computer (localhost).',
  },
  inviteServerInsecure: {
    nl: 'De link in deze uitnodiging gebruikt een onbeveiligd adres (http://) naar een andere computer. Vraag een link die met https:// begint, of plak alleen de code (KR1-…).',
    en: 'The link in this invite uses an unprotected address (http://) to another computer. Ask for a link that starts with https://, or paste only the code (KR1-…).',
  },
  inviteIceInvalid: {
    nl: 'De extra servers in deze uitnodigingslink zijn niet te lezen. Vraag de link opnieuw, of plak alleen de code (KR1-…).',
    en: 'The extra servers in this invite link cannot be read. Ask for the link again, or paste only the code (KR1-…).',
  },
} as const satisfies Record<string, Message>;
