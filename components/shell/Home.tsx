import { Suspense, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { RememberedGroup } from '../../lib/device/groups';
import type { KeyValueStore } from '../../lib/device/key-value-store';
import { createInvite, inviteServer, parseInvite } from '../../lib/invite/invite';
import { inviteIceServers } from '../../lib/invite/ice-servers';
import type { IceServer } from '../../lib/invite/ice-servers';
import type { Invite, InviteError, ServerAddressError } from '../../lib/invite/invite';
import { cleanName } from '../../lib/util/clean-name';
import { LIMITS } from '../../lib/util/limits';
import type { MessageKey } from '../../lib/i18n/messages';
import { useI18n } from '../common/I18n';
import { SUBMIT_ONCE } from '../common/repeat-click';
import { useUndo } from '../common/useUndo';
import { useWelcome } from './useWelcome';
import { Welcome } from './Welcome';
import { useNotebook } from '../notes/NotebookContext';
import { AttendanceRecord } from './AttendanceRecord';
import { LazyUnlockForm, prepareToEnter } from './lazy-views';
import { LazyFallback } from './LazyFallback';
import { LiveRegion } from '../common/LiveRegion';
import { PRIVATE_TEXT } from '../common/private-text';

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
  insecure: 'inviteServerInsecure',
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
  /** The group's connection servers the invite link carries; null when it carries none. */
  readonly iceServers: IceServer[] | null;
}

/**
 * The start screen: on first run a short welcome, then the remembered groups, joining with an
 * invite and starting a new group. Forgetting a group can be undone for a few seconds: it wipes
 * what the device kept of the group, and without the invite the member cannot come back.
 */
