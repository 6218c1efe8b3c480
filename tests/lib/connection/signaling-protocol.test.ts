import { describe, expect, it } from 'vitest';
import {
  MAX_DATA_DEPTH,
  MAX_TOPIC_LENGTH,
  MAX_TOPICS_PER_MESSAGE,
  encodeServerMessage,
  parseClientMessage,
  validTopic,
} from '../../../lib/connection/signaling-protocol';
import type {
  ClientMessage,
  ClientMessageRejection,
} from '../../../lib/connection/signaling-protocol';

const longestTopic = 'x'.repeat(MAX_TOPIC_LENGTH);
const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};

describe('parseClientMessage', () => {
  it.each<[string, string, ClientMessage]>([
    [
      'a subscribe',
      '{"type":"subscribe","topics":["a","b"]}',
      { type: 'subscribe', topics: ['a', 'b'] },
    ],
    // y-webrtc subscribes to all its rooms on connect, which may be none.
    [
      'a subscribe to no topics',
      '{"type":"subscribe","topics":[]}',
      { type: 'subscribe', topics: [] },
    ],
    [
      'an unsubscribe',
      '{"type":"unsubscribe","topics":["a"]}',
      { type: 'unsubscribe', topics: ['a'] },
    ],
    [
      'a publish with encrypted (base64) data',
      '{"type":"publish","topic":"room","data":"AAEC"}',
      { type: 'publish', topic: 'room', data: 'AAEC' },
    ],
    [
      'a publish with object data',
      '{"type":"publish","topic":"room","data":{"type":"announce","from":"p1"}}',
      { type: 'publish', topic: 'room', data: { type: 'announce', from: 'p1' } },
    ],
    [
      'a publish with null data',
      '{"type":"publish","topic":"r","data":null}',
      { type: 'publish', topic: 'r', data: null },
    ],
    ['a ping', '{"type":"ping"}', { type: 'ping' }],
    [
      'a topic of exactly the maximum length',
      JSON.stringify({ type: 'subscribe', topics: [longestTopic] }),
      { type: 'subscribe', topics: [longestTopic] },
    ],
    [
      'exactly the maximum number of topics',
      JSON.stringify({
        type: 'subscribe',
        topics: Array.from({ length: MAX_TOPICS_PER_MESSAGE }, (_, i) => `t${i}`),
      }),
      {
        type: 'subscribe',
        topics: Array.from({ length: MAX_TOPICS_PER_MESSAGE }, (_, i) => `t${i}`),
      },
    ],
    [
      'data nested exactly as deep as allowed',
      JSON.stringify({ type: 'publish', topic: 'r', data: nested(MAX_DATA_DEPTH) }),
      { type: 'publish', topic: 'r', data: nested(MAX_DATA_DEPTH) },
    ],
  ])('accepts %s', (_title, raw, message) => {
    expect(parseClientMessage(raw)).toStrictEqual({ ok: true, message });
  });

  it.each<[string, string, ClientMessageRejection]>([
    ['text that is not JSON', 'hello', 'not JSON'],
    ['an empty frame', '', 'not JSON'],
    ['a JSON array', '[{"type":"ping"}]', 'not an object'],
    ['a JSON string', '"ping"', 'not an object'],
    ['JSON null', 'null', 'not an object'],
    ['an unknown type', '{"type":"join","topics":["a"]}', 'unknown type'],
    ['a missing type', '{"topics":["a"]}', 'unknown type'],
    ['a type that is not a string', '{"type":1}', 'unknown type'],
    ['a type inherited from the prototype', '{"__proto__":{"type":"ping"}}', 'unknown type'],
    ['a subscribe without topics', '{"type":"subscribe"}', 'topics is not a list'],
    ['topics given as one string', '{"type":"subscribe","topics":"a"}', 'topics is not a list'],
    ['a topic that is not a string', '{"type":"subscribe","topics":["a",7]}', 'invalid topic'],
    ['an empty topic', '{"type":"unsubscribe","topics":[""]}', 'invalid topic'],
    [
      'a topic one character too long',
      JSON.stringify({ type: 'subscribe', topics: [longestTopic + 'x'] }),
      'invalid topic',
    ],
    [
      'one topic too many',
      JSON.stringify({
        type: 'subscribe',
        topics: Array.from({ length: MAX_TOPICS_PER_MESSAGE + 1 }, (_, i) => `t${i}`),
      }),
      'too many topics',
    ],
    ['a publish without a topic', '{"type":"publish","data":"x"}', 'invalid topic'],
    [
      'a publish to a topic that is a list',
      '{"type":"publish","topic":["a"],"data":"x"}',
      'invalid topic',
    ],
    [
      'a publish to a huge topic',
      JSON.stringify({ type: 'publish', topic: 'x'.repeat(10_000), data: 'x' }),
      'invalid topic',
    ],
    ['a publish without data', '{"type":"publish","topic":"r"}', 'publish without data'],
    [
      'data nested one level too deep',
      JSON.stringify({ type: 'publish', topic: 'r', data: nested(MAX_DATA_DEPTH + 1) }),
      'data nested too deeply',
    ],
    [
      'data nested deep enough to overflow a recursive serialiser',
      `{"type":"publish","topic":"r","data":${'['.repeat(30_000)}${']'.repeat(30_000)}}`,
      'data nested too deeply',
    ],
  ])('rejects %s', (_title, raw, reason) => {
    expect(parseClientMessage(raw)).toStrictEqual({ ok: false, reason });
  });

  it('keeps only the known fields of a message', () => {
    const parsed = parseClientMessage(
      '{"type":"publish","topic":"r","data":1,"clients":99,"extra":"x"}',
    );
    expect(parsed).toStrictEqual({ ok: true, message: { type: 'publish', topic: 'r', data: 1 } });
  });

  it('never echoes the rejected input in its reason', () => {
    const parsed = parseClientMessage('{"type":"secret-room-name"}');
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain('secret-room-name');
  });
});

describe('validTopic', () => {
  it.each<[unknown, string | null]>([
    ['room', 'room'],
    [' spaced ', ' spaced '],
    ['', null],
    [longestTopic + 'x', null],
    [42, null],
    [null, null],
  ])('reads %j as %j', (value, topic) => {
    expect(validTopic(value)).toBe(topic);
  });
});

describe('encodeServerMessage', () => {
  it('writes the JSON text that y-webrtc clients read', () => {
    expect(encodeServerMessage({ type: 'pong' })).toBe('{"type":"pong"}');
    expect(encodeServerMessage({ type: 'publish', topic: 'r', data: 'AA', clients: 2 })).toBe(
      '{"type":"publish","topic":"r","data":"AA","clients":2}',
    );
  });
});
