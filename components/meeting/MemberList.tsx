import { memo } from 'react';
import { sharedNames } from './member-label';
import type { Member } from '../../lib/shared-doc/presence';
import type { PeerLink } from '../../lib/connection/relay-plan';
import { useI18n } from '../common/I18n';
import type { Role } from '../../lib/method/roles';
import type { MessageKey } from '../../lib/i18n/messages';

const ROLE_LABELS: Record<Role, MessageKey> = {
  chair: 'roleChair',
  bringer: 'roleBringer',
  member: 'roleMember',
};

const LINK_LABELS: Record<PeerLink, MessageKey> = {
  direct: 'linkDirect',
  server: 'linkViaServer',
};

/**
 * Who is present, each with their role (a chair who is not a member of the group shows as the
 * procesbegeleider) and how this panel reaches them: directly, or through
 * the server (the encrypted relay), so that the chair sees at a glance who is on a poor network.
 * Names are peers' text and rendered as text only.
 * Memoized (see GroupView).
 */
export const MemberList = memo(function MemberList({
  members,
  links = {},
  roles = true,
  timekeeper = null,
}: {
  members: readonly Member[];
  /**
   * Whether roles are known: not to a member still waiting to be let in, who sees the group's
   * lobby and not the meeting that says who chairs.
   */
  roles?: boolean;
  /** How each other member is reached, by member id (GroupSnapshot.links). */
  links?: Readonly<Record<string, PeerLink>>;
  /** The member the chair named to keep the time (GroupSnapshot.timekeeper): said after the role. */
  timekeeper?: string | null;
}) {
  const { t } = useI18n();
  // Two members with one name: each shows their device's fingerprint, to tell them apart.
  const shared = sharedNames(members);
  return (
    <section aria-labelledby="members-heading" className="members-section">
      <h2 id="members-heading">{t('membersHeading')}</h2>
      <ul aria-labelledby="members-heading" className="members">
        {members.map((member) => {
          const link = member.isSelf ? undefined : linkOf(links, member.memberId);
          return (
            <li key={member.memberId} className={`member member-${member.role}`}>
              {/* A face for the name at a glance; the name itself follows for screen readers. */}
              <span className="member-initial" aria-hidden="true">
                {initial(member.name)}
              </span>
              <span className="member-text">
                <span className="member-name">{member.name}</span>{' '}
                {member.fingerprint && shared(member.name) ? (
                  <>
                    <span className="member-fingerprint">
                      {t('fingerprint', { code: member.fingerprint })}
                    </span>{' '}
                  </>
                ) : null}
                {roles ? (
                  <span className="member-role">
                    ({t(member.external ? 'roleFacilitator' : ROLE_LABELS[member.role])}
                    {member.memberId === timekeeper && member.role !== 'chair'
                      ? `, ${t('roleTimekeeper')}`
                      : ''}
                    {member.isSelf ? `, ${t('you')}` : ''})
                  </span>
                ) : member.isSelf ? (
                  <span className="member-role">({t('you')})</span>
                ) : null}
                {link ? (
                  <>
                    {' '}
                    <span
                      className={`member-link member-link-${link}`}
                      title={link === 'server' ? t('linkViaServerHint') : undefined}
                    >
                      {t(LINK_LABELS[link])}
                    </span>
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/** A member's link, read as an own property only (member ids are peers' text). */
function linkOf(links: Readonly<Record<string, PeerLink>>, memberId: string): PeerLink | undefined {
  return Object.prototype.hasOwnProperty.call(links, memberId) ? links[memberId] : undefined;
}

/** The first letter of a name (a whole emoji or accented letter, not half of one). */
function initial(name: string): string {
  const [first] = Array.from(name.trim());
  return first ? first.toLocaleUpperCase() : '?';
}
