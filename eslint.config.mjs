// ESLint (flat config): typescript-eslint's recommended rules, no import cycles, lines of at most
// 150 characters. `npm test` runs it; `npx eslint .` alone, `npx eslint --fix .` where it can.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Build output. imports/ is linted: the generators write it lint clean, but for ajv's compiled
    // validators (imports/props-validators.js), machine-written code that no one reads.
    ignores: ['lib/', 'dist/', 'bench/results/', 'node_modules/', 'coverage/', 'imports/props-validators.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { '@stylistic': stylistic, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      // Regular expressions are written whole: a long one cannot be wrapped without turning it into a string.
      '@stylistic/max-len': ['error', { code: 150, ignoreUrls: true, ignoreRegExpLiterals: true }],
      // Run-time import cycles in every file; test/layout.test.ts checks the layers of src/ and its cycles, type-only imports included.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // `_` marks what a signature must take but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests walk rendered manifests (untyped JSON) and hand the constructs deliberately wrong input.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts (the bench, jest's config) load modules with require.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
