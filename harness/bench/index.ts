export { engineTimeMs, engineTimes, quantile, type EngineTimes } from './bench-stats.ts';
export { renderBench, type BenchReport, type BenchRun } from './bench-report.ts';
export { compareNaive, type NaiveComparison } from './naive-comparison.ts';
export { ProcessSampler, type PeakRss } from './process-sampler.ts';
