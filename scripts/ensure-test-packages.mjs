// Makes sure the Debian packages the tests start themselves are there: Chromium (end-to-end;
// Playwright cannot download a browser on these machines), coturn and redis-server (connection
// and scale-out tests), nginx, Caddy and systemd-analyze (the deploy files are run, not only
// read). As root we install what is missing; otherwise we print the command.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Each package with the binary that shows it is installed. */
const PACKAGES = [
  { name: 'chromium', binary: process.env.KRING_CHROMIUM ?? '/usr/bin/chromium' },
  { name: 'coturn', binary: '/usr/bin/turnserver' },
  { name: 'redis-server', binary: '/usr/bin/redis-server' },
  { name: 'nginx', binary: '/usr/sbin/nginx' },
  { name: 'caddy', binary: '/usr/bin/caddy' },
  { name: 'systemd', binary: '/usr/bin/systemd-analyze' },
];

const missing = PACKAGES.filter((p) => !existsSync(p.binary));
if (missing.length === 0) process.exit(0);

const names = missing.map((p) => p.name);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The tests need these Debian packages: ${names.join(', ')}. Install them with\n` +
      `  sudo apt-get install -y ${names.join(' ')}\n` +
      `(KRING_CHROMIUM may point at another Chromium binary).`,
  );
  process.exit(1);
}
console.log(`Missing for the tests: ${names.join(', ')}. Installing them with apt-get…`);
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...names],
]) {
  const run = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed (exit ${run.status}).`);
    process.exit(1);
  }
}
const still = missing.filter((p) => !existsSync(p.binary));
if (still.length > 0) {
  console.error(`Installed, but still missing: ${still.map((p) => p.binary).join(', ')}.`);
  process.exit(1);
}
