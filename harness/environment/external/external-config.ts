import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CatalogEndpoint } from '../../catalog/index.ts';
import { ENGINE_DESCRIPTORS, EnvVarName, type EngineDescriptor, type PrincipalCredentials } from '../../engines/index.ts';
import { EnvironmentError } from '../environment.ts';

/**
 * An engine's entry under `engines:`: `local` for engines the harness can start on this machine
 * against the catalog, the engine's own endpoint schema for engines that already run elsewhere.
 */
function engineEntry(d: EngineDescriptor): z.ZodType | undefined {
  const local = d.local ? z.literal('local') : undefined;
  const external = d.external?.schema;
  if (local && external) return z.union([local, external]);
  return local ?? external;
}
const engineEntries = Object.fromEntries(
  ENGINE_DESCRIPTORS.flatMap((d) => {
    const entry = engineEntry(d);
    return entry ? [[d.name, entry.optional()]] : [];
  }),
);
const Auth = z.discriminatedUnion('provider', [
  z.strictObject({ provider: z.literal('bear'), 'token-env': EnvVarName }),
  z.strictObject({
    provider: z.literal('dlf'),
    'access-key-id-env': EnvVarName,
    'access-key-secret-env': EnvVarName,
    region: z.string().optional(),
  }),
  z.strictObject({ provider: z.literal('none') }),
]);
/**
 * The external environment's config file: endpoints that already exist. Secrets are never in
 * the file: it names the environment variables that hold them (`*-env` keys).
 */
const ExternalConfigSchema = z.strictObject({
  paimon: z.string().optional().describe('version of the local clients (pypaimon, paimon-java) to run against the catalog'),
  catalog: z.strictObject({
    uri: z.url(),
    warehouse: z.string().min(1),
    auth: Auth,
    capabilities: z
      .array(z.string())
      .optional()
      .describe('what the catalog claims to offer (docs/conformance.md); absent: everything its Paimon release specifies'),
  }),
  engines: z.strictObject(engineEntries).optional(),
  principals: z
    .record(
      z.string(),
      z.strictObject({
        'token-env': EnvVarName.optional(),
        'access-key-id-env': EnvVarName.optional(),
        'access-key-secret-env': EnvVarName.optional(),
        region: z.string().optional(),
      }),
    )
    .optional(),
});
export type ExternalConfig = z.infer<typeof ExternalConfigSchema> & { engines?: Record<string, unknown> };

function fromEnv(file: string, key: string, name: string): string {
  const v = process.env[name];
  if (!v) throw new EnvironmentError('ENV_CONFIG', 'external', `${file}: ${key} names the environment variable ${name}, which is not set`);
  return v;
}

export async function readExternalConfig(file: string): Promise<ExternalConfig> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new EnvironmentError('ENV_CONFIG', 'external', `cannot read config file ${file} (${e.code ?? e.message})`);
  });
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new EnvironmentError('ENV_CONFIG', 'external', `${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  const parsed = ExternalConfigSchema.safeParse(data);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new EnvironmentError('ENV_CONFIG', 'external', `${file}: ${msg}`);
  }
  return parsed.data;
}

/** The catalog endpoint with its secret read from the environment. */
export function catalogEndpoint(file: string, cfg: ExternalConfig): CatalogEndpoint {
  const { uri, warehouse, auth } = cfg.catalog;
  if (auth.provider === 'bear')
    return { uri, warehouse, auth: { provider: 'bear', token: fromEnv(file, 'catalog.auth.token-env', auth['token-env']) } };
  if (auth.provider === 'dlf') {
    return {
      uri,
      warehouse,
      auth: {
        provider: 'dlf',
        accessKeyId: fromEnv(file, 'catalog.auth.access-key-id-env', auth['access-key-id-env']),
        accessKeySecret: fromEnv(file, 'catalog.auth.access-key-secret-env', auth['access-key-secret-env']),
        region: auth.region,
      },
    };
  }
  return { uri, warehouse, auth: { provider: 'none' } };
}

/** Real principals of the vendor's catalog, with their secrets from the environment. */
export function principalCredentials(file: string, cfg: ExternalConfig): Record<string, PrincipalCredentials> | undefined {
  if (!cfg.principals) return undefined;
  return Object.fromEntries(
    Object.entries(cfg.principals).map(([name, p]) => {
      const key = (k: string) => `principals.${name}.${k}`;
      if (p['token-env']) return [name, { name, token: fromEnv(file, key('token-env'), p['token-env']) }];
      return [
        name,
        {
          name,
          accessKeyId: fromEnv(file, key('access-key-id-env'), p['access-key-id-env'] ?? ''),
          accessKeySecret: fromEnv(file, key('access-key-secret-env'), p['access-key-secret-env'] ?? ''),
          region: p.region,
        },
      ];
    }),
  );
}

/** The catalog of an external config file alone (no engines): for commands that only talk to the catalog. */
export async function externalCatalogEndpoint(file: string): Promise<CatalogEndpoint> {
  return catalogEndpoint(file, await readExternalConfig(file));
}
