import type { MeetingProps } from '../boards/meeting-props';
import { useI18n } from '../common/I18n';

/**
 * In the rounds where the case bringer only listens (advice round, gossip round), every panel
 * says so, so that nobody draws the bringer into the conversation; the bringer is told to take
 * notes instead.
 */
export function ListeningBanner({ session, selfId }: Pick<MeetingProps, 'session' | 'selfId'>) {
  const { t } = useI18n();
  if (session.phase.bringerListens !== true) return null;
  const self = session.caseBringerId !== null && session.caseBringerId === selfId;
  return (
    <p role="status" className="listening-banner">
      <strong>
        {self
          ? t('youListen')
          : session.caseBringerName !== null
            ? t('bringerListens', { name: session.caseBringerName })
            : t('caseBringerListens')}
      </strong>
    </p>
  );
}
