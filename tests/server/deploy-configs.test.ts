/**
 * The deployment files that docs/deploy.md tells an operator to copy work as shipped, run by the
 * real programs on loopback: Debian's nginx and Caddy in front of a companion over TLS, Debian's
 * coturn giving a relay address for the credentials the companion hands out at /ice, systemd's
 * own checks on the unit, and the Dockerfile's run stage played without Docker (there is no
 * Docker daemon here).
 *
 * Each test reads the shipped file and changes only what an operator changes (host name, ports,
 * certificate paths) plus what a test on loopback needs (temporary files). Every change must find
 * its text, so a reworded config fails here instead of silently testing something else.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import wrtc from '@roamhq/wrtc';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ClientOptions } from 'ws';
import { ENV_VARIABLES } from '../../server/config';
import { startSignalingServer } from '../../server/signaling-server';
import type { RunningServer } from '../../server/signaling-server';
import { freePort, tcpListens } from '../helpers/ports';
import { hasEnded } from '../helpers/child-end';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPLOY = join(ROOT, 'docs/deploy');
/** The host name every shipped file uses as its placeholder. */
const EXAMPLE_HOST = 'kring.example.org';
/** Waits that pass take well under a second; this is how long a failing one gives up after. */
const WAIT_MS = 10_000;
const TURN_SECRET = 'deploy-test-secret-0123456789abcdef';
/** The web panel as the companion serves it; a marker tells it apart from any error page. */
const PANEL_MARKER = 'kring-deploy-test-panel';

