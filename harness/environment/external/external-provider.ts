import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CatalogClient, describeEndpoint } from '../../catalog/index.ts';
import type { EngineEndpoint } from '../../engines/index.ts';
import { EnvironmentError, type EnvironmentOptions, type EnvironmentProvider, type StartedEnvironment } from '../environment.ts';
import { startGateway } from '../../processes/engine-gateway.ts';
import type { ManagedProcess } from '../../processes/managed-process.ts';
import { provision } from '../../provisioning/provision.ts';
import { PAIMON_VERSIONS, versionRow } from '../../provisioning/version-table.ts';
import { catalogEndpoint, principalCredentials, readExternalConfig } from './external-config.ts';

/**
 * Endpoints that already exist: a vendor's catalog (DLF or any Paimon REST catalog), an
 * existing Doris FE. Nothing is started for them; client engines marked `local` (pypaimon,
 * paimon-java) run on this machine against that catalog.
 */
export class ExternalProvider implements EnvironmentProvider {
  readonly name = 'external';

  async start(options: EnvironmentOptions): Promise<StartedEnvironment> {
    const file = options.configFile ?? process.env.PAIMON_INTEROP_CONFIG;
    if (!file) throw new EnvironmentError('ENV_CONFIG', 'external', 'no config file: pass --config <file> or set PAIMON_INTEROP_CONFIG (see docs/environments.md)');
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
    const locals = (['pypaimon', 'paimon-java', 'spark'] as const).filter((e) => cfg.engines?.[e] === 'local' && wanted(e));
    const engines: EngineEndpoint[] = [];
    const unavailable: Record<string, string> = {};
    const logs: Record<string, string> = {};
    const started: ManagedProcess[] = [];
    const row = versionRow(cfg.paimon);
    if (!row) throw new EnvironmentError('ENV_CONFIG', 'external', `${file}: Paimon ${cfg.paimon} is not in the version table (known: ${PAIMON_VERSIONS.map((r) => r.paimon).join(', ')})`);
    try {
      if (locals.length) {
        const prov = await provision(row, { progress, engines: locals });
        Object.assign(unavailable, prov.unavailable);
        for (const engine of locals.filter((e) => !unavailable[e])) {
          logs[engine] = join(logDir, `${engine}.log`);
          progress(`${engine}: starting the gateway against ${catalog.uri}`);
          const gw = await startGateway(engine, prov, catalog, logs[engine]!);
          started.push(gw.process);
          engines.push(gw.endpoint);
        }
      }
      const doris = cfg.engines?.doris;
      if (doris && wanted('doris')) engines.push({ engine: 'doris', url: doris.url, options: doris['password-env'] ? { passwordEnv: doris['password-env'] } : undefined });
      for (const e of ['pypaimon', 'paimon-java', 'spark', 'doris']) {
        if (!engines.some((x) => x.engine === e)) unavailable[e] ??= `not configured in ${file}`;
      }
      const versions: Record<string, string> = { catalog: describeEndpoint(catalog) };
      for (const e of engines) versions[e.engine] = e.version ?? 'external';
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
        stop: async () => {
          await Promise.allSettled(started.map((p) => p.stop()));
        },
      };
    } catch (err) {
      await Promise.allSettled(started.map((p) => p.stop()));
      throw err;
    }
  }
}
