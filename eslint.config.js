// Lint: type-aware rules that catch floating promises, unused code and unsafe `any` at boundaries, plus the layers
// of docs/architecture.md as import rules. Formatting is Prettier's (`prettier --check` in `npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** One layer rule: files matching `files` may not import modules matching any of `patterns`. */
function layer(files, patterns, message) {
  return {
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  };
}

const screens = ['student', 'host', 'projector', 'debrief'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'test-artifacts/',
      '.scratch/',
      '**/*.js',
      '!eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-unused-private-class-members': 'error',
      // Flags assertions that noUncheckedIndexedAccess needs once a variable is widened: more noise than help.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  // The layers (docs/architecture.md). Later blocks for the same files replace earlier ones, so each block lists
  // everything its files may not import.
  layer(
    ['shared/**/*.ts'],
    ['**/server/**', '**/client/**', 'node:*', 'better-sqlite3', 'pg', 'express', 'socket.io', 'socket.io-client'],
    'shared/ is pure: it imports neither server/ nor client/ nor any I/O.',
  ),
  layer(
    ['shared/model/**/*.ts'],
    [
      '**/server/**',
      '**/client/**',
      'node:*',
      'better-sqlite3',
      'pg',
      'express',
      'socket.io',
      'socket.io-client',
      '**/protocol/**',
      '**/i18n/**',
      'zod/**/locales*',
    ],
    'The rules model (shared/model) imports no protocol, I/O or i18n.',
  ),
  layer(['client/src/**/*.ts'], ['**/server/**', 'node:*'], 'The client never imports the server or Node modules.'),
  ...screens.map((screen) =>
    layer(
      [`client/src/${screen}/**/*.ts`],
      ['**/server/**', 'node:*', ...screens.filter((s) => s !== screen).map((s) => `**/${s}/**`)],
      `A screen (client/src/${screen}) does not import another screen: shared client code lives in client/src/ui, state, net or board.`,
    ),
  ),
  layer(
    ['server/store/**/*.ts'],
    ['**/sessions/**', '**/realtime/**', '**/http/**'],
    'server/store is below the sessions: it never imports server/sessions, realtime or http.',
  ),
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
