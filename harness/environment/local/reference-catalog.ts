import { dirname, join } from 'node:path';
import { coerce, lt } from 'semver';
import { fileURLToPath } from 'node:url';
import type { CatalogEndpoint } from '../../catalog/index.ts';
import type { CatalogCapability } from '../../conformance/index.ts';
import { ManagedProcess } from '../../processes/index.ts';
import { newSecret } from '../../new-secret.ts';

export type CatalogAuth =
  { provider: 'bear'; token: string } | { provider: 'dlf'; accessKeyId: string; accessKeySecret: string; region: string };

export interface ReferenceCatalog {
  endpoint: CatalogEndpoint;
  /** Admin hooks of the launcher (no-permission databases/tables), guarded by a token. */
  admin: { url: string; token: string };
  process: ManagedProcess;
}

/**
 * Starts Apache Paimon's RESTCatalogServer through CatalogLauncher. Secrets travel in the
 * environment of the child, never on its command line.
 */
export async function startReferenceCatalog(opts: {
  java: string;
  classpath: string;
  dataPath: string;
  log: string;
  auth: CatalogAuth;
  warehouse?: string;
}): Promise<ReferenceCatalog> {
  const warehouse = opts.warehouse ?? 'paimon_interop';
  const adminToken = newSecret();
  const env: Record<string, string> = { PAIMON_INTEROP_ADMIN_TOKEN: adminToken };
  const args = [
    '-Xmx1g',
    '-cp',
    opts.classpath,
    'CatalogLauncher',
    '--data-path',
    opts.dataPath,
    '--warehouse',
    warehouse,
    '--auth',
    opts.auth.provider,
  ];
  if (opts.auth.provider === 'bear') env.PAIMON_INTEROP_CATALOG_TOKEN = opts.auth.token;
  else {
    env.PAIMON_INTEROP_DLF_ACCESS_KEY_ID = opts.auth.accessKeyId;
    env.PAIMON_INTEROP_DLF_ACCESS_KEY_SECRET = opts.auth.accessKeySecret;
    args.push('--region', opts.auth.region);
  }
  const started = await ManagedProcess.start({
    component: 'catalog',
    command: opts.java,
    args,
    env,
    log: opts.log,
    readyPrefix: 'PAIMON_INTEROP_READY',
    timeoutMs: 90_000,
  });
  const uri = /catalog=(\S+)/.exec(started.ready)![1]!;
  const adminUrl = /admin=(\S+)/.exec(started.ready)![1]!;
  return {
    endpoint: { uri, warehouse, auth: opts.auth, log: opts.log },
    admin: { url: adminUrl, token: adminToken },
    process: started.process,
  };
}

/**
 * The capabilities pypaimon's RESTCatalogServer implements (pypaimon/tests/rest/rest_server.py,
 * 1.4.x: `_route_request` routes config, databases, tables with their commit, token, rollback,
 * latest snapshot and partition listing, and nothing else). Its claim is these, within what the
 * row's specification defines; the rest of the protocol (views, functions, branches, tags, ...)
 * it answers 404 and does not claim. Partially implemented capabilities (partitions without
 * mark-done, authentication that accepts any credential) stay claimed, so their gaps are verdicts.
 */
export const PYTHON_CATALOG_CAPABILITIES: readonly CatalogCapability[] = [
  'core',
  'pagination',
  'rollback',
  'data-token',
  'partitions',
  'authentication',
];

/**
 * Why a pypaimon release's RESTCatalogServer cannot serve the suite, if it cannot: before 1.4 it
 * routes config, databases, tables and commit only, without `GET …/snapshot`, which every client
 * calls to write (Paimon Java then reports the table missing), nor token or rollback.
 */
export function pythonCatalogUnfit(pypaimon: string | undefined): string | undefined {
  const v = pypaimon ? coerce(pypaimon) : null;
  if (!v || !lt(v, '1.4.0')) return undefined;
  return `pypaimon ${pypaimon}'s RESTCatalogServer routes config, databases, tables and commit only (no GET …/snapshot, which every client calls to write, no token, no rollback); use a row whose pypaimon is 1.4.x (Paimon 1.4.2)`;
}

/**
 * Starts pypaimon's own RESTCatalogServer (python_catalog.py): the Python reference implementation
 * of the protocol, with bearer auth (it has no DLF signatures) and no admin hooks. The pypaimon of
 * the row must ship it (pypaimon/tests/rest/rest_server.py: 1.4.x does, 2.0.0 does not).
 */
export async function startPythonCatalog(opts: {
  python: string;
  dataPath: string;
  log: string;
  token: string;
  warehouse?: string;
}): Promise<{ endpoint: CatalogEndpoint; process: ManagedProcess }> {
  const warehouse = opts.warehouse ?? 'paimon_interop';
  const script = join(dirname(fileURLToPath(import.meta.url)), 'python_catalog.py');
  const started = await ManagedProcess.start({
    component: 'catalog',
    command: opts.python,
    args: [script, opts.dataPath, warehouse],
    env: { PAIMON_INTEROP_CATALOG_TOKEN: opts.token },
    log: opts.log,
    readyPrefix: 'PAIMON_INTEROP_READY',
    pythonStacks: true,
    timeoutMs: 60_000,
  });
  const uri = /catalog=(\S+)/.exec(started.ready)![1]!;
  return { endpoint: { uri, warehouse, auth: { provider: 'bear', token: opts.token }, log: opts.log }, process: started.process };
}
