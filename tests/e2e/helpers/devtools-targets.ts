import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { isRecord } from '../../../lib/util/guards';
import { waitFor } from './member-browser';

/**
 * Pages Playwright does not see. Chrome's real side panel is such a page: it is a DevTools target
 * of type "page", but not in `context.pages()`. A browser launched with
 * `--remote-debugging-port=0` lists every target on its own DevTools port, and each one can be
 * driven over its WebSocket with the DevTools protocol.
 */

/** One entry of the DevTools `/json` list. */
export interface DevToolsTarget {
  readonly id: string;
  readonly type: string;
  readonly url: string;
  readonly webSocketDebuggerUrl: string;
}

/** The port Chromium chose for `--remote-debugging-port=0`: it writes it into the profile. */
export function devToolsPort(profile: string): Promise<number> {
  const file = join(profile, 'DevToolsActivePort');
  return waitFor(async () => {
    if (!existsSync(file)) return null;
    const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(port) && port > 0 ? port : null;
  }, `Chromium to write ${file}`);
}

/** Every target the browser lists now (pages, side panels, service workers, its own UI). */
export async function listTargets(port: number): Promise<DevToolsTarget[]> {
  const response = await fetch(`http://127.0.0.1:${port}/json/list`);
  const body: unknown = await response.json();
  if (!Array.isArray(body)) throw new Error('DevTools /json/list did not answer with a list');
  return body.flatMap((entry: unknown) =>
    isRecord(entry) &&
    typeof entry.id === 'string' &&
    typeof entry.type === 'string' &&
    typeof entry.url === 'string' &&
    typeof entry.webSocketDebuggerUrl === 'string'
      ? [
          {
            id: entry.id,
            type: entry.type,
            url: entry.url,
            webSocketDebuggerUrl: entry.webSocketDebuggerUrl,
          },
        ]
      : [],
  );
}

/** The DevTools target id of a page Playwright drives, to tell it apart in the list. */
export async function targetIdOf(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  try {
    const { targetInfo } = await session.send('Target.getTargetInfo');
    return targetInfo.targetId;
  } finally {
    await session.detach();
  }
}

/** A DevTools protocol connection to one target. */
export interface TargetConnection {
  /** Evaluates `expression` in the page and returns its value (JSON-serialisable values only). */
  evaluate(expression: string): Promise<unknown>;
  /** A PNG of what the page shows. */
  screenshot(): Promise<Buffer>;
  /** Types `text` into the focused element, as a keyboard would (`Input.insertText`). */
  insertText(text: string): Promise<void>;
  close(): void;
}

/** Connects to a target's WebSocket; every command waits at most `ms` for its answer. */
export async function connectTarget(
  target: DevToolsTarget,
  ms = 15_000,
): Promise<TargetConnection> {
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, (message: Record<string, unknown>) => void>();
  let nextId = 0;
  socket.on('message', (data) => {
    const message: unknown = JSON.parse(String(data));
    if (!isRecord(message) || typeof message.id !== 'number') return;
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });

  async function send(method: string, params: object): Promise<Record<string, unknown>> {
    const id = ++nextId;
    const answer = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer in ${ms} ms`)), ms);
      pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
    });
    socket.send(JSON.stringify({ id, method, params }));
    const message = await answer;
    if (isRecord(message.error)) throw new Error(`${method}: ${JSON.stringify(message.error)}`);
    if (!isRecord(message.result)) throw new Error(`${method}: an answer without a result`);
    return message.result;
  }

  return {
    async evaluate(expression) {
      const result = await send('Runtime.evaluate', {
        expression,
        returnByValue: true,
        awaitPromise: true,
      });
      if (isRecord(result.exceptionDetails)) {
        throw new Error(`evaluate threw: ${JSON.stringify(result.exceptionDetails)}`);
      }
      return isRecord(result.result) ? result.result.value : undefined;
    },
    async screenshot() {
      const result = await send('Page.captureScreenshot', { format: 'png' });
      if (typeof result.data !== 'string') throw new Error('a screenshot without data');
      return Buffer.from(result.data, 'base64');
    },
    async insertText(text) {
      await send('Input.insertText', { text });
    },
    close() {
      socket.close();
    },
  };
}
