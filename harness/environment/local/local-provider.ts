import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CatalogClient, WireProxy } from '../../catalog/index.ts';
import {
  ENGINE_DESCRIPTORS,
  provisionForEngines,
  pypaimonRelease,
  type EngineEndpoint,
  type LocalEngineLauncher,
  type OneShotRunner,
} from '../../engines/index.ts';
import {
  EnvironmentError,
  type ConnectorJars,
  type EnvironmentDescriptor,
  type EnvironmentOptions,
  type EnvironmentProvider,
  type StartedEnvironment,
} from '../environment.ts';
import { startGateway } from '../../engines/index.ts';
import { logTail } from '../../log-tail.ts';
import type { ManagedProcess } from '../../processes/index.ts';
import { newSecret } from '../../new-secret.ts';
import { PYTHON_CATALOG_CAPABILITIES, pythonCatalogUnfit, startPythonCatalog, startReferenceCatalog } from './reference-catalog.ts';
import { PAIMON_VERSIONS, versionRow } from '../../provisioning/index.ts';

/** Engines the local environment can start: every descriptor with a local launcher. */
export const LOCAL_ENGINES: readonly string[] = ENGINE_DESCRIPTORS.filter((d) => d.local).map((d) => d.name);

/**
 * The embedded default environment: Apache Paimon's reference REST catalog, pypaimon and
 * Spark, all real upstream software installed from PyPI and Maven Central and started as local
 * processes on loopback. No Docker.
 */
export class LocalProvider implements EnvironmentProvider {
  readonly name = 'local';

