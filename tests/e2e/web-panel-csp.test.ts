import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { EXTENSION_DIR, launchWebMember } from './helpers/member-browser';
import { startGroup } from './helpers/panel';

/**
 * SP11 in a real browser: the web panel the companion serves runs under its strict
 * Content-Security-Policy without a single violation (starting a group opens its signaling
 * socket to the companion, SP16's "own origin"), and cannot be framed by another page.
 */
describe('the web panel under its Content-Security-Policy', () => {
  let server: RunningServer;
  let web: Awaited<ReturnType<typeof launchWebMember>>;
  let panel: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startSignalingServer({ port: 0, host: '127.0.0.1', staticDir: EXTENSION_DIR });
    web = await launchWebMember();
    panel = await web.context.newPage();
    panel.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    await panel.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`);
      });
    });
  });

  afterAll(async () => {
    await web?.close();
    await server?.close();
  });

  it('SP11: starts a group and reaches its companion with no CSP violation', async () => {
    const response = await panel.goto(server.httpUrl);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await startGroup(panel, 'Team Noord', 'Anna');
    // The panel's signaling socket to the companion that served it: connect-src and the Origin check.
    await expect.poll(() => server.stats().connections, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(server.stats().refusedConnections.origin).toBe(0);
    // Everything the page loaded came from the panel's own files.
    expect(violations).toStrictEqual([]);

    // The watch works, and plain ws:// leaves the machine for no one.
    await panel.evaluate(() => {
      try {
        new WebSocket('ws://signaling.evil.example/');
      } catch {
        // Chromium throws as well as reporting the violation
      }
    });
    await expect.poll(() => violations.join('\n')).toContain('connect-src');
  });

  it('SP11: refuses to be framed by a page of another site', async () => {
    const other = await web.context.newPage();
    const messages: string[] = [];
    other.on('console', (message) => messages.push(message.text()));
    await other.route('https://framer.example/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><iframe src="${server.httpUrl}/"></iframe>`,
      }),
    );
    await other.goto('https://framer.example/');
    const frame = await expect
      .poll(() => other.frames().find((f) => f !== other.mainFrame()) ?? null, { timeout: 10_000 })
      .not.toBeNull()
      .then(() => other.frames().find((f) => f !== other.mainFrame()));
    await other.waitForLoadState('load');
    // A refused frame is Chromium's error page: no panel document inside it.

    expect(await frame?.locator('#root').count()).toBe(0);
    expect(frame?.url()).not.toBe(`${server.httpUrl}/`);
  });
});
