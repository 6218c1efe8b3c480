import { useEffect, useState } from 'react';
import { useI18n } from '../common/I18n';
import { LiveRegion } from '../common/LiveRegion';

/**
 * How long a lazy part may take before the panel says it is loading: a part that loads sooner
 * (usually: it is read from the extension's own files) shows nothing instead of a flicker.
 */
export const QUIET_MS = 200;

/** Suspense's fallback for a part of the panel that loads on first use: a polite "Loading…". */
export function LazyFallback() {
  const { t } = useI18n();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), QUIET_MS);
    return () => clearTimeout(timer);
  }, []);
  return slow ? <LiveRegion className="hint">{t('loading')}</LiveRegion> : null;
}
