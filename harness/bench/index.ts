export { engineTimeMs, engineTimes } from './bench-stats.ts';
export { renderBench, type BenchReport, type BenchRun } from './bench-report.ts';
export { compareNaive } from './naive-comparison.ts';
export { ProcessSampler } from './process-sampler.ts';