let work = '';
let cert = '';
let certKey = '';
let certPem = '';
const processes: Started[] = [];
const sockets: WebSocket[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  for (const [tool, pkg] of [
    ['nginx', 'nginx'],
    ['caddy', 'caddy'],
    ['turnserver', 'coturn'],
    ['openssl', 'openssl'],
    ['systemd-analyze', 'systemd'],
  ] as const) {
    if (spawnSync('which', [tool]).status !== 0) {
      throw new Error(`${tool} is missing: apt-get install -y ${pkg} (see .ci/run)`);
    }
  }
  work = await mkdtemp(join(tmpdir(), 'kring-deploy-'));
  // nginx's workers run as nobody when the test runs as root; they only need to pass through.
  await chmod(work, 0o755);
  cert = join(work, 'cert.pem');
  certKey = join(work, 'key.pem');
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-keyout',
    certKey,
    '-out',
    cert,
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${String(made.stderr)}`);
  await chmod(certKey, 0o644);
  certPem = await readFile(cert, 'utf8');
  const web = join(work, 'web');
  await mkdir(join(web, 'chunks'), { recursive: true });
  const html = `<!DOCTYPE html><html><head><title>Kring</title><script type="module" src="/chunks/panel.js"></script></head><body><div id="root" data-test="${PANEL_MARKER}"></div></body></html>\n`;
  await writeFile(join(web, 'index.html'), html);
  await writeFile(join(web, 'sidepanel.html'), html);
  await writeFile(join(web, 'chunks/panel.js'), 'export {};\n');
  await writeFile(join(web, 'manifest.json'), '{}\n');
}, 30_000);

afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

afterAll(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await Promise.all(processes.splice(0).map((started) => started.stop()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
  if (work !== '') await rm(work, { recursive: true, force: true });
});

describe('coturn with docs/deploy/turnserver.conf', () => {
  let turnPort = 0;
  let tlsPort = 0;

  beforeAll(async () => {
    turnPort = await freePort();
    tlsPort = await freePort();
    const conf = substitute('turnserver.conf', await readDeployFile('turnserver.conf'), [
      [/^listening-port=3478$/m, `listening-port=${turnPort}`],
      [/^tls-listening-port=5349$/m, `tls-listening-port=${tlsPort}`],
      [/^static-auth-secret=.*$/m, `static-auth-secret=${TURN_SECRET}`],
      [/^cert=\/etc\/coturn\/fullchain\.pem$/m, `cert=${cert}`],
      [/^pkey=\/etc\/coturn\/privkey\.pem$/m, `pkey=${certKey}`],
      [new RegExp(escape(EXAMPLE_HOST), 'g'), 'localhost'],
      // Loopback only, files in the temporary folder, the log where the test can show it.
      [
        /^syslog$/m,
        [
          'listening-ip=127.0.0.1',
          'relay-ip=127.0.0.1',
          `pidfile=${join(work, 'turnserver.pid')}`,
          `userdb=${join(work, 'turndb')}`,
          'log-file=stdout',
          'simple-log',
        ].join('\n'),
      ],
    ]);
    const file = join(work, 'turnserver.conf');
    await writeFile(file, conf);
    const turn = start('turnserver', ['-c', file]);
    await waitFor(() => tcpListens(turnPort), 'coturn to listen', turn);
  }, 30_000);

  it('gives a relay address for credentials made with the shared secret, and refuses others', async () => {
    const url = `turn:127.0.0.1:${turnPort}?transport=udp`;
    const good = await gatherRelay([{ urls: [url], ...turnRestCredential(TURN_SECRET) }]);
    expect(good.relay).toBe(true);
    const bad = await gatherRelay([
      { urls: [url], ...turnRestCredential('not-the-secret-0123456789') },
    ]);
    expect(bad.relay).toBe(false);
    expect(bad.errors).toContain(401);
  });

  it('answers TLS on its TLS port with the configured certificate', async () => {
    const protocol = await new Promise<string | null>((resolveTls, rejectTls) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: tlsPort, ca: certPem }, () => {
        const version = socket.getProtocol();
        socket.destroy();
        resolveTls(version);
      });
      socket.once('error', rejectTls);
    });
    expect(['TLSv1.2', 'TLSv1.3']).toContain(protocol);
  });

  describe.each([
    { proxy: 'nginx', startProxy: startNginx },
    { proxy: 'Caddy', startProxy: startCaddy },
  ])('the companion behind $proxy with the shipped site config', ({ proxy, startProxy }) => {
    let base = '';
    let wss = '';

    beforeAll(async () => {
      const companion = await startSignalingServer({
        port: 0,
        staticDir: join(work, 'web'),
        trustProxy: true,
        // One socket per member address: shows which address the companion counts.
        maxConnectionsPerAddress: 1,
        ice: {
          stunUrls: [`stun:127.0.0.1:${turnPort}`],
          turnUrls: [`turn:127.0.0.1:${turnPort}?transport=udp`],
          turnSecret: TURN_SECRET,
          turnTtlSeconds: 600,
        },
      });
      servers.push(companion);
      const port = await startProxy(companion.port);
      base = `https://127.0.0.1:${port}`;
      wss = `wss://127.0.0.1:${port}`;
    }, 30_000);

    it('answers /health over https', async () => {
      const response = await get(`${base}/health`);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ ok: true });
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    });

    it('serves the web panel with the companion’s own headers', async () => {
      const response = await get(`${base}/`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain(PANEL_MARKER);
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect((await get(`${base}/manifest.json`)).status).toBe(404);
    });

    it('relays a publish between two members over wss, from the web panel’s own origin', async () => {
      const a = await openSocket(wss, { localAddress: '127.0.0.2', origin: base });
      const b = await openSocket(wss, { localAddress: '127.0.0.3', origin: base });
      const topic = `kring-deploy-${proxy}`;
      for (const member of [a, b]) {
        member.send({ type: 'subscribe', topics: [topic] });
        member.send({ type: 'ping' });
        expect(await member.next()).toStrictEqual({ type: 'pong' });
      }
      a.send({ type: 'publish', topic, data: { hello: proxy } });
      for (const member of [a, b]) {
        expect(await member.next()).toMatchObject({
          type: 'publish',
          topic,
          data: { hello: proxy },
        });
      }
    });

    it('keeps /metrics to the addresses the config lists', async () => {
      expect((await get(`${base}/metrics`, {}, '127.0.0.2')).status).toBe(403);
      const local = await get(`${base}/metrics`, {}, '127.0.0.1');
      expect(local.status).toBe(200);
      expect(local.body).toContain('# TYPE');
    });

    it('refuses a socket from another site’s page', async () => {
      expect(
        await refused(wss, { localAddress: '127.0.0.4', origin: 'https://evil.example' }),
      ).toBe(true);
    });

    it('lets the companion count members by their own address, not one a member made up', async () => {
      // Both claim the same address; the proxy replaces it with the real one (127.0.0.5 and
      // .6), so both are let in under a cap of one socket per address...
      const forged = { 'X-Forwarded-For': '10.9.9.9' };
      await openSocket(wss, { localAddress: '127.0.0.5', headers: forged });
      await openSocket(wss, { localAddress: '127.0.0.6', headers: forged });
      // ...and a second socket from a real address already in use is refused.
      expect(await refused(wss, { localAddress: '127.0.0.5' })).toBe(true);
    });

    it('hands out ICE servers at /ice whose TURN credentials coturn accepts', async () => {
      const response = await get(`${base}/ice`, { Origin: base });
      expect(response.status).toBe(200);
      const { iceServers } = JSON.parse(response.body) as { iceServers: RTCIceServer[] };
      expect(iceServers.some((server) => server.credential !== undefined)).toBe(true);
      expect((await gatherRelay(iceServers)).relay).toBe(true);
    });
  });
});

