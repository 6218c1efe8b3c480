import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { CALL_MATCH_PATTERNS, parseCallUrl, platformLabel } from '../../../lib/call/call-url';
import type { CallPlatform } from '../../../lib/call/call-url';
import { CALL_HOST_PERMISSIONS } from '../../../wxt.config';

// [url, platform, meetingId]: pages that are call tabs.
const CALL_PAGES: readonly (readonly [string, CallPlatform, string | null])[] = [
  ['https://meet.google.com/abc-defg-hij', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?authuser=0&pli=1', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij?hs=122&authuser=1#chat', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/abc-defg-hij/', 'meet', 'abc-defg-hij'],
  ['https://MEET.google.com/ABC-defg-HIJ', 'meet', 'abc-defg-hij'],
  ['https://meet.google.com/_meet/xyz-abcd-efg?ijlm=1712345678&hs=130', 'meet', 'xyz-abcd-efg'],
  ['https://meet.google.com/lookup/teamstandup?authuser=0', 'meet', 'lookup/teamstandup'],
  ['https://meet.google.com/lookup/Team.Standup', 'meet', 'lookup/team.standup'],
  ['https://meet.google.com/', 'meet', null],
  ['https://meet.google.com/landing?authuser=0', 'meet', null],
  ['https://meet.google.com/new', 'meet', null],
  ['https://meet.google.com/abc-defg-hi', 'meet', null],
  ['https://meet.google.com/abc-defg-hijk', 'meet', null],
  ['https://meet.google.com/abcdefghij', 'meet', null],
  ['https://meet.google.com/abc-defg-hij/extra', 'meet', null],
  ['https://meet.google.com/lookup/', 'meet', null],
  ['https://us05web.zoom.us/wc/81234567890/join?fromPWA=1&pwd=aBcDeF123', 'zoom', '81234567890'],
  ['https://app.zoom.us/wc/81234567890/join?fromPWA=1&pwd=xyz', 'zoom', '81234567890'],
  ['https://app.zoom.us/wc/9876543210/start', 'zoom', '9876543210'],
  ['https://us02web.zoom.us/wc/123456789/leave#x', 'zoom', '123456789'],
  ['https://zoom.us/wc/join/81234567890?pwd=abc', 'zoom', '81234567890'],
  ['https://pwa.zoom.us/wc/81234567890/join', 'zoom', '81234567890'],
  ['https://acme.zoom.us/wc/81234567890/join?_x_zm_rtaid=abc.123', 'zoom', '81234567890'],
  ['https://app.zoom.us/wc/home', 'zoom', null],
  ['https://app.zoom.us/wc/12345/join', 'zoom', null],
  ['https://app.zoom.us/wc/123456789012/join', 'zoom', null],
  [
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjA5YzE0ZDktNzA0Yi00ZjgyLWE3OTQtYjZkMzZjZGI2NmQx%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf%22%2c%22Oid%22%3a%22a1b2%22%7d',
    'teams',
    '19:meeting_NjA5YzE0ZDktNzA0Yi00ZjgyLWE3OTQtYjZkMzZjZGI2NmQx@thread.v2',
  ],
  [
    'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_ODk3NDk0@thread.v2/0?context=%7b%7d&anon=true',
    'teams',
    '19:meeting_ODk3NDk0@thread.v2',
  ],
  [
    'https://teams.microsoft.com/_#/l/meetup-join/19:meeting_ODk3NDk0@thread.v2/0',
    'teams',
    '19:meeting_ODk3NDk0@thread.v2',
  ],
  [
    'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_ODk3NDk0%40thread.v2%2F0%3Fcontext%3D%257b%257d&type=meetup-join&deeplinkId=abc&directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true',
    'teams',
    '19:meeting_ODk3NDk0@thread.v2',
  ],
  [
    'https://teams.microsoft.com/l/meetup-join/19%3a1a2b3c4d5e6f%40thread.tacv2/1712345678901?context=%7b%7d',
    'teams',
    '19:1a2b3c4d5e6f@thread.tacv2',
  ],
  ['https://teams.microsoft.com/meet/2345678901234?p=AbCdEfGh', 'teams', '2345678901234'],
  ['https://teams.live.com/meet/9312345678901?p=xYz123', 'teams', '9312345678901'],
  ['https://teams.cloud.microsoft/meet/2345678901234?p=AbC', 'teams', '2345678901234'],
  ['https://teams.microsoft.com/v2/', 'teams', null],
  ['https://teams.microsoft.com/_#/calendarv2', 'teams', null],
  ['https://teams.live.com/v2/?utm_source=x', 'teams', null],
  ['https://teams.cloud.microsoft/', 'teams', null],
  ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40evil.example/0', 'teams', null],
  ['https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0', 'teams', null],
  ['https://teams.microsoft.com/meet/abc', 'teams', null],
  [
    'https://teams.microsoft.com/dl/launcher/launcher.html?url=https%3A%2F%2Fevil.example%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_X%40thread.v2%2F0',
    'teams',
    null,
  ],
];

// Pages that are no call tabs: other hosts, look-alikes, other schemes, garbage.
const OTHER_PAGES: readonly string[] = [
  'http://meet.google.com/abc-defg-hij',
  'http://app.zoom.us/wc/81234567890/join',
  'http://teams.microsoft.com/l/meetup-join/19%3ameeting_X%40thread.v2/0',
  'https://meet.google.com.evil.example/abc-defg-hij',
  'https://evil.example/meet.google.com/abc-defg-hij',
  'https://meet.google.co/abc-defg-hij',
  'https://meet.google.com./abc-defg-hij',
  'https://xmeet.google.com/abc-defg-hij',
  'https://calendar.google.com/calendar/u/0/r',
  'https://www.google.com/search?q=https://meet.google.com/abc-defg-hij',
  'https://user:pass@meet.google.com/abc-defg-hij',
  'https://meet.google.com@evil.example/abc-defg-hij',
  'https://meet.google.com:8443/abc-defg-hij',
  'https://zoom.us.evil.example/wc/81234567890/join',
  'https://evilzoom.us/wc/81234567890/join',
  'https://zoom.us/j/81234567890?pwd=abc',
  'https://us05web.zoom.us/j/81234567890',
  'https://zoom.us/',
  'https://zoom.us/wc',
  'https://zoom.us/pricing',
  'https://zoom.com/wc/81234567890/join',
  'https://teams.microsoft.com.evil.example/l/meetup-join/x',
  'https://eviltteams.microsoft.com/',
  'https://www.teams.microsoft.com/',
  'https://teams.live.com.evil.example/meet/9312345678901',
  'https://microsoft.com/teams',
  'https://example.org/',
  'chrome://newtab/',
  'about:blank',
  'file:///home/me/meet.google.com/abc-defg-hij',
  'javascript:alert(1)//https://meet.google.com/abc-defg-hij',
  'data:text/html,<a href="https://meet.google.com/abc-defg-hij">',
  'blob:https://meet.google.com/2c1a9f1e-1b2c-4d5e-8f90-123456789abc',
  'meet.google.com/abc-defg-hij',
  '//meet.google.com/abc-defg-hij',
  '',
  ' ',
  'not a url',
  'https://',
  'https://[::1',
  'https://meet.google\u0000.com/abc-defg-hij',
  `https://meet.google.com/abc-defg-hij?${'a'.repeat(20_000)}`,
  'x'.repeat(1_000_000),
];

function matchesContentScript(url: string): boolean {
  return CALL_MATCH_PATTERNS.some((pattern) => new MatchPattern(pattern).includes(url));
}

// Chrome treats a host permission's path as `/*`: only scheme and host count.
function origin(pattern: string): { scheme: string; host: string } | null {
  const match = /^(https):\/\/([^/]+)\//.exec(pattern);
  return match?.[1] === undefined || match[2] === undefined
    ? null
    : { scheme: match[1], host: match[2] };
}

function hostPermissionCovers(permission: string, pattern: string): boolean {
  const granted = origin(permission);
  const wanted = origin(pattern);
  if (granted === null || wanted === null || granted.scheme !== wanted.scheme) return false;
  if (granted.host === wanted.host) return true;
  if (!granted.host.startsWith('*.')) return false;
  const base = granted.host.slice(2);
  const host = wanted.host.replace(/^\*\./, '');
  return host === base || host.endsWith(`.${base}`);
}

describe('parseCallUrl', () => {
  it.each(CALL_PAGES)('recognises %s as a %s call tab', (url, platform, meetingId) => {
    expect(parseCallUrl(url)).toEqual({ platform, meetingId, url: new URL(url).href });
  });

  it.each(OTHER_PAGES.map((url) => [url.length > 200 ? `${url.slice(0, 60)}…` : url, url]))(
    'does not take %s for a call tab',
    (_label, url) => {
      expect(parseCallUrl(url)).toBeNull();
    },
  );

  it('never throws, whatever string it is given', () => {
    const odd = [
      '%',
      '%%',
      'https://%zz',
      'https://teams.microsoft.com/%',
      '\uD800',
      '💥'.repeat(5000),
    ];
    for (const url of odd) expect(() => parseCallUrl(url)).not.toThrow();
  });

  it('offers the panel only on pages where the content script runs', () => {
    for (const [url] of CALL_PAGES) expect(matchesContentScript(url), url).toBe(true);
  });

  it('keeps a passcode in the URL, since it stays in the member\u2019s own browser', () => {
    expect(parseCallUrl('https://app.zoom.us/wc/81234567890/join?pwd=secret')?.url).toContain(
      'pwd=secret',
    );
  });
});

describe('platformLabel', () => {
  it('names each platform as its users know it', () => {
    expect(platformLabel('meet')).toBe('Google Meet');
    expect(platformLabel('zoom')).toBe('Zoom');
    expect(platformLabel('teams')).toBe('Microsoft Teams');
  });
});

describe('the manifest', () => {
  it('has host permissions for every page the content script matches, so their URLs are readable', () => {
    for (const pattern of CALL_MATCH_PATTERNS) {
      const covered = CALL_HOST_PERMISSIONS.some((permission) =>
        hostPermissionCovers(permission, pattern),
      );
      expect(covered, pattern).toBe(true);
    }
  });

  it('asks for no host beyond the hosts the content script matches', () => {
    const wanted = CALL_MATCH_PATTERNS.map(origin);
    for (const permission of CALL_HOST_PERMISSIONS) {
      expect(wanted, permission).toContainEqual(origin(permission));
    }
  });
});
