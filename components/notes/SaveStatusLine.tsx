import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';
import type { SaveStatus } from './useAutosave';

/** Says, politely to screen readers, whether the note being typed is saved on this device. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useI18n();
  return (
    <LiveRegion className="hint">
      {status === 'saving'
        ? t('noteSaving')
        : status === 'saved'
          ? t('noteSaved')
          : typeof status === 'object'
            ? t('noteSaveFailed', { error: status.error })
            : ''}
    </LiveRegion>
  );
}
