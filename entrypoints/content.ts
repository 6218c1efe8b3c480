import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CALL_MATCH_PATTERNS } from '../lib/call/call-url';
import { callMessage } from '../extension/side-panel-gate';

// Tells the background which page this call tab shows, at start and after every in-page
// navigation (Meet, Zoom and Teams are single-page apps). It injects nothing into the page.
export default defineContentScript({
  matches: [...CALL_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    const report = (url: string): void => {
      // No retry: a report is a hint (the browser's tab events carry the same URL), and it
      // fails mainly when the extension was reloaded under this page, which re-checks all tabs.
      browser.runtime.sendMessage(callMessage(url)).catch(() => undefined);
    };
    report(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
  },
});
