import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError } from '../environment-error.ts';
import { cacheDir } from './cache-dir.ts';
import { done, markDone, type Progress } from './provision-steps.ts';
import { runTool } from './run-tool.ts';

/** The environment variable that names Paimon's git repository: a URL or a local git directory. */
export const PAIMON_GIT_ENV = 'PAIMON_INTEROP_PAIMON_GIT';

/** Where Paimon's sources come from; absent when PAIMON_INTEROP_PAIMON_GIT is not set. */
export interface PaimonSource {
  /** A local git directory (bare, or a checkout's .git) or a remote URL. */
  location: string;
  remote: boolean;
}

export function configuredSource(env: NodeJS.ProcessEnv = process.env): PaimonSource | undefined {
  const location = env[PAIMON_GIT_ENV]?.trim();
  if (!location) return undefined;
  const remote = /^(https?|ssh|git):\/\/|^[\w.-]+@[\w.-]+:/.test(location);
  if (!remote) {
    const gitDir = existsSync(join(location, '.git')) ? join(location, '.git') : location;
    return { location: gitDir, remote };
  }
  return { location, remote };
}

/** The release tag Paimon's repository gives a release (`1.4.2` -> `release-1.4.2`). */
export const releaseTag = (release: string) => `release-${release}`;

/**
 * What a build produces: Spark's connector, Flink's connector, or the reference catalog's jars
 * (paimon-bundle and paimon-core's tests jar, which holds RESTCatalogServer).
 */
export type BuildTarget =
  { kind: 'spark'; sparkMinor: string; scala: string; sparkVersion: string } | { kind: 'flink'; module: string } | { kind: 'catalog' };

/**
 * Maven's command for one target, run in the root of an exported source tree. `-am` builds the
 * Paimon modules the target needs from the same sources (no Paimon artifact comes from a
 * repository). `relaxed`: the second attempt, after the standard one failed to resolve a
 * dependency; tests are then not compiled at all (`-Dmaven.test.skip`) and the copy's poms lose
 * their test-scoped dependencies (see stripTestDependencies).
 */
export function mavenBuildArgs(target: BuildTarget, relaxed: boolean): string[] {
  const tests = relaxed ? ['-Dmaven.test.skip=true'] : ['-DskipTests'];
  const common = ['-B', 'package', '-Pfast-build', ...tests];
  if (target.kind === 'catalog') return [...common, '-pl', 'paimon-bundle,paimon-core', '-am'];
  if (target.kind === 'spark') {
    const profile = target.sparkMinor.startsWith('4') ? 'spark4' : 'spark3';
    // The connector's own Spark version: the one whose jars the local Spark runs (spark-hive of
    // a newer patch release may not be served).
    return [
      ...common,
      `-P${profile}`,
      `-Dspark.version=${target.sparkVersion}`,
      `-Dpaimon-spark-common.spark.version=${target.sparkVersion}`,
      '-pl',
      `paimon-spark/paimon-spark-${target.sparkMinor}`,
      '-am',
    ];
  }
  const profile = /paimon-flink-2\./.test(target.module) ? 'flink2' : 'flink1';
  return [...common, `-P${profile}`, '-pl', `paimon-flink/${target.module}`, '-am'];
}

/** The jars a target leaves in the source tree: folders relative to its root, and which jar of each (the main one, or the tests jar). */
function targetJars(target: BuildTarget): { dir: string; tests: boolean }[] {
  if (target.kind === 'catalog')
    return [
      { dir: 'paimon-bundle/target', tests: false },
      { dir: 'paimon-core/target', tests: true },
    ];
  return [
    {
      dir: target.kind === 'spark' ? `paimon-spark/paimon-spark-${target.sparkMinor}/target` : `paimon-flink/${target.module}/target`,
      tests: false,
    },
  ];
}

const isJar = (f: string, tests: boolean) =>
  f.endsWith('.jar') && !f.startsWith('original-') && (tests ? f.endsWith('-tests.jar') : !/-(tests|sources|javadoc)\.jar$/.test(f));

/**
 * A pom without its test-scoped dependencies. Used only in a build's own copy of the sources,
 * when the standard build could not resolve one of them (a test jar of a module whose tests are
 * not built, or a vendor repository this machine cannot reach, such as jindo's for paimon-lumina's tests).
 */
