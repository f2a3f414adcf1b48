import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  provisionVenv,
  releaseOf,
  releaseTag,
  sha256,
  type PaimonSource,
  type PaimonVersionRow,
  type Progress,
} from '../../provisioning/index.ts';
import { SPARK_PINS, type SparkPin } from './spark-versions.ts';

/** The row's Spark pin (every row has one: Spark 3.5 with the connector artifact of its release). */
function sparkPin(row: PaimonVersionRow): SparkPin {
  const pin = pinOf(SPARK_PINS, row);
  if (!pin) throw new EnvironmentError('ENV_CONFIG', 'spark', `no Spark is pinned for Paimon ${row.paimon}`);
  return pin;
}

/** Spark with Paimon's connector, ready to start as a Spark Connect server (spark-connect-server.ts). */
export interface SparkInstall {
  sparkVersion: string;
  /** pyspark's folder: Spark's jars/ and bin/spark-submit. */
  sparkHome: string;
  /** Python with pyspark and its Connect client dependencies (the `spark` gateway's interpreter). */
  python: string;
  /** `org.apache.spark:spark-connect_<scala>:<spark>`: the server's classes. */
  connectJar: string;
  connectorJar: string;
  /** Where the connector came from, for reports: Maven coordinates, a source build, or the user's jar with its checksum. */
  connector: string;
}

/**
 * The Connect client's Python packages. pyspark 3.5's Connect client needs NumPy 1.x (its own
 * pin), and so a pyarrow that still supports NumPy 1.x and a pandas before 3.0.
 */
export function sparkClientPackages(pyspark: string): string[] {
  return pyspark.startsWith('3.') ? [`pyspark[connect]==${pyspark}`, 'pandas==2.2.3', 'pyarrow==17.0.0'] : [`pyspark[connect]==${pyspark}`];
}

/** `3.5.7` -> `3.5`, the connector module's Spark line. */
export const sparkMinor = (artifactId: string) => /paimon-spark-(\d+\.\d+)/.exec(artifactId)?.[1] ?? '3.5';

/** How a connector jar is chosen: the user's own, else Maven, else a build from the release tag. */
export interface ConnectorChoice {
  /** `--spark-connector <jar>`: a connector build of the user's. */
  jar?: string;
  /** Paimon's git repository (PAIMON_INTEROP_PAIMON_GIT); without it a jar Maven lacks cannot be built. */
  source?: PaimonSource;
  /** A ref to build from instead of the release (`--paimon git:<ref>`). */
  ref?: string;
}

/** Describes a user's jar for reports: its name and checksum (`paimon-spark-3.5.jar sha256:ab12…`). */
export async function describeUserJar(jar: string): Promise<string> {
  return `${basename(jar)} sha256:${(await sha256(jar)).slice(0, 16)} (given with --spark-connector)`;
}

/**
 * Paimon's Spark connector for one row: the user's jar when given; the row's ref built from
 * source (`git:` rows); the released jar from Maven; else, when Paimon's sources are
 * configured, built from the release tag (Maven's repository lacks many `paimon-spark-*`
 * releases). Otherwise unavailable, with what would make it available.
 */
