/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  // A guard against a hung test, not a speed check (speed is `npm run bench`): generous, because a
  // cold company report with its worker pool can take 25 s on a loaded 2-core machine.
  testTimeout: 90000,
};
