// The rules the team agreed to keep, enforced rather than remembered (docs/architecture.md, "Rules a
// linter enforces"). Only these rules: style is the formatter's and the reviewer's business.
import tseslint from 'typescript-eslint';

const noEnum = {
  selector: 'TSEnumDeclaration',
  message: 'No TypeScript enums: use an `as const` object and a union type (shared/errors/error-codes.ts shows how).',
};
const noDefaultExport = [
  { selector: 'ExportDefaultDeclaration', message: 'Named exports only (Taro page and config files are the exception).' },
  { selector: "ExportSpecifier[exported.name='default']", message: 'Named exports only (Taro page and config files are the exception).' },
  { selector: "ExportAllDeclaration[exported.name='default']", message: 'Named exports only (Taro page and config files are the exception).' },
];

const mongodbOnlyInRepositories = {
  paths: [{ name: 'mongodb', message: 'Only cloudfunctions/core/repositories and core/db import mongodb: ask a repository.' }],
  patterns: [{ group: ['mongodb/*', 'bson'], message: 'Only cloudfunctions/core/repositories and core/db import the driver.' }],
};

// MongoDB query syntax belongs to the repositories: a service asks a named question
// (`bookings.requestsFor(providerIds, page)`), it does not build a filter. Flags an object key or a
// type member named like an operator or stage (`$in`, `$gte`, `$set`, `$group`, quoted or not) and a
// type imported inline from the driver (`import('mongodb').Filter`), which the import rule cannot see.
const operatorKey = /^\$[A-Za-z]/;
const keyName = (key) => (key?.type === 'Identifier' ? key.name : key?.type === 'Literal' && typeof key.value === 'string' ? key.value : null);
const project = {
  rules: {
    'no-query-syntax': {
      meta: { type: 'problem', schema: [], messages: { operator: 'MongoDB operator `{{name}}` outside core/repositories and core/db: ask a named repository method.', driver: 'Types of the driver stay in core/repositories and core/db.' } },
      create(context) {
        const check = (node) => {
          const name = !node.computed || node.key?.type === 'Literal' ? keyName(node.key) : null;
          if (name && operatorKey.test(name)) context.report({ node: node.key, messageId: 'operator', data: { name } });
        };
        return {
          Property: check,
          TSPropertySignature: check,
          TSImportType(node) {
            const source = node.argument?.literal?.value ?? node.argument?.value;
            if (typeof source === 'string' && (source === 'mongodb' || source.startsWith('mongodb/') || source === 'bson')) context.report({ node, messageId: 'driver' });
          },
        };
      },
    },
  },
};

// Who else may talk to the driver: the database layer itself; the engine launcher (it pings the
// engine it started); tests, which check what was written with the official driver; benchmarks.
const driverUsers = ['cloudfunctions/core/repositories/**', 'cloudfunctions/core/db/**', 'host/engine/**', 'tests/**', 'scripts/bench-*.ts'];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'build/', 'dist/', '.data/', '.bench/', 'coverage/', '.cache/', '.swc/', 'test-results/', '**/*.d.ts'],
  },
  {
    // The code carries a few disable comments for rules of a fuller set we do not run (yet).
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin, project },
    rules: {
      'no-restricted-syntax': ['error', noEnum, ...noDefaultExport],
      '@typescript-eslint/no-restricted-imports': ['error', mongodbOnlyInRepositories],
      'project/no-query-syntax': 'error',
    },
  },
  {
    // Taro finds pages, app and configs by their default export; jest's global setup and the mocks
    // of modules that have a default export (`import Taro from '@tarojs/taro'`) need one too.
    files: [
      'client/app.tsx',
      'client/**/*.config.ts',
      'client/pages/**/index.tsx',
      'client/subpackages/**/pages/**/index.tsx',
      'config/index.ts',
      'client/test/*.mock.{ts,tsx}',
      'tests/helpers/engine-global-{setup,teardown}.ts',
      // jest's test environment and global setup of the weapp tier.
      'tests/weapp/harness/weapp-{environment,global-setup}.ts',
      '*.config.{js,mjs,cjs,ts}',
    ],
    rules: { 'no-restricted-syntax': ['error', noEnum] },
  },
  {
    files: driverUsers,
    rules: { '@typescript-eslint/no-restricted-imports': 'off', 'project/no-query-syntax': 'off' },
  },
  {
    // A promise nobody awaits in a service is a write that may fail unseen or land after the reply.
    // Type-aware, so only here: it needs the TypeScript program and that costs seconds.
    files: ['cloudfunctions/core/services/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.lint.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
);
