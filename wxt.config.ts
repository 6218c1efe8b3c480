import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { groupChunkPlugin } from './scripts/group-chunk';
import { messagesByLocale } from './scripts/messages-by-locale';
import { MINIFY } from './scripts/minify';

/**
 * The public half of the extension's signing key. It pins the extension id
 * (opghfajjickimnmcgfiamgepgbpidgnb) so that an unpacked install keeps the
 * same id, and with it the same IndexedDB origin, wherever the folder lives.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsMpyKBFyquHegoFkvpiw6yCI9MviH8Jb3iuy87+Y6etlP2o4R1vuhkgK68SICCq3JeRytYLq1pNQcE7d+eyZalyaTxAANtFuZy6wejo3jc3PqLgGzoMXEjmtQLJw+Imw9kgQBXFWRB/vdZH5GN5bLb2TB972Ql0juQIIxUK8lrPjrvi4AT+JAj27TFTcfU7p839Q9zg5G70VI3XJvhHNkcWfWF2qwEN+CDRnsIJscEDKHisirjvglw+aJclI6sVDdaAZf7s4dQ2oHQJrIneIwkdFjejuejlqWKn73wein6Qb8+WRP2iDu944+MpPslGQdseWRxwdkNTiv75KWNkNDQIDAQAB';

/**
 * Firefox's add-on id. It plays the part of the key above (a stable id, so the same storage
 * after a reinstall) and AMO requires it for Manifest V3.
 */
const GECKO_ID = '{9dd6f1a6-27aa-4014-9ba3-14e5f43f378e}';

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
  // Firefox too (WXT's default there is 2): one background and one set of APIs for both
  // browsers (`action`, `host_permissions`), and Firefox grants MV3 host permissions at install
  // since version 127, so the content script runs on the call pages without a further prompt.
  manifestVersion: 3,
  zip: {
    // AMO asks for the sources that build the Firefox package: the tests and local output are
    // not needed for that (WXT already leaves out node_modules, dot files and *.test.* files).
    excludeSources: [
      'tests/**',
      'bench-results/**',
      'test-results/**',
      'dist/**',
      '**/*.pem',
      '**/*.log',
    ],
  },
  // `KRING_SOURCEMAP=1 npx wxt build` writes source maps next to the chunks (no reference from the
  // shipped files), so that bench/first-screen.ts can say which package fills the first screen's
  // JavaScript. Off by default: the packages and the companion's web page carry no maps.
  // messagesByLocale: each language's texts a chunk of their own, loaded by the panel that
  // speaks it (scripts/messages-by-locale.ts). groupChunkPlugin: the group's code one chunk,
  // beside the first screen's and the notebook's (scripts/group-chunk.ts).
  // MINIFY: terser, a few KiB smaller than the default (scripts/minify.ts).
  // The simple-peer that y-webrtc imports is Kring's own data-channel peer in the panel
  // (lib/connection/data-peer.ts says why); Node members and the bench's bare pages keep it.
  vite: () => ({
    plugins: [messagesByLocale(import.meta.dirname), groupChunkPlugin(import.meta.dirname)],
    resolve: {
      alias: {
        'simple-peer/simplepeer.min.js': resolve(
          import.meta.dirname,
          'lib/connection/data-peer.ts',
        ),
      },
    },
    build: { sourcemap: process.env.KRING_SOURCEMAP === '1' ? 'hidden' : false, ...MINIFY },
  }),
  hooks: {
    // The companion serves this same build as a web page for members without the extension:
    // give it an index.html so that the invite link's bare address opens the panel. The companion
    // serves the Chrome build only, so the Firefox package stays without the copy.
    'build:done': async (wxt) => {
      if (wxt.config.browser === 'firefox') return;
      await copyFile(
        join(wxt.config.outDir, 'sidepanel.html'),
        join(wxt.config.outDir, 'index.html'),
      );
    },
  },
  manifest: ({ browser }) => ({
    // Dutch and English from public/_locales; a browser in any other language shows English.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    host_permissions: CALL_HOST_PERMISSIONS,
    action: { default_title: 'Kring' },
    ...(browser === 'firefox'
      ? {
          // Firefox shows the panel as a sidebar (WXT writes `sidebar_action` from the same
          // entrypoint) and has no `sidePanel` permission or manifest `key`.
          permissions: ['storage', 'unlimitedStorage'],
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (the current ESR) is the first that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Nothing leaves the device for us: meetings go peer to peer, notes stay local.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          permissions: ['sidePanel', 'storage', 'unlimitedStorage'],
          key: MANIFEST_KEY,
        }),
  }),
});