export function stripTestDependencies(pom: string): { pom: string; removed: number } {
  let removed = 0;
  const out = pom.replace(/<dependency>(?:(?!<\/dependency>)[\s\S])*<\/dependency>/g, (block) => {
    if (!/<scope>\s*test\s*<\/scope>/.test(block)) return block;
    removed++;
    return '';
  });
  return { pom: out, removed };
}

/**
 * A local git directory of the source: the configured one, or for a URL a bare mirror in the
 * cache (cloned once, fetched on each run that resolves a ref).
 */
const mirrors = new Map<string, Promise<string>>();
function gitDir(source: PaimonSource): Promise<string> {
  if (!source.remote) return Promise.resolve(source.location);
  if (!mirrors.has(source.location)) mirrors.set(source.location, mirror(source));
  return mirrors.get(source.location)!;
}

async function mirror(source: PaimonSource): Promise<string> {
  const dir = join(cacheDir(), 'paimon-src', 'mirror.git');
  const had = existsSync(dir);
  const r = had
    ? await runTool('git', ['--git-dir', dir, 'fetch', '--quiet', '--tags', '--force', 'origin', '+refs/heads/*:refs/heads/*'], {})
    : await runTool('git', ['clone', '--quiet', '--bare', source.location, dir], {});
  if (r.exitCode !== 0)
    throw new EnvironmentError(
      'ENV_UNAVAILABLE',
      'paimon-source',
      `${PAIMON_GIT_ENV}=${source.location}: git could not ${had ? 'fetch' : 'clone'} it`,
      r.tail,
    );
  return dir;
}

async function git(source: PaimonSource, args: string[]): Promise<{ ok: boolean; out: string; tail: string }> {
  const r = await runTool('git', ['--git-dir', await gitDir(source), ...args], {});
  return { ok: r.exitCode === 0, out: r.output, tail: r.tail };
}

/** The commit a ref names (a tag, a branch, a commit id). */
export async function resolveRef(source: PaimonSource, ref: string): Promise<string> {
  const r = await git(source, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!r.ok)
    throw new EnvironmentError(
      'ENV_CONFIG',
      'paimon-source',
      `${PAIMON_GIT_ENV}=${source.location} has no ref '${ref}' (git rev-parse found no commit)`,
      r.tail,
    );
  return r.out.trim();
}

/** One file of a commit. */
export async function gitShow(source: PaimonSource, commit: string, path: string): Promise<string> {
  const r = await git(source, ['show', `${commit}:${path}`]);
  if (!r.ok) throw new EnvironmentError('ENV_PROVISION_FAILED', 'paimon-source', `git show ${commit.slice(0, 12)}:${path} failed`, r.tail);
  return r.out;
}

/** The sources of one commit (or one folder of it), exported into `dest` (never a checkout of the user's). */
export async function exportSources(source: PaimonSource, commit: string, dest: string, folder?: string): Promise<void> {
  const dir = await gitDir(source);
  const strip = folder ? folder.split('/').length : 0;
  const r = await runTool(
    'bash',
    [
      '-c',
      'set -o pipefail; git --git-dir "$1" archive "$2" $4 | tar -x -C "$3" --strip-components "$5"',
      'export',
      dir,
      commit,
      dest,
      folder ?? '',
      String(strip),
    ],
    {},
  );
  if (r.exitCode !== 0)
    throw new EnvironmentError(
      'ENV_PROVISION_FAILED',
      'paimon-source',
      `git archive ${commit.slice(0, 12)} from ${source.location} failed`,
      r.tail,
    );
}

async function stripAllPoms(root: string): Promise<number> {
  let removed = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !['target', 'node_modules', '.git', 'docs'].includes(e.name)) await walk(join(dir, e.name));
      else if (e.name === 'pom.xml') {
        const file = join(dir, e.name);
        const r = stripTestDependencies(await readFile(file, 'utf8'));
        if (r.removed) await writeFile(file, r.pom);
        removed += r.removed;
      }
    }
  };
  await walk(root);
  return removed;
}

/** Built jars with what they were built from. */
export interface BuiltJars {
  /** The target's jars in the cache (the main one first). */
  jars: string[];
  commit: string;
  ref: string;
  /** `standard` Maven flags, or `relaxed` (test-scoped dependencies removed), as reports say. */
  mode: 'standard' | 'relaxed';
}

