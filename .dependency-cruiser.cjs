/**
 * Architecture rules, checked by the test command:
 * - the domain imports nothing but itself and @govhall/errors (no I/O, no framework);
 * - use cases do not import adapters or main;
 * - adapters do not import main;
 * - a service never imports another service or the gateway; packages never import services.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds entities and rules only: no adapters, no use cases, no I/O libraries.',
      from: { path: '^services/[^/]+/src/domain/' },
      to: {
        // identifiers: pure check-character arithmetic (GB 11643, GB 32100, GB/T 2260), no I/O; calendar: working
        // days and deadlines computed from data passed in, no I/O; labels: the Chinese words for codes, data only;
        // money: fen amounts, capitals and fee formulas, computed from data passed in, no I/O; csv-parse (its sync
        // parser over a string) and iconv-lite (bytes to text and back): pure text work, the bank statement's
        // decoding and its tests
        pathNot: [
          '^node_modules/\\.pnpm/(csv-parse|iconv-lite)@[^/]+/node_modules/(csv-parse|iconv-lite)/',
          '^services/[^/]+/src/domain/',
          '^packages/errors/',
          '^packages/identifiers/',
          '^packages/calendar/',
          '^packages/labels/',
          '^packages/money/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'usecases-not-to-adapters',
      severity: 'error',
      from: { path: '^services/[^/]+/src/usecases/' },
      to: { path: '^services/[^/]+/src/(adapters/|main|config)' },
    },
    {
      name: 'adapters-not-to-main',
      severity: 'error',
      from: { path: '^services/[^/]+/src/adapters/' },
      to: { path: '^services/[^/]+/src/main' },
    },
    {
      name: 'no-cross-service-imports',
      severity: 'error',
      comment: 'Services share only proto/ and packages/; they talk over gRPC and Kafka.',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^(services/|gateway/)', pathNot: '^services/$1/' },
    },
    {
      name: 'gateway-not-to-services',
      severity: 'error',
      from: { path: '^gateway/' },
      to: { path: '^services/' },
    },
    {
      name: 'packages-not-to-deployables',
      severity: 'error',
      from: { path: '^(packages|proto)/' },
      to: { path: '^(services|gateway)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Workspace packages resolve to their built dist/: keep them as leaves so rules can see them.
    doNotFollow: { path: ['node_modules', '/dist/'] },
    exclude: { path: 'proto/src/gen' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
