/**
 * Which browser tabs are web-call pages, and which meeting they show.
 *
 * A call tab is any https page on Google Meet's host, on the Zoom web client (`/wc/...` on
 * zoom.us or a subdomain) or on one of the Teams web hosts: the panel is offered there even
 * before the member is inside a meeting (landing page, pre-join screen), so that a group can get
 * ready first. `meetingId` is set only when the URL itself names a meeting. It names the link,
 * not the meeting: two links to one Teams meeting (a thread id and a numeric /meet/ id) differ.
 */

/** A video-call platform whose web client gets the panel. */
export type CallPlatform = 'meet' | 'zoom' | 'teams';

/** A recognised call tab: the platform, the meeting its URL names (or null), and the URL. */
export interface CallInfo {
  readonly platform: CallPlatform;
  readonly meetingId: string | null;
  /** The normalised URL. It may carry a passcode (Zoom `pwd`, Teams `p`): keep it local. */
  readonly url: string;
}

/** Content-script match patterns of the call pages; the manifest's host permissions cover them. */
export const CALL_MATCH_PATTERNS: readonly string[] = [
  'https://meet.google.com/*',
  'https://*.zoom.us/wc/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

// Real call URLs stay well under 4 KB (a Teams launcher link with its context is ~2 KB); anything
// longer is not worth parsing or storing.
const MAX_URL_LENGTH = 8192;

const TEAMS_HOSTS: ReadonlySet<string> = new Set([
  'teams.microsoft.com',
  'teams.live.com',
  'teams.cloud.microsoft',
]);

const MEET_CODE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;
const MEET_NICKNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
// Zoom meeting and webinar ids are 9 to 11 digits.
const ZOOM_ID = /^\d{9,11}$/;
// Meeting chat threads ("19:meeting_...@thread.v2") and channel threads ("...@thread.tacv2").
const TEAMS_THREAD = /^19:[A-Za-z0-9_.+=-]{1,200}@thread\.(?:v2|tacv2|skype)$/;
const TEAMS_MEET_ID = /^\d{9,20}$/;

/** The call tab a URL shows, or null when it is no call page (never throws, whatever the input). */
export function parseCallUrl(url: string): CallInfo | null {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Credentials or an explicit port never appear in a real call link; refusing them keeps
  // look-alikes out and the stored URL plain.
  if (parsed.protocol !== 'https:' || parsed.port !== '') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  const host = parsed.hostname;
  if (host === 'meet.google.com') {
    return { platform: 'meet', meetingId: meetMeetingId(parsed.pathname), url: parsed.href };
  }
  if (host === 'zoom.us' || host.endsWith('.zoom.us')) {
    if (!parsed.pathname.startsWith('/wc/')) return null;
    return { platform: 'zoom', meetingId: zoomMeetingId(parsed.pathname), url: parsed.href };
  }
  if (TEAMS_HOSTS.has(host)) {
    return { platform: 'teams', meetingId: teamsMeetingId(parsed), url: parsed.href };
  }
  return null;
}

/** The name members know a platform by, for display. */
export function platformLabel(platform: CallPlatform): string {
  switch (platform) {
    case 'meet':
      return 'Google Meet';
    case 'zoom':
      return 'Zoom';
    case 'teams':
      return 'Microsoft Teams';
  }
}

function segments(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

// `/abc-defg-hij`, `/_meet/abc-defg-hij` (opened from Calendar or Gmail) or `/lookup/<nickname>`.
// Codes are lower-cased: Meet accepts them in any case, and every member must get the same id.
function meetMeetingId(pathname: string): string | null {
  const parts = segments(pathname);
  const [first, second] = parts;
  if (parts.length === 1 && first !== undefined) {
    const code = first.toLowerCase();
    return MEET_CODE.test(code) ? code : null;
  }
  if (parts.length !== 2 || second === undefined) return null;
  const name = second.toLowerCase();
  if (first === '_meet') return MEET_CODE.test(name) ? name : null;
  if (first === 'lookup') return MEET_NICKNAME.test(name) ? `lookup/${name}` : null;
  return null;
}

// `/wc/<id>/join`, `/wc/<id>/start`, ... and the older `/wc/join/<id>`.
function zoomMeetingId(pathname: string): string | null {
  const [, first, second] = segments(pathname);
  if (first !== undefined && ZOOM_ID.test(first)) return first;
  if (first === 'join' && second !== undefined && ZOOM_ID.test(second)) return second;
  return null;
}

// The meeting is named in the path (`/l/meetup-join/<thread>/...`, `/meet/<id>`), in the fragment
// of the web app (`/_#/l/meetup-join/...`, `/v2/?meetingjoin=true#/l/meetup-join/...`) or in the
// `url` parameter of the launcher page (`/dl/launcher/launcher.html?url=/_%23/l/meetup-join/...`).
function teamsMeetingId(url: URL): string | null {
  const direct = teamsIdFromPath(url.pathname) ?? teamsIdFromPath(fragmentPath(url.hash));
  if (direct !== null) return direct;
  const target = url.searchParams.get('url');
  if (target === null || !target.startsWith('/')) return null;
  let inner: URL;
  try {
    inner = new URL(target, url.origin);
  } catch {
    return null;
  }
  if (inner.origin !== url.origin) return null;
  return teamsIdFromPath(inner.pathname) ?? teamsIdFromPath(fragmentPath(inner.hash));
}

function fragmentPath(hash: string): string {
  const path = hash.replace(/^#/, '');
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

function teamsIdFromPath(path: string): string | null {
  const [first, second, third] = segments(path);
  if (first === 'l' && second === 'meetup-join' && third !== undefined) {
    const thread = decodeSegment(third);
    return thread !== null && TEAMS_THREAD.test(thread) ? thread : null;
  }
  if (first === 'meet' && second !== undefined && TEAMS_MEET_ID.test(second)) return second;
  return null;
}
