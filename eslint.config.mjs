// ESLint: Next's recommended rules + TypeScript, and the folder boundaries of DESIGN.md as import restrictions.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The time module is used through its index (lib/domain/time), like a feature folder.
const timeInternals = { regex: '^(@/lib/domain/time/|(\\.\\.?/)+(lib/)?(domain/)?time/)', message: 'Import lib/domain/time (its index), never its files.' };

const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, timeInternals] }] },
});

const prismaImports = { group: ['@prisma/*', '**/lib/db/generated/**', '@/lib/db/generated/**'], message: 'Prisma only in lib/db.' };
const dbImports = { group: ['**/lib/db/**', '@/lib/db/*', '@/lib/db/**'], message: 'Pages read through server/queries, not lib/db.' };
const nextImports = { group: ['next', 'next/*', 'react', 'react-dom', 'next-auth', 'next-auth/*', 'server-only'], message: 'lib/ is shared with the worker: no Next, React or server-only.' };
const serverImports = { group: ['**/server/**', '@/server/*', '@/server/**'], message: 'lib/ and worker/ must not import server/.' };
// A feature folder of lib/services is used through its index: nobody reaches into another feature's files.
const featureInternals = {
  regex: '^(@/lib/services/[^/]+/|(\\.\\./)+(lib/)?services/[^/]+/)',
  message: 'Import another feature through its index (lib/services/<feature>), never its files.',
};
const siblingFeature = { regex: '^\\.\\./(?!\\.)[^/]+/', message: 'Import another feature through its index (../<feature>), never its files.' };
const servicesImports = { group: ['**/lib/services/**', '@/lib/services/**'], message: 'lib/db and lib/domain sit below the services.' };
const appImports = { group: ['**/app/**', '@/app/*', '@/app/**', '**/components/**', '@/components/*', '@/components/**'], message: 'Not from this folder.' };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', '.next-*/**', '.h6tmp/**', 'lib/db/generated/**', 'data/**', 'test-data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'public/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Pure rules: no I/O, no Prisma, no framework, no environment.
  restrict(['lib/domain/**/*.ts'], [
    prismaImports,
    nextImports,
    serverImports,
    { group: ['**/lib/db/**', '@/lib/db/**', '**/lib/services/**', '@/lib/services/**', '**/lib/env', '@/lib/env'], message: 'lib/domain is pure.' },
    { group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:child_process', 'pg'], message: 'lib/domain does no I/O.' },
  ]),
  restrict(['lib/services/**/*.ts'], [prismaImports, nextImports, serverImports, appImports, featureInternals, siblingFeature]),
  restrict(['lib/demo/**/*.ts', 'lib/formats/**/*.ts', 'lib/*.ts'], [prismaImports, nextImports, serverImports, appImports, featureInternals]),
  restrict(['lib/db/**/*.ts'], [nextImports, serverImports, appImports, servicesImports]),
  restrict(['worker/**/*.ts'], [prismaImports, nextImports, serverImports, appImports, featureInternals]),
  restrict(['components/**/*.{ts,tsx}'], [prismaImports, dbImports, serverImports, { group: ['**/lib/services/**', '@/lib/services/**'], message: 'components are props in, JSX out.' }]),
  restrict(['app/**/*.{ts,tsx}'], [prismaImports, dbImports, featureInternals]),
  restrict(['server/**/*.{ts,tsx}'], [prismaImports, featureInternals, { group: ['**/components/**', '@/components/**'], message: 'server/ returns data, not JSX.' }]),
  restrict(['scripts/**/*.ts', 'tests/**/*.ts', 'e2e/**/*.ts', 'i18n/**/*.ts'], []),
  // No import cycles anywhere (a cycle hidden behind a dynamic import() counts too).
  { files: ['**/*.{ts,tsx}'], rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] } },
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'lib/domain reads no environment.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'lib/domain has no clock: pass `now` in.' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'lib/domain has no clock: pass `now` in.' }],
    },
  },
];

export default config;
