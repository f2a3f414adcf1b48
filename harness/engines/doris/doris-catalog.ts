import type { CatalogEndpoint } from '../../catalog/index.ts';
import type { PrincipalCredentials } from '../engine.ts';

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * `CREATE CATALOG` for a Paimon REST catalog exactly as the Doris DLF guide writes it (Doris
 * 3.1+): type paimon, paimon.catalog.type rest, uri, warehouse, and the token provider with
 * its credential (bearer token, or a DLF AK/SK). Holds secrets: never log it.
 */
export function createCatalogSql(name: string, catalog: CatalogEndpoint, principal?: PrincipalCredentials): string {
  const props: [string, string][] = [
    ['type', 'paimon'],
    ['paimon.catalog.type', 'rest'],
    ['uri', principal?.uri ?? catalog.uri],
    ['warehouse', catalog.warehouse],
  ];
  const auth: CatalogEndpoint['auth'] = principal
    ? principal.token
      ? { provider: 'bear', token: principal.token }
      : { provider: 'dlf', accessKeyId: principal.accessKeyId ?? '', accessKeySecret: principal.accessKeySecret ?? '' }
    : catalog.auth;
  if (auth.provider === 'bear') props.push(['paimon.rest.token.provider', 'bear'], ['paimon.rest.token', auth.token]);
  if (auth.provider === 'dlf') {
    props.push(
      ['paimon.rest.token.provider', 'dlf'],
      ['paimon.rest.dlf.access-key-id', auth.accessKeyId],
      ['paimon.rest.dlf.access-key-secret', auth.accessKeySecret],
    );
  }
  return `CREATE CATALOG IF NOT EXISTS \`${name}\` PROPERTIES (${props.map(([k, v]) => `${quote(k)} = ${quote(v)}`).join(', ')})`;
}
