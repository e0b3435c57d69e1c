/** One jest run, two projects: unit tests beside the code, integration tests against the real local stack. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
  ],
};
const moduleNameMapper = {
  '^@govhall/proto$': '<rootDir>/proto/src',
  // The bank stand-in's protocol client, for the payments integration tests (examples/bank-stand-in).
  '^@govhall/bank-stand-in$': '<rootDir>/examples/bank-stand-in/src',
  '^@govhall/(config|logging|telemetry|grpc|kafka|mongo|auth|errors|testing|lifecycle|identifiers|calendar|catalogue-calendars|catalogue-guides|clock|paging|pdf|notify|content|labels|money|seed-kit)$':
    '<rootDir>/packages/$1/src',
  // The web bundles the form messages from their source (web/vite.config.mts alias).
  '^@govhall/content/form-messages$': '<rootDir>/packages/content/src/form-messages.ts',
  // The web formats amounts with the fen helpers from their source (web/vite.config.mts alias).
  '^@govhall/money/fen$': '<rootDir>/packages/money/src/fen.ts',
};

module.exports = {
  // Integration tests start processes and wait for Kafka; unit tests finish long before this.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: [
        '<rootDir>/{packages,services,gateway}/**/src/**/*.test.ts',
        '<rootDir>/gateway/src/**/*.test.ts',
        '<rootDir>/loadtests/bench/**/*.test.ts',
        '<rootDir>/web/{src,build}/**/*.test.ts',
        '<rootDir>/examples/*/src/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: [
        '<rootDir>/{services,packages}/*/test/**/*.test.ts',
        '<rootDir>/gateway/test/**/*.test.ts',
        // Browser tests of the web apps (Debian chromium, the stack's Keycloak).
        '<rootDir>/web/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};
