import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../common/I18n';

/**
 * The first-run welcome: what is shared with the group and for how long, what stays on this
 * device, and the three roles, in a few lines; put away with one button, and shown again from
 * "How Kring works" on the home screen.
 */
export function Welcome({
  onDismiss,
  focusOnMount = false,
}: {
  onDismiss: () => void;
  /** Shown on request: its heading takes the focus, so the member lands on what they asked for. */
  focusOnMount?: boolean;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  return (
    <section aria-labelledby={headingId} className="welcome">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('welcomeHeading')}
      </h2>
      <p>{t('welcomeIntro')}</p>
      <dl className="welcome-facts">
        <dt>{t('welcomeSharedLead')}</dt>
        <dd>{t('welcomeShared')}</dd>
        <dt>{t('welcomeDeviceLead')}</dt>
        <dd>{t('welcomeDevice')}</dd>
      </dl>
      <h3>{t('welcomeRolesHeading')}</h3>
      <ul className="welcome-roles">
        <li>
          <strong>{t('welcomeChairLead')}</strong> {t('welcomeChair')}
        </li>
        <li>
          <strong>{t('welcomeBringerLead')}</strong> {t('welcomeBringer')}
        </li>
        <li>
          <strong>{t('welcomeMembersLead')}</strong> {t('welcomeMembers')}
        </li>
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('welcomeDismiss')}
      </button>
    </section>
  );
}
