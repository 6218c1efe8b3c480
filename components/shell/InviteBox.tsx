import { memo, useId, useState } from 'react';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import { PRIVATE_TEXT } from '../common/private-text';

type Copied = 'invite' | 'code' | 'link' | 'failed' | null;

/**
 * The group's invite, shown to every member: one button copies a short message with the link,
 * ready to paste into the call's chat; code and link are there to copy apart. For the founder of
 * a new group it is step one, open and first (`step`); afterwards a closed section at the end.
 * Memoized (see GroupView).
 */
export const InviteBox = memo(function InviteBox({
  code,
  link,
  groupName,
  step = false,
}: {
  code: string;
  link: string;
  /** The name the message gives the group. */
  groupName: string;
  step?: boolean;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [copied, setCopied] = useState<Copied>(null);
  const copy = (what: 'invite' | 'code' | 'link') => {
    const text =
      what === 'code'
        ? code
        : what === 'link'
          ? link
          : t('inviteMessage', { group: groupName, link });
    navigator.clipboard.writeText(text).then(
      () => setCopied(what),
      () => setCopied('failed'),
    );
  };
  const copyInvite = (
    <button type="button" className={step ? 'primary' : undefined} onClick={() => copy('invite')}>
      {t('copyInvite')}
    </button>
  );
  const status = (
    <LiveRegion className="hint">
      {copied === 'failed' ? t('copyFailed') : copied ? t('copied') : ''}
    </LiveRegion>
  );
  const fields = (
    <>
      <label>
        {t('inviteCode')}
        <input {...PRIVATE_TEXT} readOnly value={code} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => copy('code')}>
        {t('copyCode')}
      </button>
      <label>
        {t('inviteLink')}
        <input {...PRIVATE_TEXT} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => copy('link')}>
        {t('copyLink')}
      </button>
    </>
  );
  if (step) {
    return (
      <section className="invite invite-step" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('inviteStepHeading')}</h2>
        <p>{t('inviteStepHint')}</p>
        {copyInvite}
        {status}
        <details>
          <summary>{t('inviteDetails')}</summary>
          {fields}
        </details>
      </section>
    );
  }
  return (
    <details className="invite">
      <summary>{t('inviteHeading')}</summary>
      <p className="hint">{t('inviteHint')}</p>
      {copyInvite}
      {status}
      {fields}
    </details>
  );
});
