import { useState } from 'react';
import type { ReactNode } from 'react';
import type { LobbyHearing } from '../../lib/connection/group-session';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * Stands before the start form while the panel has not heard its group: with the server down
 * (or the others not found yet) the group may well be in a meeting, and a start here would
 * split it. Starting anyway stays possible, as a choice the member makes.
 */
export function LookingForGroup({
  lobby,
  children,
}: {
  lobby: LobbyHearing;
  /** The start form, shown once the group is heard (or nobody is there), or on request. */
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [anyway, setAnyway] = useState(false);
  if (lobby !== 'looking' || anyway) return <>{children}</>;
  return (
    <div className="looking-for-group">
      <LiveRegion>{t('lookingForGroup')}</LiveRegion>
      <p className="hint">{t('lookingForGroupHint')}</p>
      <button type="button" onClick={() => setAnyway(true)}>
        {t('startAnyway')}
      </button>
    </div>
  );
}
