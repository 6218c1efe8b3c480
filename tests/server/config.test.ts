import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, USAGE, parseServerConfig } from '../../server/config';
import { SIGNALING_DEFAULTS } from '../../server/signaling-server';

/** The contract of issue 12: every limit and setting of the companion is one of these. */
const CONTRACT_VARIABLES = [
  'KRING_PORT',
  'KRING_HOST',
  'KRING_STATIC_DIR',
  'KRING_MAX_CONNECTIONS',
  'KRING_MAX_CONNECTIONS_PER_ADDRESS',
  'KRING_TRUST_PROXY',
  'KRING_ALLOWED_ORIGINS',
  'KRING_MAX_MESSAGE_BYTES',
  'KRING_MAX_BUFFERED_BYTES',
  'KRING_PING_TIMEOUT_MS',
  'KRING_SUBSCRIBE_TIMEOUT_MS',
  'KRING_RATE_BURST',
  'KRING_RATE_PER_SECOND',
  'KRING_MAX_TOPICS',
  'KRING_HTTP_HEADERS_TIMEOUT_MS',
  'KRING_HTTP_REQUEST_TIMEOUT_MS',
  'KRING_REDIS_URL',
  'KRING_STUN_URLS',
  'KRING_TURN_URLS',
  'KRING_TURN_SECRET',
  'KRING_TURN_TTL_SECONDS',
];

const SECRET = 'a-turn-secret-of-32-characters!!';

function options(env: Record<string, string>, argv: string[] = []) {
  const config = parseServerConfig(argv, env);
  if (config.help) throw new Error('help asked');
  return config.options;
}

