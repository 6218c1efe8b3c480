import type { MeetingProps } from '../boards/meeting-props';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * In the rounds where the case bringer only listens (advice round, gossip round), every panel
 * says so, so that nobody draws the bringer into the conversation; the bringer is told to take
 * notes instead.
 */
export function ListeningBanner({ meeting, selfId }: Pick<MeetingProps, 'meeting' | 'selfId'>) {
  const { t } = useI18n();
  if (meeting.phase.bringerListens !== true) return null;
  const self = meeting.caseBringerId !== null && meeting.caseBringerId === selfId;
  return (
    <LiveRegion className="listening-banner">
      <strong>
        {self
          ? t('youListen')
          : meeting.caseBringerName !== null
            ? t('bringerListens', { name: meeting.caseBringerName })
            : t('caseBringerListens')}
      </strong>
    </LiveRegion>
  );
}
