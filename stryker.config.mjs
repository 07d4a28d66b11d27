// Mutation testing of the verifiers: `npm run mutation`. Not part of CI (it
// takes many minutes on two cores); the HTML report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the verifier suites run: see vitest.stryker.config.ts.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: ['src/core/**/*.ts', 'src/verify/*.ts'],
  ignorePatterns: ['dist', 'bench', 'examples', 'reports', 'coverage', '*.tgz'],
  concurrency: 2,
  timeoutMS: 15_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
}
