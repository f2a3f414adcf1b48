import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { EnvironmentError } from '../../environment-error.ts';
import {
  buildFromSource,
  cacheDir,
  configuredSource,
  done,
  markDone,
  mvnCopy,
  PAIMON_GIT_ENV,
  pinOf,
  progressFilter,
  releaseOf,
  runTool,
  sha256,
  sourceCacheDir,
  type PaimonVersionRow,
  type Progress,
} from '../../provisioning/index.ts';
import { FLINK_PINS } from './flink-versions.ts';

/** A Flink distribution with Paimon's connector, ready to start (see flink-cluster.ts). */
export interface FlinkInstall {
  flinkVersion: string;
  /** The connector as reports name it: `paimon-flink-2.0 1.4.2`, a build from source, or the user's jar with its checksum. */
  connector: string;
  /** Flink's bin/ (jobmanager.sh, taskmanager.sh, sql-gateway.sh). */
  binDir: string;
  /** Flink's lib/ plus the connector and the Hadoop client jars, for this Paimon version. */
  libDir: string;
  /** Holds the SQL Gateway jar. */
  optDir: string;
  /** The jars added to Flink's own lib/: the connector and the Hadoop client jars (for containers). */
  extraJars: string[];
}

/** Jars the connector needs besides itself (CREATE CATALOG fails on org/apache/hadoop/conf/Configuration without them). */
const hadoopJars = (hadoop: string) => [
  `org.apache.hadoop:hadoop-client-api:${hadoop}`,
  `org.apache.hadoop:hadoop-client-runtime:${hadoop}`,
  'commons-logging:commons-logging:1.2',
];

const unavailableMarker = (dir: string) => join(dir, '.unavailable');

/** A jar Maven could not resolve is remembered (no retry on every run) until `setup --refresh`. */
async function knownUnavailable(dir: string, refresh?: boolean): Promise<{ unavailable: string } | undefined> {
  if (refresh) {
    await rm(unavailableMarker(dir), { force: true });
    return undefined;
  }
  return existsSync(unavailableMarker(dir)) ? { unavailable: await readFile(unavailableMarker(dir), 'utf8') } : undefined;
}

/** Copies one jar from Maven into `dir`; a jar Maven cannot resolve marks `dir` unavailable, with the reason. */
async function copyJar(coords: string, dir: string, progress: Progress): Promise<{ unavailable: string } | undefined> {
  progress(`flink: resolving ${coords} with Maven`);
  const r = await mvnCopy('flink', ['dependency:copy', `-Dartifact=${coords}`, `-DoutputDirectory=${dir}`], progress);
  if (r.ok) return undefined;
  const reason = `${coords} cannot be resolved from the configured Maven repositories (run 'paimon-interop setup --refresh' to retry)`;
  await writeFile(unavailableMarker(dir), reason);
  return { unavailable: reason };
}

/**
 * Installs Flink for one Paimon version into the cache, once: the distribution from PyPI's
 * `apache-flink-libraries` + `apache-flink` wheels (Flink's lib/, opt/ and bin/; no Python dependencies), the SQL Gateway
 * jar of the same version and, per Paimon version, a lib/ with the paimon-flink connector and
 * the Hadoop client jars. Returns why Flink is unavailable instead when a piece cannot be had.
 */
