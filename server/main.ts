/**
 * The companion server's command line: `kring-server [--port N] [--host H] [--static DIR]`, with
 * KRING_PORT, KRING_HOST and KRING_STATIC_DIR as fallbacks. Arguments win over the environment.
 */
import { parseArgs } from 'node:util';
import { jsonLog } from './log';
import { validRedisUrl } from './redis-bus';
import { SIGNALING_DEFAULTS, startSignalingServer } from './signaling-server';

const USAGE = `Usage: kring-server [--port N] [--host H] [--static DIR]

  --port N       port to listen on (env KRING_PORT, default ${SIGNALING_DEFAULTS.port}; 0 = any free port)
  --host H       interface to listen on (env KRING_HOST, default ${SIGNALING_DEFAULTS.host})
  --static DIR   serve the web panel from DIR (env KRING_STATIC_DIR, optional)
`;

async function main(): Promise<void> {
  const values = readArguments();
  if (values.help === true) {
    process.stdout.write(USAGE);
    return;
  }

  const portText = values.port ?? nonEmpty(process.env.KRING_PORT);
  const port = portText === undefined ? SIGNALING_DEFAULTS.port : parsePort(portText);
  if (port === null) fail(`not a port number: ${portText ?? ''}`);
  const host = values.host ?? nonEmpty(process.env.KRING_HOST) ?? SIGNALING_DEFAULTS.host;
  const staticDir = values.static ?? nonEmpty(process.env.KRING_STATIC_DIR);
  // Never echoed: the URL may hold the Redis password.
  const redisUrl = nonEmpty(process.env.KRING_REDIS_URL);
  if (redisUrl !== undefined && validRedisUrl(redisUrl) === null) {
    fail('KRING_REDIS_URL is not a redis:// or rediss:// URL');
  }

  const log = jsonLog();
  const server = await startSignalingServer({
    port,
    host,
    staticDir,
    redisUrl,
    log,
  }).catch((error: unknown) => {
    console.error(`kring-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });

  log({
    level: 'info',
    msg: 'listening',
    url: server.url,
    health: `${server.httpUrl}/health`,
    webPanel: staticDir !== undefined,
    redis: redisUrl !== undefined,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second signal: do not wait any longer
    stopping = true;
    log({ level: 'info', msg: 'closing', signal });
    void server.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function readArguments() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        static: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function fail(message: string): never {
  process.stderr.write(`kring-server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

await main();
