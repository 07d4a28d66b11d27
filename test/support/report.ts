/**
 * Figures some tests can print besides checking: bundle sizes, timings,
 * generated case counts. Tests check; they do not report. So these lines are
 * printed only when asked, with `TEST_REPORT=1` (e.g.
 * `TEST_REPORT=1 npx vitest run test/size`). Lines saying a test was skipped
 * are not reports: those are always printed.
 */
export function report(text: string): void {
  if (process.env.TEST_REPORT === '1') console.log(text)
}
