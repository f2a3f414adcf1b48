import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../environment-error.ts';
import { cacheDir } from './cache-dir.ts';
import { requireTool, runTool } from './run-tool.ts';
import { done, markDone, mvnCopy, progressFilter, type Progress } from './provision-steps.ts';
import { releaseOf, type PaimonVersionRow } from './version-table.ts';
import { buildFromSource, configuredSource, PAIMON_GIT_ENV, sourceCacheDir, type PaimonSource } from './source-build.ts';

const here = dirname(fileURLToPath(import.meta.url));
const LAUNCHER_DIR = join(here, '..', 'environment', 'local', 'catalog-launcher');

/** What provisioning produced for one Paimon version. */
export interface Provisioned {
  row: PaimonVersionRow;
  java: string;
  python: string;
  /** Class path of the reference catalog launcher (compiled classes + jars). */
  catalogClasspath: string;
  /** Components that could not be provisioned, with a one-line reason each. */
  unavailable: Record<string, string>;
}

/**
 * Jars of the reference REST catalog, compiled with the launcher and the engines' Java sources
 * (the paimon-java gateway: both run on the same class path), cached per Paimon version.
 */
async function provisionCatalog(root: string, row: PaimonVersionRow, progress: Progress, javaSources: readonly string[]): Promise<string> {
  const dir = join(root, 'catalog');
  const jars = join(dir, 'jars');
  const classes = join(dir, 'classes');
  const sources = [join(LAUNCHER_DIR, 'CatalogLauncher.java'), ...javaSources];
  // Jars and classes are stamped apart: a change of the harness's Java sources recompiles them
  // without resolving the jars again.
  const jarStamp = createHash('sha256')
    .update(JSON.stringify({ release: releaseOf(row), bundle: row.javaBundle, okhttp: row.okhttp, hadoop: row.hadoop, source: row.source }))
    .update(await readFile(join(LAUNCHER_DIR, 'pom.xml'), 'utf8'))
    .digest('hex');
  const classStamp = createHash('sha256').update(jarStamp);
  for (const f of sources) classStamp.update(await readFile(f, 'utf8'));
  if (!(await done(jars, jarStamp))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(jars, { recursive: true });
    // A row built from source brings its own bundle and tests jar; Maven gives the rest.
    const built = row.source
      ? await buildFromSource(configuredSourceOrFail(`Paimon ${row.paimon}`), row.source.commit, { kind: 'catalog' }, progress)
      : undefined;
    const bundle = built ? 'built' : (row.javaBundle ?? 'paimon-bundle');
    progress(
      built
        ? 'catalog: resolving mockwebserver and the Hadoop client with Maven'
        : `catalog: resolving ${bundle}, paimon-core tests jar ${releaseOf(row)} and mockwebserver with Maven`,
    );
    // A bundle other than paimon-bundle (a Flink connector jar) and the tests jar are copied on
    // their own: their parent POM is not always published, and the bundle carries its dependencies.
    const r = await mvnCopy(
      'catalog',
      [
        '-f',
        join(LAUNCHER_DIR, 'pom.xml'),
        'dependency:copy-dependencies',
        `-Dpaimon.version=${releaseOf(row)}`,
        `-Dokhttp.version=${row.okhttp}`,
        `-Dhadoop.version=${row.hadoop}`,
        `-DoutputDirectory=${jars}`,
        ...(bundle === 'paimon-bundle' ? [] : ['-Dpaimon.nobundle=true']),
      ],
      progress,
    );
    if (!r.ok)
      throw new EnvironmentError(
        'ENV_PROVISION_FAILED',
        'catalog',
        `Maven could not resolve the reference catalog jars for Paimon ${releaseOf(row)}`,
        r.tail,
      );
    if (built) for (const jar of built.jars) await copyFile(jar, join(jars, basename(jar)));
    else if (bundle !== 'paimon-bundle') {
      for (const artifact of [
        `org.apache.paimon:${bundle}:${releaseOf(row)}`,
        `org.apache.paimon:paimon-core:${releaseOf(row)}:jar:tests`,
      ]) {
        const b = await mvnCopy(
          'catalog',
          ['-f', join(LAUNCHER_DIR, 'pom.xml'), 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${jars}`],
          progress,
        );
        if (!b.ok) throw new EnvironmentError('ENV_PROVISION_FAILED', 'catalog', `Maven could not resolve ${artifact}`, b.tail);
      }
    }
    await markDone(jars, jarStamp);
  }
  const stamp = classStamp.digest('hex');
  if (!(await done(classes, stamp))) {
    await rm(classes, { recursive: true, force: true });
    await mkdir(classes, { recursive: true });
    progress(`catalog: compiling the launcher${javaSources.length ? ' and the Java gateway' : ''}`);
    const c = await runTool('javac', ['-nowarn', '-cp', `${jars}/*`, '-d', classes, ...sources], {});
    if (c.exitCode !== 0)
      throw new EnvironmentError(
        'ENV_PROVISION_FAILED',
        'catalog',
        `javac failed on ${sources.map((f) => basename(f)).join(', ')}`,
        c.tail,
      );
    await markDone(classes, stamp);
  }
  return `${classes}:${jars}/*`;
}

/** A venv with the given packages (pypaimon and pypaimon-rust; pyspark's Connect client in a venv of its own). */
export async function provisionVenv(root: string, packages: string[], progress: Progress): Promise<string> {
  const dir = join(root, 'venv');
  const python = join(dir, 'bin', 'python');
  const stamp = packages.join(' ');
  if (await done(dir, stamp)) return python;
  if (!existsSync(python)) {
    progress(`python: creating venv in ${dir}`);
    const v = await runTool('python3', ['-m', 'venv', dir], {});
    if (v.exitCode !== 0)
      throw new EnvironmentError('ENV_PROVISION_FAILED', 'python', 'python3 -m venv failed (Debian: apt-get install python3-venv)', v.tail);
  }
  progress(`python: installing ${stamp}`);
  const r = await runTool(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', ...packages], {
    onLine: progressFilter('python', progress),
  });
  if (r.exitCode !== 0) throw new EnvironmentError('ENV_PROVISION_FAILED', 'python', `pip could not install ${stamp}`, r.tail);
  await markDone(dir, stamp);
  return python;
}

export function configuredSourceOrFail(what: string): PaimonSource {
  const source = configuredSource();
  if (!source) throw new EnvironmentError('ENV_CONFIG', 'paimon-source', `${what} is built from Paimon's sources: set ${PAIMON_GIT_ENV}`);
  return source;
}

/** An engine's Python packages for a row (installed into the row's shared venv), or why the row has none. */
interface PythonPackages {
  engine: string;
  packages(row: PaimonVersionRow, progress: Progress): Promise<string[] | { unavailable: string }>;
}

/** What the engines bring to a row's shared provisioning: their packages for the venv, their Java sources for the catalog's class path. */
export interface EngineProvisioning {
  python: readonly PythonPackages[];
  javaSources: readonly string[];
}

/**
 * Installs what the local environment needs for one Paimon version into the cache, once:
 * a second call with everything in place downloads nothing. The engines' registry says what
 * they bring (engines/provision-engines.ts).
 */
export async function provision(
  row: PaimonVersionRow,
  opts: { progress: Progress; refresh?: boolean; engines: EngineProvisioning },
): Promise<Provisioned> {
  const java = await requireTool('java', 'install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)');
  await requireTool('javac', 'install a JDK, not only a JRE (Debian: apt-get install openjdk-17-jdk-headless)');
  await requireTool('mvn', 'install Maven (Debian: apt-get install maven)');
  await requireTool('python3', 'install Python 3.9+ with venv (Debian: apt-get install python3 python3-venv)');
  // Java artifacts live under the release (shared by its client variants), the venv under the
  // row; a row built from source keeps both under its commit.
  const root = row.source ? sourceCacheDir(row.source.commit) : join(cacheDir(), `paimon-${releaseOf(row)}`);
  const venvRoot = row.source ? root : join(cacheDir(), `paimon-${row.paimon}`);
  await mkdir(root, { recursive: true });
  const unavailable: Record<string, string> = {};

  const catalogClasspath = await provisionCatalog(root, row, opts.progress, opts.engines.javaSources);
  // Without an engine's packages the venv still serves the others and the file inspector (pyarrow in pythonExtras).
  const packages: string[] = [];
  for (const p of opts.engines.python) {
    const got = await p.packages(row, opts.progress);
    if (Array.isArray(got)) packages.push(...got);
    else unavailable[p.engine] = got.unavailable;
  }
  const python = await provisionVenv(venvRoot, [...packages, ...row.pythonExtras], opts.progress);
  return { row, java, python, catalogClasspath, unavailable };
}
