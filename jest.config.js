// Times in the code are computed in Asia/Shanghai explicitly; running in UTC proves they are.
process.env.TZ = 'UTC';

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  // Integration tests share two cores with a real engine; slow is not wrong (benchmarks measure speed).
  testTimeout: 60_000,
  projects: [
    require('./client/jest.project.js'),
    require('./tests/weapp/jest.project.js'),
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/shared/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/cloudfunctions/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.integration\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/tests/integration/**/*.integration.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/engine-global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/engine-global-teardown.ts',
    },
    {
      // Races and crashes against the real engine, sized by STRESS_* environment variables.
      displayName: 'stress',
      testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/tests/stress/**/*.stress.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/engine-global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/engine-global-teardown.ts',
    },
  ],
};
