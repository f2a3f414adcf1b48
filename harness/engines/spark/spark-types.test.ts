import { describe, expect, it } from 'vitest';
import { formatType } from '../../values/index.ts';
import { sparkType } from './spark-types.ts';

describe("Spark's type spellings", () => {
  it('reads a bare timestamp as session-zoned, timestamp_ntz as a wall-clock timestamp, also nested', () => {
    expect(formatType(sparkType('timestamp'))).toBe('timestamp_ltz(6)');
    expect(formatType(sparkType('timestamp_ntz'))).toBe('timestamp(6)');
    expect(formatType(sparkType('array<timestamp>'))).toBe('array<timestamp_ltz(6)>');
    expect(formatType(sparkType('struct<a:timestamp,b:timestamp_ntz>'))).toBe('row<a:timestamp_ltz(6),b:timestamp(6)>');
    expect(formatType(sparkType('decimal(10,2)'))).toBe('decimal(10,2)');
  });
});
