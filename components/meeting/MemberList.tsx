import type { Member } from '../../lib/shared-doc/presence';
import { useI18n } from '../common/I18n';
import type { Role } from '../../lib/method/roles';
import type { MessageKey } from '../../lib/i18n/messages';

const ROLE_LABELS: Record<Role, MessageKey> = {
  chair: 'roleChair',
  bringer: 'roleBringer',
  member: 'roleMember',
};

/** Who is present, each with their role; names are peers' text and rendered as text only. */
export function MemberList({ members }: { members: readonly Member[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="members-heading" className="members-section">
      <h2 id="members-heading">{t('membersHeading')}</h2>
      <ul aria-labelledby="members-heading" className="members">
        {members.map((member) => (
          <li key={member.memberId} className={`member member-${member.role}`}>
            {/* A face for the name at a glance; the name itself follows for screen readers. */}
            <span className="member-initial" aria-hidden="true">
              {initial(member.name)}
            </span>
            <span className="member-text">
              <span className="member-name">{member.name}</span>{' '}
              <span className="member-role">
                ({t(ROLE_LABELS[member.role])}
                {member.isSelf ? `, ${t('you')}` : ''})
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The first letter of a name (a whole emoji or accented letter, not half of one). */
function initial(name: string): string {
  const [first] = Array.from(name.trim());
  return first ? first.toLocaleUpperCase() : '?';
}
