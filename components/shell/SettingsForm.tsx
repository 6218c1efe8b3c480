import { useId, useState } from 'react';
import { isSoundSetting, parseSignalingUrl, serverHost } from '../../lib/device/settings';
import type { Settings, SoundSetting } from '../../lib/device/settings';
import {
  MAX_ICE_SERVERS,
  formatIceServersText,
  parseIceServersText,
} from '../../lib/invite/ice-servers';
import type { IceServer, IceServerError } from '../../lib/invite/ice-servers';
import type { ServerAddressError } from '../../lib/invite/invite';
import type { MessageKey, MessageValues } from '../../lib/i18n/messages';
import { useI18n } from '../common/I18n';
import { SUBMIT_ONCE } from '../common/repeat-click';
import { useFocusOnChange } from '../common/useFocusOnChange';
import { PRIVATE_TEXT } from '../common/private-text';

/** The open group's own server, which the settings show and change next to the member's own. */
export interface GroupServerSetting {
  /** The group's own signaling address; null when it meets through the settings' address. */
  readonly signalingUrl: string | null;
  /** The group's own connection servers, passed on in its invite link. */
  readonly iceServers: readonly IceServer[];
  /** Called once with both when either changed. */
  readonly onSave: (change: {
    readonly signalingUrl: string | null;
    readonly iceServers: IceServer[];
  }) => void;
}

const ADDRESS_ERRORS: Record<ServerAddressError, MessageKey> = {
  invalid: 'signalingUrlInvalid',
  scheme: 'signalingUrlScheme',
  insecure: 'signalingUrlInsecure',
};

const ICE_ERRORS: Record<IceServerError, MessageKey> = {
  scheme: 'iceErrorScheme',
  host: 'iceErrorHost',
  port: 'iceErrorPort',
  transport: 'iceErrorTransport',
  credentials: 'iceErrorCredentials',
  'too-long': 'iceErrorTooLong',
  'too-many': 'iceErrorTooMany',
};

type Field = 'url' | 'group' | 'ice' | 'groupIce';

/**
 * The member's settings: which companion server introduces them to the group (and, with a group
 * open, which one that group meets through), the servers that help on networks that block calls
 * (the member's own and, with a group open, the group's), whether to connect only through a
 * server, and whether a tone sounds when a phase's time is up.
 */
