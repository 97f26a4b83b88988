// The lint gate: typescript-eslint's recommended rules, React's hook rules, and the codebase's layering as
// import rules, so the structure in the README is checked on every change rather than remembered.
import { readdirSync } from 'node:fs'
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const features = readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
const pageFolders = ['./src/pages', './src/packages']

/** One zone of import-x/no-restricted-paths: files under `target` may not import from `from`. */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) })

// Between the three trees; tests may reach into their own support code, nothing else.
const sides = [
  // The contract is shared by both sides, so it can depend on neither.
  zone('./types', ['./src', './server', './tests', './config'], 'types/ is the contract: it imports nothing of the app or the server.'),
  zone('./server', ['./src', './config'], 'The server never imports the app: share through types/.'),
  zone('./src', ['./server', './bench'], 'The app never imports the server: share through types/.'),
]

const layering = [
  ...sides,
  zone('./src', './tests', 'Only tests use the test support code.'),
  // pages → features → api → types: a lower layer never reaches up.
  zone('./src/api', ['./src/features', ...pageFolders, './src/components', './src/hooks'], 'api/ is the one client: it knows the contract, not the screens.'),
  zone('./src/components', ['./src/features', ...pageFolders], 'Shared UI knows no area: pass data in as props.'),
  zone('./src/hooks', ['./src/features', ...pageFolders], 'Shared hooks know no area.'),
  zone('./src/lib', ['./src/features', ...pageFolders, './src/components', './src/api'], 'lib/ is plain logic below every layer.'),
  zone('./src/features', pageFolders, 'Features compose into pages, never the other way.'),
  // Features never import each other: what two areas share moves to components/, hooks/ or lib/.
  ...features.map((name) =>
    zone(`./src/features/${name}`, './src/features', `features/${name} may not import another feature: move what is shared to components/, hooks/ or lib/.`, [`./${name}`]),
  ),
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'data/**', '.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layering }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Types are erased and cost a page nothing, so only value imports from the whole contract are barred (below).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/support/app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Kysely's own advice: code below the schema (migrations, dialect plumbing) takes Kysely<any>, since it must not
    // follow today's row types.
    files: ['server/db/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The whole-contract barrel builds every area's schemas when loaded: on a cheap phone that was the longest task
    // of the first screen. App code takes values from the area's own file (`@contract/jobs`).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@contract', message: 'Import values from the area file (@contract/<area>); the barrel loads every schema.', allowTypeImports: true }],
          patterns: [{ regex: '(^|/)types(/index)?$', message: 'Import the contract through @contract/<area>.', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,cjs}', 'config/no-tab-bar.js', 'tests/support/app/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // A test may render a component beside the module it tests, and use the shared test support.
      'import-x/no-restricted-paths': ['error', { zones: sides }],
    },
  },
)
