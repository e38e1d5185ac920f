// ESLint: Next's recommended rules + TypeScript, and the folder boundaries of DESIGN.md as import restrictions.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const restrict = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const prismaImports = { group: ['@prisma/*', '**/lib/db/generated/**', '@/lib/db/generated/**'], message: 'Prisma only in lib/db.' };
const dbImports = { group: ['**/lib/db/**', '@/lib/db/*', '@/lib/db/**'], message: 'Pages read through server/queries, not lib/db.' };
const nextImports = { group: ['next', 'next/*', 'react', 'react-dom', 'next-auth', 'next-auth/*', 'server-only'], message: 'lib/ is shared with the worker: no Next, React or server-only.' };
const serverImports = { group: ['**/server/**', '@/server/*', '@/server/**'], message: 'lib/ and worker/ must not import server/.' };
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
  restrict(['lib/services/**/*.ts', 'lib/*.ts'], [prismaImports, nextImports, serverImports, appImports]),
  restrict(['lib/db/**/*.ts'], [nextImports, serverImports, appImports]),
  restrict(['worker/**/*.ts'], [prismaImports, nextImports, serverImports, appImports]),
  restrict(['components/**/*.{ts,tsx}'], [prismaImports, dbImports, serverImports, { group: ['**/lib/services/**', '@/lib/services/**'], message: 'components are props in, JSX out.' }]),
  restrict(['app/**/*.{ts,tsx}'], [prismaImports, dbImports]),
  restrict(['server/**/*.{ts,tsx}'], [prismaImports, { group: ['**/components/**', '@/components/**'], message: 'server/ returns data, not JSX.' }]),
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'lib/domain reads no environment.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'lib/domain has no clock: pass `now` in.' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'lib/domain has no clock: pass `now` in.' }],
    },
  },
];

export default config;
