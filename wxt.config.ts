import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * The public half of the extension's signing key. It pins the extension id
 * (opghfajjickimnmcgfiamgepgbpidgnb) so that an unpacked install keeps the
 * same id, and with it the same IndexedDB origin, wherever the folder lives.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsMpyKBFyquHegoFkvpiw6yCI9MviH8Jb3iuy87+Y6etlP2o4R1vuhkgK68SICCq3JeRytYLq1pNQcE7d+eyZalyaTxAANtFuZy6wejo3jc3PqLgGzoMXEjmtQLJw+Imw9kgQBXFWRB/vdZH5GN5bLb2TB972Ql0juQIIxUK8lrPjrvi4AT+JAj27TFTcfU7p839Q9zg5G70VI3XJvhHNkcWfWF2qwEN+CDRnsIJscEDKHisirjvglw+aJclI6sVDdaAZf7s4dQ2oHQJrIneIwkdFjejuejlqWKn73wein6Qb8+WRP2iDu944+MpPslGQdseWRxwdkNTiv75KWNkNDQIDAQAB';

/** Call pages the panel belongs to; mirrored by lib/call/call-url.ts, which a test keeps in step. */
export const CALL_HOST_PERMISSIONS = [
  'https://meet.google.com/*',
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  hooks: {
    // The companion serves this same build as a web page for members without the extension:
    // give it an index.html so that the invite link's bare address opens the panel.
    'build:done': async (wxt) => {
      await copyFile(
        join(wxt.config.outDir, 'sidepanel.html'),
        join(wxt.config.outDir, 'index.html'),
      );
    },
  },
  manifest: {
    name: 'Kring — intervisie',
    description:
      'Run intervisie (peer consultation) inside Google Meet, Zoom and Teams: phases, roles and a shared board, peer-to-peer and encrypted.',
    key: MANIFEST_KEY,
    permissions: ['sidePanel', 'storage', 'unlimitedStorage'],
    host_permissions: CALL_HOST_PERMISSIONS,
    action: { default_title: 'Kring' },
  },
});
