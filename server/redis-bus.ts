/**
 * The TopicBus over Redis pub/sub, so that several companion instances behind a load balancer
 * serve the same rooms: every instance SUBSCRIBEs to the channels of the topics its sockets
 * hold and PUBLISHes each client publish. Redis keeps nothing (pub/sub has no storage); a
 * channel is `kring:t:` + the topic, which is already a hash of the group secret.
 *
 * Redis down or restarting: publishes reach this instance's own subscribers only (the server
 * delivers those itself), the loss is logged once, the client reconnects with a capped backoff,
 * the wanted subscriptions are made again, and the server is told (`recovered`).
 */
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import { parseClientMessage } from '../lib/connection/signaling-protocol';
import type { Log } from './log';
import type { ServerCounters } from './metrics';
import type { BusHandlers, TopicBus } from './topic-bus';

/** Redis channels of Kring topics start with this, so they can share a Redis with others. */
export const CHANNEL_PREFIX = 'kring:t:';

/** The longest wait between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/** The longest startup waits for a first connection before serving without it. */
const FIRST_CONNECT_WAIT_MS = 5_000;

/** Commands that may wait for Redis per connection before further publishes are refused. */
const MAX_QUEUED_COMMANDS = 10_000;

/** An instance id: 16 base64url characters, a fixed-length prefix of every message it sends. */
const INSTANCE_ID_LENGTH = 16;

export interface RedisBusOptions extends BusHandlers {
  /** redis://[user:password@]host[:port][/db] or rediss:// for TLS. */
  readonly url: string;
  readonly log: Log;
  readonly counters: ServerCounters;
  /** The largest publish accepted from a client; longer messages from Redis are dropped. */
  readonly maxMessageBytes: number;
}

/**
 * A Redis URL as the server accepts it, or null: redis: or rediss:, with a host, and nothing
 * after the database number. For config validation (KRING_REDIS_URL).
 */
export function validRedisUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return null;
  if (url.hostname === '') return null;
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d{1,2}$/.test(url.pathname)) return null;
  return text;
}

/** The Redis channel of a topic. */
export function channelOf(topic: string): string {
  return CHANNEL_PREFIX + topic;
}

/**
 * The wire form of a publish between instances: the sender's instance id, then the same JSON a
 * client sends, so the receiving instance decodes it with the same guards as a client frame.
 */
export function encodeBusMessage(instanceId: string, topic: string, data: unknown): string {
  return instanceId + JSON.stringify({ type: 'publish', topic, data });
}

/**
 * Decodes a message from Redis on `channel`; null when it is not a well-formed publish of that
 * channel's topic (anyone who can reach the Redis could write there).
 */
export function decodeBusMessage(
  channel: string,
  raw: string,
  maxMessageBytes: number,
): { from: string; topic: string; data: unknown } | null {
  if (!channel.startsWith(CHANNEL_PREFIX)) return null;
  if (raw.length <= INSTANCE_ID_LENGTH || raw.length > INSTANCE_ID_LENGTH + maxMessageBytes) {
    return null;
  }
  const parsed = parseClientMessage(raw.slice(INSTANCE_ID_LENGTH));
  if (!parsed.ok || parsed.message.type !== 'publish') return null;
  if (parsed.message.topic !== channel.slice(CHANNEL_PREFIX.length)) return null;
  return {
    from: raw.slice(0, INSTANCE_ID_LENGTH),
    topic: parsed.message.topic,
    data: parsed.message.data,
  };
}