  async start(options: EnvironmentOptions): Promise<StartedEnvironment & { pids: number[] }> {
    const progress = options.onProgress ?? (() => {});
    const row = versionRow(options.paimonVersion);
    if (!row) {
      throw new EnvironmentError(
        'ENV_CONFIG',
        'local',
        `Paimon ${options.paimonVersion} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`,
      );
    }
    // The catalog server may be of another release than the engines (users upgrade them apart).
    const catalogRow = options.catalogRelease ? versionRow(options.catalogRelease) : row;
    if (!catalogRow)
      throw new EnvironmentError(
        'ENV_CONFIG',
        'local',
        `catalog Paimon ${options.catalogRelease} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`,
      );
    // `--catalog python`: pypaimon's own RESTCatalogServer, the protocol's second reference implementation.
    const python = options.catalogServer === 'python';
    const unfit = python ? pythonCatalogUnfit(pypaimonRelease(catalogRow)) : undefined;
    if (unfit) throw new EnvironmentError('ENV_CONFIG', 'catalog', `--catalog python: ${unfit}`);
    const wanted = (options.engines ?? LOCAL_ENGINES).filter((e) => LOCAL_ENGINES.includes(e));
    const prov = await provisionForEngines(row, { progress });
    const runDir = resolve(options.runDir);
    const logDir = join(runDir, 'logs');
    const warehouseDir = join(runDir, 'warehouse');
    const scratchRoot = join(runDir, 'scratch');
    await mkdir(logDir, { recursive: true });
    await mkdir(warehouseDir, { recursive: true });
    await mkdir(scratchRoot, { recursive: true });

    const started: ManagedProcess[] = [];
    let wire: WireProxy | undefined;
    const stopAll = async () => {
      await Promise.allSettled(started.reverse().map((p) => p.stop()));
      await wire?.stop();
    };
    try {
      const logs: Record<string, string> = { catalog: join(logDir, 'catalog.log') };
      const catalogProv = catalogRow === row ? prov : await provisionForEngines(catalogRow, { progress });
      progress(`catalog: starting the ${python ? 'Python (pypaimon) ' : ''}reference REST catalog (Paimon ${catalogRow.paimon})`);
      const ref = python
        ? {
            ...(await startPythonCatalog({ python: catalogProv.python, dataPath: warehouseDir, log: logs.catalog!, token: newSecret() })),
            admin: undefined,
          }
        : await startReferenceCatalog({
            java: prov.java,
            classpath: catalogProv.catalogClasspath,
            dataPath: warehouseDir,
            log: logs.catalog!,
            auth: { provider: 'bear', token: newSecret() },
          });
      started.push(ref.process);
      // Every client reaches the catalog through the wire proxy, so a failing step shows its requests.
      wire = await new WireProxy(ref.endpoint).start();
      const catalog = wire.endpoint;
      await new CatalogClient(catalog).config().catch(async (err: Error) => {
        throw new EnvironmentError(
          'ENV_START_FAILED',
          'catalog',
          `health check GET /v1/config failed: ${err.message}`,
          await logTail(logs.catalog!),
        );
      });

      const engines: EngineEndpoint[] = [];
      const unavailable: Record<string, string> = {};
      const versions: Record<string, string> = {
        paimon: row.paimon,
        catalog: python ? `pypaimon RESTCatalogServer ${pypaimonRelease(catalogRow) ?? '?'}` : `RESTCatalogServer ${catalogRow.paimon}`,
      };
      const oneShot: Record<string, OneShotRunner> = {};
      // Engines start side by side (a Flink cluster takes seconds); any failure stops them all.
      const launching = ENGINE_DESCRIPTORS.filter((d) => d.local && wanted.includes(d.name)).map(async (d) => ({
        name: d.name,
        launched: await d.local!.launch({
          prov,
          catalog,
          logDir,
          workDir: runDir,
          progress,
          connectorJar: options.connectors?.[d.name as keyof ConnectorJars],
        }),
      }));
      const settled = await Promise.allSettled(launching);
      for (const s of settled)
        if (s.status === 'fulfilled' && !('unavailable' in s.value.launched)) started.push(...s.value.launched.processes);
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      for (const s of settled) {
        const { name, launched } = (
          s as PromiseFulfilledResult<{ name: string; launched: Awaited<ReturnType<LocalEngineLauncher['launch']>> }>
        ).value;
        if ('unavailable' in launched) {
          unavailable[name] = launched.unavailable;
          continue;
        }
        engines.push(launched.endpoint);
        if (launched.oneShot) oneShot[name] = launched.oneShot;
        Object.assign(logs, launched.logs);
        Object.assign(versions, launched.versions);
      }
      // Cross-version mode: the writer version's clients write to the same catalog and warehouse.
      let writer: EnvironmentDescriptor['writer'];
      if (options.writerVersion && options.writerVersion !== row.paimon) {
        const writerRow = versionRow(options.writerVersion);
        if (!writerRow)
          throw new EnvironmentError('ENV_CONFIG', 'local', `writer Paimon ${options.writerVersion} is not in the version table`);
        const writerProv = await provisionForEngines(writerRow, { progress });
        writer = { engines: [], unavailable: {} };
        for (const { name: engine, gateway } of ENGINE_DESCRIPTORS.filter(
          (d) => d.crossVersionWriter && d.gateway && wanted.includes(d.name),
        )) {
          // A client the writer's release lacks writes nothing in this cell (never the reader's in its place).
          const lacking = writerProv.unavailable[engine];
          if (lacking) {
            writer.unavailable[engine] = `${engine} ${writerRow.paimon} (writer): ${lacking}`;
            continue;
          }
          logs[`${engine}@${writerRow.paimon}`] = join(logDir, `${engine}@${writerRow.paimon}.log`);
          progress(`${engine} ${writerRow.paimon} (writer): starting the gateway`);
          const gw = await startGateway(engine, gateway!, writerProv, catalog, logs[`${engine}@${writerRow.paimon}`]!);
          started.push(gw.process);
          writer.engines.push(gw.endpoint);
        }
      }
      for (const e of LOCAL_ENGINES) if (!wanted.includes(e)) unavailable[e] = 'not requested (--engines)';
      for (const d of ENGINE_DESCRIPTORS)
        if (!d.local) unavailable[d.name] ??= d.localUnavailable ?? 'the local environment cannot start it';
      for (const e of writer?.engines ?? []) versions[`${e.engine} (writer)`] = e.version ?? 'unknown';
      return {
        provider: this.name,
        paimonVersion: row.paimon,
        catalogRelease: catalogRow === row ? undefined : catalogRow.paimon,
        catalogServer: python ? 'python' : undefined,
        ...(python ? { catalogCapabilities: { implemented: PYTHON_CATALOG_CAPABILITIES } } : {}),
        catalog,
        engines,
        writer,
        unavailable,
        logs,
        versions,
        scratchRoot,
        features: {
          wireProxy: wire.traceEndpoint,
          catalogAdmin: ref.admin,
          files: { inspector: prov.python, warehouseRoot: warehouseDir },
        },
        pids: started.map((p) => p.pid!).filter(Boolean),
        oneShot,
        stop: async () => {
          await stopAll();
          await rm(warehouseDir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      await stopAll();
      throw err;
    }
  }
}
