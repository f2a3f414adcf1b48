import { mkdir, mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { $ } from 'zx';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectTimestampColumn } from '../harness/runner/index.ts';
import { provisionDefault } from './support.ts';

/**
 * The on-disk oracle (inspect_files.py) against files whose encoding we choose: pyarrow writes
 * parquet in each unit and as INT96, and ORC, all holding 2024-05-01 12:34:56.123456789 cut to
 * the unit; the inspector must report the unit's digits and the exact stored value.
 */
describe('inspect-files reads how a timestamp is stored', () => {
  let python: string;
  let table: string;

  beforeAll(async () => {
    python = (await provisionDefault()).python;
    table = await mkdtemp(join(resolve('reports'), 'e2e-oracle-'));
    await mkdir(join(table, 'bucket-0'), { recursive: true });
    await mkdir(join(table, 'manifest'), { recursive: true });
    const script = `
import sys, pyarrow as pa, pyarrow.parquet as pq, pyarrow.orc as orc
root = sys.argv[1]
ns = 1714566896123456789
for unit, div in (("ms", 10**6), ("us", 10**3), ("ns", 1)):
    t = pa.table({"ts": pa.array([ns // div], pa.timestamp(unit))})
    pq.write_table(t, f"{root}/bucket-0/data-{unit}.parquet")
t = pa.table({"ts": pa.array([ns], pa.timestamp("ns"))})
pq.write_table(t, f"{root}/bucket-0/data-int96.parquet", use_deprecated_int96_timestamps=True)
orc.write_table(pa.table({"ts": pa.array([ns // 10**6 * 10**6], pa.timestamp("ns"))}), f"{root}/bucket-0/data-ms.orc")
pq.write_table(t, f"{root}/manifest/data-not-data.parquet")
`;
    await $`${python} -c ${script} ${table}`;
  }, 600_000);

  it('reports each file with the digits of its unit and the stored value', async () => {
    const reply = await inspectTimestampColumn(python, table, 'ts');
    expect('files' in reply && reply.files.map((f) => [f.file, f.digits, f.values[0], f.encoding])).toEqual([
      ['bucket-0/data-int96.parquet', 9, '2024-05-01 12:34:56.123456789', 'parquet INT96'],
      ['bucket-0/data-ms.orc', 3, '2024-05-01 12:34:56.123', 'orc TIMESTAMP'],
      ['bucket-0/data-ms.parquet', 3, '2024-05-01 12:34:56.123', 'parquet INT64 TIMESTAMP(MILLISECONDS, UTC=false)'],
      ['bucket-0/data-ns.parquet', 9, '2024-05-01 12:34:56.123456789', 'parquet INT64 TIMESTAMP(NANOSECONDS, UTC=false)'],
      ['bucket-0/data-us.parquet', 6, '2024-05-01 12:34:56.123456', 'parquet INT64 TIMESTAMP(MICROSECONDS, UTC=false)'],
    ]);
  });

  it('a column the files lack is a one-line error naming the file', async () => {
    const reply = await inspectTimestampColumn(python, table, 'missing');
    expect(reply).toMatchObject({ error: expect.stringMatching(/^KeyError: .*'missing' is not in data-\w+\.parquet/) });
  });
});
