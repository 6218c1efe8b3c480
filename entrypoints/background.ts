import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startSidePanelGate } from '../extension/side-panel-gate';

// The service worker lives as long as the browser lets it; its listeners are never torn down.
export default defineBackground(() => {
  startSidePanelGate(browser, new AbortController().signal);
});
