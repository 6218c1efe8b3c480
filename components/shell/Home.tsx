import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { RememberedGroup } from '../../lib/device/groups';
import { createInvite, inviteServer, parseInvite } from '../../lib/invite/invite';
import type { Invite, InviteError, ServerAddressError } from '../../lib/invite/invite';
import { cleanName } from '../../lib/util/clean-name';
import { LIMITS } from '../../lib/util/limits';
import type { MessageKey } from '../../lib/i18n/messages';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

const INVITE_ERRORS: Record<InviteError, MessageKey> = {
  empty: 'inviteEmpty',
  'not-found': 'inviteNotFound',
  truncated: 'inviteTruncated',
  'invalid-character': 'inviteInvalidCharacter',
  checksum: 'inviteChecksum',
};

const INVITE_SERVER_ERRORS: Record<ServerAddressError, MessageKey> = {
  invalid: 'inviteServerInvalid',
  scheme: 'inviteServerScheme',
};

/** What the home screen hands up: a group to open, after creating or joining it. */
export interface NewMembership {
  readonly invite: Invite;
  readonly groupName: string;
  readonly memberName: string;
}

/** Joining with an invite: no group name yet, and the server its link named, if any. */
export interface Joining {
  readonly invite: Invite;
  readonly memberName: string;
  /** The signaling address of the companion the invite link points at; null for a bare code. */
  readonly server: string | null;
}

/** The start screen: remembered groups, starting a new group, joining with an invite. */
export function Home({
  groups,
  initialInvite,
  onOpen,
  onForget,
  onCreate,
  onJoin,
}: {
  groups: readonly RememberedGroup[];
  initialInvite: string;
  onOpen: (group: RememberedGroup) => void;
  onForget: (group: RememberedGroup) => void;
  onCreate: (membership: NewMembership) => void;
  onJoin: (joining: Joining) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="home">
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('yourGroups')}</h2>
        {groups.length === 0 ? (
          <p className="hint">{t('noGroups')}</p>
        ) : (
          <ul className="groups">
            {groups.map((group) => (
              <li key={group.groupId}>
                <button
                  type="button"
                  onClick={() => onOpen(group)}
                  aria-label={t('openGroup', { group: group.name })}
                >
                  {group.name}
                </button>{' '}
                <span className="hint">{group.memberName}</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('forgetGroup', { group: group.name })}
                  onClick={() => onForget(group)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <JoinForm initialInvite={initialInvite} onJoin={onJoin} />
      <StartGroupForm onCreate={onCreate} />
    </div>
  );
}

function StartGroupForm({ onCreate }: { onCreate: (membership: NewMembership) => void }) {
  const { t } = useI18n();
  const [groupName, setGroupName] = useState('');
  const [memberName, setMemberName] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const groupId = useId();
  const nameId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const group = cleanName(groupName, LIMITS.groupName);
    const member = cleanName(memberName, LIMITS.memberName);
    if (!group) return setError('groupNameRequired');
    if (!member) return setError('nameRequired');
    setError(null);
    onCreate({ invite: createInvite(), groupName: group, memberName: member });
  };
  return (
    <form aria-labelledby={`${groupId}-h`} onSubmit={submit} noValidate>
      <h2 id={`${groupId}-h`}>{t('startGroupHeading')}</h2>
      <p className="hint">{t('startGroupHint')}</p>
      <label htmlFor={groupId}>{t('groupName')}</label>
      <input
        id={groupId}
        value={groupName}
        maxLength={LIMITS.groupName}
        onChange={(e) => setGroupName(e.target.value)}
        aria-describedby={error ? errorId : undefined}
      />
      <label htmlFor={nameId}>{t('yourName')}</label>
      <input
        id={nameId}
        value={memberName}
        maxLength={LIMITS.memberName}
        autoComplete="name"
        onChange={(e) => setMemberName(e.target.value)}
      />
      {error && (
        <LiveRegion live="alert" id={errorId}>
          {t(error)}
        </LiveRegion>
      )}
      <button type="submit">{t('startGroup')}</button>
    </form>
  );
}

function JoinForm({
  initialInvite,
  onJoin,
}: {
  initialInvite: string;
  onJoin: (joining: Joining) => void;
}) {
  const { t } = useI18n();
  const [inviteText, setInviteText] = useState(initialInvite);
  const [memberName, setMemberName] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const inviteId = useId();
  const nameId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseInvite(inviteText);
    if (!parsed.ok) return setError(INVITE_ERRORS[parsed.error]);
    // The others of a group joined by link are found on the server that served the link.
    const server = inviteServer(inviteText);
    if (!server.ok) return setError(INVITE_SERVER_ERRORS[server.error]);
    const member = cleanName(memberName, LIMITS.memberName);
    if (!member) return setError('nameRequired');
    setError(null);
    onJoin({ invite: parsed.invite, memberName: member, server: server.server });
  };
  return (
    <form aria-labelledby={`${inviteId}-h`} onSubmit={submit} noValidate>
      <h2 id={`${inviteId}-h`}>{t('joinHeading')}</h2>
      <label htmlFor={inviteId}>{t('inviteField')}</label>
      <textarea
        id={inviteId}
        rows={2}
        value={inviteText}
        onChange={(e) => setInviteText(e.target.value)}
        aria-invalid={error?.startsWith('invite') ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <label htmlFor={nameId}>{t('yourName')}</label>
      <input
        id={nameId}
        value={memberName}
        maxLength={LIMITS.memberName}
        autoComplete="name"
        onChange={(e) => setMemberName(e.target.value)}
      />
      {error && (
        <LiveRegion live="alert" id={errorId}>
          {t(error)}
        </LiveRegion>
      )}
      <button type="submit">{t('join')}</button>
    </form>
  );
}
