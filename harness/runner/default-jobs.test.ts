import { describe, expect, it } from 'vitest';
import { defaultJobs } from './default-jobs.ts';

const GiB = 1024 ** 3;

describe('defaultJobs', () => {
  it('is one more than the cores, at most 4', () => {
    expect(defaultJobs(2, 20 * GiB)).toBe(3);
    expect(defaultJobs(1, 20 * GiB)).toBe(2);
    expect(defaultJobs(16, 64 * GiB)).toBe(4);
  });
  it('shrinks when free memory is short, never below 1', () => {
    expect(defaultJobs(8, 3 * GiB)).toBe(2);
    expect(defaultJobs(8, 0.5 * GiB)).toBe(1);
  });
});
