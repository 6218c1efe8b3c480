import { useId, useState } from 'react';
import { parseSignalingUrl } from '../lib/settings';
import type { Settings } from '../lib/settings';
import type { MessageKey } from '../lib/messages';
import { useI18n } from './I18n';

/** The member's settings: which companion server introduces them to the group. */
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
        onSave({ ...settings, signalingUrl: parsed.url });
        setMessage('saved');
      }}
    >
      <label htmlFor={urlId}>{t('signalingUrl')}</label>
      <input id={urlId} value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} />
      <p className="hint">{t('signalingUrlHint')}</p>
      <p role="status">{message ? t(message) : ''}</p>
      <button type="submit">{t('save')}</button>{' '}
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </form>
  );
}
