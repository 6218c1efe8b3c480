/**
 * The companion's counters and their Prometheus text form (GET /metrics). Counts only: no
 * label ever holds a topic, an address or anything a client sent; label values come from the
 * fixed unions below, so a new label value is a code change that a reviewer sees.
 */

/** Why the server ended a connection itself. */
export type TerminationReason =
  | 'rate_limit'
  | 'message_too_large'
  | 'protocol_error'
  | 'ping_timeout'
  | 'slow_reader'
  | 'no_subscribe';

/** Why the server refused a WebSocket upgrade. */
export type RefusalReason = 'server_full' | 'address_full' | 'origin';

export const TERMINATION_REASONS: readonly TerminationReason[] = [
  'rate_limit',
  'message_too_large',
  'protocol_error',
  'ping_timeout',
  'slow_reader',
  'no_subscribe',
];

export const REFUSAL_REASONS: readonly RefusalReason[] = ['server_full', 'address_full', 'origin'];

/** Running totals since start; the server adds to them, /metrics reads them. */
export interface ServerCounters {
  /** Frames received from clients, valid or not, and their bytes. */
  messagesIn: number;
  bytesIn: number;
  /** Frames sent to clients (each relayed copy counts), and their bytes. */
  messagesOut: number;
  bytesOut: number;
  readonly terminated: Record<TerminationReason, number>;
  readonly refusedConnections: Record<RefusalReason, number>;
  /** Publishes handed to Redis for the other instances, and ones that could not be. */
  busPublished: number;
  busPublishFailed: number;
  /** Publishes that came from other instances through Redis, and ones dropped as malformed. */
  busReceived: number;
  busDropped: number;
}

export function createCounters(): ServerCounters {
  return {
    messagesIn: 0,
    bytesIn: 0,
    messagesOut: 0,
    bytesOut: 0,
    terminated: Object.fromEntries(TERMINATION_REASONS.map((r) => [r, 0])) as Record<
      TerminationReason,
      number
    >,
    refusedConnections: Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<
      RefusalReason,
      number
    >,
    busPublished: 0,
    busPublishFailed: 0,
    busReceived: 0,
    busDropped: 0,
  };
}

/** Everything /metrics shows, read at the moment of the request. */
export interface MetricsSnapshot {
  readonly connections: number;
  readonly topics: number;
  readonly droppedMessages: number;
  readonly refusedMessages: number;
  readonly counters: ServerCounters;
  /** null when the server runs as one instance without Redis. */
  readonly redisConnected: boolean | null;
  readonly residentMemoryBytes: number;
  readonly uptimeSeconds: number;
}

/** The Prometheus text exposition format's content type (version 0.0.4). */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface Family {
  readonly name: string;
  readonly type: 'counter' | 'gauge';
  readonly help: string;
  readonly samples: readonly {
    readonly labels?: Readonly<Record<string, string>>;
    value: number;
  }[];
}

/** The snapshot in Prometheus text format: `# HELP`, `# TYPE`, then `name{labels} value` lines. */
export function renderMetrics(snapshot: MetricsSnapshot): string {
  const { counters } = snapshot;
  const one = (value: number) => [{ value }];
  const families: Family[] = [
    {
      name: 'kring_connections',
      type: 'gauge',
      help: 'Open WebSocket connections on this instance.',
      samples: one(snapshot.connections),
    },
    {
      name: 'kring_topics',
      type: 'gauge',
      help: 'Topics with at least one subscriber on this instance.',
      samples: one(snapshot.topics),
    },
    {
      name: 'kring_messages_received_total',
      type: 'counter',
      help: 'Frames received from clients, valid or not.',
      samples: one(counters.messagesIn),
    },
    {
      name: 'kring_messages_sent_total',
      type: 'counter',
      help: 'Frames sent to clients; a publish relayed to n subscribers counts n.',
      samples: one(counters.messagesOut),
    },
    {
      name: 'kring_received_bytes_total',
      type: 'counter',
      help: 'Bytes of the frames received from clients.',
      samples: one(counters.bytesIn),
    },
    {
      name: 'kring_sent_bytes_total',
      type: 'counter',
      help: 'Bytes of the frames sent to clients.',
      samples: one(counters.bytesOut),
    },
    {
      name: 'kring_messages_dropped_total',
      type: 'counter',
      help: 'Malformed frames dropped: not JSON, the wrong shape, binary.',
      samples: one(snapshot.droppedMessages),
    },
    {
      name: 'kring_messages_refused_total',
      type: 'counter',
      help: 'Well-formed messages refused: a publish to a topic not subscribed, topics over the limit.',
      samples: one(snapshot.refusedMessages),
    },
    {
      name: 'kring_connections_refused_total',
      type: 'counter',
      help: 'WebSocket upgrades refused, by reason.',
      samples: REFUSAL_REASONS.map((reason) => ({
        labels: { reason },
        value: counters.refusedConnections[reason],
      })),
    },
    {
      name: 'kring_connections_terminated_total',
      type: 'counter',
      help: 'Connections the server ended itself, by reason.',
      samples: TERMINATION_REASONS.map((reason) => ({
        labels: { reason },
        value: counters.terminated[reason],
      })),
    },
  ];
  if (snapshot.redisConnected !== null) {
    families.push(
      {
        name: 'kring_redis_connected',
        type: 'gauge',
        help: '1 when the link to the other instances through Redis is up, else 0.',
        samples: one(snapshot.redisConnected ? 1 : 0),
      },
      {
        name: 'kring_redis_published_total',
        type: 'counter',
        help: 'Client publishes handed to Redis for the other instances.',
        samples: one(counters.busPublished),
      },
      {
        name: 'kring_redis_publish_failed_total',
        type: 'counter',
        help: 'Client publishes that could not reach Redis (link down); local subscribers got them.',
        samples: one(counters.busPublishFailed),
      },
      {
        name: 'kring_redis_received_total',
        type: 'counter',
        help: 'Publishes from other instances received through Redis.',
        samples: one(counters.busReceived),
      },
      {
        name: 'kring_redis_dropped_total',
        type: 'counter',
        help: 'Messages from Redis dropped as malformed.',
        samples: one(counters.busDropped),
      },
    );
  }
  families.push(
    {
      name: 'process_resident_memory_bytes',
      type: 'gauge',
      help: 'Resident memory size in bytes.',
      samples: one(snapshot.residentMemoryBytes),
    },
    {
      name: 'kring_uptime_seconds',
      type: 'gauge',
      help: 'Seconds since this instance started.',
      samples: one(snapshot.uptimeSeconds),
    },
  );
  return families.map(renderFamily).join('');
}

function renderFamily(family: Family): string {
  let text = `# HELP ${family.name} ${family.help}\n# TYPE ${family.name} ${family.type}\n`;
  for (const sample of family.samples) {
    text += `${family.name}${renderLabels(sample.labels)} ${renderValue(sample.value)}\n`;
  }
  return text;
}

function renderLabels(labels: Readonly<Record<string, string>> | undefined): string {
  if (labels === undefined) return '';
  const pairs = Object.entries(labels).map(
    ([name, value]) =>
      `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return `{${pairs.join(',')}}`;
}

function renderValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