export async function provisionFlink(
  row: PaimonVersionRow,
  opts: { python: string; progress: Progress; refresh?: boolean; connectorJar?: string },
): Promise<FlinkInstall | { unavailable: string }> {
  const pin = pinOf(FLINK_PINS, row) ?? { unavailable: `no Flink is pinned for Paimon ${row.paimon}` };
  if ('unavailable' in pin) return { unavailable: pin.unavailable };
  const { version, connector } = pin;
  const progress = opts.progress;
  const flinkRoot = join(cacheDir(), `flink-${version}`);
  const dist = join(flinkRoot, 'dist');
  const pyflink = join(dist, 'pyflink');
  if (!(await done(dist, version))) {
    await rm(dist, { recursive: true, force: true });
    progress(`flink: installing the Flink ${version} distribution from PyPI (~330 MB)`);
    // apache-flink-libraries carries lib/ and opt/, apache-flink the bin/ scripts; neither's Python dependencies are needed.
    const packages = [`apache-flink-libraries==${version}`, `apache-flink==${version}`];
    const r = await runTool(
      opts.python,
      ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', '--no-deps', '--target', dist, ...packages],
      { onLine: progressFilter('flink', progress) },
    );
    if (r.exitCode !== 0)
      throw new EnvironmentError('ENV_PROVISION_FAILED', 'flink', `pip could not install ${packages.join(' ')}`, r.tail);
    await markDone(dist, version);
  }

  const optDir = join(flinkRoot, 'opt');
  const gatewayCoords = `org.apache.flink:flink-sql-gateway:${version}`;
  const optLacking = await knownUnavailable(optDir, opts.refresh);
  if (optLacking) return optLacking;
  if (!(await done(optDir, gatewayCoords))) {
    await mkdir(optDir, { recursive: true });
    const missing = await copyJar(gatewayCoords, optDir, progress);
    if (missing) return missing;
    await markDone(optDir, gatewayCoords);
  }
  // The SQL client (sql-client.sh, used for the benchmark's one-process-per-statement runs) looks
  // for its jar and flink-python's in the same opt/ as the SQL Gateway's: the distribution's own, linked in.
  for (const jar of [`flink-sql-client-${version}.jar`, `flink-python-${version}.jar`]) {
    if (!(await readdir(optDir)).includes(jar) && (await readdir(join(pyflink, 'opt')).catch(() => [] as string[])).includes(jar)) {
      await symlink(join(pyflink, 'opt', jar), join(optDir, jar));
    }
  }

  // The connector: the user's own build, a build of the row's commit, or Maven's release.
  const own = await ownConnector(row, connector, opts);
  const libDir = own ? join(own.dir, 'flink-lib') : join(cacheDir(), `paimon-${releaseOf(row)}`, 'flink-lib');
  const connectorCoords = `org.apache.paimon:${connector}:${releaseOf(row)}`;
  const libStamp = [version, own?.jar ?? connectorCoords, ...hadoopJars(row.hadoop)].join(' ');
  const libLacking = await knownUnavailable(libDir, opts.refresh);
  if (libLacking) return libLacking;
  if (!(await done(libDir, libStamp))) {
    await rm(libDir, { recursive: true, force: true });
    await mkdir(libDir, { recursive: true });
    for (const jar of (await readdir(join(pyflink, 'lib'))).filter((f) => f.endsWith('.jar')))
      await symlink(join(pyflink, 'lib', jar), join(libDir, jar));
    if (own) await copyFile(own.jar, join(libDir, basename(own.jar)));
    for (const coords of [...(own ? [] : [connectorCoords]), ...hadoopJars(row.hadoop)]) {
      const missing = await copyJar(coords, libDir, progress);
      if (missing) return missing;
    }
    await markDone(libDir, libStamp);
  }
  const extraJars = [...(own ? [] : [connectorCoords]), ...hadoopJars(row.hadoop)].map((c) => {
    const [, artifact, v] = c.split(':') as [string, string, string];
    return join(libDir, `${artifact}-${v}.jar`);
  });
  if (own) extraJars.unshift(join(libDir, basename(own.jar)));
  return {
    flinkVersion: version,
    connector: own?.label ?? `${connector} ${releaseOf(row)}`,
    binDir: join(pyflink, 'bin'),
    libDir,
    optDir,
    extraJars,
  };
}

/**
 * A connector that is not Maven's release: `--flink-connector <jar>` (kept in a cache folder per
 * checksum), or, for a row built from source, the connector module built from its commit.
 */
async function ownConnector(
  row: PaimonVersionRow,
  module: string,
  opts: { progress: Progress; connectorJar?: string },
): Promise<{ jar: string; dir: string; label: string } | undefined> {
  if (opts.connectorJar) {
    const jar = resolve(opts.connectorJar);
    if (!existsSync(jar)) throw new EnvironmentError('ENV_CONFIG', 'flink', `--flink-connector ${opts.connectorJar}: no such file`);
    const sum = await sha256(jar);
    return {
      jar,
      dir: join(cacheDir(), 'flink-user', sum.slice(0, 16)),
      label: `${basename(jar)} sha256:${sum.slice(0, 16)} (given with --flink-connector)`,
    };
  }
  if (!row.source) return undefined;
  const source = configuredSource();
  if (!source)
    throw new EnvironmentError('ENV_CONFIG', 'paimon-source', `Paimon ${row.paimon} is built from Paimon's sources: set ${PAIMON_GIT_ENV}`);
  const built = await buildFromSource(source, row.source.commit, { kind: 'flink', module }, opts.progress);
  return {
    jar: built.jars[0]!,
    dir: sourceCacheDir(row.source.commit),
    label: `${module} built from ${row.source.ref} (${row.source.commit.slice(0, 12)}, ${built.mode} build)`,
  };
}
