import { useI18n } from '../common/I18n';
import type { MeetingProps } from './meeting-props';

/** The core question as the case bringer confirmed it; nothing until it is set. */
export function CoreQuestion({ board }: Pick<MeetingProps, 'board'>) {
  const { t } = useI18n();
  if (board.coreQuestion === null) return null;
  return (
    <p className="core-question">
      <strong>{t('coreQuestion', { text: board.coreQuestion })}</strong>
    </p>
  );
}
