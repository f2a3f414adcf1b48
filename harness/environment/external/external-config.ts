import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CatalogEndpoint } from '../../catalog/index.ts';
import type { PrincipalCredentials } from '../../engines/index.ts';
import { EnvironmentError } from '../environment.ts';

/**
 * The external environment's config file: endpoints that already exist. Secrets are never in
 * the file: it names the environment variables that hold them (`*-env` keys).
 */
const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name');
const Auth = z.discriminatedUnion('provider', [
  z.strictObject({ provider: z.literal('bear'), 'token-env': EnvName }),
  z.strictObject({ provider: z.literal('dlf'), 'access-key-id-env': EnvName, 'access-key-secret-env': EnvName, region: z.string().optional() }),
  z.strictObject({ provider: z.literal('none') }),
]);
export const ExternalConfigSchema = z.strictObject({
  paimon: z.string().optional().describe('version of the local clients (pypaimon, paimon-java) to run against the catalog'),
  catalog: z.strictObject({ uri: z.url(), warehouse: z.string().min(1), auth: Auth }),
  engines: z
    .strictObject({
      pypaimon: z.literal('local').optional(),
      'paimon-java': z.literal('local').optional(),
      spark: z.literal('local').optional(),
      doris: z.strictObject({ url: z.string().regex(/^mysql:\/\/[^@/]+@[^/:]+(:\d+)?\/?$/, 'mysql://user@host:port'), 'password-env': EnvName.optional() }).optional(),
    })
    .optional(),
  principals: z.record(z.string(), z.strictObject({ 'token-env': EnvName.optional(), 'access-key-id-env': EnvName.optional(), 'access-key-secret-env': EnvName.optional(), region: z.string().optional() })).optional(),
});
export type ExternalConfig = z.infer<typeof ExternalConfigSchema>;

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
  if (auth.provider === 'bear') return { uri, warehouse, auth: { provider: 'bear', token: fromEnv(file, 'catalog.auth.token-env', auth['token-env']) } };
  if (auth.provider === 'dlf') {
    return {
      uri,
      warehouse,
      auth: { provider: 'dlf', accessKeyId: fromEnv(file, 'catalog.auth.access-key-id-env', auth['access-key-id-env']), accessKeySecret: fromEnv(file, 'catalog.auth.access-key-secret-env', auth['access-key-secret-env']), region: auth.region },
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
      return [name, { name, accessKeyId: fromEnv(file, key('access-key-id-env'), p['access-key-id-env'] ?? ''), accessKeySecret: fromEnv(file, key('access-key-secret-env'), p['access-key-secret-env'] ?? ''), region: p.region }];
    }),
  );
}
