import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemberList } from '../../../components/meeting/MemberList';
import { ConnectionStatus } from '../../../components/shell/ConnectionStatus';
import { I18nProvider } from '../../../components/common/I18n';
import type { Member } from '../../../lib/shared-doc/presence';

afterEach(cleanup);

const members: Member[] = [
  { memberId: 'anna-0001', name: 'Anna', role: 'chair', isSelf: true },
  { memberId: 'bram-0002', name: 'Bram', role: 'bringer', isSelf: false },
  { memberId: 'carla-003', name: 'Carla', role: 'member', isSelf: false },
  { memberId: 'dirk-0004', name: 'Dirk', role: 'member', isSelf: false },
];

describe('the member list', () => {
  it.each([
    [
      'en',
      [
        'Anna (chair, you)',
        'Bram (case bringer) direct',
        'Carla (member) via server',
        'Dirk (member)',
      ],
    ],
    [
      'nl',
      [
        'Anna (voorzitter, jij)',
        'Bram (inbrenger) direct',
        'Carla (deelnemer) via de server',
        'Dirk (deelnemer)',
      ],
    ],
  ] as const)('says in %s who is reached directly and who through the server', (locale, rows) => {
    render(
      <I18nProvider locale={locale}>
        <MemberList
          members={members}
          links={{ 'bram-0002': 'direct', 'carla-003': 'server', 'anna-0001': 'server' }}
        />
      </I18nProvider>,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    // The initial is a picture of the name (hidden from screen readers); the text follows it.
    expect(items.map((item) => item.querySelector('.member-text')?.textContent)).toEqual(rows);
  });

  it('explains the server marker on hover', () => {
    render(
      <I18nProvider locale="en">
        <MemberList members={members} links={{ 'carla-003': 'server' }} />
      </I18nProvider>,
    );
    expect(screen.getByText('via server').getAttribute('title')).toBe(
      'Connected through the server, encrypted: a direct connection did not work.',
    );
  });

  it('says in the status line how many are reached through the server', () => {
    render(
      <I18nProvider locale="en">
        <ConnectionStatus
          status={{ kind: 'connected', members: 3, viaServer: 2 }}
          signalingUrl="ws://x:1"
        />
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe(
      'Connected to 3 members. 2 of them through the server, encrypted.',
    );
  });

  it('shows the device key of members whose names differ only in case or something invisible', () => {
    render(
      <I18nProvider locale="en">
        <MemberList
          members={[
            {
              memberId: 'anna-0001',
              name: 'Anna',
              role: 'chair',
              isSelf: true,
              fingerprint: 'AAAA 1111',
            },
            {
              memberId: 'anna-0002',
              name: 'anna',
              role: 'member',
              isSelf: false,
              fingerprint: 'BBBB 2222',
            },
            {
              memberId: 'anna-0003',
              name: 'An\u200bna',
              role: 'member',
              isSelf: false,
              fingerprint: 'CCCC 3333',
            },
            {
              memberId: 'bram-0002',
              name: 'Bram',
              role: 'member',
              isSelf: false,
              fingerprint: 'DDDD 4444',
            },
          ]}
        />
      </I18nProvider>,
    );
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(
      items.map((item) => item.querySelector('.member-fingerprint')?.textContent ?? null),
    ).toEqual(['key AAAA 1111', 'key BBBB 2222', 'key CCCC 3333', null]);
  });
});
