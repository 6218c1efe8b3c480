import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * lib/ folders and the lib/ folders each may import (besides itself). The order is the stack,
 * bottom first: a folder only reaches down. Kept in step with each folder's README.md.
 */
const LIB_FOLDERS = {
  util: [],
  i18n: [],
  call: [],
  invite: ['util'],
  method: ['util', 'i18n'],
  'shared-doc': ['util', 'i18n', 'method'],
  notebook: ['util', 'i18n'],
  device: ['util', 'i18n', 'invite', 'method', 'shared-doc'],
  connection: ['util', 'i18n', 'invite', 'method', 'shared-doc'],
};

/** Third-party engines, and the only lib/ folders that may use them. */
const ENGINES = {
  yjs: ['shared-doc', 'connection'],
  'y-protocols': ['shared-doc', 'connection'],
  'y-webrtc': ['connection'],
  dexie: ['notebook'],
};

/** components/ folders and the component folders each may import (besides itself and lib/). */
const COMPONENT_FOLDERS = {
  common: [],
  boards: ['common'],
  notes: ['common'],
  meeting: ['common', 'boards', 'notes'],
  shell: ['common', 'boards', 'notes', 'meeting'],
};

const engineBan = (name) => ({
  group: [name, `${name}/*`],
  message: ENGINES[name].length
    ? `Only lib/${ENGINES[name].join(', lib/')} may use ${name}.`
    : `${name} is not used here.`,
});

function libPatterns(folder, allowed) {
  const others = Object.keys(LIB_FOLDERS).filter((f) => f !== folder && !allowed.includes(f));
  return [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'lib/ knows nothing of React.',
    },
    {
      group: ['wxt', 'wxt/*', '#imports'],
      message: 'lib/ knows nothing of the extension APIs.',
    },
    {
      group: ['**/components/**', '**/entrypoints/**', '**/extension/**', '**/server/**'],
      message: 'Imports go one way: lib/ is the bottom layer.',
    },
    ...(others.length
      ? [
          {
            group: others.map((f) => `../${f}/**`),
            message: `lib/${folder}/ may import lib/${allowed.join(', lib/') || '(nothing else)'} only (lib/${folder}/README.md).`,
          },
        ]
      : []),
    ...Object.keys(ENGINES)
      .filter((name) => !ENGINES[name].includes(folder))
      .map(engineBan),
  ];
}

function componentPatterns(folder, allowed) {
  const others = Object.keys(COMPONENT_FOLDERS).filter((f) => f !== folder && !allowed.includes(f));
  return [
    {
      group: ['**/entrypoints/**', '**/server/**'],
      message: 'Imports go one way: entrypoints -> components -> lib.',
    },
    {
      group: ['yjs', 'yjs/*', 'y-webrtc', 'y-webrtc/*', 'y-protocols/*', 'dexie', 'dexie/*'],
      message: 'Components never touch Y types or Dexie: read and write through lib/.',
    },
    ...(others.length
      ? [
          {
            group: others.map((f) => `../${f}/**`),
            message: `components/${folder}/ may import components/${allowed.join(', components/') || '(nothing else)'} only (components/README.md).`,
          },
        ]
      : []),
  ];
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'patches/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  // Folder rules: each folder of lib/ and components/ says in its README what it may import;
  // these blocks enforce it. A rule set later in this file replaces an earlier one for the same
  // files, so every block carries the layer-wide bans too.
  ...Object.entries(LIB_FOLDERS).map(([folder, allowed]) => ({
    files: [`lib/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: libPatterns(folder, allowed) }] },
  })),
  ...Object.entries(COMPONENT_FOLDERS).map(([folder, allowed]) => ({
    files: [`components/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: componentPatterns(folder, allowed) }] },
  })),
  {
    files: ['extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entrypoints/**', '**/server/**', '**/components/**'],
              message: 'extension/ talks to browser.* for components; it imports lib/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    // An import cycle fails the lint (Yjs' habit): the folders form a one-way stack.
    files: ['lib/**/*.ts', 'components/**/*.{ts,tsx}', 'extension/**/*.ts', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/components/**',
                '**/entrypoints/**',
                '**/extension/**',
                'react',
                'wxt',
                'wxt/*',
              ],
              message: 'The companion server only shares lib/ with the extension.',
            },
          ],
        },
      ],
    },
  },
);
