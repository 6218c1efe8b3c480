import { useState } from 'react';
import { useI18n } from '../common/I18n';

/** The group's invite as code and link, each with a copy button; shown to every member. */
export function InviteBox({ code, link }: { code: string; link: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'code' | 'link' | 'failed' | null>(null);
  const copy = (what: 'code' | 'link') => {
    const text = what === 'code' ? code : link;
    navigator.clipboard.writeText(text).then(
      () => setCopied(what),
      () => setCopied('failed'),
    );
  };
  return (
    <details className="invite">
      <summary>{t('inviteHeading')}</summary>
      <p className="hint">{t('inviteHint')}</p>
      <label>
        {t('inviteCode')}
        <input readOnly value={code} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => copy('code')}>
        {t('copyCode')}
      </button>
      <label>
        {t('inviteLink')}
        <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => copy('link')}>
        {t('copyLink')}
      </button>
      <p role="status" className="hint">
        {copied === 'failed' ? t('copyFailed') : copied ? t('copied') : ''}
      </p>
    </details>
  );
}
