import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startGateway } from '../gateway-launch.ts';
import { configuredSource } from '../../provisioning/index.ts';
import { startSparkConnect } from './spark-connect-server.ts';
import { provisionSpark, provisionSparkClient } from './spark-provision.ts';
import { SPARK_GATEWAY } from './spark-versions.ts';
import { EngineUnavailableError } from '../engine.ts';
import type { LocalEngineLauncher, LocalLaunch, LocalLaunchContext } from '../local-launch.ts';

/**
 * Spark on the local environment: Spark (pyspark's distribution) with the `spark-connect` jar
 * and Paimon's connector from the cache (provisionSpark: the user's jar, Maven, or a build from
 * Paimon's sources), a Spark Connect server as a local process, and the `spark` gateway, which
 * is Spark's own Connect client, talking to it.
 */
export const sparkLocalLauncher: LocalEngineLauncher = {
  async launch(ctx) {
    const choice = { jar: ctx.connectorJar, source: configuredSource(), ref: ctx.prov.row.source?.commit };
    const install = await provisionSpark(ctx.prov.row, { progress: ctx.progress, choice, refresh: ctx.refresh });
    if ('unavailable' in install) return install;
    const server = await startSparkConnect(install, { workDir: join(ctx.workDir, 'spark'), logDir: ctx.logDir, progress: ctx.progress });
    const log = join(ctx.logDir, 'spark.log');
    try {
      ctx.progress('spark: starting the Connect client gateway');
      const gw = await startGateway('spark', SPARK_GATEWAY, ctx.prov, ctx.catalog, log, {
        python: install.python,
        config: { connect: server.url },
      });
      const version = `Spark ${install.sparkVersion} over Spark Connect + ${install.connector}`;
      return {
        endpoint: { ...gw.endpoint, version },
        processes: [server.process, gw.process],
        logs: { 'spark-connect': server.log, spark: log },
        versions: { spark: version },
      };
    } catch (err) {
      await server.process.stop();
      throw err;
    }
  },
};

/**
 * A user's Spark Connect endpoint (`spark: { connect: sc://... }` in the external config): only
 * the Connect client starts here. Its first session is opened at start, so an endpoint that does
 * not answer is one line before any scenario runs.
 */
export async function sparkExternalClient(url: string, ctx: LocalLaunchContext): Promise<LocalLaunch> {
  const client = await provisionSparkClient(ctx.prov.row, ctx.progress);
  if ('unavailable' in client) throw new EngineUnavailableError('spark', client.unavailable);
  const log = join(ctx.logDir, 'spark.log');
  ctx.progress(`spark: connecting to ${redactConnect(url)}`);
  const gw = await startGateway('spark', SPARK_GATEWAY, ctx.prov, ctx.catalog, log, {
    python: client.python,
    config: { connect: url },
  }).catch(async (err: Error) => {
    // The client's own one-line reason (spark_gateway.py writes `spark: …` when nothing listens).
    const said = (await readFile(log, 'utf8').catch(() => ''))
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('spark: '));
    throw new EngineUnavailableError(
      'spark',
      said
        ? `${said.slice('spark: '.length)}; log: ${log}`
        : `Spark Connect ${redactConnect(url)} did not open a session (${err.message.split('\n')[0]})`,
    );
  });
  const version = `Spark ${gw.endpoint.version ?? '?'} (Spark Connect ${redactConnect(url)})`;
  return { endpoint: { ...gw.endpoint, version }, processes: [gw.process], logs: { spark: log }, versions: { spark: version } };
}

/** A Connect address without its parameters (a `token=` travels there). */
export const redactConnect = (url: string) => (url.includes('/;') ? `${url.slice(0, url.indexOf('/;'))}/;…` : url);