/** Connects to Redis (waiting up to a few seconds for the first connection) and returns the bus. */
export async function createRedisBus(options: RedisBusOptions): Promise<TopicBus> {
  if (validRedisUrl(options.url) === null) {
    throw new Error('the Redis address is not a redis:// or rediss:// URL');
  }
  const { log, counters } = options;
  const instanceId = randomBytes(12).toString('base64url');
  const clientOptions = {
    url: options.url,
    // Nothing waits for Redis: a publish while the link is down is for local subscribers only,
    // and an offline queue would grow without bound during an outage.
    disableOfflineQueue: true,
    // A Redis slower than the clients publish: beyond this many commands waiting, a publish is
    // refused (counted as failed) instead of queued in memory without bound.
    commandsQueueMaxLength: MAX_QUEUED_COMMANDS,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number) =>
        Math.min(50 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS),
    },
  };
  const publisher = createClient(clientOptions);
  const subscriber = publisher.duplicate();

  /** Channels this instance has local subscribers for, and the ones Redis has confirmed. */
  const wanted = new Set<string>();
  const subscribed = new Set<string>();
  const inFlight = new Set<string>();
  let up = false;
  let everUp = false;
  let closed = false;
  let refusalLogged = false;

  const onMessage = (raw: string, channel: string): void => {
    const message = decodeBusMessage(channel, raw, options.maxMessageBytes);
    if (message === null) {
      counters.busDropped += 1;
      return;
    }
    if (message.from === instanceId) return; // delivered locally when it was published
    counters.busReceived += 1;
    options.deliver(message.topic, message.data);
  };

  /** Brings Redis's subscription of one channel in line with `wanted`, one command at a time. */
  const reconcile = (channel: string): void => {
    if (closed || inFlight.has(channel) || !subscriber.isReady) return;
    const want = wanted.has(channel);
    if (want === subscribed.has(channel)) return;
    inFlight.add(channel);
    const command = want
      ? subscriber.subscribe(channel, onMessage)
      : subscriber.unsubscribe(channel, onMessage);
    command.then(
      () => {
        if (want) subscribed.add(channel);
        else subscribed.delete(channel);
        inFlight.delete(channel);
        reconcile(channel); // the wish may have changed while the command ran
      },
      () => {
        // The link dropped under the command (the next 'ready' reconciles every channel), or
        // Redis refused it (an ACL without this channel): said once, not per channel.
        inFlight.delete(channel);
        if (subscriber.isReady && !refusalLogged) {
          refusalLogged = true;
          log({ level: 'error', msg: 'redis refused a subscription: check its ACL for kring:t:*' });
        }
      },
    );
  };

  const update = (): void => {
    if (closed) return;
    const now = publisher.isReady && subscriber.isReady;
    if (now === up) return;
    up = now;
    if (up) {
      for (const channel of new Set([...wanted, ...subscribed])) reconcile(channel);
      log({ level: 'info', msg: 'connected to redis', topics: wanted.size });
      everUp = true;
      options.recovered();
    } else {
      log({
        level: 'warn',
        msg: 'lost the link to redis: serving local subscribers only, reconnecting',
        topics: wanted.size,
      });
    }
  };

  let firstFailure = true;
  let firstAttemptFailed = (): void => {};
  const failedOnce = new Promise<void>((resolveFailed) => {
    firstAttemptFailed = resolveFailed;
  });
  for (const client of [publisher, subscriber]) {
    client.on('ready', update);
    client.on('end', update);
    client.on('reconnecting', update);
    // Every failed attempt emits an error; only the first one before any connection is logged
    // (the loss of a working link is logged once by update()).
    client.on('error', (error: unknown) => {
      update();
      if (!everUp && firstFailure) {
        firstFailure = false;
        log({
          level: 'warn',
          msg: 'cannot reach redis yet: serving local subscribers, retrying',
          error: errorCode(error),
        });
        firstAttemptFailed();
      }
    });
  }

  const firstConnection = Promise.all([publisher.connect(), subscriber.connect()]).then(
    () => {},
    () => {},
  );
  let waited: NodeJS.Timeout | undefined;
  // Startup waits for the first connection, but not for retries: a Redis that refused or timed
  // out once is not worth holding the local rooms back for.
  await Promise.race([
    firstConnection,
    failedOnce,
    new Promise<void>((resolveWait) => {
      waited = setTimeout(resolveWait, FIRST_CONNECT_WAIT_MS);
    }),
  ]);
  clearTimeout(waited);
  update();

  return {
    join(topic) {
      const channel = channelOf(topic);
      wanted.add(channel);
      reconcile(channel);
    },
    leave(topic) {
      const channel = channelOf(topic);
      wanted.delete(channel);
      reconcile(channel);
    },
    publish(topic, data) {
      if (!publisher.isReady) {
        counters.busPublishFailed += 1;
        return;
      }
      publisher.publish(channelOf(topic), encodeBusMessage(instanceId, topic, data)).then(
        () => {
          counters.busPublished += 1;
        },
        () => {
          counters.busPublishFailed += 1;
        },
      );
    },
    connected: () => up,
    async close() {
      closed = true;
      publisher.destroy();
      subscriber.destroy();
      await firstConnection;
    },
  };
}

/** A short, fixed name for a Redis client error (ECONNREFUSED, WRONGPASS…); never its message. */
function errorCode(error: unknown): string {
  if (error instanceof Error) {
    if ('code' in error && typeof error.code === 'string') return error.code;
    const word = /^[A-Z][A-Z_]{2,31}\b/.exec(error.message)?.[0];
    return word ?? error.name;
  }
  return 'unknown';
}
