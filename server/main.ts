/**
 * The companion server's command line: `kring-server [--port N] [--host H] [--static DIR]`, and
 * every limit from a KRING_* environment variable (server/config.ts; arguments win). A bad value
 * stops it with one line naming the variable, and exit code 2.
 */
import { ConfigError, USAGE, parseServerConfig } from './config';
import type { ServerConfig } from './config';
import { jsonLog } from './log';
import { startSignalingServer } from './signaling-server';

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = parseServerConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`kring-server: ${error.message}\n`);
    process.exit(2);
  }
  if (config.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { options } = config;

  const log = jsonLog();
  const server = await startSignalingServer({ ...options, log }).catch((error: unknown) => {
    console.error(`kring-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });

  log({
    level: 'info',
    msg: 'listening',
    url: server.url,
    health: `${server.httpUrl}/health`,
    webPanel: options.staticDir !== undefined,
    redis: options.redisUrl !== undefined,
    ice: options.ice !== undefined,
    trustProxy: options.trustProxy === true,
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

await main();
