import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planCells, resolveSourceVersions } from './version-args.ts';

describe('--paimon git:<ref>', () => {
  const saved = process.env.PAIMON_INTEROP_PAIMON_GIT;
  afterEach(() => {
    if (saved === undefined) delete process.env.PAIMON_INTEROP_PAIMON_GIT;
    else process.env.PAIMON_INTEROP_PAIMON_GIT = saved;
  });

  it('plans a cell per row, the row built from source by its id beside released rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pi-cells-'));
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', dir, '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    await writeFile(join(dir, 'pom.xml'), '<artifactId>paimon-parent</artifactId>\n<version>2.1-SNAPSHOT</version>\n');
    git('add', 'pom.xml');
    git('commit', '-q', '-m', 'one');
    const commit = git('rev-parse', 'HEAD');
    process.env.PAIMON_INTEROP_PAIMON_GIT = dir;
    const spec = await resolveSourceVersions('git:HEAD,1.3.1');
    expect(planCells(spec, undefined)).toEqual([{ paimon: `2.1.0-SNAPSHOT+git.HEAD.${commit.slice(0, 10)}` }, { paimon: '1.3.1' }]);
    await expect(resolveSourceVersions('git:no-such-ref')).rejects.toThrow(/has no ref 'no-such-ref'/);
    await expect(resolveSourceVersions('git:bad ref')).rejects.toThrow(/not a git ref/);
  });

  it('says how to configure a source when none is', async () => {
    delete process.env.PAIMON_INTEROP_PAIMON_GIT;
    await expect(resolveSourceVersions('git:master')).rejects.toThrow(
      /set PAIMON_INTEROP_PAIMON_GIT to a git URL or a local git directory/,
    );
    expect(await resolveSourceVersions('1.4.2')).toBe('1.4.2');
    expect(() => planCells('git:master', undefined)).toThrow(/not in the version table .*git:<ref> with PAIMON_INTEROP_PAIMON_GIT set/);
  });
});