export function SettingsForm({
  settings,
  group = null,
  onSave,
  onClose,
}: {
  settings: Settings;
  group?: GroupServerSetting | null;
  onSave: (settings: Settings) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState(settings.signalingUrl);
  const [groupUrl, setGroupUrl] = useState(group?.signalingUrl ?? '');
  const [sound, setSound] = useState<SoundSetting>(settings.sound);
  const [ice, setIce] = useState(formatIceServersText(settings.iceServers));
  const [groupIce, setGroupIce] = useState(formatIceServersText(group?.iceServers ?? []));
  const [relayOnly, setRelayOnly] = useState(settings.relayOnly);
  const soundId = useId();
  const [message, setMessage] = useState<{ key: MessageKey; values?: MessageValues } | null>(null);
  const [invalid, setInvalid] = useState<Field | null>(null);
  const urlId = useId();
  const groupUrlId = useId();
  const groupHintId = useId();
  const iceId = useId();
  const iceHintId = useId();
  const groupIceId = useId();
  const groupIceHintId = useId();
  const relayHintId = useId();
  const headingId = useId();
  // Opened from the header: its heading takes focus (closing returns it to the button).
  const heading = useFocusOnChange('settings');
  const refuse = (field: Field, key: MessageKey, values?: MessageValues) => {
    setInvalid(field);
    setMessage({ key, ...(values ? { values } : {}) });
  };
  const readIce = (field: 'ice' | 'groupIce', text: string): IceServer[] | null => {
    const parsed = parseIceServersText(text);
    if (parsed.ok) return parsed.servers;
    refuse(field, ICE_ERRORS[parsed.error], { line: parsed.line, max: MAX_ICE_SERVERS });
    return null;
  };
  return (
    <form
      className="settings"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseSignalingUrl(url);
        if (!parsed.ok) return refuse('url', ADDRESS_ERRORS[parsed.error]);
        const iceServers = readIce('ice', ice);
        if (!iceServers) return;
        const own = groupUrl.trim() === '' ? null : parseSignalingUrl(groupUrl);
        if (own && !own.ok) return refuse('group', ADDRESS_ERRORS[own.error]);
        const groupServers = group ? readIce('groupIce', groupIce) : [];
        if (!groupServers) return;
        setInvalid(null);
        setUrl(parsed.url);
        setIce(formatIceServersText(iceServers));
        onSave({ ...settings, signalingUrl: parsed.url, sound, iceServers, relayOnly });
        if (group) {
          const next = own ? own.url : null;
          setGroupUrl(next ?? '');
          setGroupIce(formatIceServersText(groupServers));
          const iceChanged =
            formatIceServersText(groupServers) !== formatIceServersText(group.iceServers);
          if (next !== group.signalingUrl || iceChanged) {
            group.onSave({ signalingUrl: next, iceServers: groupServers });
          }
        }
        setMessage({ key: 'saved' });
      }}
    >
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('settings')}
      </h2>
      <label htmlFor={urlId}>{t('signalingUrl')}</label>
      <input
        {...PRIVATE_TEXT}
        id={urlId}
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        spellCheck={false}
        aria-invalid={invalid === 'url' ? true : undefined}
      />
      <p className="hint">{t('signalingUrlHint')}</p>
      {group && (
        <>
          <label htmlFor={groupUrlId}>{t('groupServer')}</label>
          <input
            {...PRIVATE_TEXT}
            id={groupUrlId}
            value={groupUrl}
            onChange={(e) => setGroupUrl(e.target.value)}
            spellCheck={false}
            aria-describedby={groupHintId}
            aria-invalid={invalid === 'group' ? true : undefined}
          />
          <p className="hint" id={groupHintId}>
            {t('groupMeetsThrough', {
              host: serverHost(group.signalingUrl ?? settings.signalingUrl),
            })}{' '}
            {t('groupServerHint')}
          </p>
        </>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={relayOnly}
          onChange={(e) => setRelayOnly(e.target.checked)}
          aria-describedby={relayHintId}
        />{' '}
        {t('relayOnly')}
      </label>
      <p className="hint" id={relayHintId}>
        {t('relayOnlyHint')}
      </p>
      <label htmlFor={iceId}>{t('iceServers')}</label>
      <textarea
        id={iceId}
        rows={2}
        value={ice}
        onChange={(e) => setIce(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={iceHintId}
        aria-invalid={invalid === 'ice' ? true : undefined}
      />
      <p className="hint" id={iceHintId}>
        {t('iceServersHint')}
      </p>
      {group && (
        <>
          <label htmlFor={groupIceId}>{t('groupIceServers')}</label>
          <textarea
            id={groupIceId}
            rows={2}
            value={groupIce}
            onChange={(e) => setGroupIce(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={groupIceHintId}
            aria-invalid={invalid === 'groupIce' ? true : undefined}
          />
          <p className="hint" id={groupIceHintId}>
            {t('groupIceServersHint')}
          </p>
        </>
      )}
      <label htmlFor={soundId}>{t('soundOn')}</label>
      <select
        id={soundId}
        value={sound}
        onChange={(e) => {
          if (isSoundSetting(e.target.value)) setSound(e.target.value);
        }}
      >
        <option value="chair">{t('soundChair')}</option>
        <option value="always">{t('soundAlways')}</option>
        <option value="never">{t('soundNever')}</option>
      </select>
      <p role="status">{message ? t(message.key, message.values) : ''}</p>
      <button type="submit" {...SUBMIT_ONCE}>
        {t('save')}
      </button>{' '}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </form>
  );
}