describe('the companion as a service', () => {
  let bundle = '';

  beforeAll(async () => {
    // The one-file server exactly as `npm run build:server` makes it, written to the test's folder.
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const script = manifest.scripts['build:server'] ?? '';
    bundle = join(work, 'src/.output/server/kring-server.mjs');
    const command = substitute('../../package.json', script, [
      [/--outfile=\S+/, `--outfile=${bundle}`],
    ]);
    const built = spawnSync('sh', ['-c', command], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
    });
    if (built.status !== 0) throw new Error(`build:server failed:\n${built.stderr}`);
    await cp(join(work, 'web'), join(work, 'src/.output/chrome-mv3'), { recursive: true });
  }, 60_000);

  it('has a systemd unit that systemd-analyze verifies without a warning, hardened', async () => {
    const verified = spawnSync('systemd-analyze', ['verify', join(DEPLOY, 'kring.service')], {
      encoding: 'utf8',
    });
    expect(verified.stderr + verified.stdout).toBe('');
    expect(verified.status).toBe(0);
    // systemd's own exposure score (0 safest, 10 worst), read from the file alone.
    const security = spawnSync(
      'systemd-analyze',
      ['security', '--offline=true', '--threshold=20', join(DEPLOY, 'kring.service')],
      { encoding: 'utf8' },
    );
    expect(security.status, security.stdout).toBe(0);
    const unit = await readDeployFile('kring.service');
    for (const line of [
      'DynamicUser=yes',
      'ProtectSystem=strict',
      'NoNewPrivileges=yes',
      'Restart=on-failure',
      'EnvironmentFile=/etc/kring/kring.env',
    ]) {
      expect(unit).toContain(`\n${line}\n`);
    }
    expect(unit).toMatch(/\nMemoryMax=\d+[KMG]\n/);
  });

  it('starts the unit’s command with every setting of the example env file, and stops on SIGTERM', async () => {
    const unit = await readDeployFile('kring.service');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)?.[1] ?? '';
    const [program, ...args] = substitute('kring.service', execStart, [
      [/^\/usr\/bin\/node /, `${process.execPath} `],
      [/\/opt\/kring\/kring-server\.mjs/, bundle],
      [/\/opt\/kring\/web/, join(work, 'web')],
    ]).split(' ');
    const port = await freePort();
    // Every example in the file switched on, as an operator would; Redis needs a Redis server
    // (tests/server has its own Redis tests), so that line stays off.
    const envText = substitute('kring.env', await readDeployFile('kring.env'), [
      [/^#(KRING_(?!REDIS_URL)[A-Z_]+=)/gm, '$1'],
      [/^KRING_PORT=4444$/m, `KRING_PORT=${port}`],
      [/^KRING_TURN_SECRET=$/m, `KRING_TURN_SECRET=${TURN_SECRET}`],
    ]);
    const env = parseEnvironmentFile(envText);
    expect(Object.keys(env).length).toBeGreaterThan(15);
    // The example names every variable the companion reads (the folder comes from --static in
    // the unit), and nothing else: the file cannot fall behind the server.
    const known = ENV_VARIABLES.map((variable) => variable.name).filter(
      (name) => name !== 'KRING_STATIC_DIR',
    );
    const listed = [...envText.matchAll(/^#?(KRING_[A-Z_]+)=/gm)].map((match) => match[1]);
    expect([...listed].sort()).toStrictEqual([...known].sort());

    const service = start(program ?? '', args, {
      env: { PATH: process.env.PATH, ...env },
      ...asUnprivileged(),
    });
    await waitFor(
      async () => (await getPlain(`http://127.0.0.1:${port}/health`)).status === 200,
      'the companion',
      service,
    );
    const ice = JSON.parse((await getPlain(`http://127.0.0.1:${port}/ice`)).body) as {
      iceServers: RTCIceServer[];
    };
    expect(ice.iceServers.length).toBeGreaterThan(0);
    const timeoutStop = Number(/^TimeoutStopSec=(\d+)s$/m.exec(unit)?.[1]);
    const stoppedAt = Date.now();
    await service.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(timeoutStop * 1000);
    expect(service.child.exitCode).toBe(0);
  });

  it('runs the Dockerfile’s last stage as its user, and its HEALTHCHECK tells up from down', async () => {
    const stage = dockerRunStage(await readFile(join(ROOT, 'Dockerfile'), 'utf8'));
    expect(stage.buildWorkdir).toBe('/src');
    expect(stage.user).not.toMatch(/^(root|0)$/);
    const image = join(work, 'image');
    const inImage = (path: string): string => (path.startsWith('/') ? join(image, path) : path);
    for (const [from, to] of stage.copies) {
      await mkdir(join(inImage(to), '..'), { recursive: true });
      await cp(join(work, 'src', from.replace(/^\/src\//, '')), inImage(to), { recursive: true });
    }
    const port = await freePort();
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    for (const [key, value] of Object.entries(stage.env)) env[key] = inImage(value);
    env.KRING_PORT = String(port);
    const run = (argv: readonly string[]): [string, string[]] => {
      const [first, ...rest] = argv;
      return [first === 'node' ? process.execPath : (first ?? ''), rest.map(inImage)];
    };
    const options = { cwd: inImage(stage.workdir), env, ...asUnprivileged() };
    const healthy = (): boolean => {
      const [command, args] = run(stage.healthcheck);
      return spawnSync(command, args, { ...options, timeout: 5_000 }).status === 0;
    };
    expect(healthy()).toBe(false);
    const [command, args] = run(stage.cmd);
    const container = start(command, args, options);
    await waitFor(healthy, 'the HEALTHCHECK to pass', container);
    const panel = await getPlain(`http://127.0.0.1:${port}/`);
    expect(panel.status).toBe(200);
    await container.stop();
    expect(healthy()).toBe(false);
  });
});

/** Runs docs/deploy/nginx-kring.conf on loopback in front of the companion; returns the TLS port. */
async function startNginx(companionPort: number): Promise<number> {
  const httpsPort = await freePort();
  const httpPort = await freePort();
  const site = substitute('nginx-kring.conf', await readDeployFile('nginx-kring.conf'), [
    [/^ {4}server 127\.0\.0\.1:4444;$/m, `    server 127.0.0.1:${companionPort};`],
    [/^ {4}listen 443 ssl;$/m, `    listen 127.0.0.1:${httpsPort} ssl;`],
    [/^ {4}listen \[::\]:443 ssl;\n/m, ''],
    [/^ {4}listen 80;$/m, `    listen 127.0.0.1:${httpPort};`],
    [/^ {4}listen \[::\]:80;\n/m, ''],
    [/\/etc\/letsencrypt\/live\/kring\.example\.org\/fullchain\.pem/, cert],
    [/\/etc\/letsencrypt\/live\/kring\.example\.org\/privkey\.pem/, certKey],
    [/\/var\/www\/letsencrypt/, join(work, 'acme')],
    [new RegExp(escape(EXAMPLE_HOST), 'g'), '127.0.0.1'],
  ]);
  const dir = await mkdtemp(join(work, 'nginx-'));
  await chmod(dir, 0o755);
  await writeFile(join(dir, 'kring.conf'), site);
  // What /etc/nginx/nginx.conf gives a site on Debian, with every path in the temporary folder.
  const main = [
    'worker_processes 1;',
    'error_log stderr;',
    'events { worker_connections 256; }',
    'http {',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${join(dir, kind)};`,
    ),
    `  include ${join(dir, 'kring.conf')};`,
    '}',
  ].join('\n');
  await writeFile(join(dir, 'nginx.conf'), main);
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'];
  const checked = spawnSync('nginx', [...args, '-t'], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t refused the site config:\n${checked.stderr}`);
  const nginx = start('nginx', [...args, '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`]);
  await waitFor(
    async () => (await get(`https://127.0.0.1:${httpsPort}/health`)).status === 200,
    'nginx',
    nginx,
  );
  // Plain HTTP sends members to HTTPS.
  const plain = await getPlain(`http://127.0.0.1:${httpPort}/`);
  if (plain.status !== 301 || !String(plain.headers.location).startsWith('https://')) {
    throw new Error(`nginx on plain HTTP answered ${plain.status}, not a redirect to https`);
  }
  return httpsPort;
}

/** Runs docs/deploy/Caddyfile on loopback in front of the companion; returns the TLS port. */
async function startCaddy(companionPort: number): Promise<number> {
  const httpsPort = await freePort();
  const site = substitute('Caddyfile', await readDeployFile('Caddyfile'), [
    [
      /^kring\.example\.org \{$/m,
      // The test's certificate instead of Let's Encrypt, which loopback cannot reach.
      `https://127.0.0.1:${httpsPort} {\n\ttls ${cert} ${certKey}`,
    ],
    [/^\treverse_proxy 127\.0\.0\.1:4444$/m, `\treverse_proxy 127.0.0.1:${companionPort}`],
  ]);
  const dir = await mkdtemp(join(work, 'caddy-'));
  const global = [
    '{',
    '\tadmin off',
    '\tauto_https disable_redirects',
    `\tstorage file_system ${join(dir, 'data')}`,
    '\tskip_install_trust',
    '}',
  ].join('\n');
  const file = join(dir, 'Caddyfile');
  await writeFile(file, `${global}\n\n${site}`);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const validated = spawnSync('caddy', ['validate', '--config', file, '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    env,
  });
  if (validated.status !== 0)
    throw new Error(`caddy validate refused the Caddyfile:\n${validated.stderr}`);
  const caddy = start('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], { env });
  await waitFor(
    async () => (await get(`https://127.0.0.1:${httpsPort}/health`)).status === 200,
    'Caddy',
    caddy,
  );
  return httpsPort;
}

interface Started {
  readonly child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a program the test owns; its output is kept to explain a failure. */
function start(command: string, args: readonly string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const started: Started = {
    child,
    output: () => output,
    stop: async () => {
      if (hasEnded(child)) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  processes.push(started);
  return started;
}

async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  started?: Started,
): Promise<void> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    if (started && started.child.exitCode !== null) {
      throw new Error(`${what} exited (${started.child.exitCode}):\n${started.output()}`);
    }
    if (await Promise.resolve(condition()).catch(() => false)) return;
    if (Date.now() > until)
      throw new Error(`gave up waiting for ${what}:\n${started?.output() ?? ''}`);
    await new Promise((resolveSleep) => setTimeout(resolveSleep, 50));
  }
}

async function readDeployFile(name: string): Promise<string> {
  return readFile(join(DEPLOY, name), 'utf8');
}

/** Applies each replacement, and fails when one no longer finds its text in the shipped file. */
function substitute(
  name: string,
  text: string,
  replacements: readonly (readonly [RegExp, string])[],
): string {
  let result = text;
  for (const [pattern, replacement] of replacements) {
    if (!new RegExp(pattern.source, pattern.flags.replace('g', '')).test(result)) {
      throw new Error(
        `docs/deploy/${name} no longer contains ${String(pattern)}: update this test`,
      );
    }
    result = result.replace(pattern, replacement);
  }
  return result;
}

/** What systemd's EnvironmentFile= reads: KEY=value lines, '#' comments, blank lines. */
function parseEnvironmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(trimmed);
    if (match === null) throw new Error(`kring.env: not KEY=value: ${line}`);
    env[match[1] ?? ''] = match[2] ?? '';
  }
  return env;
}

/** The parts of a Dockerfile's last stage that decide how the container runs. */
function dockerRunStage(text: string): {
  buildWorkdir: string;
  workdir: string;
  env: Record<string, string>;
  copies: [string, string][];
  user: string;
  healthcheck: string[];
  cmd: string[];
} {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM /i.test(line)) stages.push([]);
    stages.at(-1)?.push(line);
  }
  const build = stages[0] ?? [];
  const last = stages.at(-1) ?? [];
  const instruction = (stage: string[], name: string): string[] =>
    stage
      .filter((line) => line.startsWith(`${name} `))
      .map((line) => line.slice(name.length + 1).trim());
  const env: Record<string, string> = {};
  for (const pairs of instruction(last, 'ENV')) {
    for (const pair of pairs.split(/\s+/)) {
      const [key, ...value] = pair.split('=');
      env[key ?? ''] = value.join('=');
    }
  }
  const copies = instruction(last, 'COPY').map((args): [string, string] => {
    const match = /^--from=\S+\s+(\S+)\s+(\S+)$/.exec(args);
    if (match === null)
      throw new Error(`Dockerfile: the run stage copies from outside the build: ${args}`);
    return [match[1] ?? '', match[2] ?? ''];
  });
  const healthcheck = instruction(last, 'HEALTHCHECK')[0] ?? '';
  const json = (value: string): string[] => JSON.parse(value) as string[];
  return {
    buildWorkdir: instruction(build, 'WORKDIR').at(-1) ?? '',
    workdir: instruction(last, 'WORKDIR').at(-1) ?? '/',
    env,
    copies,
    user: instruction(last, 'USER').at(-1) ?? 'root',
    healthcheck: json(healthcheck.slice(healthcheck.indexOf(' CMD ') + ' CMD '.length)),
    cmd: json(instruction(last, 'CMD').at(-1) ?? '[]'),
  };
}

/**
 * As root, run as nobody, as the unit's DynamicUser and the image's USER would: files the
 * server needs must be readable by a user who owns none of them.
 */
function asUnprivileged(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Response {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An https GET that trusts the test's certificate only. */
function get(
  url: string,
  headers: Record<string, string> = {},
  localAddress = '127.0.0.1',
): Promise<Response> {
  return new Promise((resolveGet, rejectGet) => {
    const options = { ca: certPem, headers, localAddress, timeout: 5_000 };
    const request = httpsRequest(url, options, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolveGet({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('timeout', () => request.destroy(new Error(`timeout: ${url}`)));
    request.on('error', rejectGet);
    request.end();
  });
}

function getPlain(url: string): Promise<Response> {
  return new Promise((resolveGet, rejectGet) => {
    const request = httpRequest(url, { timeout: 5_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolveGet({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('error', rejectGet);
    request.end();
  });
}

/** A member's socket through the proxy; what the companion sends is queued in order. */
interface MemberSocket {
  send(message: unknown): void;
  next(): Promise<unknown>;
}

function openSocket(url: string, options: ClientOptions): Promise<MemberSocket> {
  const ws = new WebSocket(url, { ca: certPem, ...options });
  sockets.push(ws);
  const queue: unknown[] = [];
  const waiters: ((message: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const message: unknown = JSON.parse(String(data));
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const member: MemberSocket = {
    send: (message) => ws.send(JSON.stringify(message)),
    next: () =>
      queue.length > 0
        ? Promise.resolve(queue.shift())
        : new Promise((resolveNext, rejectNext) => {
            const timer = setTimeout(() => rejectNext(new Error('no message')), WAIT_MS);
            waiters.push((message) => {
              clearTimeout(timer);
              resolveNext(message);
            });
          }),
  };
  return new Promise((resolveOpen, rejectOpen) => {
    ws.once('open', () => resolveOpen(member));
    ws.once('unexpected-response', (_request, response) =>
      rejectOpen(new Error(`refused with HTTP ${response.statusCode}`)),
    );
    ws.once('error', rejectOpen);
  });
}

/** Whether the companion (through the proxy) refuses this socket or closes it before a pong. */
async function refused(url: string, options: ClientOptions): Promise<boolean> {
  const member = await openSocket(url, options).catch(() => null);
  if (member === null) return true;
  member.send({ type: 'ping' });
  const ws = sockets.at(-1);
  return new Promise((resolveRefused) => {
    ws?.once('close', () => resolveRefused(true));
    void member.next().then(
      (message) => resolveRefused(!(isRecord(message) && message.type === 'pong')),
      () => resolveRefused(true),
    );
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Credentials in the TURN REST scheme, made here independently of the companion's code. */
function turnRestCredential(secret: string): { username: string; credential: string } {
  const username = `${Math.floor(Date.now() / 1000) + 600}:kring`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/**
 * Gathers ICE candidates with relay-only policy, as a member with "Only connect through the
 * server" would: true when coturn handed out a relay address. Also returns the STUN/TURN error
 * codes seen (401 for refused credentials).
 */
async function gatherRelay(
  iceServers: RTCIceServer[],
): Promise<{ relay: boolean; errors: number[] }> {
  const pc = new wrtc.RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
  const errors: number[] = [];
  let relay = false;
  try {
    const done = new Promise<void>((resolveDone) => {
      const timer = setTimeout(resolveDone, WAIT_MS);
      pc.onicecandidate = (event) => {
        if (event.candidate === null) {
          clearTimeout(timer);
          resolveDone();
        } else if (/ typ relay /.test(event.candidate.candidate)) {
          relay = true;
        }
      };
      pc.onicecandidateerror = (event) => errors.push(event.errorCode);
    });
    pc.createDataChannel('probe');
    await pc.setLocalDescription(await pc.createOffer());
    await done;
  } finally {
    pc.close();
  }
  return { relay, errors };
}
