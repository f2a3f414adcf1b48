import { describe, expect, it } from 'vitest';
import { ltzValuesToUtc, utcToWallClock, wallClockToUtc } from './time-zone.ts';

describe('time zones (the platform database)', () => {
  it('turns wall-clock times into UTC instants, keeping the fraction', () => {
    expect(wallClockToUtc('2024-05-01 12:34:56.123456789', 'Asia/Shanghai')).toBe('2024-05-01 04:34:56.123456789');
    expect(wallClockToUtc('2024-05-01 12:00:00', 'Asia/Kathmandu')).toBe('2024-05-01 06:15:00');
    expect(wallClockToUtc('2024-01-01 00:10:00', 'America/Los_Angeles')).toBe('2024-01-01 08:10:00');
    expect(wallClockToUtc('2024-05-01 12:00:00', 'UTC')).toBe('2024-05-01 12:00:00');
  });

  it('resolves DST gaps and overlaps as java.time does', () => {
    // 02:30 does not exist on 2024-03-10 in Los Angeles: pushed forward to 03:30 PDT.
    expect(wallClockToUtc('2024-03-10 02:30:00', 'America/Los_Angeles')).toBe('2024-03-10 10:30:00');
    // 01:30 happens twice on 2024-11-03: the earlier instant (PDT).
    expect(wallClockToUtc('2024-11-03 01:30:00', 'America/Los_Angeles')).toBe('2024-11-03 08:30:00');
  });

  it('shows UTC instants as wall-clock times and back', () => {
    expect(utcToWallClock('2024-05-01 04:34:56.123', 'Asia/Shanghai')).toBe('2024-05-01 12:34:56.123');
    expect(utcToWallClock('1969-12-31 23:59:59', 'Asia/Kathmandu')).toBe('1970-01-01 05:29:59');
    for (const zone of ['Asia/Kathmandu', 'America/Los_Angeles', 'Asia/Shanghai']) {
      expect(wallClockToUtc(utcToWallClock('2024-07-04 10:00:00.5', zone), zone)).toBe('2024-07-04 10:00:00.5');
    }
  });

  it('converts only TIMESTAMP_LTZ columns of a result', () => {
    const result = {
      columns: [
        { name: 'ts', type: { kind: 'timestamp' as const, precision: 3 } },
        { name: 'ltz', type: { kind: 'timestamp_ltz' as const, precision: 3 } },
      ],
      rows: [
        ['2024-05-01 12:00:00.000', '2024-05-01 12:00:00.000'],
        [null, null],
      ],
    };
    expect(ltzValuesToUtc(result, 'Asia/Shanghai').rows).toEqual([
      ['2024-05-01 12:00:00.000', '2024-05-01 04:00:00.000'],
      [null, null],
    ]);
    expect(ltzValuesToUtc(result, undefined)).toBe(result);
  });
});
