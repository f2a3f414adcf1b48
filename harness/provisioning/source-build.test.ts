import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredSource, mavenBuildArgs, resolveRef, sourceCacheDir, stripTestDependencies } from './source-build.ts';
import { pomVersion, resolveSourceRow, sourceRef, sourceVersionRow } from './source-row.ts';
import { PAIMON_VERSIONS, pinOf, versionRow } from './version-table.ts';

describe('Maven build commands', () => {
  it('builds the Spark connector with the Paimon modules it needs, on the local Spark version', () => {
    expect(mavenBuildArgs({ kind: 'spark', sparkMinor: '3.5', scala: '2.12', sparkVersion: '3.5.7' }, false)).toEqual([
      '-B',
      'package',
      '-Pfast-build',
      '-DskipTests',
      '-Pspark3',
      '-Dspark.version=3.5.7',
      '-Dpaimon-spark-common.spark.version=3.5.7',
      '-pl',
      'paimon-spark/paimon-spark-3.5',
      '-am',
    ]);
  });

  it('skips test compilation only in the relaxed retry', () => {
    const relaxed = mavenBuildArgs({ kind: 'flink', module: 'paimon-flink-2.0' }, true);
    expect(relaxed).toContain('-Dmaven.test.skip=true');
    expect(relaxed).not.toContain('-DskipTests');
    expect(relaxed).toContain('-Pflink2');
    expect(mavenBuildArgs({ kind: 'flink', module: 'paimon-flink-1.20' }, false)).toContain('-Pflink1');
  });

  it("builds the reference catalog's jars (bundle and core with its tests jar)", () => {
    expect(mavenBuildArgs({ kind: 'catalog' }, false).slice(-3)).toEqual(['-pl', 'paimon-bundle,paimon-core', '-am']);
  });
});

describe('stripTestDependencies', () => {
  it('removes test-scoped dependencies and keeps the others, exclusions included', () => {
    const pom = `<dependencies>
      <dependency><groupId>a</groupId><artifactId>kept</artifactId><exclusions><exclusion><groupId>*</groupId></exclusion></exclusions></dependency>
      <dependency><groupId>a</groupId><artifactId>gone</artifactId><type>test-jar</type><scope>test</scope></dependency>
      <dependency><groupId>a</groupId><artifactId>provided</artifactId><scope>provided</scope></dependency>
    </dependencies>`;
    const out = stripTestDependencies(pom);
    expect(out.removed).toBe(1);
    expect(out.pom).toContain('kept');
    expect(out.pom).toContain('provided');
    expect(out.pom).not.toContain('gone');
    expect(out.pom).toContain('<exclusion><groupId>*</groupId></exclusion>');
  });
});

describe('rows built from source', () => {
  it('reads the project version of the root pom as semver', () => {
    const pom = (v: string) =>
      `<parent><groupId>org.apache</groupId><artifactId>apache</artifactId><version>23</version></parent>\n<artifactId>paimon-parent</artifactId>\n  <version>${v}</version>`;
    expect(pomVersion(pom('2.0.0'))).toBe('2.0.0');
    expect(pomVersion(pom('2.1-SNAPSHOT'))).toBe('2.1.0-SNAPSHOT');
    expect(pomVersion('<artifactId>other</artifactId><version>1</version>')).toBeUndefined();
  });

  it('takes pins from the release line and names the row by version, ref and commit', () => {
    const row = sourceVersionRow('release-1.4.2', 'ac223f47d9f0000000000000000000000000000', '1.4.2');
    expect(row.paimon).toBe('1.4.2+git.release-1-4-2.ac223f47d9');
    expect(row.pinsOf).toBe('1.4.2');
    expect(row.source).toEqual({ ref: 'release-1.4.2', commit: 'ac223f47d9f0000000000000000000000000000' });
    expect(row.release).toBe('1.4.2');
    // A newer line than the table's takes the newest released row's pins.
    expect(sourceVersionRow('master', 'f'.repeat(40), '2.1.0-SNAPSHOT').pinsOf).toBe(PAIMON_VERSIONS[0]!.paimon);
    // The engines read their pins through the row it names.
    const pins = { '1.4.2': 'a', [PAIMON_VERSIONS[0]!.paimon]: 'b' };
    expect(pinOf(pins, row)).toBe('a');
    expect(pinOf(pins, versionRow('1.3.1')!)).toBeUndefined();
  });

  it('tells git: specs from versions', () => {
    expect(sourceRef('git:release-2.0.0')).toBe('release-2.0.0');
    expect(sourceRef('1.4.2')).toBeUndefined();
  });

  it('needs PAIMON_INTEROP_PAIMON_GIT, and says so', async () => {
    await expect(resolveSourceRow('master', undefined)).rejects.toThrow(/set PAIMON_INTEROP_PAIMON_GIT/);
    expect(configuredSource({})).toBeUndefined();
    expect(configuredSource({ PAIMON_INTEROP_PAIMON_GIT: 'https://github.com/apache/paimon.git' })).toEqual({
      location: 'https://github.com/apache/paimon.git',
      remote: true,
    });
  });

  it('resolves refs of a local git directory to commits, caches builds by commit, and registers the row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-src-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    await writeFile(join(dir, 'pom.xml'), '<artifactId>paimon-parent</artifactId>\n<version>1.4.2</version>\n');
    git('add', 'pom.xml');
    git('commit', '-q', '-m', 'one');
    git('tag', 'release-1.4.2');
    const commit = git('rev-parse', 'HEAD');
    const source = configuredSource({ PAIMON_INTEROP_PAIMON_GIT: dir })!;
    expect(source.location).toBe(join(dir, '.git'));
    expect(await resolveRef(source, 'release-1.4.2')).toBe(commit);
    await expect(resolveRef(source, 'no-such-ref')).rejects.toThrow(/has no ref 'no-such-ref'/);
    const row = await resolveSourceRow('release-1.4.2', source);
    expect(row.paimon).toBe(`1.4.2+git.release-1-4-2.${commit.slice(0, 10)}`);
    expect(versionRow(row.paimon)).toBe(row);
    expect(sourceCacheDir(commit)).toMatch(new RegExp(`paimon-src/${commit}$`));
  });
});
