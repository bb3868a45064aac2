/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The corpus suites share each case's render and parsed golden output within a run.
  globalSetup: '<rootDir>/test/conformance/global-setup.ts',
  globalTeardown: '<rootDir>/test/conformance/global-teardown.ts',
};
