// The weapp tier: the built mini-program (build/weapp, rebuilt by the global setup when stale) in
// WeChat's simulator. Used from the root jest.config.js or alone: `npx jest --selectProjects weapp`.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: '<rootDir>/tests/weapp/harness/weapp-environment.ts',
  testMatch: ['<rootDir>/tests/weapp/**/*.weapp.test.ts'],
  // Only our TypeScript is transformed; build/weapp's js runs as WeChat would run it.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  globalSetup: '<rootDir>/tests/weapp/harness/weapp-global-setup.ts',
};
