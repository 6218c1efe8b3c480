// The main job: build the extension (and the companion server), then run the companion with
// the panel served as a web page. Prints where the extension is and how to load it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extensionDir = resolve(root, '.output/chrome-mv3');
const serverBundle = resolve(root, '.output/server/kring-server.mjs');

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
if (!existsSync(resolve(extensionDir, 'manifest.json')) || !existsSync(serverBundle)) {
  console.error('The build finished but .output/ is incomplete.');
  process.exit(1);
}

const port = process.env.KRING_PORT ?? '4444';
const host = process.env.KRING_HOST ?? '127.0.0.1';
console.log(`
Kring is built.

  Extension (unpacked, Chrome/Edge): ${extensionDir}
    chrome://extensions (edge://extensions) → Developer mode → Load unpacked → pick that folder.
    Then open a Google Meet, Zoom (web client) or Teams call and click the Kring toolbar button.

  Companion server: ws://localhost:${port} (signaling; the extension's default)
  Web panel for members without the extension: http://localhost:${port}/
  Health: http://localhost:${port}/health

Press Ctrl+C to stop the server.
`);

const server = spawn(
  process.execPath,
  [serverBundle, '--port', port, '--host', host, '--static', extensionDir],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
