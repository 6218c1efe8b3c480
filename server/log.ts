/**
 * The companion's log: one JSON object per line (time, level, msg, then counts), so that an
 * operator's collector (journald, Loki, CloudWatch) can filter and count without parsing prose.
 * An event carries fixed messages and numbers; never message content, a topic or an address
 * (docs/signaling-protocol.md SP8): the fields are typed as plain values so that a reviewer can
 * see at each call site what goes out.
 */

export type LogLevel = 'info' | 'warn' | 'error';

/** One notable event: a fixed message and the counts or fixed words that describe it. */
export interface LogEvent {
  readonly level: LogLevel;
  /** A fixed phrase, the same for every occurrence of this event (it is what gets grouped on). */
  readonly msg: string;
  readonly [field: string]: string | number | boolean;
}

/** Where the server sends its events (SignalingServerOptions.log). */
export type Log = (event: LogEvent) => void;

/** Field names the line itself sets first; an event's own field of that name cannot replace them. */
const RESERVED = new Set(['time', 'level', 'msg']);

/**
 * The line for one event: `{"time":…,"level":…,"msg":…,…}`. Non-finite numbers (NaN, Infinity)
 * become null, as JSON.stringify does, so the line always parses.
 */
export function formatLogLine(event: LogEvent, time: Date): string {
  const line: Record<string, string | number | boolean> = {
    time: time.toISOString(),
    level: event.level,
    msg: event.msg,
  };
  for (const [field, value] of Object.entries(event)) {
    if (!RESERVED.has(field)) line[field] = value;
  }
  return JSON.stringify(line);
}

/** A Log that writes one JSON line per event (to stdout by default). */
export function jsonLog(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: () => Date = () => new Date(),
): Log {
  return (event) => write(formatLogLine(event, clock()));
}
