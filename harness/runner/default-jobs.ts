import { availableParallelism, freemem } from 'node:os';

/** Memory one more scenario in flight may need (a Flink job, gateway buffers). */
const MEMORY_PER_JOB = 1.5 * 1024 ** 3;
const MAX_DEFAULT_JOBS = 4;

/**
 * How many scenario instances run at once when `--jobs` is not given: one more than the cores
 * (most of a scenario's time is spent waiting on an engine, a job or a retry), no more than free
 * memory allows, at most 4 (engines other than Flink take one step at a time, so more scenarios
 * in flight only queue).
 */
export function defaultJobs(cores = availableParallelism(), freeBytes = freemem()): number {
  return Math.max(1, Math.min(cores + 1, Math.floor(freeBytes / MEMORY_PER_JOB), MAX_DEFAULT_JOBS));
}
