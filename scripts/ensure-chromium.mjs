// Makes sure Debian's Chromium is there for the end-to-end suite. Playwright cannot download a
// browser on these machines, so the suite drives /usr/bin/chromium; as root we install it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.KRING_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The end-to-end tests need Chromium at ${chromium}. Install it with\n` +
      `  sudo apt-get install -y chromium\n` +
      `or point KRING_CHROMIUM at another Chromium binary.`,
  );
  process.exit(1);
}
console.log(`Chromium missing at ${chromium}: installing Debian's chromium package…`);
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
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
if (!existsSync(chromium)) {
  console.error(`Installed chromium, but ${chromium} is still missing.`);
  process.exit(1);
}
