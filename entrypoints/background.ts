import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startSidePanelGate } from '../extension/side-panel-gate';
import { panelStore } from '../extension/panel-storage';
import { expireKeptMeetings } from '../lib/device/meeting-cache';
import { deviceWipeKeys } from '../lib/device/wipe-keys';

// The service worker lives as long as the browser lets it; its listeners are never torn down.
export default defineBackground(() => {
  startSidePanelGate(browser, new AbortController().signal);
  // A panel closed before its meeting ended kept the meeting's copy. Once it is too old to
  // restore, its meetings are taken out (lib/device/meeting-cache.ts), whether or not the group
  // is opened again: at every start of this worker, which the browser starts with itself and
  // again for any tab that changes after it stopped an idle one.
  void expireKeptMeetings(panelStore(), deviceWipeKeys(), Date.now());
});
