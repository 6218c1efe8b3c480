import { describe, expect, it } from 'vitest';
import { formatLogLine, jsonLog } from '../../server/log';
import type { LogEvent } from '../../server/log';

const AT = new Date('2026-11-30T12:00:00.000Z');

describe('JSON log lines', () => {
  it('writes time, level and msg first, then the counts, as one parseable line', () => {
    const line = formatLogLine({ level: 'warn', msg: 'refused a connection', open: 2000 }, AT);
    expect(line).toBe(
      '{"time":"2026-11-30T12:00:00.000Z","level":"warn","msg":"refused a connection","open":2000}',
    );
    expect(line).not.toContain('\n');
  });

  it('keeps a line on one line and parseable whatever the strings hold', () => {
    const event: LogEvent = { level: 'error', msg: 'a\nb "quoted" \u2028', detail: '}\n{' };
    const line = formatLogLine(event, AT);
    expect(line.split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toMatchObject({ msg: 'a\nb "quoted" \u2028', detail: '}\n{' });
  });

  it('does not let a field replace time, level or msg', () => {
    const event = { level: 'info', msg: 'x', time: 'forged' } as LogEvent;
    expect(JSON.parse(formatLogLine(event, AT))).toEqual({
      time: '2026-11-30T12:00:00.000Z',
      level: 'info',
      msg: 'x',
    });
  });

  it('writes non-finite numbers as null, so the line still parses', () => {
    const line = formatLogLine({ level: 'info', msg: 'x', rate: Number.NaN }, AT);
    expect(JSON.parse(line)).toMatchObject({ rate: null });
  });

  it('jsonLog hands one line per event to its writer, stamped by its clock', () => {
    const lines: string[] = [];
    const log = jsonLog(
      (line) => lines.push(line),
      () => AT,
    );
    log({ level: 'info', msg: 'one' });
    log({ level: 'info', msg: 'two', count: 2 });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { time: AT.toISOString(), level: 'info', msg: 'one' },
      { time: AT.toISOString(), level: 'info', msg: 'two', count: 2 },
    ]);
  });
});
