#!/usr/bin/env node
/**
 * Runs Mozilla's addons-linter (the checks addons.mozilla.org runs on upload) on the Firefox
 * package that `wxt zip -b firefox` wrote. Fails on any error, and on any warning not listed in
 * KNOWN_WARNINGS: each of those is explained in docs/environment.md, so a new one gets looked at
 * before it reaches a reviewer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import linter from 'addons-linter';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// WXT's default artifact name: {{name}}-{{version}}-{{browser}}.zip
const zip = process.argv[2] ?? join(root, '.output', `${name}-${version}-firefox.zip`);

/** Warnings that are expected, by code and file; docs/environment.md says why each is harmless. */
const KNOWN_WARNINGS = [
  // React DOM's support for dangerouslySetInnerHTML, which Kring never uses.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^chunks\/sidepanel-[\w-]+\.js$/ },
  // Firefox for Android has no sidebar; the minimum version is kept at the desktop ESR.
  { code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', file: /^manifest\.json$/ },
];

if (!existsSync(zip)) {
  console.error(`No Firefox package at ${zip}: run \`wxt zip -b firefox\` first.`);
  process.exit(1);
}

const instance = linter.createInstance({
  config: {
    _: [zip],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: false,
    selfHosted: false,
  },
  runAsBinary: false,
});
const result = await instance.run();

const show = (message) =>
  `  ${message.code} ${message.file ?? ''}${message.line ? `:${message.line}` : ''}: ${message.message}`;
const unexpected = result.warnings.filter(
  (warning) =>
    !KNOWN_WARNINGS.some(
      (known) => known.code === warning.code && known.file.test(warning.file ?? ''),
    ),
);
console.log(
  `addons-linter on ${relative(root, zip)}: ${result.errors.length} errors, ` +
    `${result.warnings.length} warnings (${result.warnings.length - unexpected.length} known), ` +
    `${result.notices.length} notices`,
);
for (const message of [...result.errors, ...unexpected]) console.log(show(message));
if (result.errors.length > 0 || unexpected.length > 0) {
  console.error('The Firefox package would not pass as it is: see docs/environment.md.');
  process.exit(1);
}
