export { cellOf, InteropVitestReporter } from './vitest-interop-reporter.ts';
