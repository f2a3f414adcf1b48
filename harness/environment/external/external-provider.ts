import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CatalogClient, describeEndpoint, WireProxy } from '../../catalog/index.ts';
import { ENGINE_DESCRIPTORS, provisionForEngines, type EngineEndpoint } from '../../engines/index.ts';
import {
  EnvironmentError,
  type ConnectorJars,
  type EnvironmentOptions,
  type EnvironmentProvider,
  type StartedEnvironment,
} from '../environment.ts';
import type { ManagedProcess } from '../../processes/index.ts';
import type { Provisioned } from '../../provisioning/index.ts';
import { PAIMON_VERSIONS, versionRow } from '../../provisioning/index.ts';
import { catalogEndpoint, principalCredentials, readExternalConfig } from './external-config.ts';

/**
 * Endpoints that already exist: a vendor's catalog (DLF or any Paimon REST catalog), an
 * existing Doris FE or Flink SQL Gateway. Nothing is started for them; engines marked `local`
 * (pypaimon, paimon-java, Flink, Spark) are started on this machine against that catalog.
 */
export class ExternalProvider implements EnvironmentProvider {
  readonly name = 'external';

  async start(options: EnvironmentOptions): Promise<StartedEnvironment> {
    const file = options.configFile ?? process.env.PAIMON_INTEROP_CONFIG;
    if (!file)
      throw new EnvironmentError(
        'ENV_CONFIG',
        'external',
        'no config file: pass --config <file> or set PAIMON_INTEROP_CONFIG (see docs/environments.md)',
      );
    const cfg = await readExternalConfig(file);
    const catalog = catalogEndpoint(file, cfg);
    const progress = options.onProgress ?? (() => {});

    progress(`catalog: checking ${describeEndpoint(catalog)}`);
    await new CatalogClient(catalog).config().catch((err: Error & { status?: number }) => {
      const code = err.status === undefined ? 'ENV_UNAVAILABLE' : 'ENV_CONFIG';
      throw new EnvironmentError(code, 'catalog', `${describeEndpoint(catalog)}: ${err.message}`);
    });

    const runDir = resolve(options.runDir);
    const logDir = join(runDir, 'logs');
    const scratchRoot = join(runDir, 'scratch');
    await mkdir(logDir, { recursive: true });
    await mkdir(scratchRoot, { recursive: true });
    const wanted = (name: string) => !options.engines || options.engines.includes(name);
    const configured = cfg.engines ?? {};
    const engines: EngineEndpoint[] = [];
    const unavailable: Record<string, string> = {};
    const logs: Record<string, string> = {};
    const versions: Record<string, string> = { catalog: describeEndpoint(catalog) };
    const started: ManagedProcess[] = [];
    const row = versionRow(cfg.paimon);
    if (!row)
      throw new EnvironmentError(
        'ENV_CONFIG',
        'external',
        `${file}: Paimon ${cfg.paimon} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`,
      );
    // Engines this machine starts reach the vendor's catalog through the wire proxy (a failing
    // step then shows its requests); remote engines (a Doris FE, a Flink cluster) cannot reach a
    // loopback proxy and keep the catalog's own address.
    const wire = await new WireProxy(catalog).start();
    try {
      // `local`: started on this machine against the vendor's catalog, as the local environment does.
      // Provisioned once, for the engines started here and the clients of remote ones.
      let prov: Provisioned | undefined;
      const locals = ENGINE_DESCRIPTORS.filter((d) => d.local && configured[d.name] === 'local' && wanted(d.name));
      if (locals.length) {
        prov = await provisionForEngines(row, { progress });
        for (const d of locals) {
          const launched = await d.local!.launch({
            prov,
            catalog: wire.endpoint,
            logDir,
            workDir: runDir,
            progress,
            connectorJar: options.connectors?.[d.name as keyof ConnectorJars],
          });
          if ('unavailable' in launched) {
            unavailable[d.name] = launched.unavailable;
            continue;
          }
          started.push(...launched.processes);
          engines.push(launched.endpoint);
          Object.assign(logs, launched.logs);
          Object.assign(versions, launched.versions);
        }
      }
      // Endpoints that already exist: checked now, so a wrong address is one line before any scenario.
      for (const d of ENGINE_DESCRIPTORS.filter(
        (x) => x.external && configured[x.name] !== undefined && configured[x.name] !== 'local' && wanted(x.name),
      )) {
        if (d.external!.start) {
          // Reached through a client started here (Spark Connect), against the catalog's own
          // address: the remote server cannot reach this machine's wire proxy.
          prov ??= await provisionForEngines(row, { progress });
          const launched = await d
            .external!.start(configured[d.name], { prov, catalog, logDir, workDir: runDir, progress })
            .catch((err: Error) => {
              throw new EnvironmentError('ENV_UNAVAILABLE', d.name, err.message.replace(new RegExp(`^${d.name}: `), ''));
            });
          started.push(...launched.processes);
          engines.push(launched.endpoint);
          Object.assign(logs, launched.logs);
          Object.assign(versions, launched.versions);
          continue;
        }
        const endpoint = d.external!.endpoint(configured[d.name]);
        if (d.external!.check) {
          progress(`${d.name}: checking ${endpoint.url}`);
          versions[d.name] = await d.external!.check(endpoint).catch((err: Error) => {
            throw new EnvironmentError('ENV_UNAVAILABLE', d.name, err.message.replace(new RegExp(`^${d.name}: `), ''));
          });
        }
        engines.push({ ...endpoint, version: versions[d.name] });
      }
      for (const d of ENGINE_DESCRIPTORS) {
        if (!engines.some((x) => x.engine === d.name))
          unavailable[d.name] ??= wanted(d.name) ? `not configured in ${file}` : 'not requested (--engines)';
      }
      for (const e of engines) versions[e.engine] ??= e.version ?? 'external';
      return {
        provider: this.name,
        paimonVersion: row.paimon,
        catalog,
        engines,
        unavailable,
        principals: principalCredentials(file, cfg),
        logs,
        versions,
        scratchRoot,
        features: { wireProxy: wire.traceEndpoint },
        ...(cfg.catalog.capabilities ? { catalogCapabilities: { listed: cfg.catalog.capabilities } } : {}),
        stop: async () => {
          await Promise.allSettled(started.map((p) => p.stop()));
          await wire.stop();
        },
      };
    } catch (err) {
      await Promise.allSettled(started.map((p) => p.stop()));
      await wire.stop();
      throw err;
    }
  }
}