/** Where a commit's builds and exported sources are cached. */
export const sourceCacheDir = (commit: string) => join(cacheDir(), 'paimon-src', commit);

const targetName = (t: BuildTarget) => (t.kind === 'spark' ? `paimon-spark-${t.sparkMinor}` : t.kind === 'flink' ? t.module : 'catalog');

/**
 * Builds one connector from Paimon's sources at `ref`, once per commit: exported into a
 * temporary folder, built with Maven (standard flags first; relaxed when a dependency does not
 * resolve), the jar copied to `<cache>/paimon-src/<commit>/<target>/`, the folder removed.
 */
export async function buildFromSource(source: PaimonSource, ref: string, target: BuildTarget, progress: Progress): Promise<BuiltJars> {
  const commit = await resolveRef(source, ref);
  const name = targetName(target);
  const dir = join(sourceCacheDir(commit), name);
  const stampOf = (mode: string) => JSON.stringify({ target, mode });
  for (const mode of ['standard', 'relaxed'] as const) {
    if (await done(dir, stampOf(mode))) {
      const jars = (await readdir(dir))
        .filter((f) => f.endsWith('.jar'))
        .sort((a, b) => Number(a.endsWith('-tests.jar')) - Number(b.endsWith('-tests.jar')));
      if (jars.length === targetJars(target).length) return { jars: jars.map((j) => join(dir, j)), commit, ref, mode };
    }
  }
  const work = await mkdtemp(join(tmpdir(), 'paimon-interop-build-'));
  try {
    progress(`${name}: exporting Paimon ${ref} (${commit.slice(0, 12)}) from ${source.location}`);
    await exportSources(source, commit, work);
    let mode: 'standard' | 'relaxed' = 'standard';
    const started = Date.now();
    progress(`${name}: building with Maven (mvn ${mavenBuildArgs(target, false).join(' ')}); a few minutes`);
    let r = await runTool('mvn', mavenBuildArgs(target, false), { cwd: work, onLine: mavenProgress(name, progress) });
    // The catalog's jars need paimon-core's test classes: a build without tests cannot make them.
    if (
      r.exitCode !== 0 &&
      target.kind !== 'catalog' &&
      /Could not resolve dependencies|Could not find artifact|Could not transfer artifact|Failed to collect dependencies/.test(r.tail)
    ) {
      const missing =
        /(?:Could not find artifact|Failed to collect dependencies at|Could not transfer artifact) (\S+)/.exec(r.tail)?.[1] ??
        'a dependency';
      const removed = await stripAllPoms(work);
      mode = 'relaxed';
      progress(
        `${name}: the standard build could not resolve ${missing}; retrying without tests (${removed} test-scoped dependencies removed from the copy's poms)`,
      );
      r = await runTool('mvn', mavenBuildArgs(target, true), { cwd: work, onLine: mavenProgress(name, progress) });
    }
    if (r.exitCode !== 0)
      throw new EnvironmentError(
        'ENV_PROVISION_FAILED',
        name,
        `Maven could not build ${name} from Paimon ${ref} (${commit.slice(0, 12)})`,
        r.tail,
      );
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const jars: string[] = [];
    for (const out of targetJars(target)) {
      const jar = (await readdir(join(work, out.dir)).catch(() => [] as string[])).find((f) => isJar(f, out.tests));
      if (!jar)
        throw new EnvironmentError(
          'ENV_PROVISION_FAILED',
          name,
          `Maven built ${name} but left no ${out.tests ? 'tests ' : ''}jar in ${out.dir}`,
        );
      await copyFile(join(work, out.dir, jar), join(dir, jar));
      jars.push(join(dir, jar));
    }
    await markDone(dir, stampOf(mode));
    progress(
      `${name}: built ${jars.map((j) => j.split('/').pop()).join(', ')} in ${Math.round((Date.now() - started) / 1000)} s (${mode} build)`,
    );
    return { jars, commit, ref, mode };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Maven's reactor lines (`Building paimon-core 1.4.2 [5/16]`) as progress. */
function mavenProgress(name: string, progress: Progress) {
  return (line: string) => {
    const m = /^\[INFO\] Building (.+ \[\d+\/\d+\])$/.exec(line);
    if (m) progress(`${name}: ${m[1]}`);
  };
}