function problem(env: Record<string, string>, argv: string[] = []): string {
  try {
    parseServerConfig(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('no ConfigError');
}

describe('server configuration', () => {
  it('runs on the defaults when nothing is set', () => {
    expect(options({})).toStrictEqual({
      port: SIGNALING_DEFAULTS.port,
      host: SIGNALING_DEFAULTS.host,
      staticDir: undefined,
      maxConnections: SIGNALING_DEFAULTS.maxConnections,
      maxConnectionsPerAddress: SIGNALING_DEFAULTS.maxConnectionsPerAddress,
      trustProxy: false,
      allowedOrigins: [],
      maxMessageBytes: SIGNALING_DEFAULTS.maxMessageBytes,
      maxBufferedBytes: SIGNALING_DEFAULTS.maxBufferedBytes,
      pingTimeoutMs: SIGNALING_DEFAULTS.pingTimeoutMs,
      subscribeTimeoutMs: SIGNALING_DEFAULTS.subscribeTimeoutMs,
      rateLimit: SIGNALING_DEFAULTS.rateLimit,
      maxTopicsPerConnection: SIGNALING_DEFAULTS.maxTopicsPerConnection,
      httpHeadersTimeoutMs: SIGNALING_DEFAULTS.httpHeadersTimeoutMs,
      httpRequestTimeoutMs: SIGNALING_DEFAULTS.httpRequestTimeoutMs,
      redisUrl: undefined,
      ice: undefined,
    });
  });

  it('reads every variable of the contract', () => {
    expect(
      options({
        KRING_PORT: '0',
        KRING_HOST: '::1',
        KRING_STATIC_DIR: '/srv/kring/chrome-mv3',
        KRING_MAX_CONNECTIONS: '500',
        KRING_MAX_CONNECTIONS_PER_ADDRESS: '0',
        KRING_TRUST_PROXY: '1',
        KRING_ALLOWED_ORIGINS:
          'https://kring.example, chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        KRING_MAX_MESSAGE_BYTES: '32768',
        KRING_MAX_BUFFERED_BYTES: '262144',
        KRING_PING_TIMEOUT_MS: '20000',
        KRING_SUBSCRIBE_TIMEOUT_MS: '3000',
        KRING_RATE_BURST: '100',
        KRING_RATE_PER_SECOND: '20',
        KRING_MAX_TOPICS: '8',
        KRING_HTTP_HEADERS_TIMEOUT_MS: '5000',
        KRING_HTTP_REQUEST_TIMEOUT_MS: '15000',
        KRING_REDIS_URL: 'redis://127.0.0.1:6379',
        KRING_STUN_URLS: 'stun:turn.kring.example:3478',
        KRING_TURN_URLS: 'turn:turn.kring.example:3478?transport=udp,turns:turn.kring.example:443',
        KRING_TURN_SECRET: SECRET,
        KRING_TURN_TTL_SECONDS: '7200',
      }),
    ).toStrictEqual({
      port: 0,
      host: '::1',
      staticDir: '/srv/kring/chrome-mv3',
      maxConnections: 500,
      maxConnectionsPerAddress: 0,
      trustProxy: true,
      allowedOrigins: [
        'https://kring.example',
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      ],
      maxMessageBytes: 32768,
      maxBufferedBytes: 262144,
      pingTimeoutMs: 20000,
      subscribeTimeoutMs: 3000,
      rateLimit: { burst: 100, perSecond: 20 },
      maxTopicsPerConnection: 8,
      httpHeadersTimeoutMs: 5000,
      httpRequestTimeoutMs: 15000,
      redisUrl: 'redis://127.0.0.1:6379',
      ice: {
        stunUrls: ['stun:turn.kring.example:3478'],
        turnUrls: ['turn:turn.kring.example:3478?transport=udp', 'turns:turn.kring.example:443'],
        turnSecret: SECRET,
        turnTtlSeconds: 7200,
      },
    });
  });

  it('lets the command line win over the environment', () => {
    expect(
      options({ KRING_PORT: '5000', KRING_HOST: '0.0.0.0', KRING_STATIC_DIR: '/a' }, [
        '--port',
        '6000',
        '--host',
        '127.0.0.1',
        '--static',
        '/b',
      ]),
    ).toMatchObject({ port: 6000, host: '127.0.0.1', staticDir: '/b' });
  });

  it('treats an empty variable as unset', () => {
    expect(options({ KRING_MAX_CONNECTIONS: '', KRING_TRUST_PROXY: ' ' })).toMatchObject({
      maxConnections: SIGNALING_DEFAULTS.maxConnections,
      trustProxy: false,
    });
  });

  it.each([
    ['KRING_PORT', '70000'],
    ['KRING_PORT', '-1'],
    ['KRING_MAX_CONNECTIONS', '0'],
    ['KRING_MAX_CONNECTIONS', '1e3'],
    ['KRING_MAX_CONNECTIONS_PER_ADDRESS', 'lots'],
    ['KRING_TRUST_PROXY', 'true'],
    ['KRING_ALLOWED_ORIGINS', 'https://kring.example/path'],
    ['KRING_ALLOWED_ORIGINS', '*'],
    ['KRING_MAX_MESSAGE_BYTES', '0x1000'],
    ['KRING_MAX_MESSAGE_BYTES', '16384'],
    ['KRING_MAX_BUFFERED_BYTES', '1000'],
    ['KRING_PING_TIMEOUT_MS', '30s'],
    ['KRING_SUBSCRIBE_TIMEOUT_MS', '1.5'],
    ['KRING_RATE_BURST', '0'],
    ['KRING_RATE_PER_SECOND', '-5'],
    ['KRING_MAX_TOPICS', 'NaN'],
    ['KRING_HTTP_HEADERS_TIMEOUT_MS', '99'],
    ['KRING_HTTP_REQUEST_TIMEOUT_MS', '5000'],
    ['KRING_REDIS_URL', 'http://127.0.0.1:6379'],
    ['KRING_STUN_URLS', 'https://stun.example'],
    ['KRING_TURN_SECRET', SECRET],
    ['KRING_TURN_TTL_SECONDS', '3600'],
  ])('stops on %s=%s with one line that names the variable', (name, value) => {
    const message = problem({ [name]: value });
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
  });

  it('checks the TURN settings together and names the variable at fault', () => {
    expect(problem({ KRING_TURN_URLS: 'turn:turn.kring.example:3478' })).toMatch(
      /^KRING_TURN_SECRET/,
    );
    expect(
      problem({ KRING_TURN_URLS: 'turn:turn.kring.example:3478', KRING_TURN_SECRET: 'short' }),
    ).toMatch(/^KRING_TURN_SECRET/);
    expect(
      problem({
        KRING_TURN_URLS: 'turn:turn.kring.example:3478',
        KRING_TURN_SECRET: SECRET,
        KRING_TURN_TTL_SECONDS: '10',
      }),
    ).toMatch(/^KRING_TURN_TTL_SECONDS/);
  });

  it('never repeats the Redis URL, which may hold a password', () => {
    expect(problem({ KRING_REDIS_URL: 'http://user:hunter2@redis' })).not.toContain('hunter2');
  });

  it('refuses unknown arguments and answers --help with every variable', () => {
    expect(problem({}, ['--prot', '1'])).toContain('--prot');
    expect(parseServerConfig(['--help'], {})).toStrictEqual({ help: true });
    for (const name of CONTRACT_VARIABLES) expect(USAGE).toContain(name);
  });
});

describe('the documented variables', () => {
  it('lists exactly the contract variables, each once', () => {
    expect(ENV_VARIABLES.map((v) => v.name)).toStrictEqual(CONTRACT_VARIABLES);
  });

  it("are all in the README's table, with the defaults the server uses", async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const variable of ENV_VARIABLES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${variable.name}\``));
      expect(row, variable.name).toBeDefined();
      expect(row, variable.name).toContain(variable.default);
    }
  });
});
