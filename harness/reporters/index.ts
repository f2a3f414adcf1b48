export { readRawResults, sortResults, totals, writeRawResults, type RawResults, type Totals } from './raw-results.ts';
export type { Reporter } from './reporter.ts';
export { renderSummary, SummaryReporter } from './summary-reporter.ts';
export { InteropVitestReporter } from './vitest-interop-reporter.ts';