export function Home({
  groups,
  groupsLocked = false,
  initialInvite,
  store = null,
  onOpen,
  onForget,
  onCreate,
  onJoin,
  onInviteReady,
}: {
  groups: readonly RememberedGroup[];
  /** Sealed with the notebook's passphrase and locked: `groups` holds only this session's. */
  groupsLocked?: boolean;
  initialInvite: string;
  /** Where the welcome's "got it" is kept; none: it is shown until put away in this panel. */
  store?: KeyValueStore | null;
  onOpen: (group: RememberedGroup) => void;
  /** Runs once the time to undo is over (or the member moved on). */
  onForget: (group: RememberedGroup) => void;
  onCreate: (membership: NewMembership) => void;
  onJoin: (joining: Joining) => void;
  /**
   * The join form holds a valid invite (typed, or from a link), naming this server or none:
   * the member will likely join through it in a moment.
   */
  onInviteReady?: (server: string | null) => void;
}) {
  const { t } = useI18n();
  const notebook = useNotebook();
  const forget = useUndo(onForget);
  const [restored, setRestored] = useState<RememberedGroup | null>(null);
  const welcome = useWelcome(store);
  const [welcomeAsked, setWelcomeAsked] = useState(false);
  const showWelcome =
    welcomeAsked || (welcome.shown === true && groups.length === 0 && !groupsLocked);
  const undoButton = useRef<HTMLButtonElement>(null);
  const howItWorks = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** Where focus goes after the next render: the control that was pressed is gone. */
  const focusNext = useRef<'undo' | 'how' | 'restored' | null>(null);
  const shown = groups.filter((g) => g.groupId !== forget.pending?.groupId);
  // A member who opened an invite link came to join: that form first, ready for their name; the
  // welcome, their groups and starting a group of their own follow it.
  const [cameByLink] = useState(() => initialInvite !== '' && parseInvite(initialInvite).ok);
  const joinForm = (
    <JoinForm
      initialInvite={initialInvite}
      invited={cameByLink}
      onJoin={onJoin}
      onInviteReady={onInviteReady}
    />
  );
  const name = (group: RememberedGroup) => group.name ?? t('newGroup');

  // The row, the welcome or the Undo that was pressed is gone: focus goes to what replaced it.
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === 'undo') undoButton.current?.focus();
    else if (target === 'how') howItWorks.current?.focus();
    else if (target === 'restored' && restored) {
      list.current
        ?.querySelector<HTMLButtonElement>(`[data-group-id="${restored.groupId}"]`)
        ?.focus();
    }
  });

  return (
    <div className="home">
      {cameByLink && joinForm}
      {showWelcome && (
        <Welcome
          focusOnMount={welcomeAsked}
          onDismiss={() => {
            welcome.dismiss();
            setWelcomeAsked(false);
            focusNext.current = 'how';
          }}
        />
      )}
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t('yourGroups')}</h2>
        {groupsLocked && notebook && (
          // The honest side of sealing: not even the list is readable before unlocking. The
          // same unlock as the notes; joining with an invite below still works.
          <div className="groups-locked">
            <p>{t('groupsLocked')}</p>
            <Suspense fallback={<LazyFallback />}>
              <LazyUnlockForm notebook={notebook} />
            </Suspense>
          </div>
        )}
        {groupsLocked && shown.length === 0 ? null : shown.length === 0 ? (
          <p className="hint">{t('noGroups')}</p>
        ) : (
          <ul className="groups" ref={list}>
            {shown.map((group) => (
              <li key={group.groupId}>
                <button
                  type="button"
                  data-group-id={group.groupId}
                  onClick={() => onOpen(group)}
                  aria-label={t('openGroup', { group: name(group) })}
                >
                  {name(group)}
                </button>{' '}
                <span className="hint">{group.memberName}</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('forgetGroup', { group: name(group) })}
                  onClick={() => {
                    setRestored(null);
                    forget.start(group);
                    focusNext.current = 'undo';
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {/* In the page from the start, empty, so that what it says later is announced. */}
        <LiveRegion className="hint">
          {forget.pending
            ? t('groupForgotten', { group: name(forget.pending) })
            : restored
              ? t('groupForgetUndone', { group: name(restored) })
              : ''}
        </LiveRegion>
        {forget.pending && (
          <button
            ref={undoButton}
            type="button"
            onClick={() => {
              setRestored(forget.pending);
              forget.undo();
              focusNext.current = 'restored';
            }}
          >
            {t('undo')}
          </button>
        )}
      </section>
      {!cameByLink && joinForm}
      <StartGroupForm onCreate={onCreate} />
      {store && <AttendanceRecord store={store} />}
      {!showWelcome && (
        <p>
          <button
            ref={howItWorks}
            type="button"
            className="link-button"
            onClick={() => setWelcomeAsked(true)}
          >
            {t('howItWorks')}
          </button>
        </p>
      )}
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
        {...PRIVATE_TEXT}
        id={groupId}
        value={groupName}
        maxLength={LIMITS.groupName}
        onChange={(e) => {
          setGroupName(e.target.value);
          prepareToEnter();
        }}
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
      <button type="submit" {...SUBMIT_ONCE}>
        {t('startGroup')}
      </button>
    </form>
  );
}

/** Tells `onInviteReady` of `text` if it is a valid invite, with the server it names (or null). */
function tellValidInvite(text: string, onInviteReady?: (server: string | null) => void): void {
  if (!onInviteReady || !parseInvite(text).ok) return;
  const server = inviteServer(text);
  if (server.ok) onInviteReady(server.server);
}

function JoinForm({
  initialInvite,
  invited = false,
  onJoin,
  onInviteReady,
}: {
  initialInvite: string;
  /** Opened from an invite link: says so, and the name field has the focus. */
  invited?: boolean;
  onJoin: (joining: Joining) => void;
  onInviteReady?: (server: string | null) => void;
}) {
  const { t } = useI18n();
  const [inviteText, setInviteText] = useState(initialInvite);
  const [memberName, setMemberName] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const inviteId = useId();
  const nameId = useId();
  const errorId = useId();
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (invited) nameField.current?.focus();
  }, [invited]);
  // A valid invite is told of as it is typed, while the name is, and when a link brought it.
  useEffect(() => tellValidInvite(initialInvite, onInviteReady), [initialInvite, onInviteReady]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseInvite(inviteText);
    if (!parsed.ok) return setError(INVITE_ERRORS[parsed.error]);
    // The others of a group joined by link are found on the server that served the link.
    const server = inviteServer(inviteText);
    if (!server.ok) return setError(INVITE_SERVER_ERRORS[server.error]);
    // The group's connection servers, when its link carries them: members type nothing.
    const ice = inviteIceServers(inviteText);
    if (ice.invalid) return setError('inviteIceInvalid');
    const member = cleanName(memberName, LIMITS.memberName);
    if (!member) return setError('nameRequired');
    setError(null);
    onJoin({
      invite: parsed.invite,
      memberName: member,
      server: server.server,
      iceServers: ice.servers.length > 0 ? ice.servers : null,
    });
  };
  return (
    <form aria-labelledby={`${inviteId}-h`} onSubmit={submit} noValidate>
      <h2 id={`${inviteId}-h`}>{t('joinHeading')}</h2>
      {invited && <p>{t('invitedByLink')}</p>}
      <label htmlFor={inviteId}>{t('inviteField')}</label>
      <textarea
        {...PRIVATE_TEXT}
        id={inviteId}
        rows={2}
        value={inviteText}
        onChange={(e) => {
          setInviteText(e.target.value);
          prepareToEnter();
          tellValidInvite(e.target.value, onInviteReady);
        }}
        aria-invalid={error?.startsWith('invite') ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <label htmlFor={nameId}>{t('yourName')}</label>
      <input
        ref={nameField}
        id={nameId}
        value={memberName}
        maxLength={LIMITS.memberName}
        autoComplete="name"
        onChange={(e) => {
          setMemberName(e.target.value);
          tellValidInvite(inviteText, onInviteReady);
        }}
      />
      {error && (
        <LiveRegion live="alert" id={errorId}>
          {t(error)}
        </LiveRegion>
      )}
      <button type="submit" {...SUBMIT_ONCE}>
        {t('join')}
      </button>
    </form>
  );
}
