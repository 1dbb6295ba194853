// The jest project for client code: H5 variants of the UI layer in jsdom, Taro replaced by small
// mocks from client/test/. Used from the root jest.config.js (`projects: [require('./client/jest.project.js'), ...]`)
// or alone: `npx jest -c client/jest.project.js`.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'client',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/client/**/*.test.ts', '<rootDir>/client/**/*.test.tsx'],
  // `./Button` resolves to Button.h5.tsx: tests run the browser variants.
  moduleFileExtensions: ['h5.tsx', 'h5.ts', 'tsx', 'ts', 'js', 'cjs', 'json'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFilesAfterEnv: ['<rootDir>/client/test/testing-library-setup.ts'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/client/test/taro-components.mock.tsx',
    '^@tarojs/taro$': '<rootDir>/client/test/taro.mock.ts',
    '\\.(css|scss)$': '<rootDir>/client/test/style.mock.ts',
    // echarts ships ES modules only and needs a canvas; see the mock for what is tested where.
    '^taro-react-echarts$': '<rootDir>/client/test/echarts.mock.tsx',
    '^echarts/(core|charts|components|renderers)$': '<rootDir>/client/test/echarts.mock.tsx',
  },
};
