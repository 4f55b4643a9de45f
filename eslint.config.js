import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/.next/**', '**/node_modules/**', '**/src/generated/**', '.local/**', '**/next-env.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**/*.mjs', 'apps/web/server.mjs', '**/*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  {
    // Type-aware rules: a floating promise is how a consumer loses a message or a server an error.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // Not yet type-aware: bench is outside the root tsconfig.json until its rework lands (chaos joined with its own); apps/web
    // (3 findings on 2026-11-29: two promise-returning onSubmit handlers, next.config.ts outside its tsconfig) is
    // being rewritten and joins once that lands.
    files: ['scripts/bench.ts', 'scripts/bench/**/*.ts', 'apps/web/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Config is parsed, not read: only each app's env.ts (and the root scripts) may touch process.env.
    files: ['apps/*/src/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['**/env.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through the app\'s env.ts.' }],
    },
  },
);
