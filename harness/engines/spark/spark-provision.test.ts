import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { provisionSparkConnector, sparkClientPackages, sparkMinor } from './spark-provision.ts';
import { versionRow } from '../../provisioning/index.ts';

describe("Spark's connector", () => {
  const saved = { cache: process.env.PAIMON_INTEROP_CACHE, git: process.env.PAIMON_INTEROP_PAIMON_GIT };
  let cache: string;
  beforeEach(async () => {
    cache = await mkdtemp(join(tmpdir(), 'pi-spark-'));
    process.env.PAIMON_INTEROP_CACHE = cache;
    delete process.env.PAIMON_INTEROP_PAIMON_GIT;
  });
  afterEach(() => {
    for (const [k, v] of [
      ['PAIMON_INTEROP_CACHE', saved.cache],
      ['PAIMON_INTEROP_PAIMON_GIT', saved.git],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("is the user's jar when given, named by its checksum", async () => {
    const jar = join(cache, 'my-paimon-spark.jar');
    await writeFile(jar, 'not really a jar');
    const got = await provisionSparkConnector(versionRow('1.4.2')!, { jar }, () => {});
    // sha256 of 'not really a jar'
    expect(got).toEqual({
      jar,
      connector: `my-paimon-spark.jar sha256:${createHash('sha256').update('not really a jar').digest('hex').slice(0, 16)} (given with --spark-connector)`,
    });
    expect((got as { connector: string }).connector).toMatch(/^my-paimon-spark\.jar sha256:[0-9a-f]{16} \(given with --spark-connector\)$/);
    await expect(provisionSparkConnector(versionRow('1.4.2')!, { jar: join(cache, 'nope.jar') }, () => {})).rejects.toThrow(
      /--spark-connector .*nope\.jar: no such file/,
    );
  });

  it('says what would make Spark available when Maven lacks the jar and no source is configured', async () => {
    const dir = join(cache, 'paimon-1.4.2', 'spark');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, '.unavailable'),
      'org.apache.paimon:paimon-spark-3.5_2.12:1.4.2 cannot be resolved from the configured Maven repositories',
    );
    const got = await provisionSparkConnector(versionRow('1.4.2')!, {}, () => {});
    expect(got).toEqual({
      unavailable: expect.stringMatching(
        /paimon-spark-3\.5_2\.12:1\.4\.2 cannot be resolved.*set PAIMON_INTEROP_PAIMON_GIT to build it from Paimon's release-1\.4\.2 sources, or give --spark-connector <jar>/,
      ),
    });
  });

  it('needs a source for a row built from one', async () => {
    const row = { ...versionRow('1.4.2')!, source: { ref: 'master', commit: 'c'.repeat(40) } };
    expect(await provisionSparkConnector(row, { ref: 'master' }, () => {})).toEqual({
      unavailable: expect.stringMatching(/needs PAIMON_INTEROP_PAIMON_GIT/),
    });
  });

  it("pins the Connect client's Python packages for Spark 3", () => {
    expect(sparkClientPackages('3.5.7')).toEqual(['pyspark[connect]==3.5.7', 'pandas==2.2.3', 'pyarrow==17.0.0']);
    expect(sparkMinor('paimon-spark-3.5_2.12')).toBe('3.5');
    expect(sparkMinor('paimon-spark-3.4')).toBe('3.4');
  });
});
