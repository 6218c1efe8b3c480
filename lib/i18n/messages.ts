import type { Locale, LocalizedPlural, Message } from './i18n';
import { fillText } from './locale-table';
import { A11Y_MESSAGES } from './a11y-messages';
import { ATTENDANCE_MESSAGES } from './attendance-messages';
import { CONFIDENTIALITY_MESSAGES } from './confidentiality-messages';
import { CONNECTION_MESSAGES } from './connection-messages';
import { GUIDANCE_MESSAGES } from './guidance-messages';
import { GROUP_SIZE_MESSAGES } from './group-size-messages';
import { FACILITATOR_MESSAGES } from './facilitator-messages';
import { LAYOUT_MESSAGES } from './layout-messages';
import { NOTES_OVERVIEW_MESSAGES } from './notes-overview-messages';
import { NOTES_PANE_MESSAGES } from './notes-pane-messages';
import { SERIES_MESSAGES } from './series-messages';
import { SECOND_CASE_MESSAGES } from './second-case-messages';
import { ADMISSION_MESSAGES } from './admission-messages';
import { BOARD_WORDS_MESSAGES } from './board-words-messages';
import { SCALE_MESSAGES } from './scale-messages';
import { TIMEKEEPER_MESSAGES } from './timekeeper-messages';

/**
 * Every text of the panel in Dutch and English. Plain data, so that a test can check that both
 * languages are complete; `{name}` placeholders are filled by `translate`.
 */