export async function provisionSparkConnector(
  row: PaimonVersionRow,
  choice: ConnectorChoice,
  progress: Progress,
  refresh?: boolean,
): Promise<{ jar: string; connector: string } | { unavailable: string }> {
  if (choice.jar) {
    const jar = resolve(choice.jar);
    if (!existsSync(jar)) throw new EnvironmentError('ENV_CONFIG', 'spark', `--spark-connector ${choice.jar}: no such file`);
    return { jar, connector: await describeUserJar(jar) };
  }
  const spark = sparkPin(row);
  const target = { kind: 'spark' as const, sparkMinor: sparkMinor(spark.artifactId), scala: spark.scala, sparkVersion: spark.pyspark };
  if (choice.ref) {
    if (!choice.source)
      return { unavailable: `building from ${choice.ref} needs ${PAIMON_GIT_ENV} (a git URL or directory of apache/paimon)` };
    const built = await buildFromSource(choice.source, choice.ref, target, progress);
    return {
      jar: built.jars[0]!,
      connector: `paimon-spark-${target.sparkMinor} built from ${row.source?.ref ?? built.ref} (${built.commit.slice(0, 12)}, ${built.mode} build)`,
    };
  }
  const dir = join(cacheDir(), `paimon-${releaseOf(row)}`, 'spark');
  const coords = `org.apache.paimon:${spark.artifactId}:${releaseOf(row)}`;
  const marker = join(dir, '.unavailable');
  if (refresh) await rm(marker, { force: true });
  if (await done(dir, coords)) {
    const jar = (await readdir(dir)).find((f) => f.endsWith('.jar'));
    if (jar) return { jar: join(dir, jar), connector: coords };
  }
  if (!existsSync(marker)) {
    await mkdir(dir, { recursive: true });
    progress(`spark: resolving ${coords} with Maven`);
    const r = await mvnCopy('spark', ['dependency:copy', `-Dartifact=${coords}`, `-DoutputDirectory=${dir}`], progress);
    if (r.ok) {
      await markDone(dir, coords);
      return { jar: join(dir, `${spark.artifactId}-${releaseOf(row)}.jar`), connector: coords };
    }
    await writeFile(marker, `${coords} cannot be resolved from the configured Maven repositories`);
  }
  // Markers of earlier versions end with their own retry hint: the reason below gives it once.
  const missing = (await readFile(marker, 'utf8')).replace(/ \(run 'paimon-interop setup --refresh' to retry\)$/, '');
  const source = choice.source ?? configuredSource();
  if (!source)
    return {
      unavailable: `${missing}; set ${PAIMON_GIT_ENV} to build it from Paimon's ${releaseTag(releaseOf(row))} sources, or give --spark-connector <jar> ('setup --refresh' retries Maven)`,
    };
  const built = await buildFromSource(source, releaseTag(releaseOf(row)), target, progress);
  return {
    jar: built.jars[0]!,
    connector: `paimon-spark-${target.sparkMinor} ${releaseOf(row)} built from ${built.ref} (${built.commit.slice(0, 12)}, ${built.mode} build; Maven has no ${spark.artifactId})`,
  };
}

/**
 * Spark for one row: pyspark (Spark's jars and spark-submit, and the Connect client) in a venv
 * of its own, the `spark-connect` jar of the same Spark from Maven, and Paimon's connector.
 */
export async function provisionSpark(
  row: PaimonVersionRow,
  opts: { progress: Progress; choice: ConnectorChoice; refresh?: boolean },
): Promise<SparkInstall | { unavailable: string }> {
  const connector = await provisionSparkConnector(row, opts.choice, opts.progress, opts.refresh);
  if ('unavailable' in connector) return connector;
  const client = await provisionSparkClient(row, opts.progress);
  if ('unavailable' in client) return client;
  return { ...client, connectorJar: connector.jar, connector: connector.connector };
}

/** pyspark with its Connect client in a venv of its own, and the `spark-connect` jar of the same Spark (a local server's classes). */
export async function provisionSparkClient(
  row: PaimonVersionRow,
  progress: Progress,
): Promise<Omit<SparkInstall, 'connectorJar' | 'connector'> | { unavailable: string }> {
  const opts = { progress };
  const spark = sparkPin(row);
  const version = spark.pyspark;
  const root = join(cacheDir(), `spark-${version}`);
  const python = await provisionVenv(root, sparkClientPackages(version), opts.progress);
  const jars = join(root, 'jars');
  const connectCoords = `org.apache.spark:spark-connect_${spark.scala}:${version}`;
  if (!(await done(jars, connectCoords))) {
    await rm(jars, { recursive: true, force: true });
    await mkdir(jars, { recursive: true });
    opts.progress(`spark: resolving ${connectCoords} with Maven`);
    const r = await mvnCopy('spark', ['dependency:copy', `-Dartifact=${connectCoords}`, `-DoutputDirectory=${jars}`], opts.progress);
    if (!r.ok) return { unavailable: `${connectCoords} cannot be resolved from the configured Maven repositories` };
    await markDone(jars, connectCoords);
  }
  const sparkHome = join(
    root,
    'venv',
    'lib',
    (await readdir(join(root, 'venv', 'lib'))).find((d) => d.startsWith('python'))!,
    'site-packages',
    'pyspark',
  );
  return { sparkVersion: version, sparkHome, python, connectJar: join(jars, `spark-connect_${spark.scala}-${version}.jar`) };
}
