export { InteropVitestReporter } from './vitest-interop-reporter.ts';