export const MESSAGES = {
  ...NOTES_PANE_MESSAGES,
  ...NOTES_OVERVIEW_MESSAGES,
  ...A11Y_MESSAGES,
  ...GUIDANCE_MESSAGES,
  ...LAYOUT_MESSAGES,
  ...CONNECTION_MESSAGES,
  ...ATTENDANCE_MESSAGES,
  ...CONFIDENTIALITY_MESSAGES,
  ...GROUP_SIZE_MESSAGES,
  ...FACILITATOR_MESSAGES,
  ...SERIES_MESSAGES,
  ...SECOND_CASE_MESSAGES,
  ...ADMISSION_MESSAGES,
  ...BOARD_WORDS_MESSAGES,
  ...SCALE_MESSAGES,
  ...TIMEKEEPER_MESSAGES,
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
  invitedByLink: {
    nl: 'Je bent uitgenodigd voor een intervisiegroep. Vul je naam in zoals de groep je kent en kies Meedoen.',
    en: 'You were invited to an intervision group. Enter your name as the group knows you and choose Join.',
  },
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
  endedDone: { nl: 'Klaar', en: 'Done' },
  inviteHeading: { nl: 'Uitnodiging voor deze groep', en: "This group's invite" },
  inviteHint: {
    nl: 'Deel dit alleen met de groep. Wie het heeft, kan vragen om mee te doen; de voorzitter laat binnen wie er hoort.',
    en: 'Share this only with the group. Whoever has it can ask to join; the chair lets in who belongs.',
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
  connected: {
    nl: { one: 'Verbonden met {count} lid.', other: 'Verbonden met {count} leden.' },
    en: { one: 'Connected to {count} member.', other: 'Connected to {count} members.' },
  },
  unreachable: {
    nl: 'De verbindingsserver is niet bereikbaar ({server}). Controleer je internet of de instellingen.',
    en: 'The connection server cannot be reached ({server}). Check your internet or the settings.',
  },
  unreachableWithMembers: {
    nl: {
      one: 'De verbindingsserver is niet bereikbaar; je bent nog verbonden met {count} lid.',
      other: 'De verbindingsserver is niet bereikbaar; je bent nog verbonden met {count} leden.',
    },
    en: {
      one: 'The connection server cannot be reached; still connected to {count} member.',
      other: 'The connection server cannot be reached; still connected to {count} members.',
    },
  },
  membersHeading: { nl: 'Aanwezig', en: 'Present' },
  roleChair: { nl: 'voorzitter', en: 'chair' },
  roleMember: { nl: 'deelnemer', en: 'member' },
  roleBringer: { nl: 'inbrenger', en: 'case bringer' },
  you: { nl: 'jij', en: 'you' },
  // How a member is reached: directly, or through the server by the encrypted relay (issue 12).
  linkDirect: { nl: 'direct', en: 'direct' },
  linkViaServer: { nl: 'via de server', en: 'via server' },
  linkViaServerHint: {
    nl: 'Verbonden via de server, versleuteld: een directe verbinding lukte niet.',
    en: 'Connected through the server, encrypted: a direct connection did not work.',
  },
  connectedViaServer: {
    nl: 'Daarvan {count} via de server, versleuteld.',
    en: '{count} of them through the server, encrypted.',
  },
  // Peers that receive the meeting without showing a presence (issue 13, point 3).
  unknownPeers: {
    nl: {
      one: 'Er is iemand onbekends verbonden.',
      other: 'Er zijn {count} onbekenden verbonden.',
    },
    en: { one: 'Someone unknown is connected.', other: '{count} unknown people are connected.' },
  },
  unknownPeersHint: {
    nl: 'Alles wat hier gedeeld wordt, is voor hen te zien. Vraag in het gesprek wie het is. Weet niemand het, deel dan niets meer tot de voorzitter de bijeenkomst naar een nieuwe ruimte heeft verplaatst.',
    en: 'They can see everything shared here. Ask in the call who it is. If nobody knows, share nothing more until the chair has moved the meeting to a fresh room.',
  },
  lookingForGroup: { nl: 'Je groep zoeken…', en: 'Looking for your group…' },
  lookingForGroupHint: {
    nl: 'Loopt er al een bijeenkomst, dan kom je er vanzelf in zodra de anderen gevonden zijn.',
    en: 'If a meeting is already running, you join it as soon as the others are found.',
  },
  findingGroupHint: {
    nl: 'Kring zoekt contact met de panelen van de anderen in je groep. Dat duurt even; op een trage verbinding een paar seconden.',
    en: 'Kring is reaching the panels of the others in your group. This takes a moment; on a slow connection a few seconds.',
  },
  findingGroupOffline: {
    nl: 'Zodra de verbindingsserver bereikbaar is, zoekt Kring de panelen van de anderen in je groep.',
    en: 'As soon as the connection server can be reached, Kring looks for the panels of the others in your group.',
  },
  startAnyway: { nl: 'Toch een nieuwe bijeenkomst starten', en: 'Start a new meeting anyway' },
  otherMeetingStarted: {
    nl: '{name} startte tegelijk nog een bijeenkomst. Wat daar geschreven is, staat daar nog.',
    en: '{name} started another meeting at the same time. What was written there is still there.',
  },
  openOtherMeeting: {
    nl: 'Open de bijeenkomst van {name}',
    en: 'Open the meeting of {name}',
  },
  someoneElse: { nl: 'Iemand', en: 'Someone' },
  viewingOtherMeeting: {
    nl: 'Je kijkt naar een bijeenkomst die tegelijk met die van de groep is gestart.',
    en: "You are looking at a meeting that was started at the same time as the group's.",
  },
  backToGroupMeeting: {
    nl: 'Terug naar de bijeenkomst van de groep',
    en: "Back to the group's meeting",
  },
  method: { nl: 'Werkvorm', en: 'Method' },
  startMeeting: { nl: 'Start de bijeenkomst als voorzitter', en: 'Start the meeting as chair' },
  waitingForMeeting: { nl: 'Bijeenkomst laden…', en: 'Loading the meeting…' },
  openingGroup: { nl: 'Groep openen…', en: 'Opening the group…' },
  waitingForMeetingPercent: {
    nl: 'Bijeenkomst laden… {percent}%',
    en: 'Loading the meeting… {percent}%',
  },
  meetingLoadStalled: {
    nl: 'De bijeenkomst kon niet worden geladen. Controleer je internetverbinding en open het paneel opnieuw. Lukt het dan nog niet, vraag de voorzitter of de bijeenkomst nog loopt.',
    en: 'The meeting could not be loaded. Check your internet connection and open the panel again. If that does not help, ask the chair whether the meeting is still running.',
  },
  boardErrorMeetingFull: {
    nl: 'De bijeenkomst is vol; er kan niets meer bij. Haal iets weg dat je eerder schreef, of vraag de voorzitter de bijeenkomst af te sluiten.',
    en: 'The meeting is full; nothing more can be added. Remove something you wrote earlier, or ask the chair to end the meeting.',
  },
  phaseOf: { nl: 'Fase {index} van {total}', en: 'Phase {index} of {total}' },
  phases: { nl: 'Fasen', en: 'Phases' },
  currentPhase: { nl: 'Huidige fase', en: 'Current phase' },
  nextPhase: { nl: 'Volgende fase', en: 'Next phase' },
  previousPhase: { nl: 'Vorige fase', en: 'Previous phase' },
  chairControls: { nl: 'Bediening voorzitter', en: 'Chair controls' },
  chairedBy: { nl: 'Voorzitter: {name}', en: 'Chair: {name}' },
  minutes: { nl: '{count} min', en: '{count} min' },
  signalingUrl: { nl: 'Adres van de verbindingsserver', en: 'Connection server address' },
  signalingUrlHint: {
    nl: 'De server brengt leden met elkaar in contact; hij ziet nooit wat er in de bijeenkomst gezegd wordt.',
    en: 'The server introduces members to each other; it never sees what is said in the meeting.',
  },
  signalingUrlInvalid: {
    nl: 'Dit is geen geldig adres.',
    en: 'This is not a valid address.',
  },
  signalingUrlScheme: {
    nl: 'Het adres begint met ws:// of wss://.',
    en: 'The address starts with ws:// or wss://.',
  },
  groupMeetsThrough: {
    nl: 'Deze groep komt samen via {host}.',
    en: 'This group meets through {host}.',
  },
  changeGroupServer: { nl: 'Server van deze groep wijzigen', en: "Change this group's server" },
  groupServer: { nl: 'Serveradres voor deze groep', en: 'Server address for this group' },
  groupServerHint: {
    nl: 'Leeg laten om het adres hierboven te gebruiken. Alle leden van de groep gebruiken dezelfde server.',
    en: 'Leave empty to use the address above. Everyone in the group uses the same server.',
  },
  inviteServerScheme: {
    nl: 'De link in deze uitnodiging leidt niet naar een Kring-server (een Kring-link begint met https:// of http://). Vraag de link opnieuw, of plak alleen de code (KR1-…).',
    en: 'The link in this invite does not lead to a Kring server (a Kring link starts with https:// or http://). Ask for the link again, or paste only the code (KR1-…).',
  },
  inviteServerInvalid: {
    nl: 'De link in deze uitnodiging is beschadigd. Kopieer de hele link opnieuw, of plak alleen de code (KR1-…).',
    en: 'The link in this invite is damaged. Copy the whole link again, or paste only the code (KR1-…).',
  },
  saved: { nl: 'Opgeslagen.', en: 'Saved.' },
  loading: { nl: 'Laden…', en: 'Loading…' },
  // --- boards: pitches, questions, reformulation (components/PitchBoard, QuestionBoard, ReformulationBoard) ---
  boardErrorEmpty: { nl: 'Schrijf eerst iets.', en: 'Write something first.' },
  boardErrorQuestionLimit: {
    nl: 'Je hebt je vragen voor deze ronde al geschreven.',
    en: 'You have already written your questions for this round.',
  },
  questionsEachCount: {
    nl: 'Jouw vragen in deze ronde: {count} van {limit}.',
    en: 'Your questions in this round: {count} of {limit}.',
  },
  questionsEachDone: {
    nl: 'Je hebt je {limit} vragen voor deze ronde geschreven. Verwijder er een als je een andere wilt stellen.',
    en: 'You have written your {limit} questions for this round. Remove one if you want to ask another.',
  },
  boardErrorTooLong: {
    nl: 'Dit is te lang; maak het korter.',
    en: 'This is too long; please shorten it.',
  },
  boardErrorNotAllowed: {
    nl: 'Dat kan niet in deze fase of in jouw rol.',
    en: 'That is not possible in this phase or in your role.',
  },
  boardErrorFull: {
    nl: 'Het bord is vol; er kan niets meer bij.',
    en: 'The board is full; nothing more can be added.',
  },
  boardErrorNoSuchItem: {
    nl: 'Dit staat niet meer op het bord.',
    en: 'This is no longer on the board.',
  },
  boardErrorChairCannotBring: {
    nl: 'De voorzitter kan niet ook de inbrenger zijn; kies de werkvraag van een ander lid.',
    en: "The chair cannot also be the case bringer; choose another member's work question.",
  },
  boardErrorNotStarted: { nl: 'De bijeenkomst loopt niet.', en: 'The meeting is not running.' },
  boardErrorOther: {
    nl: 'Dat lukte niet; probeer het opnieuw.',
    en: 'That did not work; please try again.',
  },
  byAuthor: { nl: 'door {name}', en: 'by {name}' },
  itemWithAuthor: { nl: '{text} ({who})', en: '{text} ({who})' },
  removeOwn: { nl: 'Verwijderen', en: 'Remove' },
  removeOwnFor: { nl: 'Verwijderen: {text}', en: 'Remove: {text}' },
  pitchHeading: { nl: 'Werkvragen', en: 'Work questions' },
  pitchField: { nl: 'Je werkvraag', en: 'Your work question' },
  pitchHint: {
    nl: 'Kort, actueel, concreet, nog niet opgelost en in de ik-vorm, met je eigen aandeel erin.',
    en: 'Short, current, concrete, not yet solved and in the first person, with your own part in it.',
  },
  pitchKind: { nl: 'Soort', en: 'Kind' },
  pitchKindCase: { nl: 'Casus', en: 'Case' },
  pitchKindTheme: { nl: 'Thema', en: 'Theme' },
  pitchSubmit: { nl: 'Werkvraag inbrengen', en: 'Add work question' },
  pitchNone: {
    nl: 'Nog geen werkvragen. Schrijf de eerste: waar loop je tegenaan in je werk?',
    en: 'No work questions yet. Write the first: what are you struggling with at work?',
  },
  pitchMeta: { nl: '{kind}, door {name}', en: '{kind}, by {name}' },
  pitchVote: { nl: 'Stem hierop', en: 'Vote for this' },
  pitchVoteFor: { nl: 'Stem hierop: {text}', en: 'Vote for this: {text}' },
  pitchUnvote: { nl: 'Mijn stem intrekken', en: 'Remove my vote' },
  pitchUnvoteFor: { nl: 'Mijn stem intrekken: {text}', en: 'Remove my vote: {text}' },
  egtLegend: { nl: 'EGT-score', en: 'EGT score' },
  egtHint: {
    nl: 'De groep kiest de casus op basis van EGT: geef elke werkvraag van een ander 0 tot 3 per letter. De hoogste EGT-score komt bovenaan; stemmen beslissen alleen bij gelijke stand.',
    en: "The group chooses the case by EGT: give each other member's work question 0 to 3 per letter. The highest EGT score comes first; votes only settle a tie.",
  },
  egtExplained: { nl: 'Wat EGT betekent', en: 'What EGT means' },
  egtEmotionExplain: {
    nl: 'Gaat er veel emotie gepaard met deze vraag?',
    en: 'Does this question come with a lot of emotion?',
  },
  egtSharedExplain: {
    nl: 'Gaat de vraag om casuïstiek die de groep gezamenlijk kent?',
    en: 'Is it a kind of case the group shares in its work?',
  },
  egtTimeExplain: {
    nl: 'Is de werkvraag erg aan een tijdslimiet gebonden?',
    en: 'Is the work question bound to a deadline?',
  },
  egtOwnPitch: {
    nl: 'Je eigen werkvraag geef je geen EGT-score.',
    en: 'You do not score your own work question.',
  },
  egtEmotion: { nl: 'Emotie', en: 'Emotion' },
  egtEmotionFor: { nl: 'Emotie voor: {text}', en: 'Emotion for: {text}' },
  egtShared: { nl: 'Gezamenlijk', en: 'Shared' },
  egtSharedFor: { nl: 'Gezamenlijk voor: {text}', en: 'Shared for: {text}' },
  egtTime: { nl: 'Tijdslimiet', en: 'Time-bound' },
  egtTimeFor: { nl: 'Tijdslimiet voor: {text}', en: 'Time-bound for: {text}' },
  confirmCase: { nl: 'Bevestig als casus', en: 'Confirm as case' },
  confirmCaseFor: { nl: 'Bevestig als casus: {text}', en: 'Confirm as case: {text}' },
  caseConfirmed: {
    nl: 'Casus: {text} — ingebracht door {name}',
    en: 'Case: {text} — brought in by {name}',
  },
  noCaseHeading: { nl: 'Geen casus bevestigd.', en: 'No case confirmed.' },
  noCaseChair: {
    nl: 'Er is nu geen inbrenger: niemand beantwoordt de vragen of krijgt het advies. Ga terug naar {phase} en bevestig daar een casus.',
    en: 'There is no case bringer now: nobody answers the questions or receives the advice. Go back to {phase} and confirm a case there.',
  },
  noCaseMember: {
    nl: 'Er is nu geen inbrenger. De voorzitter kan teruggaan naar {phase} om een casus te bevestigen.',
    en: 'There is no case bringer now. The chair can go back to {phase} to confirm a case.',
  },
  backToPhase: { nl: 'Terug naar {phase}', en: 'Back to {phase}' },
  caseChosenMark: { nl: 'gekozen casus', en: 'chosen case' },
  pitchResult: { nl: 'Uitslag', en: 'Result' },
  pitchTally: {
    nl: 'EGT: {total} (Emotie {emotion}, Gezamenlijk {shared}, Tijdslimiet {time}) · stemmen: {votes}',
    en: 'EGT: {total} (Emotion {emotion}, Shared {shared}, Time-bound {time}) · votes: {votes}',
  },
  questionHeading: { nl: 'Vragen aan de inbrenger', en: 'Questions to the case bringer' },
  questionField: { nl: 'Je vraag', en: 'Your question' },
  questionHint: {
    nl: 'Open, feitelijk en verdiepend; geen advies in vraagvorm.',
    en: 'Open, factual and deepening; no advice in disguise.',
  },
  postQuestion: { nl: 'Vraag plaatsen', en: 'Post question' },
  coachHint: { nl: 'Coach: {message}', en: 'Coach: {message}' },
  coachSuggestion: { nl: 'Bijvoorbeeld: {suggestion}', en: 'For example: {suggestion}' },
  coachFine: { nl: 'Coach: geen opmerkingen.', en: 'Coach: no remarks.' },
  questionNone: {
    nl: 'Nog geen vragen. Schrijf de eerste.',
    en: 'No questions yet. Write the first one.',
  },
  questionsHidden: {
    nl: {
      one: '{count} vraag verborgen tot de voorzitter de vragen toont',
      other: '{count} vragen verborgen tot de voorzitter ze toont',
    },
    en: {
      one: '{count} question hidden until the chair reveals the questions',
      other: '{count} questions hidden until the chair reveals them',
    },
  },
  questionsBlindHint: {
    nl: 'Alleen jij ziet je eigen vragen tot de voorzitter ze toont.',
    en: 'Only you see your own questions until the chair reveals them.',
  },
  revealQuestions: { nl: 'Vragen tonen', en: 'Reveal questions' },
  questionAnswered: { nl: 'Beantwoord', en: 'Answered' },
  questionAnsweredFor: { nl: 'Beantwoord: {text}', en: 'Answered: {text}' },
  questionAnsweredMark: { nl: '✓ beantwoord', en: '✓ answered' },
  questionRatingFor: { nl: 'Waardering: {text}', en: 'Rating: {text}' },
  questionRatingShown: { nl: 'waardering: {rating}', en: 'rating: {rating}' },
  ratingWarm: { nl: 'Warm', en: 'Warm' },
  ratingNeutral: { nl: 'Neutraal', en: 'Neutral' },
  ratingCold: { nl: 'Koud', en: 'Cold' },
  // While the case bringer rates: how far they are, for everyone (the chair moves on when done).
  questionsRated: { nl: 'Gewaardeerd: {count} van {total}', en: 'Rated: {count} of {total}' },
  // An answering phase after the rating (Phase.answerByRating): the questions by their rating.
  questionsByRating: {
    nl: 'Op volgorde van de waardering door de inbrenger: warm eerst.',
    en: 'In the order the case bringer rated them: warm first.',
  },
  questionsByRatingYou: {
    nl: 'Op volgorde van jouw waardering: warm eerst.',
    en: 'In the order you rated them: warm first.',
  },
  ratingGroup: { nl: '{rating} ({count})', en: '{rating} ({count})' },
  ratingNone: { nl: 'Nog niet gewaardeerd', en: 'Not rated yet' },
  questionsColdAside: {
    nl: 'Deze blijven liggen: de inbrenger beantwoordt de warme en neutrale vragen.',
    en: 'Left aside: the case bringer answers the warm and neutral questions.',
  },
  questionsColdAsideYou: {
    nl: 'Deze blijven liggen: je beantwoordt de warme en neutrale vragen.',
    en: 'Left aside: you answer the warm and neutral questions.',
  },
  proposalHeading: { nl: 'Voorstellen voor de kernvraag', en: 'Proposals for the core question' },
  proposalField: {
    nl: 'Jouw formulering van de kernvraag',
    en: 'Your wording of the core question',
  },
  proposalHint: {
    nl: 'Herformuleer het probleem, met het eigen aandeel van de inbrenger erin.',
    en: "Reformulate the problem, with the case bringer's own part in it.",
  },
  propose: { nl: 'Voorstellen', en: 'Propose' },
  proposalNone: {
    nl: 'Nog geen voorstellen. Schrijf de eerste formulering van de kernvraag.',
    en: 'No proposals yet. Write the first wording of the core question.',
  },
  chooseProposal: { nl: 'Kies deze', en: 'Choose this one' },
  chooseProposalFor: { nl: 'Kies deze: {text}', en: 'Choose this one: {text}' },
  proposalChosenMark: { nl: 'gekozen', en: 'chosen' },
  ownWording: { nl: 'Of in je eigen woorden', en: 'Or in your own words' },
  setCoreQuestion: { nl: 'Kernvraag vastleggen', en: 'Set core question' },
  coreQuestion: { nl: 'Kernvraag: {text}', en: 'Core question: {text}' },
  // --- boards: advice, evaluation, ending, last meeting (components/AdviceBoard, EvaluationBoard, EndedView, LastMeetingSummary) ---
  adviceHeading: { nl: 'Gegeven adviezen', en: 'Advice given' },
  yourAdvice: { nl: 'Je advies', en: 'Your advice' },
  giveAdvice: { nl: 'Geef advies', en: 'Give advice' },
  adviceAdded: { nl: 'Je advies is toegevoegd.', en: 'Your advice was added.' },
  adviceBlindHint: {
    nl: 'De anderen zien je advies pas als de voorzitter de adviezen toont.',
    en: 'The others see your advice only when the chair reveals the advice.',
  },
  adviceHidden: {
    nl: 'Verborgen tot de voorzitter ze toont: {count}',
    en: 'Hidden until the chair reveals them: {count}',
  },
  revealAdvice: { nl: 'Toon de adviezen', en: 'Reveal advice' },
  noAdviceYet: {
    nl: 'Nog geen adviezen. Schrijf het eerste.',
    en: 'No advice yet. Write the first.',
  },
  adviceTurn: { nl: 'Aan de beurt: {name}', en: 'Turn: {name}' },
  adviceNotYet: { nl: 'Nog niet: {names}', en: 'Not yet: {names}' },
  adviceEveryone: { nl: 'Iedereen heeft advies gegeven', en: 'Everyone has given advice' },
  starAdvice: { nl: 'Ster: {text}', en: 'Star: {text}' },
  adviceStarred: { nl: 'met ster', en: 'starred' },
  // Issue 14, point 4: the case bringer "geeft aan wat hij/zij al gedaan heeft".
  adviceTried: { nl: 'Al geprobeerd', en: 'Already tried' },
  adviceTriedFor: { nl: 'Al geprobeerd: {text}', en: 'Already tried: {text}' },
  adviceWhy: { nl: 'Waarom dit past', en: 'Why it fits' },
  adviceWhyFor: { nl: 'Waarom dit past: {text}', en: 'Why it fits: {text}' },
  saveAdviceWhy: { nl: 'Bewaar waarom', en: 'Save why' },
  saveAdviceWhyFor: { nl: 'Bewaar waarom: {text}', en: 'Save why: {text}' },
  moveUp: { nl: 'Omhoog', en: 'Move up' },
  moveDown: { nl: 'Omlaag', en: 'Move down' },
  moveUpItem: { nl: 'Omhoog: {text}', en: 'Move up: {text}' },
  moveDownItem: { nl: 'Omlaag: {text}', en: 'Move down: {text}' },
  starHint: {
    nl: 'Geef het advies dat past een ster en zet de adviezen met een ster in volgorde, het beste eerst.',
    en: 'Star the advice that fits and put the starred advice in order, the best first.',
  },
  intentionsLabel: { nl: 'Wat ik met dit advies ga doen', en: 'What I will do with this advice' },
  saveIntentions: { nl: 'Bewaar voornemens', en: 'Save intentions' },
  intentionsOf: {
    nl: 'Wat {name} met het advies gaat doen',
    en: 'What {name} will do with the advice',
  },
  bringerListens: {
    nl: '{name} luistert in deze ronde zonder te reageren',
    en: '{name} listens without reacting in this round',
  },
  caseBringerListens: {
    nl: 'De inbrenger luistert in deze ronde zonder te reageren',
    en: 'The case bringer listens without reacting in this round',
  },
  youListen: {
    nl: 'Je luistert in deze ronde zonder te reageren; je kunt aantekeningen maken',
    en: 'You listen without reacting in this round; you can take notes',
  },
  evaluationHeading: { nl: 'Opbrengst en afspraken', en: 'Learning and agreements' },
  evaluationKind: { nl: 'Soort regel', en: 'Kind of line' },
  evaluationLearning: { nl: 'Wat deze bijeenkomst mij opleverde', en: 'What this meeting gave me' },
  evaluationAgreement: { nl: 'Afspraak voor de volgende keer', en: 'Agreement for next time' },
  evaluationFollowUp: { nl: 'Vervolg voor de inbrenger', en: 'Follow-up for the case bringer' },
  evaluationText: { nl: 'Je regel', en: 'Your line' },
  addEvaluation: { nl: 'Regel toevoegen', en: 'Add line' },
  evaluationAdded: { nl: 'Toegevoegd.', en: 'Added.' },
  nothingYet: { nl: 'Nog niets.', en: 'Nothing yet.' },
  keepCaseTitle: {
    nl: 'Bewaar de titel van de casus in de samenvatting van de groep',
    en: "Keep the case title in the group's summary",
  },
  caseTitleKept: {
    nl: 'De titel van de casus wordt bewaard in de samenvatting.',
    en: 'The case title will be kept in the summary.',
  },
  caseTitleNotKept: {
    nl: 'De titel van de casus wordt niet bewaard, tenzij de inbrenger daarmee instemt.',
    en: 'The case title will not be kept unless the case bringer agrees.',
  },
  caseTitle: { nl: 'Titel van de casus: {title}', en: 'Case title: {title}' },
  whatIsKept: {
    nl: 'Na afloop bewaart de groep alleen de datum, de werkvorm, de rollen, de afspraken en het vervolg, en de titel van de casus alleen als de inbrenger instemt; al het andere wordt voor iedereen gewist.',
    en: 'After the meeting the group keeps only the date, the method, the roles, the agreements and the follow-up, and the case title only if the case bringer agrees; everything else is cleared for everyone.',
  },
  // A meeting without a case (the first meeting): no follow-up and no case title to keep.
  whatIsKeptNoCase: {
    nl: 'Na afloop bewaart de groep alleen de datum, de werkvorm, de rollen en de afspraken; al het andere wordt voor iedereen gewist.',
    en: 'After the meeting the group keeps only the date, the method, the roles and the agreements; everything else is cleared for everyone.',
  },
  endedTitle: { nl: 'De bijeenkomst is beëindigd.', en: 'The meeting has ended.' },
  endedCleared: {
    nl: 'Het gedeelde bord is voor iedereen gewist.',
    en: 'The shared board was cleared for everyone.',
  },
  keptHeading: { nl: 'Wat de groep bewaart', en: 'What the group keeps' },
  keptOnDevice: {
    nl: 'Deze samenvatting staat alleen op de apparaten van de leden.',
    en: "This summary is stored only on the members' own devices.",
  },
  keptDate: { nl: 'Datum', en: 'Date' },
  keptChair: { nl: 'Voorzitter', en: 'Chair' },
  keptCaseBringer: { nl: 'Inbrenger', en: 'Case bringer' },
  keptCaseTitle: { nl: 'Titel van de casus', en: 'Case title' },
  keptAgreements: { nl: 'Afspraken', en: 'Agreements' },
  keptFollowUp: { nl: 'Vervolg', en: 'Follow-up' },
  keptNone: { nl: 'Geen', en: 'None' },
  lastMeetingHeading: { nl: 'Vorige keer ({date})', en: 'Last time ({date})' },
  lastMeetingNothingKept: {
    nl: 'Er zijn geen afspraken of vervolg vastgelegd.',
    en: 'No agreements or follow-up were recorded.',
  },
  onlyYouSee: { nl: 'Alleen jij ziet dit:', en: 'Only you see this:' },
  lastMeetingYourCase: {
    nl: 'Jij bracht de vorige keer de casus in. Vertel de groep hoe het nu gaat.',
    en: 'You brought in the case last time. Tell the group how it is going now.',
  },
  // --- meeting: roles, timer, chair controls (components/MeetingView, PhaseTimer, ChairControls) ---
  timerLabel: { nl: 'Resterende tijd voor deze fase', en: 'Time left in this phase' },
  timeUp: { nl: 'De tijd voor deze fase is om.', en: 'Time is up for this phase.' },
  timerPaused: { nl: 'gepauzeerd', en: 'paused' },
  pauseTimer: { nl: 'Pauzeer timer', en: 'Pause timer' },
  resumeTimer: { nl: 'Hervat timer', en: 'Resume timer' },
  extendTimer: { nl: 'Eén minuut erbij', en: 'Add one minute' },
  resetTimer: { nl: 'Timer opnieuw', en: 'Reset timer' },
  soundOn: { nl: 'Geluid als de tijd om is', en: 'Sound when time is up' },
  soundChair: {
    nl: 'Alleen als ik voorzitter of tijdbewaker ben',
    en: 'Only when I chair or keep the time',
  },
  soundAlways: { nl: 'Altijd', en: 'Always' },
  soundNever: { nl: 'Nooit', en: 'Never' },
  handChairTo: { nl: 'Voorzittersrol overdragen aan', en: 'Hand the chair to' },
  handChair: { nl: 'Draag voorzittersrol over', en: 'Hand over the chair' },
  takeChair: { nl: 'Neem de voorzittersrol over', en: 'Take the chair' },
  chairGone: {
    nl: 'De voorzitter is niet meer verbonden. Iemand kan de voorzittersrol overnemen.',
    en: 'The chair is no longer connected. Someone can take the chair.',
  },
  bringerGone: {
    nl: '{name}, de inbrenger, is nu niet verbonden. Wat alleen {name} op het bord doet, wacht tot {name} terug is.',
    en: '{name}, the case bringer, is not connected right now. What only {name} does on the board waits until {name} is back.',
  },
  chairTookOver: {
    nl: '{name} heeft de voorzittersrol overgenomen.',
    en: '{name} took the chair.',
  },
  chairTakenWhileAway: {
    nl: '{name} nam de voorzittersrol over toen je weg was.',
    en: '{name} took the chair while you were away.',
  },
  takeChairBack: { nl: 'Neem de voorzittersrol terug', en: 'Take the chair back' },
  rejectedHeading: { nl: 'Genegeerde wijzigingen', en: 'Ignored changes' },
  rejectedIntro: {
    nl: 'Kring negeerde wijzigingen die niemand mocht doen: op naam van een ander, buiten de eigen rol, of van iemand onbekend.',
    en: 'Kring ignored changes nobody was allowed to make: in someone else’s name, outside their role, or from someone unknown.',
  },
  rejectedBy: { nl: '{name}: {count}×', en: '{name}: {count}×' },
  someoneUnknown: { nl: 'iemand onbekend', en: 'someone unknown' },
  fingerprint: { nl: 'sleutel {code}', en: 'key {code}' },
  nameWithKey: { nl: '{name} ({key})', en: '{name} ({key})' },
  endMeeting: { nl: 'Beëindig de bijeenkomst', en: 'End the meeting' },
  endMeetingConfirm: {
    nl: 'Bijeenkomst beëindigen? Het gedeelde bord wordt voor iedereen gewist; alleen de samenvatting blijft.',
    en: 'End the meeting? The shared board is cleared for everyone; only the summary stays.',
  },
  confirmEnd: { nl: 'Ja, beëindigen', en: 'Yes, end it' },
  lastPhaseChair: {
    nl: 'Dit is de laatste fase. Is de groep klaar, beëindig dan de bijeenkomst.',
    en: 'This is the last phase. When the group is done, end the meeting.',
  },
  cancel: { nl: 'Annuleren', en: 'Cancel' },
  guidanceForChair: { nl: 'Voor de voorzitter', en: 'For the chair' },
  guidanceForYou: { nl: 'Wat je nu doet', en: 'What you do now' },
  yourRole: { nl: 'Je rol: {role}', en: 'Your role: {role}' },
  caseBroughtBy: { nl: 'Inbrenger: {name}', en: 'Case bringer: {name}' },
  availableTime: { nl: 'Beschikbare tijd', en: 'Time available' },
  methodDefaultTime: {
    nl: 'Tijden van de werkvorm ({minutes} min)',
    en: "The method's own times ({minutes} min)",
  },
  methodDefaultTimeShort: {
    nl: 'Tijden van de werkvorm ({minutes} min, kort)',
    en: "The method's own times ({minutes} min, short)",
  },
  minutesTotal: { nl: '{minutes} minuten', en: '{minutes} minutes' },
  minutesTotalShort: { nl: '{minutes} minuten (kort)', en: '{minutes} minutes (short)' },
  meetingLengthHint: {
    nl: 'Een bijeenkomst duurt minstens anderhalf uur; twee uur is gebruikelijk.',
    en: 'A meeting takes at least an hour and a half; two hours is common.',
  },
  chairSuggestion: {
    nl: 'Volgens het rooster is {name} aan de beurt om voor te zitten.',
    en: "By the rota it is {name}'s turn to chair.",
  },
  nothingToWrite: {
    nl: 'In deze fase is er niets te schrijven; volg het gesprek.',
    en: 'Nothing to write in this phase; follow the conversation.',
  },
  nothingToLookBackOn: {
    nl: 'Dit apparaat kent geen eerdere bijeenkomst van deze groep om op terug te blikken.',
    en: 'This device knows no earlier meeting of this group to look back on.',
  },
  nothingToLookBackOnChair: {
    nl: 'Dit apparaat kent geen eerdere bijeenkomst van deze groep om op terug te blikken. Is dit de eerste bijeenkomst, ga dan door naar de volgende fase.',
    en: "This device knows no earlier meeting of this group to look back on. If it is the group's first meeting, go on to the next phase.",
  },
  nothingToWriteYouTell: {
    nl: 'In deze fase is er niets te schrijven: jij vertelt, de anderen luisteren.',
    en: 'Nothing to write in this phase: you tell, the others listen.',
  },
  somethingWrong: {
    nl: 'Er ging iets mis: {error}',
    en: 'Something went wrong: {error}',
  },
} as const satisfies Record<string, Message>;

/** A key of the message table. */
export type MessageKey = keyof typeof MESSAGES;

/** The keys of messages about a number: their wording depends on `{count}`. */
export type CountedKey = {
  [K in MessageKey]: (typeof MESSAGES)[K] extends LocalizedPlural ? K : never;
}[MessageKey];

/** The values for a message's `{placeholders}`. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** What `translate` takes after the key: a message about a number needs its count. */
export type ValuesFor<K extends MessageKey> = K extends CountedKey
  ? [values: MessageValues & { readonly count: number }]
  : [values?: MessageValues];

/**
 * Looks up a message in a language and fills its `{placeholders}`; for a message about a number,
 * `count` picks the wording by the language's plural rules.
 */
export function translate<K extends MessageKey>(
  locale: Locale,
  key: K,
  ...[values = {}]: ValuesFor<K>
): string {
  const message: Message = MESSAGES[key];
  return fillText(locale, message[locale], key, values);
}
