/**
 * The y-webrtc signaling protocol (JSON text frames over a WebSocket), declared once for the
 * companion server, the tests and the client. Everything a client sends is untrusted: it is
 * decoded here with guards into a fresh value that carries only the known fields.
 */
import { isRecord } from '../util/guards';

/** The longest topic (room name) accepted; Kring's room names are 70 characters. */
export const MAX_TOPIC_LENGTH = 128;

/** The most topics one subscribe or unsubscribe message may name. */
export const MAX_TOPICS_PER_MESSAGE = 32;

/** The deepest nesting of arrays and objects accepted in a publish's data (y-webrtc uses 3). */
export const MAX_DATA_DEPTH = 16;

/** Client -> server: add this connection to each topic. */
export interface SubscribeMessage {
  readonly type: 'subscribe';
  readonly topics: readonly string[];
}

/** Client -> server: remove this connection from each topic. */
export interface UnsubscribeMessage {
  readonly type: 'unsubscribe';
  readonly topics: readonly string[];
}

/** Client -> server: relay data to every subscriber of a topic the sender subscribed to. */
export interface PublishMessage {
  readonly type: 'publish';
  readonly topic: string;
  readonly data: unknown;
}

/** Client -> server: a keep-alive that the server answers with a pong. */
export interface PingMessage {
  readonly type: 'ping';
}

/** Any message a client may send to the signaling server. */
export type ClientMessage = SubscribeMessage | UnsubscribeMessage | PublishMessage | PingMessage;

/** Server -> client: the answer to a ping. */
export interface PongMessage {
  readonly type: 'pong';
}

/** Server -> client: a relayed publish, with the number of subscribers it was sent to. */
export interface RelayedPublishMessage {
  readonly type: 'publish';
  readonly topic: string;
  readonly data: unknown;
  readonly clients: number;
}

/** Any message the signaling server sends to a client. */
export type ServerMessage = PongMessage | RelayedPublishMessage;

/** Why a client message was refused; fixed phrases, so they never echo what the client sent. */
export type ClientMessageRejection =
  | 'not JSON'
  | 'not an object'
  | 'unknown type'
  | 'topics is not a list'
  | 'too many topics'
  | 'invalid topic'
  | 'publish without data'
  | 'data nested too deeply';

/** The outcome of decoding one client message. */
export type ParsedClientMessage =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly reason: ClientMessageRejection };

/** A topic name: a non-empty string of at most MAX_TOPIC_LENGTH characters, or null. */
export function validTopic(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TOPIC_LENGTH
    ? value
    : null;
}

/** Decodes one text frame from a client into a ClientMessage; never throws. */
export function parseClientMessage(raw: string): ParsedClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (!isRecord(value)) return { ok: false, reason: 'not an object' };
  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe': {
      const topics = decodeTopics(value.topics);
      if (!Array.isArray(topics)) return { ok: false, reason: topics };
      return { ok: true, message: { type: value.type, topics } };
    }
    case 'publish': {
      const topic = validTopic(value.topic);
      if (topic === null) return { ok: false, reason: 'invalid topic' };
      if (!('data' in value) || value.data === undefined) {
        return { ok: false, reason: 'publish without data' };
      }
      // The server serialises data again to relay it; too deep a value would overflow the stack.
      if (nestingDepth(value.data) > MAX_DATA_DEPTH) {
        return { ok: false, reason: 'data nested too deeply' };
      }
      return { ok: true, message: { type: 'publish', topic, data: value.data } };
    }
    case 'ping':
      return { ok: true, message: { type: 'ping' } };
    default:
      return { ok: false, reason: 'unknown type' };
  }
}

/** Serialises a server message into the text frame sent to clients. */
export function encodeServerMessage(message: ServerMessage): string {
  return JSON.stringify(message);
}

function decodeTopics(value: unknown): string[] | ClientMessageRejection {
  if (!Array.isArray(value)) return 'topics is not a list';
  if (value.length > MAX_TOPICS_PER_MESSAGE) return 'too many topics';
  const topics: string[] = [];
  for (const item of value) {
    const topic = validTopic(item);
    if (topic === null) return 'invalid topic';
    topics.push(topic);
  }
  return topics;
}

/** Depth of nested arrays and objects in a JSON value, walked without recursion. */
function nestingDepth(root: unknown): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { value, depth } = entry;
    if (typeof value !== 'object' || value === null) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > MAX_DATA_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push({ value: child, depth: here });
  }
  return deepest;
}
