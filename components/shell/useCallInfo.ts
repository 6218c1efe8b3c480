import { useEffect, useState } from 'react';
import type { CallInfo } from '../../lib/call/call-url';
import { sessionStorageArea, watchCallInfo } from '../../extension/call-store';
import { tabIdFromPanelSearch } from '../../extension/side-panel-gate';

/**
 * The call of the tab this side panel belongs to (`?tabId=N`), kept up to date; null when the
 * tab shows no call, or when the panel runs as a plain web page without extension storage.
 */
export function useCallInfo(): CallInfo | null {
  const [info, setInfo] = useState<CallInfo | null>(null);
  useEffect(() => {
    const tabId = tabIdFromPanelSearch(location.search);
    const area = sessionStorageArea();
    if (tabId === null || area === null) return;
    const controller = new AbortController();
    watchCallInfo(tabId, setInfo, controller.signal, area);
    return () => controller.abort();
  }, []);
  return info;
}
