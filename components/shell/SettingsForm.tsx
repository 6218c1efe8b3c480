import { useId, useState } from 'react';
import { parseSignalingUrl } from '../../lib/device/settings';
import type { Settings } from '../../lib/device/settings';
import type { MessageKey } from '../../lib/i18n/messages';
import { useI18n } from '../common/I18n';

/**
 * The member's settings: which companion server introduces them to the group, and whether a
 * tone sounds when a phase's time is up.
 */
export function SettingsForm({
  settings,
  onSave,
  onClose,
}: {
  settings: Settings;
  onSave: (settings: Settings) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [url, setUrl] = useState(settings.signalingUrl);
  const [sound, setSound] = useState(settings.sound);
  const [message, setMessage] = useState<MessageKey | null>(null);
  const urlId = useId();
  return (
    <form
      className="settings"
      aria-label={t('settings')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = parseSignalingUrl(url);
        if (!parsed.ok) {
          setMessage(parsed.error === 'scheme' ? 'signalingUrlScheme' : 'signalingUrlInvalid');
          return;
        }
        setUrl(parsed.url);
        onSave({ ...settings, signalingUrl: parsed.url, sound });
        setMessage('saved');
      }}
    >
      <label htmlFor={urlId}>{t('signalingUrl')}</label>
      <input id={urlId} value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} />
      <p className="hint">{t('signalingUrlHint')}</p>
      <label className="check">
        <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />{' '}
        {t('soundOn')}
      </label>
      <p role="status">{message ? t(message) : ''}</p>
      <button type="submit">{t('save')}</button>{' '}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </form>
  );
}
