import { useId, useState } from 'react';
import { isSoundSetting, parseSignalingUrl, serverHost } from '../../lib/device/settings';
import type { Settings, SoundSetting } from '../../lib/device/settings';
import type { MessageKey } from '../../lib/i18n/messages';
import { useI18n } from '../common/I18n';
import { useFocusOnChange } from '../common/useFocusOnChange';

/** The open group's own server, which the settings show and change next to the member's own. */
export interface GroupServerSetting {
  /** The group's own signaling address; null when it meets through the settings' address. */
  readonly signalingUrl: string | null;
  readonly onSave: (signalingUrl: string | null) => void;
}

/**
 * The member's settings: which companion server introduces them to the group (and, with a group
 * open, which one that group meets through), and whether a tone sounds when a phase's time is up.
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
  const soundId = useId();
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [invalid, setInvalid] = useState<'url' | 'group' | null>(null);
  const urlId = useId();
  const groupUrlId = useId();
  const groupHintId = useId();
  const headingId = useId();
  // Opened from the header: its heading takes focus (closing returns it to the button).
  const heading = useFocusOnChange('settings');
  const refuse = (field: 'url' | 'group', error: 'invalid' | 'scheme') => {
    setInvalid(field);
    setMessage(error === 'scheme' ? 'signalingUrlScheme' : 'signalingUrlInvalid');
  };
  return (
    <form
      className="settings"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseSignalingUrl(url);
        if (!parsed.ok) return refuse('url', parsed.error);
        const own = groupUrl.trim() === '' ? null : parseSignalingUrl(groupUrl);
        if (own && !own.ok) return refuse('group', own.error);
        setInvalid(null);
        setUrl(parsed.url);
        onSave({ ...settings, signalingUrl: parsed.url, sound });
        if (group) {
          const next = own ? own.url : null;
          setGroupUrl(next ?? '');
          if (next !== group.signalingUrl) group.onSave(next);
        }
        setMessage('saved');
      }}
    >
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('settings')}
      </h2>
      <label htmlFor={urlId}>{t('signalingUrl')}</label>
      <input
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
      <p role="status">{message ? t(message) : ''}</p>
      <button type="submit">{t('save')}</button>{' '}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </form>
  );
}
