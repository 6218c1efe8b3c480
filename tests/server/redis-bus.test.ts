import { describe, expect, it } from 'vitest';
import {
  channelOf,
  createRedisBus,
  decodeBusMessage,
  encodeBusMessage,
  validRedisUrl,
} from '../../server/redis-bus';
import { createCounters } from '../../server/metrics';

const ID = 'AbCdEfGhIjKlMnOp'; // 16 characters, as an instance id
const TOPIC = `kring-${'a'.repeat(64)}`;

describe('the message between instances', () => {
  it('decodes what it encodes: the sender and the publish', () => {
    const data = { type: 'announce', from: 'anna', nested: [1, { two: 2 }] };
    const raw = encodeBusMessage(ID, TOPIC, data);
    expect(decodeBusMessage(channelOf(TOPIC), raw, 64 * 1024)).toEqual({
      from: ID,
      topic: TOPIC,
      data,
    });
    expect(channelOf(TOPIC)).toBe(`kring:t:${TOPIC}`);
  });

  it.each([
    ['no sender', '{"type":"publish","topic":"t","data":1}'],
    ['a sender only', ID],
    ['not JSON', `${ID}{`],
    ['another type', `${ID}{"type":"subscribe","topics":["t"]}`],
    ['no data', `${ID}{"type":"publish","topic":"t"}`],
    ['another topic than its channel', `${ID}{"type":"publish","topic":"u","data":1}`],
    [
      'data nested too deep',
      `${ID}{"type":"publish","topic":"t","data":${'['.repeat(40)}${']'.repeat(40)}}`,
    ],
    ['more than the size limit', `${ID}{"type":"publish","topic":"t","data":"${'x'.repeat(200)}"}`],
  ])('drops a message with %s', (_, raw) => {
    expect(decodeBusMessage(channelOf('t'), raw, 128)).toBeNull();
  });

  it('drops a message on a channel that is not a Kring topic', () => {
    const raw = encodeBusMessage(ID, 't', 1);
    expect(decodeBusMessage('t', raw, 1024)).toBeNull();
    expect(decodeBusMessage('other:t', raw, 1024)).toBeNull();
  });
});

describe('the Redis address', () => {
  it.each([
    'redis://127.0.0.1:6379',
    'redis://localhost',
    'rediss://user:secret@redis.example.org:6380/2',
    'redis://[::1]:6379/0',
  ])('accepts %s', (url) => {
    expect(validRedisUrl(url)).toBe(url);
  });

  it.each([
    '',
    'localhost:6379',
    'http://127.0.0.1:6379',
    'redis://',
    'redis://host/not-a-db',
    'redis://host/1/2',
    'unix:///run/redis.sock',
  ])('refuses %j', (url) => {
    expect(validRedisUrl(url)).toBeNull();
  });

  it('createRedisBus refuses a bad address without echoing it (it may hold a password)', async () => {
    const bus = createRedisBus({
      url: 'http://user:hunter2@host',
      log: () => {},
      counters: createCounters(),
      maxMessageBytes: 1024,
      deliver: () => {},
      recovered: () => {},
    });
    await expect(bus).rejects.toThrow(/not a redis:\/\/ or rediss:\/\/ URL/);
    await expect(bus).rejects.not.toThrow(/hunter2/);
  });
});
